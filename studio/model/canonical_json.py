"""The canonical text of a project file, fast: ``json.dumps(data, ensure_ascii=False, indent=2)``.

With ``indent`` the standard library encodes in pure Python, one generator
per nested list or dict; a 100,000-scene project then takes longer to write
than to load and validate.  ``dumps_indented`` gives the same text (the same
escaping through ``json.encoder.encode_basestring``, ``int.__repr__`` and
``float.__repr__``, the same separators and indentation) about four times
faster.  It handles the JSON types that ``model_dump(mode="json")`` returns
(dict with str keys, list, str, int, float, bool, None); for anything else
(a non-finite float, a tuple, a subclass, a key that is not a string, a
cycle) it hands the whole value to ``json.dumps``, so the text is always
exactly the standard library's.  Nesting depth is bounded by the model
(conditions at most ``conditions.MAX_DEPTH`` deep), far below the
interpreter's recursion limit.
"""

from __future__ import annotations

import json
import math
from json.encoder import encode_basestring
from typing import Any

_int = int.__repr__
_float = float.__repr__


class _Unusual(Exception):
    """A value this encoder does not handle itself (the standard library does)."""


def dumps_indented(data: Any) -> str:
    """``json.dumps(data, ensure_ascii=False, indent=2)``, faster for plain JSON data."""
    try:
        return _encode(data)
    except (_Unusual, RecursionError):
        return json.dumps(data, ensure_ascii=False, indent=2)


def _encode(data: Any) -> str:
    chunks: list[str] = []
    add = chunks.append
    esc = encode_basestring
    keys: dict[str, str] = {}  # '"key": ' by key
    seps: dict[str, str] = {}  # ',\n' + indentation, by indentation

    def scalar(value: Any) -> str:
        kind = type(value)
        if kind is str:
            return esc(value)
        if kind is int:
            return _int(value)
        if kind is bool:
            return "true" if value else "false"
        if value is None:
            return "null"
        if kind is float and math.isfinite(value):
            return _float(value)
        raise _Unusual

    def encode(value: Any, indent: str) -> None:  # only called for a dict or a list
        inner = indent + "  "
        sep = seps.get(inner)
        if sep is None:
            sep = seps[inner] = ",\n" + inner
        if type(value) is dict:
            head = "{\n" + inner
            for k, v in value.items():
                key = keys.get(k)
                if key is None:
                    if type(k) is not str:
                        raise _Unusual
                    key = keys[k] = esc(k) + ": "
                kind = type(v)
                if kind is str:  # the common cases inline (a third of the time)
                    add(head + key + esc(v))
                elif kind is int:
                    add(head + key + _int(v))
                elif (kind is dict or kind is list) and v:
                    add(head + key)
                    encode(v, inner)
                else:
                    add(head + key + ("{}" if kind is dict else "[]" if kind is list else scalar(v)))
                head = sep
            add("\n" + indent + "}")
        else:
            head = "[\n" + inner
            for v in value:
                kind = type(v)
                if kind is str:
                    add(head + esc(v))
                elif (kind is dict or kind is list) and v:
                    add(head)
                    encode(v, inner)
                else:
                    add(head + ("{}" if kind is dict else "[]" if kind is list else scalar(v)))
                head = sep
            add("\n" + indent + "]")

    kind = type(data)
    if (kind is dict or kind is list) and data:
        encode(data, "")
    else:
        add("{}" if kind is dict else "[]" if kind is list else scalar(data))
    return "".join(chunks)
