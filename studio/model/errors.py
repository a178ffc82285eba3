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


def quote(value: object, limit: int = MAX_QUOTED) -> str:
    """A value quoted for a one-line message: ``'id'``, escaped, shortened past ``limit``."""
    text = str(value)
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return "'" + one_line(text) + "'"


class ProjectError(Exception):
    """A project file that cannot be loaded or saved; ``str()`` is always one line."""

    def __init__(self, message: str) -> None:
        super().__init__(one_line(message))


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
            parts.append(one_line(str(key)))
            node = node.get(key) if isinstance(node, dict) else None
            parent_key = str(key)
    return " > ".join(parts) or "project"


def describe(exc: ValidationError, raw: Any) -> list[str]:
    """All errors of ``exc`` as located one-line messages."""
    from studio.model.references import ReferenceProblems

    lines: list[str] = []
    for err in exc.errors(include_url=False):
        loc = tuple(k for k in err["loc"] if not (isinstance(k, str) and "[" in k))
        ctx_err = (err.get("ctx") or {}).get("error")
        if isinstance(ctx_err, ReferenceProblems):
            lines.extend(ctx_err.problems)
            continue
        msg = err["msg"].removeprefix("Value error, ")
        if err["type"] == "extra_forbidden":
            msg = "unknown field (not allowed)"
        where = locate(raw, loc)
        lines.append(msg if where == "project" else f"{where}: {msg}")
    return lines
