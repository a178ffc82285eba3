"""The order of keys in the contract's id-keyed objects (``variables``, ``saved``, ``pending``).

"Keys sorted" means the order a JavaScript object gives its keys when they are
inserted sorted: keys that are array indices (``"0"``, ``"9"``, ``"10"``, any
canonical decimal integer up to 2**32 - 2) first, in numeric order, then the
other keys in UTF-16 code-unit order.  Python and the web player therefore
emit the same bytes for ids like ``"9"`` and ``"10"`` (docs/engine-contract.md).
"""

from __future__ import annotations

from collections.abc import Iterable

MAX_ARRAY_INDEX = 2**32 - 2


def is_array_index(key: str) -> bool:
    """True if JavaScript treats ``key`` as an integer index (it then orders it first)."""
    return (
        key.isascii() and key.isdigit() and (key == "0" or key[0] != "0") and len(key) <= 10
        and int(key) <= MAX_ARRAY_INDEX
    )


def _order(key: str) -> tuple[int, int, bytes]:
    if is_array_index(key):
        return (0, int(key), b"")
    return (1, 0, key.encode("utf-16-be", "surrogatepass"))


def sorted_keys(keys: Iterable[str]) -> list[str]:
    """``keys`` in the contract's order (see the module docstring)."""
    return sorted(keys, key=_order)
