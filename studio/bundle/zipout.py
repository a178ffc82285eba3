"""Deterministic zip writing and the two ways media bytes get into it.

:class:`ZipWriter` writes local headers, data and the central directory
itself (zip64 when a size or offset passes 2 GiB - 1, like ``zipfile``): every
entry gets the date 1980-01-01 00:00:00, Unix attributes ``-rw-r--r--``, no
data descriptor, and small entries are deflated at a fixed level, so the same
inputs always give the same bytes.  A stored entry is a header with the size
(and, when known, the CRC-32) followed by data the caller puts at the file
position; an unknown CRC is patched into the header afterwards, so both paths
below give identical bytes.  Stored data of 1 MiB or more starts at a 32 KiB
boundary (zipalign-style padding in the local header's extra field).

- :func:`copy_range`: the CRC is already known (fingerprint cache): the kernel
  moves the bytes (``copy_file_range``, else ``sendfile``, else a read/write
  loop), ``cancel`` checked every ``RANGE_CHUNK``;
- :func:`copy_hashed`: read in 1 MiB chunks, SHA-256 (worker thread) and
  CRC-32 on the way, ``cancel`` checked between chunks.

:func:`store_file` picks one for a file of the project.  ``zipfile`` reads the
result (the importer uses it).
"""

from __future__ import annotations

import errno
import os
import stat
import struct
import time
import zlib
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from io import FileIO
from pathlib import Path
from typing import BinaryIO

from studio.bundle.errors import Cancelled, ExportError
from studio.hashcache import (
    CHUNK,
    THREADED_HASH_MIN,
    Digest,
    Fingerprint,
    FingerprintStore,
    Signature,
    chunks,
)
from studio.model.atomic import fsync_dir

RANGE_CHUNK = 64 << 20
FLUSH_EVERY = 16 << 20
FILE_ATTR = (stat.S_IFREG | 0o644) << 16
DEFLATE_LEVEL = 9
ALIGN = 1 << 15  # stored file data offset (fits the u16 alignment field of zipalign's extra)
ALIGN_MIN = 1 << 20
ALIGN_EXTRA_ID = 0xD935  # Android zipalign: u16 alignment, then zero padding
ZIP64_LIMIT = (1 << 31) - 1  # as zipfile: above this, sizes and offsets go to zip64 fields
DOS_DATE = (0 << 9) | (1 << 5) | 1  # 1980-01-01
DOS_TIME = 0
STORED, DEFLATED = 0, 8
_LOCAL = struct.Struct("<4sHHHHHIIIHH")
_CENTRAL = struct.Struct("<4sHHHHHHIIIHHHHHII")
_END = struct.Struct("<4sHHHHIIH")
_END64 = struct.Struct("<4sQHHIIQQQQ")
_LOCATOR64 = struct.Struct("<4sIQI")
_FALLBACK = frozenset({errno.EXDEV, errno.ENOSYS, errno.EINVAL, errno.EOPNOTSUPP, errno.ENOTSUP,
                       errno.EBADF, errno.EPERM, errno.ENOTSOCK})  # fmt: skip

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


@dataclass(frozen=True)
class _Entry:
    name: bytes
    flags: int
    method: int
    crc: int
    csize: int
    usize: int
    offset: int


def _encode(name: str) -> tuple[bytes, int]:
    try:
        return name.encode("ascii"), 0
    except UnicodeEncodeError:
        return name.encode("utf-8"), 0x800


def _write_all(fd: int, data: bytes | bytearray | memoryview) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


class ZipWriter:
    """Writes entries to a seekable binary file opened unbuffered (``buffering=0``)."""

    def __init__(self, fh: BinaryIO) -> None:
        self._fh = fh
        self._fd = fh.fileno()
        self._entries: list[_Entry] = []
        self._open: tuple[str, int, int, int] | None = None  # name, data offset, size, crc
        self._names: set[str] = set()

    def fileno(self) -> int:
        return self._fd

    def _header(
        self, name: str, method: int, crc: int, csize: int, usize: int, align: bool = False
    ) -> _Entry:
        if name in self._names or self._open is not None:
            raise ValueError(f"zip entry '{name}' written twice or inside another entry")
        self._names.add(name)
        raw, flags = _encode(name)
        entry = _Entry(raw, flags, method, crc, csize, usize, self._fh.tell())
        extra, version = b"", 20
        if usize > ZIP64_LIMIT or csize > ZIP64_LIMIT:
            extra, version = struct.pack("<HHQQ", 1, 16, usize, csize), 45
            csize = usize = 0xFFFFFFFF
        if align:  # zipalign-style padding: the data starts at a multiple of ALIGN
            pad = -(entry.offset + _LOCAL.size + len(raw) + len(extra) + 6) % ALIGN
            extra += struct.pack("<HHH", ALIGN_EXTRA_ID, 2 + pad, ALIGN) + bytes(pad)
        header = _LOCAL.pack(b"PK\x03\x04", version, flags, method, DOS_TIME, DOS_DATE,
                             crc, csize, usize, len(raw), len(extra))  # fmt: skip
        _write_all(self._fd, header + raw + extra)
        return entry

    def add_bytes(self, name: str, data: bytes, compress: int) -> None:
        """A small entry held in memory, stored or deflated (level 9)."""
        payload = data
        if compress == DEFLATED:
            packer = zlib.compressobj(DEFLATE_LEVEL, zlib.DEFLATED, -15)
            payload = packer.compress(data) + packer.flush()
        entry = self._header(name, compress, zlib.crc32(data), len(payload), len(data))
        _write_all(self._fd, payload)
        self._entries.append(entry)

    def begin(self, name: str, size: int, crc: int = 0) -> None:
        """Header of a stored entry of ``size`` bytes; the caller writes the data next.

        Data of ALIGN_MIN bytes or more starts at a multiple of ALIGN: the page
        cache then takes large folios and the kernel copy runs at ``cp`` speed
        (about 20% faster than at an arbitrary offset on Linux 6.x)."""
        entry = self._header(name, STORED, crc, size, size, align=size >= ALIGN_MIN)
        self._open = (name, self._fh.tell(), size, crc)
        self._entries.append(entry)

    def end(self, crc: int) -> None:
        """Close the stored entry: its data must be exactly in place; patch the CRC."""
        if self._open is None:
            raise ValueError("no zip entry is open")
        name, data_start, size, header_crc = self._open
        if self._fh.tell() != data_start + size:
            raise ValueError(f"zip entry '{name}': data is not {size} bytes")
        entry = self._entries[-1]
        if crc != header_crc:
            os.pwrite(self._fd, struct.pack("<I", crc), entry.offset + 14)
            self._entries[-1] = _Entry(entry.name, entry.flags, STORED, crc, size, size, entry.offset)
        self._open = None

    def close(self) -> int:
        """Write the central directory and end records; return the archive size."""
        if self._open is not None:
            raise ValueError(f"zip entry '{self._open[0]}' was not finished")
        start = self._fh.tell()
        out = bytearray()
        for e in self._entries:
            fields = [v for v in (e.usize, e.csize, e.offset) if v > ZIP64_LIMIT]
            extra = struct.pack(f"<HH{len(fields)}Q", 1, 8 * len(fields), *fields) if fields else b""
            version = 45 if fields else 20
            big = 0xFFFFFFFF
            out += _CENTRAL.pack(
                b"PK\x01\x02", (3 << 8) | version, version, e.flags, e.method, DOS_TIME, DOS_DATE,
                e.crc, big if e.csize > ZIP64_LIMIT else e.csize,
                big if e.usize > ZIP64_LIMIT else e.usize, len(e.name), len(extra), 0, 0, 0,
                FILE_ATTR, big if e.offset > ZIP64_LIMIT else e.offset,
            )  # fmt: skip
            out += e.name + extra
        count, size = len(self._entries), len(out)
        if count > 0xFFFF or size > ZIP64_LIMIT or start > ZIP64_LIMIT:
            end64 = start + size
            out += _END64.pack(b"PK\x06\x06", 44, 45, 45, 0, 0, count, count, size, start)
            out += _LOCATOR64.pack(b"PK\x06\x07", 0, end64, 1)
        out += _END.pack(b"PK\x05\x06", 0, 0, min(count, 0xFFFF), min(count, 0xFFFF),
                         min(size, 0xFFFFFFFF), min(start, 0xFFFFFFFF), 0)  # fmt: skip
        _write_all(self._fd, out)
        return self._fh.tell()


def _copy_some(src: int, dst: int, offset: int, count: int, mode: list[int]) -> int:
    """Copy up to ``count`` bytes from ``src`` at ``offset`` to ``dst``'s position."""
    while True:
        try:
            if mode[0] == 0:
                return os.copy_file_range(src, dst, count, offset)
            if mode[0] == 1:
                return os.sendfile(dst, src, offset, count)
            data = os.pread(src, min(count, CHUNK), offset)
            _write_all(dst, data)
            return len(data)
        except OSError as exc:
            if mode[0] < 2 and exc.errno in _FALLBACK:
                mode[0] += 1  # this method is not available here: try the next one
                continue
            raise


def copy_range(
    src: int, dst: int, size: int, meter: Meter, flusher: Flusher | None = None
) -> int:
    """Copy ``size`` bytes from the start of ``src`` to ``dst`` in the kernel; return
    the count copied (less if ``src`` got shorter)."""
    mode = [0 if hasattr(os, "copy_file_range") else 1]
    done = 0
    while done < size:
        meter.check()
        n = _copy_some(src, dst, done, min(RANGE_CHUNK, size - done), mode)
        if n <= 0:
            break
        done += n
        meter.add(n)
        if flusher is not None:
            flusher.wrote(n)
    return done


def copy_hashed(
    src: FileIO, dst: int, size: int, meter: Meter, flusher: Flusher | None = None
) -> tuple[int, Fingerprint]:
    """Copy from ``src`` to ``dst`` hashing the bytes; return (bytes copied, fingerprint).

    Reads at most ``size + 1`` bytes, so a file that grew is noticed without
    copying all of it; the caller compares the result with what it expected.
    """
    copied = 0
    with Digest(size >= THREADED_HASH_MIN) as digest:
        for chunk in chunks(src, size + 1, meter.check):
            copied += len(chunk)
            if copied > size:
                break
            digest.update(chunk)
            _write_all(dst, chunk)
            meter.add(len(chunk))
            if flusher is not None:
                flusher.wrote(len(chunk))
        return copied, digest.result()


def store_file(
    zw: ZipWriter, arcname: str, source: Path, expected: tuple[int, str], label: str,
    meter: Meter, flusher: Flusher | None, store: FingerprintStore,
) -> Signature:
    """Store ``source`` as ``arcname``, verified against ``expected`` (size, sha256);
    return the signature the file had while its bytes were copied (the one after the
    copy if it changed meanwhile).  Raises ExportError (one line).

    Warm (the signature's fingerprint is cached with the expected sha256): the
    kernel copies, then the file must still have that signature.  Cold: hash
    while copying, compare, record the fingerprint (racy rule permitting).
    """
    size, sha256 = expected
    changed = ExportError(
        f"{label}: the file changed since it was added (content differs); re-import the clip"
    )
    started = time.time_ns()
    try:
        src = open(source, "rb", buffering=0)  # noqa: SIM115 - closed below
    except OSError as exc:
        raise ExportError(f"{label}: cannot read ({exc.strerror or exc})") from None
    with src:
        try:
            sig = Signature.of(source, os.fstat(src.fileno()))
            known = store.lookup(sig) if sig.size == size else None
            if known is not None and known.sha256 == sha256:
                zw.begin(arcname, size, known.crc32)
                copied = copy_range(src.fileno(), zw.fileno(), size, meter, flusher)
                if copied != size or Signature.of(source, os.fstat(src.fileno())) != sig:
                    raise changed
                zw.end(known.crc32)
                return sig
            zw.begin(arcname, size)
            store.count_read()
            copied, found = copy_hashed(src, zw.fileno(), size, meter, flusher)
            if copied != size or found.sha256 != sha256:
                raise changed
            zw.end(found.crc32)
            after = Signature.of(source, os.fstat(src.fileno()))
            if after != sig:  # the right bytes, but the file moved on: cache nothing about it
                return after
            store.record(sig, found, started)
            return sig
        except OSError as exc:
            raise ExportError(f"{label}: cannot copy into the bundle ({exc.strerror or exc})") from None


__all__ = ["CHUNK", "fsync_dir"]  # re-exported: the importer uses them
