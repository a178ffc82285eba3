"""Deterministic zip writing: fixed timestamps and attributes, chunked verified copies.

Every entry gets the same date (1980-01-01 00:00:00), Unix attributes
``-rw-r--r--`` and a fixed compression level, so the same inputs always give
the same bytes.  Big files are copied in 1 MiB chunks, hashed on the way, with
the caller's ``cancel`` checked between chunks.
"""

from __future__ import annotations

import hashlib
import os
import stat
import zipfile
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import BinaryIO

from studio.bundle.errors import Cancelled
from studio.model.atomic import fsync_dir

CHUNK = 1 << 20
THREADED_HASH_MIN = 8 << 20
FLUSH_EVERY = 16 << 20
ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)
FILE_ATTR = (stat.S_IFREG | 0o644) << 16
DEFLATE_LEVEL = 9

ProgressFn = Callable[[int, int], None]
CancelFn = Callable[[], bool]


class Meter:
    """Progress in abstract units (bytes, mostly) plus the cancel check."""

    def __init__(
        self, total: int, progress: ProgressFn | None, cancel: CancelFn | None, what: str
    ) -> None:
        self.total = max(total, 1)
        self.done = 0
        self._progress = progress
        self._cancel = cancel
        self._what = what

    def check(self) -> None:
        if self._cancel is not None and self._cancel():
            raise Cancelled(f"{self._what} cancelled; nothing was written")

    def add(self, units: int) -> None:
        self.done = min(self.done + units, self.total)
        if self._progress is not None:
            self._progress(self.done, self.total)

    def finish(self) -> None:
        self.add(self.total)


class Flusher:
    """Starts writeback of the output early: ``fdatasync`` on a worker thread every
    ``every`` bytes, so the final ``fsync`` has little left to wait for."""

    def __init__(self, fh: BinaryIO, every: int = FLUSH_EVERY) -> None:
        self._fh = fh
        self._every = every
        self._pending = 0
        self._job: Future[None] | None = None
        self._pool = ThreadPoolExecutor(1, "bundle-flush")

    def wrote(self, n: int) -> None:
        self._pending += n
        if self._pending >= self._every and (self._job is None or self._job.done()):
            self._pending = 0
            if self._job is not None:
                self._job.result()  # surfaces a write-back error (EIO, ENOSPC)
            self._fh.flush()
            self._job = self._pool.submit(os.fdatasync, self._fh.fileno())

    def close(self) -> None:
        """Wait for the last background sync (raising its error) and stop the worker."""
        try:
            if self._job is not None:
                self._job.result()
        finally:
            self._pool.shutdown(wait=True)


def zinfo(arcname: str, compress: int, size: int = 0) -> zipfile.ZipInfo:
    """A ZipInfo with the fixed date, Unix regular-file attributes and ``size``."""
    info = zipfile.ZipInfo(arcname, date_time=ZIP_EPOCH)
    info.compress_type = compress
    info.create_system = 3
    info.external_attr = FILE_ATTR
    info.file_size = size
    return info


def write_bytes(zf: zipfile.ZipFile, arcname: str, data: bytes, compress: int) -> None:
    level = DEFLATE_LEVEL if compress == zipfile.ZIP_DEFLATED else None
    zf.writestr(zinfo(arcname, compress, len(data)), data, compresslevel=level)


def copy_file(
    zf: zipfile.ZipFile,
    arcname: str,
    source: Path,
    size: int,
    meter: Meter,
    flusher: Flusher | None = None,
) -> tuple[int, str]:
    """Store ``source`` as ``arcname``; return (bytes copied, sha256).

    Copies at most ``size + 1`` bytes, so a file that grew is noticed without
    copying all of it; the caller compares the result with what it expected.
    Big files are hashed on a worker thread (hashlib releases the GIL) while
    the main thread computes the zip CRC and writes: two buffers alternate.
    """
    digest = hashlib.sha256()
    buffers = (bytearray(CHUNK), bytearray(CHUNK))
    copied = 0
    pool = ThreadPoolExecutor(1, "bundle-sha256") if size >= THREADED_HASH_MIN else None
    pending: Future[None] | None = None
    try:
        with open(source, "rb", buffering=0) as src, zf.open(
            zinfo(arcname, zipfile.ZIP_STORED, size), "w"
        ) as dst:
            turn = 0
            while copied <= size:
                meter.check()
                view = memoryview(buffers[turn])[: min(CHUNK, size + 1 - copied)]
                turn ^= 1
                n = src.readinto(view)
                if not n:
                    break
                copied += n
                if copied > size:
                    break
                chunk = view[:n]
                if pending is not None:
                    pending.result()  # keeps the hash in order; frees the other buffer
                if pool is None:
                    digest.update(chunk)
                else:
                    pending = pool.submit(digest.update, chunk)
                dst.write(chunk)
                meter.add(n)
                if flusher is not None:
                    flusher.wrote(n)
            if pending is not None:
                pending.result()
    finally:
        if pool is not None:
            pool.shutdown(wait=True)
    return copied, digest.hexdigest()


def sha256_file(path: Path) -> tuple[int, str]:
    """(size, hex SHA-256) of a file, read in chunks."""
    digest = hashlib.sha256()
    size = 0
    with open(path, "rb") as fh:
        while block := fh.read(CHUNK):
            digest.update(block)
            size += len(block)
    return size, digest.hexdigest()


__all__ = ["fsync_dir"]  # re-exported: the one implementation is studio.model.atomic
