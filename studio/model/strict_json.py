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
# Strings are removed whole (escapes included) so a bracket inside text never counts; what is
# left is reduced to its brackets and their running depth is taken in C (accumulate + max).
# The closing quote is optional: an unterminated string then runs to the end of the text in one
# match (the file is invalid anyway and json.loads says where). With a required quote, each of
# n escaped quotes in an unterminated string restarted a scan to the end: O(n^2), 40 s for 80 KB.
_STRING_RE = r'"[^"\\]*(?:\\.[^"\\]*)*"?'
_STRING = re.compile(_STRING_RE, re.DOTALL)
_TOKEN = re.compile(_STRING_RE + r"|[\[{]|[\]}]", re.DOTALL)
_NOT_BRACKET = re.compile(r"[^\[\]{}]+")
_DELTA = {"[": 1, "{": 1, "]": -1, "}": -1}


def _position(text: str, index: int) -> str:
    line = text.count("\n", 0, index) + 1
    column = index - (text.rfind("\n", 0, index) + 1) + 1
    return f"line {line} column {column}"


def check_depth(text: str, limit: int = MAX_DEPTH) -> None:
    """ProjectError if arrays/objects nest deeper than ``limit`` (iterative, linear)."""
    if text.count("[") + text.count("{") <= limit:
        return  # cannot nest deeper than its number of openers
    brackets = _NOT_BRACKET.sub("", _STRING.sub("", text))
    if max(itertools.accumulate(map(_DELTA.__getitem__, brackets)), default=0) <= limit:
        return
    depth = 0
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
    check_depth(text)
    try:
        return json.loads(
            text, object_pairs_hook=_no_duplicates, parse_constant=_no_constant,
            parse_int=_int, parse_float=_float,
        )
    except _NumberError as exc:
        raise ProjectError(f"{exc}{_locate_literal(text, exc.literal)}") from None
    except json.JSONDecodeError as exc:
        raise ProjectError(f"invalid JSON at line {exc.lineno} column {exc.colno}: {exc.msg}") from None
    except (RecursionError, MemoryError):
        raise ProjectError("JSON nested too deeply") from None
