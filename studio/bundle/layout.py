"""Where the entries of a zip really lie: the end record before parsing, local headers after.

``zipfile`` reads the whole central directory into memory, so its size and
entry count (from the end record, zip64 too) are bounded *before* it is
parsed (:func:`check_directory`).

The central directory gives each entry's local header offset and compressed
size; what lies between the two (the local header's own name and extra field,
whose lengths need not match the central record's) and after the data (a data
descriptor) only the local header tells.  :func:`check_extents` reads every
local header and computes the entry's true extent, from its header offset to
the end of its data (and data descriptor); extents must not overlap (one
entry's data or extra field holding another entry: an overlapping zip bomb)
and must end before the central directory starts.
"""

from __future__ import annotations

import itertools
import struct
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from typing import BinaryIO, NoReturn

from studio.bundle.errors import show

Fail = Callable[[str, str], NoReturn]

LOCAL_SIG = b"PK\x03\x04"
DESCRIPTOR_SIG = b"PK\x07\x08"
END_SIG = b"PK\x05\x06"
LOCATOR64_SIG = b"PK\x06\x07"
END64_SIG = b"PK\x06\x06"
CENTRAL_SIG = b"PK\x01\x02"
# signature, version, flags, method, time, date, crc, csize, usize, name length, extra length
_LOCAL = struct.Struct("<4sHHHHHIIIHH")
_CENTRAL = struct.Struct("<4sHHHHHHIIIHHHHHII")
_END = struct.Struct("<4sHHHHIIH")  # ..., entries here, entries total, cd size, cd offset, comment
_LOCATOR64 = struct.Struct("<4sIQI")
_END64 = struct.Struct("<4sQHHIIQQQQ")
_DESCRIPTOR_FLAG = 0x08
_ZIP64_EXTRA_ID = 0x0001
_U32 = 0xFFFFFFFF
_MAX_COMMENT = 0xFFFF


@dataclass(frozen=True)
class Extent:
    """Bytes ``[start, end)`` of the archive that belong to entry ``name``."""

    name: str
    start: int
    data_start: int
    end: int


def _read_at(fh: BinaryIO, offset: int, size: int) -> bytes:
    fh.seek(offset)
    return fh.read(size)


def _zip64_local(extra: bytes) -> bool:
    """Whether a local extra field holds a zip64 record (then a data descriptor has 8-byte sizes)."""
    pos = 0
    while pos + 4 <= len(extra):
        header_id, size = struct.unpack_from("<HH", extra, pos)
        if header_id == _ZIP64_EXTRA_ID:
            return True
        pos += 4 + size
    return False


def extent(fh: BinaryIO, info: zipfile.ZipInfo, fail: Fail) -> Extent:
    """The true extent of ``info``, from its local header."""
    name, start = info.orig_filename, info.header_offset
    head = _read_at(fh, start, _LOCAL.size)
    if len(head) < _LOCAL.size or head[:4] != LOCAL_SIG:
        fail(name, f"is corrupt (no local header at byte {start})")
    _sig, _ver, flags, _method, _time, _date, _crc, _cs, _us, nlen, xlen = _LOCAL.unpack(head)
    data_start = start + _LOCAL.size + nlen + xlen
    end = data_start + info.compress_size
    if (flags | info.flag_bits) & _DESCRIPTOR_FLAG:
        wide = info.compress_size >= _U32 or info.file_size >= _U32 or _zip64_local(
            _read_at(fh, start + _LOCAL.size + nlen, xlen)
        )
        size = 4 + (16 if wide else 8)  # crc-32, then compressed and uncompressed sizes
        if _read_at(fh, end, 4) == DESCRIPTOR_SIG:
            size += 4
        end += size
    return Extent(name, start, data_start, end)


def check_extents(
    fh: BinaryIO, infos: list[zipfile.ZipInfo], directory_start: int, fail: Fail
) -> list[Extent]:
    """Every entry's extent; refuses overlaps and entries reaching the central directory."""
    extents = sorted((extent(fh, info, fail) for info in infos), key=lambda e: (e.start, e.end))
    for prev, cur in itertools.pairwise(extents):
        if prev.end > cur.start:
            fail(cur.name, f"overlaps entry '{show(prev.name)}' (zip bomb)")
    for e in extents:
        if e.end > directory_start:
            fail(
                e.name,
                f"runs to byte {e.end}, past the start of the central directory at byte "
                f"{directory_start} (truncated or corrupt)",
            )
    return extents


def _count_records(directory: bytes) -> int:
    """Central records in ``directory`` (walking stops at anything that is not one)."""
    count = pos = 0
    while pos + _CENTRAL.size <= len(directory) and directory[pos : pos + 4] == CENTRAL_SIG:
        nlen, xlen, clen = struct.unpack_from("<HHH", directory, pos + 28)
        pos += _CENTRAL.size + nlen + xlen + clen
        count += 1
    return count


def check_directory(
    fh: BinaryIO, archive_size: int, max_entries: int, max_bytes: int, fail: Fail
) -> None:
    """Bound the central directory (bytes, then records) before ``zipfile`` parses it.

    Found like ``zipfile`` finds it (the last end record, zip64 if present); a
    file without an end record is left to ``zipfile``, which refuses it."""
    tail_size = min(archive_size, _END.size + _MAX_COMMENT)
    tail_at = archive_size - tail_size
    tail = _read_at(fh, tail_at, tail_size)
    at = tail.rfind(END_SIG)
    if at < 0 or at + _END.size > len(tail):
        return
    cd_size = _END.unpack_from(tail, at)[5]
    cd_end = tail_at + at
    if cd_end >= _LOCATOR64.size:
        loc = _read_at(fh, cd_end - _LOCATOR64.size, _LOCATOR64.size)
        if len(loc) == _LOCATOR64.size and loc[:4] == LOCATOR64_SIG:
            end64_at = _LOCATOR64.unpack(loc)[2]
            rec = _read_at(fh, end64_at, _END64.size) if end64_at < archive_size else b""
            if len(rec) == _END64.size and rec[:4] == END64_SIG:
                cd_size, cd_end = _END64.unpack(rec)[8], end64_at
    if cd_size > max_bytes:
        fail("", f"has a central directory of {cd_size} bytes (the limit is {max_bytes})")
    if cd_end >= cd_size:
        count = _count_records(_read_at(fh, cd_end - cd_size, cd_size))
        if count > max_entries:
            fail("", f"has {count} entries (the limit is {max_entries})")
