"""Strict text parsers for the inspector's fields (no widgets: QtCore only, for the reasons' translation).

Each parser returns exactly the value the text spells or raises ValueError
with a one-line reason; nothing is rounded, clamped or guessed.  Money is
parsed with :func:`studio.model.currency.parse_money` into integer minor units.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

from studio.model.currency import SYMBOLS, format_money, parse_money


def format_ms(ms: int) -> str:
    """``83450`` -> ``1:23.45``."""
    minutes, rest = divmod(max(0, ms), 60000)
    return f"{minutes}:{rest // 1000:02d}.{(rest % 1000) // 10:02d}"


def parse_ms(text: str) -> int:
    raw = text.strip().removesuffix("ms").strip()
    if not re.fullmatch(r"\d{1,9}", raw):
        raise ValueError(
            QCoreApplication.translate("Parsers", "'{text}' is not a whole number of milliseconds").format(
                text=text.strip()
            )
        )
    value = int(raw)
    if value > 24 * 3600 * 1000:
        raise ValueError(QCoreApplication.translate("Parsers", "at most 24 hours (86400000 ms)"))
    return value


def parse_optional_ms(text: str) -> int | None:
    return None if not text.strip() else parse_ms(text)


def parse_int(text: str) -> int:
    raw = text.strip()
    if not re.fullmatch(r"[+-]?\d{1,15}", raw):
        reason = QCoreApplication.translate("Parsers", "'{text}' is not a whole number")
        raise ValueError(reason.format(text=raw))
    return int(raw)


def parse_fraction(text: str) -> float:
    """A hotspot coordinate: a decimal number from 0 to 1."""
    raw = text.strip()
    if not re.fullmatch(r"\d*\.?\d+|\d+\.", raw):
        reason = QCoreApplication.translate("Parsers", "'{text}' is not a number from 0 to 1")
        raise ValueError(reason.format(text=raw))
    value = float(raw)
    if not 0.0 <= value <= 1.0 or math.isnan(value):
        raise ValueError(
            QCoreApplication.translate(
                "Parsers", "{text} is outside 0..1 (a fraction of the video frame)"
            ).format(text=raw)
        )
    return value


def parse_text(text: str) -> str:
    return text


def optional_text(text: str) -> str | None:
    return text.strip() or None


def money_symbol(currency: str) -> str:
    return SYMBOLS.get(currency, currency)


def money_text(amount: int | None, currency: str) -> str:
    """``1250, 'CNY'`` -> ``12.50`` (the symbol is shown beside the field)."""
    if amount is None:
        return ""
    shown = format_money(amount, currency)
    symbol = SYMBOLS.get(currency, currency + " ")
    return shown.replace(symbol, "", 1)


def money_parser(currency: str, minimum: int = 1, optional: bool = False) -> Callable[[str], int | None]:
    def parse(text: str) -> int | None:
        if optional and not text.strip():
            return None
        value = parse_money(text, currency)
        if value < minimum:
            least = format_money(minimum, currency)
            raise ValueError(
                QCoreApplication.translate("Parsers", "must be at least {amount}").format(amount=least)
                if minimum
                else QCoreApplication.translate("Parsers", "cannot be negative")
            )
        return value

    return parse
