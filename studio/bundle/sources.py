"""The files a bundle copies from disk or holds in memory, and the planning of product images
and web player files.  Qt-free.

Every file is read the way every loader must: regular files only (a product
image that is a FIFO or a device is refused, never waited on; the player
folder's other entries are left out), player files through
:func:`studio.model.safe_read.read_regular` with a bound.
"""

from __future__ import annotations

import hashlib
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from studio.bundle import manifest as mf
from studio.bundle.entries import GIB, Limits
from studio.bundle.errors import ExportError
from studio.bundle.names import IMAGE_EXTS, PLAYER_PREFIX, is_player_path
from studio.hashcache import fingerprint
from studio.model import Project
from studio.model.portable import path_problem
from studio.model.safe_read import read_regular

MAX_PLAYER_FILE = 16 << 20


@dataclass(frozen=True)
class SourceFile:
    """A file copied from the project folder, stored, verified while copied."""

    arcname: str
    source: Path
    sha256: str
    size: int
    label: str

    def entry(self) -> mf.FileEntry:
        return mf.FileEntry(path=self.arcname, sha256=self.sha256, size=self.size)


@dataclass(frozen=True)
class MemoryFile:
    """A small file held in memory (schema, web player), deflated."""

    arcname: str
    data: bytes

    def entry(self) -> mf.FileEntry:
        size, digest = len(self.data), sha256_hex(self.data)
        return mf.FileEntry(path=self.arcname, sha256=digest, size=size)


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def plan_images(project: Project, folder: Path) -> tuple[list[SourceFile], dict[str, str]]:
    """Product images as ``images/<sha256>.<ext>``; returns files and old -> new paths."""
    files: dict[str, SourceFile] = {}
    paths: dict[str, str] = {}
    for product in project.products:
        if product.image is None or product.image in paths:
            continue
        label = f"product '{product.id}' > image '{product.image}'"
        ext = Path(product.image).suffix.lower().lstrip(".")
        if ext not in IMAGE_EXTS:
            raise ExportError(f"{folder}: not exported: {label}: use {', '.join(IMAGE_EXTS)}")
        try:
            if not stat.S_ISREG(os.stat(folder / product.image).st_mode):
                raise ExportError(f"{folder}: not exported: {label}: not a regular file")
            sig, found = fingerprint(folder / product.image)
            size, digest = sig.size, found.sha256
        except OSError as exc:
            reason = "the file is missing" if isinstance(exc, FileNotFoundError) else exc.strerror
            raise ExportError(f"{folder}: not exported: {label}: {reason}") from None
        arc = f"images/{digest}.{ext}"
        files[arc] = SourceFile(arc, folder / product.image, digest, size, label)
        paths[product.image] = arc
    return list(files.values()), paths


def plan_player(player_dir: Path) -> list[MemoryFile]:
    if not player_dir.is_dir():
        raise ExportError(f"web player not found: {player_dir} is missing")
    out = []
    for path in sorted(player_dir.rglob("*")):
        rel = path.relative_to(player_dir)
        if not path.is_file() or any(part.startswith(".") for part in rel.parts):
            continue
        arc = PLAYER_PREFIX + rel.as_posix()
        if not is_player_path(arc):
            raise ExportError(f"web player file '{rel.as_posix()}': name not allowed in a bundle")
        problem = path_problem(arc)
        if problem is not None:
            raise ExportError(f"web player file '{rel.as_posix()}': not portable: {problem[1]}")
        try:
            data = read_regular(path, MAX_PLAYER_FILE)
        except OSError as exc:
            raise ExportError(f"web player file '{rel.as_posix()}': {exc.strerror or exc}") from None
        out.append(MemoryFile(arc, data))
    if not out:
        raise ExportError(f"web player not found: {player_dir} has no files")
    return out


def too_big_for_import(sizes: list[int], limits: Limits | None = None, manifest: int = 0) -> str | None:
    """Why a bundle of files with these sizes (and a manifest of ``manifest`` bytes) would be
    refused by import, or None.

    Export checks this with the exact sizes before writing the media, so it never
    writes a bundle that import refuses (docs/bundle-format.md, "Limits")."""
    lim = limits or Limits()
    if manifest > lim.max_manifest_bytes:
        return f"its manifest would be {manifest:,} bytes; import accepts at most {lim.max_manifest_bytes:,}"
    if len(sizes) > lim.max_entries:
        return f"the bundle would hold {len(sizes):,} files; import accepts at most {lim.max_entries:,}"
    total = sum(sizes)
    if total > lim.max_total_bytes:
        return (
            f"the bundle would hold {total / GIB:.2f} GiB ({total:,} bytes); import accepts at most "
            f"{lim.max_total_bytes / GIB:g} GiB in total: shorten or re-encode clips, or split the drama"
        )
    return None
