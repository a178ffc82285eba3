"""The zip writer on its own: zipfile reads it, zip64 past 4 GiB, aligned stored data."""

from __future__ import annotations

import os
import shutil
import struct
import subprocess
import zipfile
import zlib
from pathlib import Path

import pytest

from studio.bundle.zipout import (
    ALIGN,
    ALIGN_MIN,
    DEFLATED,
    STORED,
    Meter,
    ZipWriter,
    copy_hashed,
    copy_range,
)
from tests.support import require

GIB = 1 << 30


def _data_offset(raw: bytes | memoryview, header: int) -> int:
    nlen, xlen = struct.unpack_from("<HH", raw, header + 26)
    return header + 30 + nlen + xlen


def test_small_entries_round_trip_through_zipfile(tmp_path: Path) -> None:
    path = tmp_path / "t.zip"
    text = b"hello " * 1000
    with open(path, "wb", buffering=0) as fh:
        zw = ZipWriter(fh)
        zw.add_bytes("a.json", text, DEFLATED)
        zw.add_bytes("b.jpg", b"\xff\xd8jpeg\xff\xd9", STORED)
        zw.add_bytes("\u00e9t\u00e9.txt", b"utf-8 name", STORED)
        size = zw.close()
    assert size == path.stat().st_size
    with zipfile.ZipFile(path) as zf:
        assert zf.testzip() is None
        assert [i.filename for i in zf.infolist()] == ["a.json", "b.jpg", "\u00e9t\u00e9.txt"]
        assert zf.read("a.json") == text and zf.getinfo("a.json").compress_type == DEFLATED
        info = zf.getinfo("b.jpg")
        assert info.date_time == (1980, 1, 1, 0, 0, 0) and info.external_attr >> 16 == 0o100644


def test_writer_refuses_misuse(tmp_path: Path) -> None:
    with open(tmp_path / "t.zip", "wb", buffering=0) as fh:
        zw = ZipWriter(fh)
        zw.add_bytes("a", b"x", STORED)
        with pytest.raises(ValueError, match="twice"):
            zw.add_bytes("a", b"y", STORED)
        zw.begin("big", 10)
        fh.write(b"short")
        with pytest.raises(ValueError, match="not 10 bytes"):
            zw.end(0)


def test_large_stored_data_is_aligned_and_both_copies_agree(tmp_path: Path) -> None:
    data = os.urandom(ALIGN_MIN + 12345)
    src = tmp_path / "clip.mkv"
    src.write_bytes(data)
    crc = zlib.crc32(data)
    outputs = []
    for kind in ("kernel", "hashed"):
        path = tmp_path / f"{kind}.zip"
        with open(path, "wb", buffering=0) as fh, open(src, "rb", buffering=0) as source:
            zw = ZipWriter(fh)
            zw.add_bytes("a.txt", b"odd length header first", STORED)
            meter = Meter(len(data), None, None, "test")
            if kind == "kernel":
                zw.begin("media/clip.mkv", len(data), crc)
                assert copy_range(source.fileno(), fh.fileno(), len(data), meter) == len(data)
                zw.end(crc)
            else:
                zw.begin("media/clip.mkv", len(data))
                copied, found = copy_hashed(source, fh.fileno(), len(data), meter)
                assert copied == len(data) and found.crc32 == crc
                zw.end(found.crc32)
            zw.add_bytes("z.txt", b"small, not aligned", STORED)
            zw.close()
        outputs.append(path.read_bytes())
    assert outputs[0] == outputs[1]
    with zipfile.ZipFile(tmp_path / "kernel.zip") as zf:
        assert zf.testzip() is None and zf.read("media/clip.mkv") == data
        info = zf.getinfo("media/clip.mkv")
        assert _data_offset(outputs[0], info.header_offset) % ALIGN == 0
        small = zf.getinfo("z.txt")
        assert _data_offset(outputs[0], small.header_offset) % ALIGN != 0  # no padding for small
    unzip = shutil.which("unzip")
    if unzip is not None:  # a second, independent reader when installed
        proc = subprocess.run([unzip, "-tq", str(tmp_path / "kernel.zip")], capture_output=True,
                              text=True, timeout=60, check=False)
        assert proc.returncode == 0, proc.stdout + proc.stderr


def test_zip64_past_4_gib(tmp_path: Path) -> None:
    """A 4.5 GiB stored entry (a sparse hole) then a small one past 4 GiB.

    The CRC is only checked by a reader at the end of the entry, never reached here."""
    size = 4 * GIB + GIB // 2
    crc = 0x1234ABCD
    path = tmp_path / "big.zip"
    problem: OSError | None = None
    try:
        with open(path, "wb", buffering=0) as fh:
            zw = ZipWriter(fh)
            zw.add_bytes("manifest.json", b"{}", DEFLATED)
            zw.begin("media/big.mkv", size, crc)
            fh.seek(size, os.SEEK_CUR)  # the hole reads back as zeros
            zw.end(crc)
            zw.add_bytes("posters/after.jpg", b"after the big one", STORED)
            zw.close()
    except OSError as exc:  # a file system without sparse files or large offsets
        problem = exc
    require(problem is None, f"a file system with sparse {size} byte files ({problem})")
    with zipfile.ZipFile(path) as zf:
        big, after = zf.getinfo("media/big.mkv"), zf.getinfo("posters/after.jpg")
        assert (big.file_size, big.compress_size, big.CRC) == (size, size, crc)
        assert after.header_offset > 4 * GIB
        assert zf.read("posters/after.jpg") == b"after the big one"
        with zf.open(big) as fh:
            assert fh.read(16) == bytes(16)
    with open(path, "rb") as fh:  # the local header of the big entry
        head = fh.read(200)
        local = head.index(b"PK\x03\x04", 4)
        assert _data_offset(head, local) % ALIGN == 0
        csize, usize = struct.unpack_from("<II", head, local + 18)
        assert (csize, usize) == (0xFFFFFFFF, 0xFFFFFFFF)  # the real sizes are in the zip64 extra
