"""Zip-level safety checks of a bundle, done before any entry is read.

Refuses: too many entries, unsafe names (see :mod:`studio.bundle.names`),
duplicate or colliding names, symlinks and other non-regular entries,
encryption, compression other than stored/deflate, entries outside the
allowlist, and entries whose data overlap or run past the end of the file.
Sizes in the headers are never trusted for limits: the importer counts the
bytes it actually decompresses.
"""

from __future__ import annotations

import itertools
import stat
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from typing import NoReturn

from studio.bundle.names import (
    IMAGE_EXTS,
    KNOWN_DIRS,
    MEDIA_EXTS,
    fold,
    is_allowed,
    is_player,
    unsafe_reason,
)

GIB = 1 << 30
MIB = 1 << 20
_LOCAL_HEADER = 30
_MSDOS_DIR = 0x10
_ENCRYPTED = 0x1
_PATCHED = 0x20
_STRONG_ENCRYPTION = 0x40

Fail = Callable[[str, str], NoReturn]


@dataclass(frozen=True)
class Limits:
    """Import limits; all sizes are counted while extracting, never taken from headers."""

    max_entries: int = 10_000
    max_total_bytes: int = 4 * GIB
    max_ratio: int = 100
    ratio_floor: int = MIB  # the ratio limit applies once an entry has produced this much
    max_manifest_bytes: int = 16 * MIB
    max_json_depth: int = 64


ALLOWED_TEXT = (
    "allowed: manifest.json, manifest.schema.json, "
    f"media/*.{{{','.join(MEDIA_EXTS)}}}, posters/*.jpg, images/*.{{{','.join(IMAGE_EXTS)}}}"
)


def _is_dir(info: zipfile.ZipInfo, kind: int) -> bool:
    return (
        info.orig_filename.endswith("/")
        or kind == stat.S_IFDIR
        or bool(info.external_attr & _MSDOS_DIR)
    )


def _check_one(info: zipfile.ZipInfo, fail: Fail) -> bool:
    """Check one entry; return True if it is a (skipped) folder entry."""
    name = info.orig_filename
    reason = unsafe_reason(name)
    if reason is not None:
        fail(name, reason)
    if info.flag_bits & (_ENCRYPTED | _STRONG_ENCRYPTION):
        fail(name, "is encrypted")
    if info.flag_bits & _PATCHED:
        fail(name, "uses patched data (not supported)")
    if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        fail(name, f"compression method {info.compress_type} is not supported (stored or deflate)")
    kind = stat.S_IFMT(info.external_attr >> 16)
    if kind == stat.S_IFLNK:
        fail(name, "is a symbolic link")
    if kind not in (0, stat.S_IFREG, stat.S_IFDIR):
        fail(name, "is not a regular file")
    if _is_dir(info, kind):
        if not name.endswith("/") or info.file_size or info.compress_size:
            fail(name, "is a folder entry with data")
        if name not in KNOWN_DIRS and not is_player(name):
            fail(name, f"unexpected folder ({ALLOWED_TEXT})")
        return True
    if not is_allowed(name):
        fail(name, f"not allowed in a bundle ({ALLOWED_TEXT})")
    return False


def _check_layout(infos: list[zipfile.ZipInfo], archive_size: int, fail: Fail) -> None:
    """Entry data must lie inside the file and must not overlap (overlap = zip bomb)."""
    ordered = sorted(infos, key=lambda i: i.header_offset)
    for prev, info in itertools.pairwise(ordered):
        if prev.header_offset + _LOCAL_HEADER + prev.compress_size > info.header_offset:
            fail(info.orig_filename, f"overlaps entry '{prev.orig_filename}' (zip bomb)")
    for info in ordered:
        if info.header_offset + _LOCAL_HEADER + info.compress_size > archive_size:
            fail(info.orig_filename, "extends past the end of the file (truncated)")


def check_entries(
    infos: list[zipfile.ZipInfo], archive_size: int, limits: Limits, fail: Fail
) -> dict[str, zipfile.ZipInfo]:
    """The entries to read (everything but folders and player/), by name."""
    if len(infos) > limits.max_entries:
        fail("", f"has {len(infos)} entries (the limit is {limits.max_entries})")
    seen: dict[str, str] = {}
    keep: dict[str, zipfile.ZipInfo] = {}
    for info in infos:
        name = info.orig_filename
        folder = _check_one(info, fail)
        key = fold(name)
        if key in seen:
            other = seen[key]
            if other == name:
                fail(name, "appears twice")
            fail(name, f"collides with '{other}' (names differ only in case or Unicode form)")
        seen[key] = name
        if not folder and not is_player(name):
            keep[name] = info
    _check_layout(infos, archive_size, fail)
    return keep
