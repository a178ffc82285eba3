"""Exact path counts as text, however large.

A branching drama has exponentially many paths: 15,000 scenes with two
options each have about 10^4515 of them.  Python refuses ``str()`` of an
integer with more than 4,300 digits, and JavaScript (the usual reader of
``--json``) holds integers exactly only up to 2^53 - 1.  These helpers write
such counts without either limit: text gives an estimate past 15 digits,
JSON the exact number (as digits in a string past 4,300 digits).
"""

from __future__ import annotations

import math

_CHUNK = 10**1000  # str() of each chunk stays far below the 4,300-digit limit
MAX_JSON_DIGITS = 4300  # sys.int_info.default_max_str_digits: what json.dumps/loads accept


def exact_digits(n: int) -> str:
    """All decimal digits of ``n`` (any size, linear in chunks of 1,000 digits)."""
    if abs(n) < _CHUNK:
        return str(n)
    sign, n = ("-", -n) if n < 0 else ("", n)
    chunks: list[str] = []
    while n >= _CHUNK:
        n, low = divmod(n, _CHUNK)
        chunks.append(str(low).rjust(1000, "0"))
    chunks.append(str(n))
    return sign + "".join(reversed(chunks))


def short(n: int, max_digits: int = 15) -> str:
    """``n`` for people: exact up to ``max_digits`` digits, else ``about 1.2e4515 (4516 digits)``."""
    if n < 0:
        return "-" + short(-n, max_digits)
    if n.bit_length() <= 3.33 * max_digits and len(str(n)) <= max_digits:
        return str(n)
    shift = max(0, n.bit_length() - 64)
    log10 = math.log10(n >> shift) + shift * math.log10(2)
    exponent = math.floor(log10)
    mantissa = 10 ** (log10 - exponent)
    if mantissa >= 9.95:  # rounds up to 10.0
        mantissa, exponent = 1.0, exponent + 1
    return f"about {mantissa:.1f}e{exponent} ({exponent + 1:,} digits)"


def json_count(n: int | None) -> int | str | None:
    """A count for JSON: an exact integer (JSON numbers have no size limit) while Python's own
    ``json`` can write and read it back (at most ``MAX_JSON_DIGITS`` digits), else its digits as a
    string.  Readers in JavaScript hold integers exactly only up to 2**53 - 1."""
    if n is None or n.bit_length() < MAX_JSON_DIGITS * 3.32 or len(exact_digits(n)) <= MAX_JSON_DIGITS:
        return n
    return exact_digits(n)
