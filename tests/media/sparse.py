"""Helpers for the probe bound tests: boxes, sparse files, counting cancel callbacks."""

from __future__ import annotations

import hashlib
import shutil
import struct
from pathlib import Path

GIB = 1 << 30
MIB = 1 << 20


class Stop(Exception):
    """What the tests' cancel callbacks raise."""


class Calls:
    """A ``check`` callback counting its calls; raises :class:`Stop` at call ``stop_at``."""

    def __init__(self, stop_at: int | None = None) -> None:
        self.count = 0
        self.stop_at = stop_at

    def __call__(self) -> None:
        self.count += 1
        if self.stop_at is not None and self.count >= self.stop_at:
            raise Stop


def box(kind: bytes, payload: bytes = b"") -> bytes:
    """One ISO-BMFF box."""
    return struct.pack(">I4s", 8 + len(payload), kind) + payload


def with_sparse_box(src: Path, dst: Path, kind: bytes, total: int) -> Path:
    """``src`` followed by one ``total``-byte box (64-bit size) whose payload is a hole."""
    shutil.copyfile(src, dst)
    with open(dst, "r+b") as fh:
        end = fh.seek(0, 2)
        fh.write(struct.pack(">I4sQ", 1, kind, total))
        fh.truncate(end + total)
    return dst


def with_sparse_tail(src: Path, dst: Path, extra: int) -> Path:
    """``src`` followed by ``extra`` zero bytes (a hole)."""
    shutil.copyfile(src, dst)
    with open(dst, "r+b") as fh:
        fh.truncate(fh.seek(0, 2) + extra)
    return dst


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        while block := fh.read(MIB):
            digest.update(block)
    return digest.hexdigest()
