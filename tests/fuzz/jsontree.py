"""A JSON tree that can hold what ``json.dumps`` cannot write: verbatim text and repeated keys.

``Raw("1e400")`` is written as is (huge or non-finite numbers, 5000-digit
literals, escaped lone surrogates, structures nested thousands deep);
``Pairs`` is an object written from its (key, value) pairs, so a key may
repeat.  ``paths()`` lists every node; ``get``/``put``/``drop`` address one.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

Path = tuple[str | int, ...]


@dataclass(frozen=True)
class Raw:
    """JSON text inserted verbatim."""

    text: str

    def __repr__(self) -> str:
        if len(self.text) <= 60:
            return f"Raw({self.text!r})"
        return f"Raw({self.text[:28]!r} ... {self.text[-12:]!r}, {len(self.text)} chars)"


class Pairs(list[tuple[str, Any]]):
    """A JSON object written from its pairs in order (keys may repeat)."""


def render(node: Any, ascii_only: bool = True) -> str:
    """JSON text of ``node`` (two-space indent, like the studio's own files)."""
    out: list[str] = []
    _render(node, ascii_only, out, 0)
    return "".join(out)


def _render(node: Any, ascii_only: bool, out: list[str], level: int) -> None:
    pad = "\n" + "  " * (level + 1)
    if isinstance(node, Raw):
        out.append(node.text)
    elif isinstance(node, dict | Pairs):
        items = list(node.items()) if isinstance(node, dict) else list(node)
        if not items:
            out.append("{}")
            return
        out.append("{")
        for i, (key, value) in enumerate(items):
            out.append(("," if i else "") + pad + json.dumps(key, ensure_ascii=ascii_only) + ": ")
            _render(value, ascii_only, out, level + 1)
        out.append("\n" + "  " * level + "}")
    elif isinstance(node, list):
        if not node:
            out.append("[]")
            return
        out.append("[")
        for i, value in enumerate(node):
            out.append(("," if i else "") + pad)
            _render(value, ascii_only, out, level + 1)
        out.append("\n" + "  " * level + "]")
    else:
        out.append(json.dumps(node, ensure_ascii=ascii_only))


def _children(node: Any) -> list[tuple[str | int, Any]]:
    if isinstance(node, dict):
        return list(node.items())
    if isinstance(node, Pairs):
        return [(k, v) for k, v in dict(node).items()]
    if isinstance(node, list):
        return list(enumerate(node))
    return []


def paths(tree: Any) -> list[Path]:
    """Every node's path, the root ``()`` first, in document order."""
    found: list[Path] = []
    stack: list[tuple[Path, Any]] = [((), tree)]
    while stack:
        path, node = stack.pop()
        found.append(path)
        stack.extend(((*path, key), child) for key, child in reversed(_children(node)))
    return found


def get(tree: Any, path: Path) -> Any:
    node = tree
    for key in path:
        node = dict(node)[key] if isinstance(node, Pairs) else node[key]
    return node


def put(tree: Any, path: Path, value: Any) -> Any:
    """``tree`` with the node at ``path`` replaced (in place below the root; returns the root)."""
    if not path:
        return value
    parent = get(tree, path[:-1])
    key = path[-1]
    if isinstance(parent, Pairs):
        last = max(i for i, (k, _) in enumerate(parent) if k == key)
        parent[last] = (str(key), value)
    else:
        parent[key] = value
    return tree


def drop(tree: Any, path: Path) -> Any:
    """``tree`` without the node at ``path`` (a key removed or a list item deleted)."""
    if not path:
        return tree
    parent = get(tree, path[:-1])
    key = path[-1]
    if isinstance(parent, Pairs):
        parent[:] = [(k, v) for k, v in parent if k != key]
    else:
        del parent[key]
    return tree


def kind(value: Any) -> str:
    """JSON type name of a node: null, bool, int, float, str, list, dict, raw."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, Raw):
        return "raw"
    if isinstance(value, dict | Pairs):
        return "dict"
    return {int: "int", float: "float", str: "str", list: "list"}[type(value)]


def show_path(path: Path) -> str:
    """``scenes[2].choice.options[0].target``."""
    text = ""
    for key in path:
        text += f"[{key}]" if isinstance(key, int) else (f".{key}" if text else str(key))
    return text or "<root>"
