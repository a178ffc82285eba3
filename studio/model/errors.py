"""Project errors with one-line, human-located messages.

Pydantic reports ``('scenes', 3, 'choice', 'options', 1, 'target')``; creators
need ``scene 'payday' > choice > option 'save' > target``.  ``describe()`` walks
the raw data along the error location and names items by their ids.
"""

from __future__ import annotations

import unicodedata
from typing import Any

from pydantic import ValidationError

_SINGULAR = {
    "scenes": "scene",
    "options": "option",
    "prompts": "prompt",
    "tags": "tag",
    "products": "product",
    "goals": "goal",
    "media": "media",
    "variables": "variable",
    "effects": "effect",
    "on_enter": "effect",
    "accept_effects": "effect",
    "decline_effects": "effect",
}


_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
MAX_QUOTED = 80


def _escape_char(ch: str) -> str:
    if ch in _NAMED:
        return _NAMED[ch]
    if ch != " " and unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"):
        code = ord(ch)
        return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"
    return ch


def one_line(text: str) -> str:
    """``text`` with line breaks, control and invisible format characters escaped (\\n, \\u202e)."""
    if text.isprintable():
        return text
    return "".join(_escape_char(ch) for ch in text)


def show_int(value: int) -> str:
    """An integer for a message: its digits, or for a huge one (``str()`` refuses more than 4,300
    digits, and a message needs none of them) its sign and size."""
    if value.bit_length() <= 128:
        return str(value)
    digits = int(value.bit_length() * 0.30103) + 1
    return f"{'-' if value < 0 else ''}an integer of about {digits} digits"


def quote(value: object, limit: int = MAX_QUOTED) -> str:
    """A value quoted for a one-line message: ``'id'``, escaped, shortened past ``limit``."""
    text = show_int(value) if isinstance(value, int) else str(value)
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return "'" + one_line(text) + "'"


class ProjectError(Exception):
    """A project file that cannot be loaded or saved; ``str()`` is always one line."""

    def __init__(self, message: str) -> None:
        super().__init__(one_line(message))


class ReferenceProblems(ValueError):
    """One or more unresolved references (raised by :func:`studio.model.references.resolve`);
    ``str()`` is a single line, ``problems`` lists every one."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        super().__init__(problems[0] + more)


MAX_LOCATION_PARTS = 12  # a location deeper than this shows its first and last parts


def _shorten(parts: list[str]) -> list[str]:
    if len(parts) <= MAX_LOCATION_PARTS:
        return parts
    head, tail = MAX_LOCATION_PARTS // 2, MAX_LOCATION_PARTS // 2 - 1
    hidden = len(parts) - head - tail
    return [*parts[:head], f"… {hidden} levels …", *parts[-tail:]]


def locate(raw: Any, loc: tuple[int | str, ...]) -> str:
    """Turn a pydantic location into ``scene 'x' > option 'y' > field``."""
    parts: list[str] = []
    node = raw
    parent_key = ""
    for key in loc:
        if isinstance(key, int):
            item = node[key] if isinstance(node, list) and -len(node) <= key < len(node) else None
            kind = _SINGULAR.get(parent_key, parent_key.rstrip("s") or "item")
            ident = item.get("id") if isinstance(item, dict) else None
            label = f"{kind} {quote(ident)}" if isinstance(ident, str) else f"{kind} {key + 1}"
            if parts and parts[-1] == parent_key:
                parts[-1] = label
            else:
                parts.append(label)
            node = item
        else:
            parts.append(quote(key) if one_line(key) != key or not key.isidentifier() else key)
            node = node.get(key) if isinstance(node, dict) else None
            parent_key = str(key)
    return " > ".join(_shorten(parts)) or "project"


def _data_location(raw: Any, loc: tuple[int | str, ...], missing: bool) -> tuple[int | str, ...]:
    """``loc`` without pydantic's union member tags (``constrained-int``, ``function-after[...]``,
    ``list``, ``dict``): a string is kept only where the data has that key (or, for a missing
    field, as the last part), so a real key is never dropped whatever characters it holds."""
    out: list[int | str] = []
    node = raw
    for n, key in enumerate(loc):
        if isinstance(key, int):
            out.append(key)
            node = node[key] if isinstance(node, list) and -len(node) <= key < len(node) else None
        elif isinstance(node, dict) and (key in node or (missing and n == len(loc) - 1)):
            out.append(key)
            node = node.get(key)
        elif node is None and "[" not in key and "-" not in key and key not in ("list", "dict"):
            out.append(key)  # below a value we could not follow: keep what looks like a field
    return tuple(out)


_TYPE_ONLY = frozenset({"int_type", "bool_type", "string_type", "float_type", "list_type", "dict_type",
                        "model_type", "none_required", "int_from_float"})


def describe(exc: ValidationError, raw: Any) -> list[str]:
    """All errors of ``exc`` as located one-line messages (one per place: of a union's members the
    one that is about a constraint, e.g. a bound, wins over "not a boolean/string")."""
    return [msg if where == "project" else f"{where}: {msg}" for where, msg in located(exc, raw)]


def located(exc: ValidationError, raw: Any) -> list[tuple[str, str]]:
    """The errors of :func:`describe` as ``(where, message)`` pairs; ``where`` is ``"project"`` for
    an error about ``raw`` as a whole (a model validator's, or a reference problem)."""
    lines: list[tuple[str, str]] = []
    by_place: dict[tuple[int | str, ...], int] = {}
    type_only: set[int] = set()
    for err in exc.errors(include_url=False):
        loc = _data_location(raw, tuple(err["loc"]), err["type"] == "missing")
        ctx_err = (err.get("ctx") or {}).get("error")
        if isinstance(ctx_err, ReferenceProblems):
            lines.extend(("project", problem) for problem in ctx_err.problems)
            continue
        msg = err["msg"].removeprefix("Value error, ")
        if err["type"] == "extra_forbidden":
            msg = "unknown field (not allowed)"
        line = (locate(raw, loc), msg)
        if loc in by_place:  # another member of the same union
            index = by_place[loc]
            if index in type_only and err["type"] not in _TYPE_ONLY:
                lines[index] = line
                type_only.discard(index)
            continue
        by_place[loc] = len(lines)
        if err["type"] in _TYPE_ONLY:
            type_only.add(len(lines))
        lines.append(line)
    return lines
