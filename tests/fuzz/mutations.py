"""Hypothesis strategies that mutate a valid JSON document (a project or a bundle manifest).

``documents(seeds)`` draws a seed, applies one to three tree mutations (type
swaps, huge and non-finite numbers, deep or wide nesting, unicode edge cases,
NFKC-colliding and Windows-reserved ids, schema versions, duplicate, missing
and unknown keys; and, to keep many projects loadable, edge ints, retargeted
options and long chains of copied scenes),
renders it and sometimes damages the bytes (truncation, flips, BOM, bad
UTF-8).  The drawn ``Doc`` prints as its seed plus the steps taken, which is
the reproducer a failure report needs.
"""

from __future__ import annotations

import copy
import unicodedata
from collections.abc import Callable, Mapping
from typing import Any

from hypothesis import strategies as st

from tests.fuzz.jsontree import Pairs, Path, Raw, drop, get, kind, paths, put, render, show_path

Mutator = Callable[[st.DrawFn, Any], tuple[Any, str]]

# One value of every JSON type, for type swaps.
SWAPS: dict[str, list[Any]] = {
    "null": [None],
    "bool": [True, False],
    "int": [0, -1, 7],
    "float": [0.5, -2.25],
    "str": ["", "x", "intro"],
    "list": [[], [1], [{"id": "x"}]],
    "dict": [{}, {"id": "x"}, {"var": "mood"}],
}

INTS = [
    "-0", "-1", str(2**53 - 1), str(-(2**53 - 1)), str(2**53), str(2**53 + 1), str(-(2**53 + 1)),
    str(2**63), str(2**64 + 1), str(10**30), "1" + "0" * 4300, "9" * 4301, "-" + "9" * 5000,
]  # the last three are beyond Python's 4300-digit limit for int()
FLOATS = [
    "1e400", "-1e400", "1e-400", "1E308", "-1.7976931348623157e308", "0.0", "-0.0", "2.0", "1.5", "1e2",
    "0." + "3" * 3000, "1" * 400 + ".5", "1" + "0" * 400 + ".0", "123456789.123456789e300", "4" * 30 + "e-30",
]
NUMBERS = INTS + FLOATS

TEXTS = [
    "\n", "two\nlines", "\r\n", "\r", "\t", "\x00", "a\x00b", "\x1b[31mred", "\x7f", "\x85",
    "\u2028", "\u2029", "\u202e", "\u200f", "\u200b", "\ufeff", "\ufffe", "e\u0301",
    "\U0001f600", "\U0010ffff", "ｉｎｔｒｏ", "ﬁ", "𝔰𝔞𝔳𝔢", "Ⅸ", "İ", "ß", "",
    " ", "..", "/", "../x", "C:\\x", "CON", "nul.txt", "x" * 100_000, "é" * 20_000,
]
RESERVED = ["CON", "aux", "Nul", "COM1", "lpt9", "con.txt", "intro.", "PRN"]  # Windows device names
# Lone surrogates and escaped controls exist only as JSON escapes.
RAW_TEXTS = ['"\\ud800"', '"a\\udfffb"', '"\\ud83d"', '"x\\u0000y"', '"\\u0085\\u2028"']


def fullwidth(text: str) -> str:
    """``text`` with ASCII letters/digits turned into their fullwidth forms (same NFKC)."""
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in text)


def nested(depth: int, shape: str) -> Raw:
    if shape == "list":
        return Raw("[" * depth + "1" + "]" * depth)
    if shape == "dict":
        return Raw('{"a": ' * depth + "1" + "}" * depth)
    if shape == "not":
        return Raw('{"!": ' * depth + "true" + "}" * depth)
    return Raw('{"and": [' * depth + '{"var": "mood"}' + "]}" * depth)


def wide(leaves: int) -> Raw:
    leaf = '{"==": [{"var": "mood"}, 1]}'
    return Raw('{"or": [' + ", ".join([leaf] * leaves) + "]}")


class Doc:
    """A mutated document: its bytes and how it was made (printed as the seed and the steps)."""

    def __init__(self, seed: str, data: bytes, steps: list[str]) -> None:
        self.seed, self.data, self.steps = seed, data, steps

    def __repr__(self) -> str:
        return f"Doc(seed={self.seed!r}, {len(self.data)} bytes, steps={self.steps!r})"


def _pick(draw: st.DrawFn, tree: Any, want: Callable[[Path, Any], bool] | None = None) -> Path:
    every = paths(tree)
    chosen = [p for p in every if want(p, get(tree, p))] if want else every
    return draw(st.sampled_from(chosen or every))


def swap(draw: st.DrawFn, tree: Any) -> tuple[Any, str]:
    path = _pick(draw, tree, lambda p, v: bool(p))
    old = kind(get(tree, path))
    new = draw(st.sampled_from([k for k in SWAPS if k != old]))
    value = copy.deepcopy(draw(st.sampled_from(SWAPS[new])))
    return put(tree, path, value), f"swap {show_path(path)} ({old}) -> {value!r}"


def number(draw: st.DrawFn, tree: Any) -> tuple[Any, str]:
    """A huge, non-finite, long or signed-zero number, half the time of the field's own type."""
    kinds = draw(st.sampled_from([("int",), ("float",), ("int", "float")]))
    path = _pick(draw, tree, lambda p, v: kind(v) in kinds)
    values = {"int": INTS, "float": FLOATS}.get(kind(get(tree, path)), NUMBERS)
    value = Raw(draw(st.sampled_from(values if draw(st.booleans()) else NUMBERS)))
    return put(tree, path, value), f"number {show_path(path)} -> {value!r}"


def nest(draw: st.DrawFn, tree: Any) -> tuple[Any, str]:
    options = [p for p in paths(tree) if p[-2:-1] == ("options",) and isinstance(get(tree, p), dict)]
    if options and draw(st.booleans()):
        path: Path = (*draw(st.sampled_from(options)), "condition")
        put(tree, path[:-1], dict(get(tree, path[:-1])))
    else:
        path = _pick(draw, tree, lambda p, v: bool(p))
    if draw(st.integers(0, 3)) == 0:
        value = wide(draw(st.sampled_from([2, 4999, 5001, 20_000, 50_000])))
    else:
        depth = draw(st.sampled_from([31, 32, 33, 100, 300, 999, 1000, 5000, 100_000]))
        value = nested(depth, draw(st.sampled_from(["list", "dict", "not", "and"])))
    return put(tree, path, value), f"nest {show_path(path)} -> {value!r}"


def text(draw: st.DrawFn, tree: Any) -> tuple[Any, str]:
    path = _pick(draw, tree, lambda p, v: isinstance(v, str))
    old = get(tree, path)
    if draw(st.integers(0, 4)) == 0:
        value: Any = Raw(draw(st.sampled_from(RAW_TEXTS)))
    else:
        edge = draw(st.sampled_from(TEXTS))
        how = draw(st.sampled_from(["replace", "prefix", "suffix"]))
        old_text = old if isinstance(old, str) else ""
        value = {"replace": edge, "prefix": edge + old_text, "suffix": old_text + edge}[how]
    return put(tree, path, value), f"text {show_path(path)} -> {value!r:.80}"


def ident(draw: st.DrawFn, tree: Any) -> tuple[Any, str]:
    """Ids: NFKC twins (fullwidth), case twins, Windows reserved names, clones of a whole item,
    odd characters; a renamed id is renamed in every reference half the time."""
    path = _pick(draw, tree, lambda p, v: p[-1:] == ("id",) and isinstance(v, str))
    old = get(tree, path)
    if not isinstance(old, str) or path[-1:] != ("id",):
        return text(draw, tree)
    how = draw(st.sampled_from(
        ["fullwidth", "upper", "clone_fullwidth", "clone_same", "nfkd", "edge", "reserved", "reserved"]
    ))
    if how.startswith("clone") and len(path) >= 3 and isinstance(get(tree, path[:-2]), list):
        item = copy.deepcopy(get(tree, path[:-1]))
        item["id"] = fullwidth(old) if how == "clone_fullwidth" else old
        get(tree, path[:-2]).append(item)
        return tree, f"id {how} {show_path(path)} -> {item['id']!r}"
    new = {
        "fullwidth": fullwidth(old),
        "upper": old.upper(),
        "nfkd": unicodedata.normalize("NFKD", "ﬁ" + old),
        "edge": old + draw(st.sampled_from(["\n", "\u202e", "\x00", " ", ".", "é"])),
        "reserved": draw(st.sampled_from(RESERVED)),
    }.get(how, fullwidth(old))
    if draw(st.booleans()):
        for p in paths(tree):
            if get(tree, p) == old:
                tree = put(tree, p, new)
        return tree, f"id {how} {show_path(path)} -> {new!r} everywhere"
    return put(tree, path, new), f"id {how} {show_path(path)} -> {new!r}"



VERSIONS = [0, 1, 2, 3, 99, -1, "2", True, None, Raw("2.0"), Raw("1e400"), 2**63, Raw("9" * 5000)]


def version(draw: st.DrawFn, tree: Any) -> tuple[Any, str]:
    if not isinstance(tree, dict):
        return swap(draw, tree)
    names = [k for k in tree if "version" in k] or ["schema_version"]
    key = draw(st.sampled_from(names))
    if draw(st.integers(0, 5)) == 0:
        tree.pop(key, None)
        return tree, f"version: drop {key}"
    value = draw(st.sampled_from(VERSIONS))
    tree[key] = value
    return tree, f"version: {key} -> {value!r}"


def duplicate(draw: st.DrawFn, tree: Any) -> tuple[Any, str]:
    path = _pick(draw, tree, lambda p, v: isinstance(v, dict) and bool(v))
    node = get(tree, path)
    if not isinstance(node, dict) or not node:
        return swap(draw, tree)
    key = draw(st.sampled_from(sorted(node)))
    again = draw(st.sampled_from([copy.deepcopy(node[key]), None, "other", 1]))
    pairs = Pairs(node.items())
    pairs.insert(draw(st.integers(0, len(pairs))), (key, again))
    return put(tree, path, pairs), f"duplicate key {show_path((*path, key))} = {again!r:.40}"


def remove(draw: st.DrawFn, tree: Any) -> tuple[Any, str]:
    path = _pick(draw, tree, lambda p, v: bool(p))
    return drop(tree, path), f"remove {show_path(path)}"


def extra(draw: st.DrawFn, tree: Any) -> tuple[Any, str]:
    path = _pick(draw, tree, lambda p, v: isinstance(v, dict))
    node = get(tree, path)
    if not isinstance(node, dict):
        return swap(draw, tree)
    key = draw(st.sampled_from(["unknown", "__proto__", "constructor", "", "id\n", "ｉｄ"]))
    node[key] = draw(st.sampled_from([1, "x", None, [], {}]))
    return tree, f"extra key {show_path(path)}[{key!r}]"


def lists(draw: st.DrawFn, tree: Any) -> tuple[Any, str]:
    path = _pick(draw, tree, lambda p, v: isinstance(v, list) and bool(v))
    node = get(tree, path)
    if not isinstance(node, list) or not node:
        return swap(draw, tree)
    how = draw(st.sampled_from(["empty", "double", "reverse", "many"]))
    if how == "empty":
        node.clear()
    elif how == "double":
        node.extend(copy.deepcopy(node))
    elif how == "reverse":
        node.reverse()
    else:
        node.extend(copy.deepcopy(node[-1]) for _ in range(draw(st.sampled_from([100, 2000]))))
    return tree, f"list {how} {show_path(path)}"


EDGE_INTS = [0, 1, -1, 2**31 - 1, 2**31, 2**53 - 1, -(2**53 - 1), 10**15]


def _scene_ids(tree: Any) -> list[str]:
    scenes = tree.get("scenes") if isinstance(tree, dict) else None
    if not isinstance(scenes, list):
        return []
    return [s["id"] for s in scenes if isinstance(s, dict) and isinstance(s.get("id"), str)]


def edge(draw: st.DrawFn, tree: Any) -> tuple[Any, str]:
    """An int field set to an edge of what may be valid (keeps many projects loadable)."""
    path = _pick(draw, tree, lambda p, v: kind(v) == "int")
    value = draw(st.sampled_from(EDGE_INTS))
    return put(tree, path, value), f"edge {show_path(path)} -> {value}"


def retarget(draw: st.DrawFn, tree: Any) -> tuple[Any, str]:
    """A target or the start moved to another existing scene: loops, dead ends, unreachable parts."""
    scenes = _scene_ids(tree)
    refs = [p for p in paths(tree) if p[-1:] in (("target",), ("start",), ("start_scene",))]
    if not scenes or not refs:
        return swap(draw, tree)
    path = draw(st.sampled_from(refs))
    new = draw(st.sampled_from(scenes))
    return put(tree, path, new), f"retarget {show_path(path)} -> {new!r}"


def grow(draw: st.DrawFn, tree: Any) -> tuple[Any, str]:
    """Copies of one scene chained one after another (the last loops back): size and loops."""
    scenes = tree.get("scenes") if isinstance(tree, dict) else None
    if not isinstance(scenes, list) or not scenes or not isinstance(scenes[0], dict):
        return swap(draw, tree)
    i = draw(st.integers(0, len(scenes) - 1))
    base = scenes[i]
    n = draw(st.sampled_from([50, 300, 1000]))
    if not isinstance(base, dict) or not isinstance(base.get("id"), str):
        return swap(draw, tree)
    ids = [f"{base['id'][:50]}_{k}" for k in range(n)]
    for k, sid in enumerate(ids):
        copy_ = copy.deepcopy(base)
        copy_["id"] = sid
        choice = copy_.get("choice")
        if isinstance(choice, dict) and isinstance(choice.get("options"), list):
            for option in choice["options"]:
                if isinstance(option, dict):
                    option["target"] = ids[(k + 1) % n]
        scenes.append(copy_)
    return tree, f"grow {n} chained copies of scenes[{i}]"


MUTATORS: dict[str, Mutator] = {
    "swap": swap, "number": number, "nest": nest, "text": text, "id": ident, "version": version,
    "duplicate": duplicate, "remove": remove, "extra": extra, "list": lists,
    "edge": edge, "retarget": retarget, "grow": grow,
}
# Mutations that often keep a project loadable come twice: the commands past load get more work.
KINDS = (*MUTATORS, "edge", "retarget", "id", "text", "number")


def damage(draw: st.DrawFn, data: bytes) -> tuple[bytes, str]:
    """Byte-level damage: truncation, a flipped byte, BOM, invalid UTF-8, NUL, CRLF."""
    how = draw(st.sampled_from(["truncate", "truncate", "flip", "bom", "bad_utf8", "nul", "crlf", "empty"]))
    if how == "truncate":
        at = draw(st.integers(0, max(len(data) - 1, 0)))
        return data[:at], f"truncate at {at} of {len(data)}"
    if how == "flip":
        at = draw(st.integers(0, max(len(data) - 1, 0)))
        bit = draw(st.integers(1, 255))
        return data[:at] + bytes([data[at] ^ bit]) + data[at + 1 :], f"flip byte {at} ^ {bit}"
    if how == "bom":
        return b"\xef\xbb\xbf" + data, "UTF-8 BOM prefix"
    if how in ("bad_utf8", "nul"):
        at = draw(st.integers(0, len(data)))
        junk = draw(st.sampled_from([b"\xff", b"\xc3", b"\xed\xa0\x80"])) if how == "bad_utf8" else b"\x00"
        return data[:at] + junk + data[at:], f"insert {junk!r} at {at}"
    if how == "crlf":
        return data.replace(b"\n", b"\r\n"), "CRLF line ends"
    return b"", "empty file"


@st.composite
def documents(
    draw: st.DrawFn, seeds: Mapping[str, Any], kinds: tuple[str, ...] = KINDS
) -> Doc:
    """A seed document, mutated one to three times, rendered, sometimes damaged."""
    name = draw(st.sampled_from(sorted(seeds)))
    tree = copy.deepcopy(seeds[name])
    steps: list[str] = []
    for _ in range(draw(st.sampled_from([1, 1, 1, 2, 3]))):
        tree, step = MUTATORS[draw(st.sampled_from(kinds))](draw, tree)
        steps.append(step)
    ascii_only = draw(st.booleans())
    # A lone surrogate written unescaped is not UTF-8: the file then has surrogate bytes.
    data = render(tree, ascii_only).encode("utf-8", "surrogatepass") + b"\n"
    if not ascii_only:
        steps.append("non-ASCII written as UTF-8")
    if draw(st.integers(0, 7)) == 0:
        data, step = damage(draw, data)
        steps.append(step)
    return Doc(name, data, steps)
