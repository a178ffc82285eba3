"""Strict JSON for every file the studio reads: one parser, its limits checked before any recursion.

UTF-8 only; no duplicate keys; no ``NaN``/``Infinity`` literals and no number
that overflows to infinity (``1e400``); no integer literal longer than
``MAX_INT_DIGITS`` digits (Python refuses to convert more than 4,300 with a
``ValueError``; a project integer never needs more than 16); nesting at most
``MAX_DEPTH`` deep, checked on the text before the recursive parser runs.
Errors are ``ProjectError`` with one line naming line and column.
"""

from __future__ import annotations

import itertools
import json
import math
import re
from typing import Any

from studio.model.errors import ProjectError, quote

MAX_DEPTH = 100
MAX_INT_DIGITS = 40
MAX_FLOAT_CHARS = 400
# The depth check runs on the bytes (see _brackets): a regex over the text's strings cost three
# times json.loads itself. Only a refusal scans the text with _TOKEN to say where. Its closing
# quote is optional: an unterminated string then runs to the end of the text in one match (the
# file is invalid anyway). With a required quote, each of n escaped quotes in an unterminated
# string restarted a scan to the end: O(n^2), 40 s for 80 KB.
_STRING_RE = r'"[^"\\]*(?:\\.[^"\\]*)*"?'
_TOKEN = re.compile(_STRING_RE + r"|[\[{]|[\]}]", re.DOTALL)
_DIGITS_AS_ZERO = bytes.maketrans(b"123456789", b"000000000")
_LONG_RUN = b"0" * (MAX_INT_DIGITS + 1)
_NOT_JSON_BRACKET = bytes(b for b in range(256) if b not in b'[]{}"')
_PARENS = bytes.maketrans(b"[{]}", b"(())")
_DELTA = {ord("("): 1, ord(")"): -1}


def _position(text: str, index: int) -> str:
    line = text.count("\n", 0, index) + 1
    column = index - (text.rfind("\n", 0, index) + 1) + 1
    return f"line {line} column {column}"


def _brackets(data: bytes) -> bytes:
    """The brackets of UTF-8 JSON ``data`` outside strings, in order, as ``(`` and ``)``, by C-speed
    byte operations (UTF-8 never puts an ASCII byte inside a multi-byte character). Escaped
    backslashes and escaped quotes go first, pairing left to right as the parser does; then only
    brackets and the quotes delimiting strings are left. Adjacent quotes (an empty string, or two
    strings with nothing between them) change nothing outside strings and go in one pass; the few
    strings that held brackets are cut out last."""
    plain = data.replace(b"\\\\", b"").replace(b'\\"', b"").translate(_PARENS, _NOT_JSON_BRACKET)
    plain = plain.replace(b'""', b"")
    return b"".join(plain.split(b'"')[::2]) if b'"' in plain else plain


def _deeper_than(parens: bytes, limit: int) -> bool:
    """Whether ``(``/``)`` nest deeper than ``limit``. Each pass removes every innermost pair, so a
    balanced string of depth d is empty after d passes: usually a few C-speed passes. What is left
    after ``limit`` passes (too deep, or not balanced) is decided by the running depth."""
    if parens.count(b"(") <= limit:
        return False  # cannot nest deeper than its number of openers
    rest = parens
    for _ in range(limit):
        if not rest:
            return False
        rest = rest.replace(b"()", b"")
    if not rest:
        return False
    return max(itertools.accumulate(map(_DELTA.__getitem__, parens)), default=0) > limit


def check_depth(text: str, limit: int = MAX_DEPTH, data: bytes | None = None) -> None:
    """ProjectError if arrays/objects nest deeper than ``limit`` (iterative, linear); ``data`` is
    ``text`` as UTF-8 when the caller has it."""
    data = text.encode("utf-8", "surrogatepass") if data is None else data
    if not _deeper_than(_brackets(data), limit):
        return
    depth = 0  # too deep (or not valid JSON): find where, on the text
    for match in _TOKEN.finditer(text):
        token = match.group()
        depth += 1 if token in ("[", "{") else -1 if token in ("]", "}") else 0
        if depth > limit:
            raise ProjectError(f"JSON nested deeper than {limit} levels at {_position(text, match.start())}")


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise ProjectError(f"duplicate key {quote(key)}")
        out[key] = value
    return out


def _no_constant(name: str) -> Any:
    raise _NumberError(name, f"'{name}' is not allowed in JSON")


class _NumberError(ValueError):
    def __init__(self, literal: str, why: str) -> None:
        super().__init__(why)
        self.literal = literal


def _int(literal: str) -> int:
    if len(literal.lstrip("-")) > MAX_INT_DIGITS:
        raise _NumberError(literal, f"integer with more than {MAX_INT_DIGITS} digits")
    return int(literal)


def _float(literal: str) -> float:
    if len(literal) > MAX_FLOAT_CHARS:
        raise _NumberError(literal, f"number written with more than {MAX_FLOAT_CHARS} characters")
    value = float(literal)
    if not math.isfinite(value):
        raise _NumberError(literal, f"number {literal[:24]} is too large (not a finite number)")
    return value


def _locate_literal(text: str, literal: str) -> str:
    """Where ``literal`` stands as a number token: not inside a string, not part of a longer number
    (``json.loads`` refuses the first bad literal in text order, so the first such token is it)."""
    token = re.compile(
        _STRING_RE + r"|(?<![-+.0-9A-Za-z])" + re.escape(literal) + r"(?![-+.0-9A-Za-z])", re.DOTALL
    )
    for match in token.finditer(text):
        if not match.group().startswith('"'):
            return f" at {_position(text, match.start())}"
    return ""


def parse_json(data: bytes, max_bytes: int) -> Any:
    """Strict JSON: UTF-8, no duplicate keys, only finite numbers, bounded size/depth/digits."""
    if len(data) > max_bytes:
        raise ProjectError(f"file is larger than {max_bytes // (1024 * 1024)} MiB")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ProjectError(f"not UTF-8 text (byte {exc.start})") from None
    check_depth(text, data=data)
    # Integer literals are checked by a Python hook only when the text has a digit run long enough
    # to be one past the limit (anywhere, strings included): otherwise C converts them (3x faster).
    parse_int = _int if data.translate(_DIGITS_AS_ZERO).find(_LONG_RUN) >= 0 else None
    try:
        return json.loads(
            text, object_pairs_hook=_no_duplicates, parse_constant=_no_constant,
            parse_int=parse_int, parse_float=_float,
        )
    except _NumberError as exc:
        raise ProjectError(f"{exc}{_locate_literal(text, exc.literal)}") from None
    except json.JSONDecodeError as exc:
        raise ProjectError(f"invalid JSON at line {exc.lineno} column {exc.colno}: {exc.msg}") from None
    except (RecursionError, MemoryError):
        raise ProjectError("JSON nested too deeply") from None
