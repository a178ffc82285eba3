"""ISO 4217 currency codes and their minor-unit exponents.

Money in Drama Studio is always an ``int`` count of minor units (fen, cents);
this table says how many decimal places a code's minor unit has, for display
only.  Codes are the active ISO 4217 list (funds and precious metals omitted).
"""

from __future__ import annotations

_TABLE = """
AED2 AFN2 ALL2 AMD2 ANG2 AOA2 ARS2 AUD2 AWG2 AZN2 BAM2 BBD2 BDT2 BGN2 BHD3 BIF0
BMD2 BND2 BOB2 BRL2 BSD2 BTN2 BWP2 BYN2 BZD2 CAD2 CDF2 CHF2 CLP0 CNY2 COP2 CRC2
CUP2 CVE2 CZK2 DJF0 DKK2 DOP2 DZD2 EGP2 ERN2 ETB2 EUR2 FJD2 FKP2 GBP2 GEL2 GHS2
GIP2 GMD2 GNF0 GTQ2 GYD2 HKD2 HNL2 HTG2 HUF2 IDR2 ILS2 INR2 IQD3 IRR2 ISK0 JMD2
JOD3 JPY0 KES2 KGS2 KHR2 KMF0 KPW2 KRW0 KWD3 KYD2 KZT2 LAK2 LBP2 LKR2 LRD2 LSL2
LYD3 MAD2 MDL2 MGA2 MKD2 MMK2 MNT2 MOP2 MRU2 MUR2 MVR2 MWK2 MXN2 MYR2 MZN2 NAD2
NGN2 NIO2 NOK2 NPR2 NZD2 OMR3 PAB2 PEN2 PGK2 PHP2 PKR2 PLN2 PYG0 QAR2 RON2 RSD2
RUB2 RWF0 SAR2 SBD2 SCR2 SDG2 SEK2 SGD2 SHP2 SLE2 SOS2 SRD2 SSP2 STN2 SVC2 SYP2
SZL2 THB2 TJS2 TMT2 TND3 TOP2 TRY2 TTD2 TWD2 TZS2 UAH2 UGX0 USD2 UYU2 UYW4 UZS2
VES2 VND0 VUV0 WST2 XAF0 XCD2 XCG2 XOF0 XPF0 YER2 ZAR2 ZMW2 ZWG2
"""

MINOR_UNITS: dict[str, int] = {tok[:3]: int(tok[3:]) for tok in _TABLE.split()}

SYMBOLS: dict[str, str] = {
    "CNY": "¥",
    "JPY": "¥",
    "USD": "$",
    "EUR": "€",
    "GBP": "£",
    "HKD": "HK$",
    "TWD": "NT$",
    "KRW": "₩",
    "SGD": "S$",
    "INR": "₹",
}


def is_currency(code: str) -> bool:
    """True for an active ISO 4217 code (upper case, three letters)."""
    return code in MINOR_UNITS


def format_money(amount: int, currency: str) -> str:
    """Format integer minor units for display, e.g. ``1250, 'CNY' -> '¥12.50'``.

    Pure integer arithmetic: no float ever touches an amount.
    """
    digits = MINOR_UNITS.get(currency, 2)
    sign = "-" if amount < 0 else ""
    whole, frac = divmod(abs(amount), 10**digits)
    symbol = SYMBOLS.get(currency, currency + " ")
    text = f"{whole:,}" + (f".{frac:0{digits}d}" if digits else "")
    return f"{sign}{symbol}{text}"


def parse_money(text: str, currency: str) -> int:
    """Parse a typed amount (``'12.5'``, ``'¥1,000'``) into minor units.

    Raises ValueError with a one-line reason for anything that is not an exact
    amount in the currency (too many decimals, letters, empty).
    """
    digits = MINOR_UNITS.get(currency, 2)
    raw = text.strip().replace(",", "").replace(" ", "")
    symbol = SYMBOLS.get(currency, "")
    for prefix in (symbol, currency):
        if prefix and raw.startswith(prefix):
            raw = raw[len(prefix) :]
    negative = raw.startswith("-")
    raw = raw.lstrip("+-")
    if not raw or raw.count(".") > 1:
        raise ValueError(f"'{text}' is not an amount")
    whole, _, frac = raw.partition(".")
    if not (whole or frac) or not (whole or "0").isdigit() or (frac and not frac.isdigit()):
        raise ValueError(f"'{text}' is not an amount")
    if len(frac) > digits:
        raise ValueError(f"'{text}' has more than {digits} decimal places for {currency}")
    value: int = int(whole or "0") * 10**digits + int((frac or "0").ljust(digits, "0")[:digits] or "0")
    return -value if negative else value
