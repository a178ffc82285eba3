"""New ids for new items (Qt-free): valid (:data:`studio.model.types.ID_PATTERN`) and not taken."""

from __future__ import annotations

import re
from collections.abc import Iterable

MAX_STEM = 56  # room for "_<n>" within the 64 characters of an id


def unique_id(base: str, taken: Iterable[str], fallback: str = "item") -> str:
    """A valid id from ``base`` (sanitised) not in ``taken``: ``x``, ``x_2``, ``x_3``...

    Characters an id cannot hold become ``_``; ``fallback`` stands in when nothing of ``base``
    is left."""
    stem = re.sub(r"[^A-Za-z0-9_.\-]+", "_", base).strip("._-")[:MAX_STEM] or fallback
    if not re.match(r"[A-Za-z0-9_]", stem):
        stem = "x" + stem
    used = set(taken)
    if stem not in used:
        return stem
    n = 2
    while f"{stem}_{n}" in used:
        n += 1
    return f"{stem}_{n}"
