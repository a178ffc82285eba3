"""Placeholders in author text: ``{amount}``, ``{goal}``, ``{product}``, ``{price}``.

Viewer-facing text refers to money and names through placeholders, so it never drifts from
the model: "Put {amount} towards {goal}?" shows the prompt's current amount, formatted for
the drama's locale and currency, and the goal's current name.  ``{{`` and ``}}`` are literal
braces.  The engine passes author text through unchanged (events carry the template and the
values: ``docs/engine-contract.md``); the presentation (studio playthrough, web player) fills
it in.  The same grammar is implemented in ``resources/player/text.js``.

Which names a text may use depends on where it is (``ALLOWED``): a savings prompt and a
deposit option know an amount and a goal, a product tag its product and price.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from babel.core import Locale, UnknownLocaleError
from babel.numbers import parse_pattern

from studio.model.currency import MINOR_UNITS

NAMES = ("amount", "goal", "product", "price")

# Where author text lives -> the placeholders it may use.
ALLOWED: dict[str, frozenset[str]] = {
    "prompt": frozenset({"amount", "goal"}),
    "option": frozenset({"amount", "goal"}),
    "option_plain": frozenset(),
    "tag": frozenset({"product", "price"}),
    "ending": frozenset(),
}

_TOKEN = re.compile(r"\{\{|\}\}|\{([^{}]*)\}|[{}]")


@dataclass(frozen=True, slots=True)
class Issue:
    """A problem in a text's placeholders (one line, for validation)."""

    message: str


def issues(text: str, allowed: frozenset[str]) -> list[Issue]:
    """Unknown or misplaced placeholders and stray braces in ``text``."""
    out: list[Issue] = []
    for match in _TOKEN.finditer(text):
        token = match.group(0)
        if token in ("{{", "}}"):
            continue
        name = match.group(1)
        if name is None:
            out.append(Issue(f"a lone '{token}' (write '{token}{token}' for a brace)"))
        elif name not in NAMES:
            out.append(Issue(f"unknown placeholder {{{name}}} (known: " + ", ".join(
                "{" + n + "}" for n in NAMES) + ")"))
        elif name not in allowed:
            where = ", ".join("{" + n + "}" for n in sorted(allowed)) or "none"
            out.append(Issue(f"{{{name}}} has no value here (this text can use: {where})"))
    return out


def used(text: str) -> set[str]:
    """The placeholder names ``text`` uses."""
    return {m.group(1) for m in _TOKEN.finditer(text) if m.group(1) in NAMES}


def fill(text: str, values: Mapping[str, str]) -> str:
    """``text`` with its placeholders replaced; an unknown or valueless one stays as written."""

    def one(match: re.Match[str]) -> str:
        token = match.group(0)
        if token == "{{":
            return "{"
        if token == "}}":
            return "}"
        name = match.group(1)
        if name is not None and name in values:
            return values[name]
        return token

    return _TOKEN.sub(one, text)


def escape(text: str) -> str:
    """Plain text as author text: braces doubled so nothing is read as a placeholder."""
    return text.replace("{", "{{").replace("}", "}}")


def babel_locale(locale: str) -> Locale:
    """The CLDR locale for a BCP 47 tag (``zh-CN``), falling back to its language, then ``en``."""
    for tag in (locale, locale.split("-")[0], "en"):
        try:
            return Locale.parse(tag, sep="-")
        except (ValueError, UnknownLocaleError):
            continue
    return Locale.parse("en")  # pragma: no cover - "en" always parses


def format_amount(amount: int, currency: str, locale: str) -> str:
    """Integer minor units as the locale writes money (``2000, CNY, zh-CN -> ¥20.00``).

    CLDR data through Babel, with exactly the currency's ISO 4217 minor units as decimals (the
    model's, ``MINOR_UNITS``): CLDR writes fewer for some currencies (IDR, HUF, COP...) and
    Babel would round the amount to them, so the text would say less than the model holds.
    The amount goes through ``Decimal`` built from the integer: no float ever touches it.
    """
    digits = MINOR_UNITS.get(currency, 2)
    value = Decimal(amount).scaleb(-digits)
    where = babel_locale(locale)
    pattern = copy.copy(parse_pattern(where.currency_formats["standard"].pattern))
    pattern.frac_prec = (digits, digits)
    text = pattern.apply(value, where, currency=currency, currency_digits=False)
    # CLDR's currencySpacing (which ICU, hence the browsers' Intl, applies and Babel does not):
    # a currency code or symbol ending in a letter (Latin or not: 元) gets a no-break space
    # next to the digits.
    return _SPACING.sub("\\1\xa0\\2", text)


_SPACING = re.compile(r"([^\W\d_])(\d)|(?<=\d)(?=[^\W\d_])")


_NUMBER = r"\d{1,3}(?:[,\s]\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_LITERAL = re.compile(
    r"(?:[¥￥$€£₩₹]|\b(?P<code>[A-Z]{3}))\s?(?P<n1>" + _NUMBER + r")"
    r"|(?P<n2>" + _NUMBER + r")\s?(?:元|块|圆|円|원|(?P<code2>[A-Z]{3})\b)"
)


def literal_amounts(text: str, currency: str) -> list[int]:
    """Money written out in ``text`` (a currency sign or code, or 元, next to a number), in minor units.

    Used by validation to warn when author text says a different amount than the item it
    belongs to.  Text inside placeholders is not read.
    """
    digits = MINOR_UNITS.get(currency, 2)
    plain = _TOKEN.sub(" ", text)
    found: list[int] = []
    for match in _LITERAL.finditer(plain):
        code = match.group("code") or match.group("code2")
        if code is not None and code not in MINOR_UNITS:
            continue  # "TOP 10" is not money
        number = (match.group("n1") or match.group("n2")).replace(",", "").replace(" ", "")
        whole, _, frac = number.partition(".")
        if len(frac) > digits:
            continue
        found.append(int(whole) * 10**digits + int((frac or "0").ljust(digits, "0")[:digits] or "0"))
    return found
