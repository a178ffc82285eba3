"""Zip-level safety checks of a bundle, done before any entry is read.

Refuses: too many entries, unsafe names (see :mod:`studio.bundle.names`),
duplicate or colliding names, symlinks and other non-regular entries,
encryption, compression other than stored/deflate, entries outside the
allowlist, names that are not portable to Windows (:mod:`studio.model.portable`),
and entries whose true extent (:mod:`studio.bundle.layout`, from the local
headers) overlaps another or reaches the central directory.  Sizes in the
headers are never trusted for limits: the importer counts the bytes it
actually decompresses.
"""

from __future__ import annotations

import stat
import zipfile
from dataclasses import dataclass
from typing import BinaryIO

from studio.bundle.errors import show
from studio.bundle.layout import Fail, check_extents
from studio.bundle.names import (
    IMAGE_EXTS,
    KNOWN_DIRS,
    MEDIA_EXTS,
    fold,
    is_allowed,
    is_player,
    unsafe_reason,
)
from studio.model.io import MAX_PROJECT_BYTES
from studio.model.portable import path_problem
from studio.model.strict_json import MAX_DEPTH

GIB = 1 << 30
MIB = 1 << 20
_MSDOS_DIR = 0x10
_ENCRYPTED = 0x1
_PATCHED = 0x20
_STRONG_ENCRYPTION = 0x40


@dataclass(frozen=True)
class Limits:
    """Import limits; all sizes are counted while extracting, never taken from headers."""

    max_entries: int = 10_000
    max_total_bytes: int = 4 * GIB
    max_ratio: int = 100
    ratio_floor: int = MIB  # the ratio limit applies once an entry has produced this much
    # The manifest holds the whole drama: it must take every project load accepts.
    max_manifest_bytes: int = MAX_PROJECT_BYTES + 16 * MIB
    max_json_depth: int = MAX_DEPTH
    max_directory_bytes: int = 16 * MIB  # central directory, bounded before it is parsed


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
    problem = path_problem(name)
    if problem is not None:
        fail(name, f"file name '{show(problem[0])}' is not portable: {problem[1]}")
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


def check_entries(
    infos: list[zipfile.ZipInfo], fh: BinaryIO, directory_start: int, limits: Limits, fail: Fail
) -> dict[str, zipfile.ZipInfo]:
    """The entries to read (everything but folders and player/), by name.

    ``fh`` is the open archive (local headers are read from it) and
    ``directory_start`` the offset of its central directory."""
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
    check_extents(fh, infos, directory_start, fail)
    return keep
