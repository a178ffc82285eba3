/*
 * Money display for the web player: integer minor units -> text.
 *
 * Mirrors studio/model/currency.py format_money: pure integer arithmetic, the
 * ISO 4217 minor-unit exponent of the currency (CNY 2, JPY 0, KWD 3...), a
 * symbol for common codes and "CODE " otherwise. No float touches an amount.
 */
(function (root) {
  "use strict";

  const TABLE =
    "AED2 AFN2 ALL2 AMD2 ANG2 AOA2 ARS2 AUD2 AWG2 AZN2 BAM2 BBD2 BDT2 BGN2 BHD3 BIF0 " +
    "BMD2 BND2 BOB2 BRL2 BSD2 BTN2 BWP2 BYN2 BZD2 CAD2 CDF2 CHF2 CLP0 CNY2 COP2 CRC2 " +
    "CUP2 CVE2 CZK2 DJF0 DKK2 DOP2 DZD2 EGP2 ERN2 ETB2 EUR2 FJD2 FKP2 GBP2 GEL2 GHS2 " +
    "GIP2 GMD2 GNF0 GTQ2 GYD2 HKD2 HNL2 HTG2 HUF2 IDR2 ILS2 INR2 IQD3 IRR2 ISK0 JMD2 " +
    "JOD3 JPY0 KES2 KGS2 KHR2 KMF0 KPW2 KRW0 KWD3 KYD2 KZT2 LAK2 LBP2 LKR2 LRD2 LSL2 " +
    "LYD3 MAD2 MDL2 MGA2 MKD2 MMK2 MNT2 MOP2 MRU2 MUR2 MVR2 MWK2 MXN2 MYR2 MZN2 NAD2 " +
    "NGN2 NIO2 NOK2 NPR2 NZD2 OMR3 PAB2 PEN2 PGK2 PHP2 PKR2 PLN2 PYG0 QAR2 RON2 RSD2 " +
    "RUB2 RWF0 SAR2 SBD2 SCR2 SDG2 SEK2 SGD2 SHP2 SLE2 SOS2 SRD2 SSP2 STN2 SVC2 SYP2 " +
    "SZL2 THB2 TJS2 TMT2 TND3 TOP2 TRY2 TTD2 TWD2 TZS2 UAH2 UGX0 USD2 UYU2 UYW4 UZS2 " +
    "VES2 VND0 VUV0 WST2 XAF0 XCD2 XCG2 XOF0 XPF0 YER2 ZAR2 ZMW2 ZWG2";

  const MINOR_UNITS = {};
  for (const token of TABLE.split(" ")) MINOR_UNITS[token.slice(0, 3)] = Number(token.slice(3));

  const SYMBOLS = {
    CNY: "\u00a5",
    JPY: "\u00a5",
    USD: "$",
    EUR: "\u20ac",
    GBP: "\u00a3",
    HKD: "HK$",
    TWD: "NT$",
    KRW: "\u20a9",
    SGD: "S$",
    INR: "\u20b9",
  };

  function groupThousands(digits) {
    let out = "";
    for (let i = 0; i < digits.length; i++) {
      if (i > 0 && (digits.length - i) % 3 === 0) out += ",";
      out += digits[i];
    }
    return out;
  }

  /** Format integer minor units, e.g. (1250, "CNY") -> "¥12.50", (500, "JPY") -> "¥500". */
  function formatMoney(amount, currency) {
    if (typeof amount !== "number" || !Number.isInteger(amount)) return "";
    const places = Object.prototype.hasOwnProperty.call(MINOR_UNITS, currency) ? MINOR_UNITS[currency] : 2;
    const sign = amount < 0 ? "-" : "";
    const digits = String(Math.abs(amount)).padStart(places + 1, "0");
    const whole = digits.slice(0, digits.length - places);
    const frac = places ? digits.slice(digits.length - places) : "";
    const symbol = Object.prototype.hasOwnProperty.call(SYMBOLS, currency) ? SYMBOLS[currency] : currency + " ";
    return sign + symbol + groupThousands(whole) + (places ? "." + frac : "");
  }

  const api = { formatMoney, MINOR_UNITS, SYMBOLS };
  if (typeof module === "object" && module && module.exports) module.exports = api;
  else root.DramaMoney = api;
})(typeof globalThis !== "undefined" ? globalThis : this);
