"""True entry extents from the local headers (issue #13 item 2) and the central directory bound.

The overlap defence used to assume a 30-byte local header, so an entry with a
large local extra field could hold another entry inside its data.  Real zips
built with ``zipfile`` (data descriptors via an unseekable stream, zip64) and
with our own ``ZipWriter`` (zipalign padding in the local extra field only)
must have tight extents: each entry ends exactly where the next begins.
"""

from __future__ import annotations

import io
import os
import struct
import zipfile
import zlib
from pathlib import Path

import pytest

from studio.bundle import BundleImportError
from studio.bundle.importer import Limits, import_bundle
from studio.bundle.layout import check_extents
from studio.bundle.zipout import STORED, ZipWriter
from tests.bundle.conftest import snapshot
from tests.bundle.zipcraft import Item, patch, read_items, write_items

PAD_ID = 0xCAFE


class _Unseekable(io.RawIOBase):
    """A write-only stream without seek/tell: ``zipfile`` then writes data descriptors."""

    def __init__(self) -> None:
        self.data = bytearray()

    def writable(self) -> bool:
        return True

    def write(self, b: bytes) -> int:  # type: ignore[override]
        self.data += b
        return len(b)


def _fail(name: str, reason: str) -> None:
    raise AssertionError(f"{name}: {reason}")


def _assert_tight(path: Path) -> None:
    """Every extent ends exactly where the next entry (or the central directory) starts."""
    with path.open("rb") as fh, zipfile.ZipFile(fh) as zf:
        extents = check_extents(fh, zf.infolist(), zf.start_dir, _fail)  # type: ignore[arg-type]
        starts = [e.start for e in extents[1:]] + [zf.start_dir]
        assert [e.end for e in extents] == starts


def _refused(bundle: Path, tmp_path: Path, expect: str, limits: Limits | None = None) -> str:
    parent = tmp_path / "parent"
    parent.mkdir()
    before = snapshot(parent)
    with pytest.raises(BundleImportError) as exc:
        import_bundle(bundle, parent / "project", limits=limits)
    message = str(exc.value)
    assert "\n" not in message and expect in message, message
    assert snapshot(parent) == before
    return message


@pytest.fixture(scope="module")
def good_items(good_bundle: Path) -> list[Item]:
    return read_items(good_bundle)


def test_entry_hidden_in_data_behind_a_large_extra_field(
    good_items: list[Item], tmp_path: Path
) -> None:
    """``player/pad.js`` has a 60,000-byte local extra field; its size is patched so that its
    data is exactly the whole next entry (``posters/intro.jpg``: header and data)."""
    victim = "posters/intro.jpg"
    at = next(i for i, item in enumerate(good_items) if item.name == victim)
    pad = Item("player/pad.js", b"x")
    items = [*good_items[:at], pad, *good_items[at:]]
    path = tmp_path / "evil.zip"
    extra = struct.pack("<HH", PAD_ID, 60_000) + bytes(60_000)
    with zipfile.ZipFile(path, "w") as zf:
        for item in items:
            info = zipfile.ZipInfo(item.name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = item.compress
            if item is pad:
                info.extra = extra
            zf.writestr(info, item.data)
    with zipfile.ZipFile(path) as zf:
        a, b = zf.getinfo(pad.name), zf.getinfo(victim)
        after_b = min([i.header_offset for i in zf.infolist() if i.header_offset > b.header_offset]
                      + [zf.start_dir])
    data_start = a.header_offset + 30 + len(pad.name) + len(extra)
    evil = patch(path.read_bytes(), pad.name, "csize", after_b - data_start)
    path.write_bytes(evil)
    with zipfile.ZipFile(path) as zf:
        a = zf.getinfo(pad.name)
        # the old 30-byte rule does not see it ...
        assert a.header_offset + 30 + a.compress_size <= b.header_offset
        # ... yet the padding entry's data really is the poster's local header and data
        with path.open("rb") as fh:
            fh.seek(data_start)
            assert fh.read(5) == b"xPK\x03\x04"  # its own byte, then the poster entry
    _refused(path, tmp_path, f"entry '{victim}': overlaps entry 'player/pad.js' (zip bomb)")


def test_entry_running_into_the_central_directory(good_items: list[Item], tmp_path: Path) -> None:
    """The last entry claims 100 bytes more than it has: they are central directory bytes."""
    path = write_items(tmp_path / "evil.zip", good_items)
    with zipfile.ZipFile(path) as zf:
        last = max(zf.infolist(), key=lambda i: i.header_offset)
        assert zf.start_dir + 100 < path.stat().st_size  # still inside the file
    path.write_bytes(patch(path.read_bytes(), last.filename, "csize", last.compress_size + 100))
    message = _refused(path, tmp_path, f"entry '{last.filename}': runs to byte")
    assert "past the start of the central directory" in message


def test_data_descriptor_bundle_imports_with_tight_extents(
    good_items: list[Item], tmp_path: Path
) -> None:
    """Streamed zips (``zip -`` style: sizes in a data descriptor after the data) are fine."""
    stream = _Unseekable()
    with zipfile.ZipFile(stream, "w") as zf:
        for item in good_items:
            zf.writestr(zipfile.ZipInfo(item.name, date_time=(1980, 1, 1, 0, 0, 0)), item.data,
                        compress_type=item.compress)  # fmt: skip
    path = tmp_path / "streamed.zip"
    path.write_bytes(bytes(stream.data))
    with zipfile.ZipFile(path) as zf:
        assert all(i.flag_bits & 0x08 for i in zf.infolist())
    _assert_tight(path)
    assert (import_bundle(path, tmp_path / "p") / "drama.json").is_file()


def test_zip64_data_descriptors_are_tight(tmp_path: Path) -> None:
    """With a zip64 local extra field, the data descriptor carries 8-byte sizes."""
    stream = _Unseekable()
    with zipfile.ZipFile(stream, "w") as zf:
        for n in range(3):
            with zf.open(f"player/f{n}.js", "w", force_zip64=True) as dest:
                dest.write(b"x" * (1000 + n))
    path = tmp_path / "z64.zip"
    path.write_bytes(bytes(stream.data))
    _assert_tight(path)


def test_own_writer_with_aligned_media_is_tight(tmp_path: Path) -> None:
    """Our writer pads the local extra field of large stored entries (not the central one)."""
    big = os.urandom(3 << 19)
    path = tmp_path / "aligned.zip"
    with path.open("wb", buffering=0) as fh:
        zw = ZipWriter(fh)
        zw.add_bytes("manifest.json", b"{}", STORED)
        zw.begin("media/a.mp4", len(big))
        fh.write(big)
        zw.end(zlib.crc32(big))
        zw.add_bytes("posters/a.jpg", b"\xff\xd8\xff", STORED)
        zw.close()
    with zipfile.ZipFile(path) as zf:
        info = zf.getinfo("media/a.mp4")
        assert not info.extra  # the padding is in the local header only
    _assert_tight(path)


def test_central_directory_is_bounded_before_parsing(good_bundle: Path, tmp_path: Path) -> None:
    size = good_bundle.stat().st_size
    with zipfile.ZipFile(good_bundle) as zf:
        cd_size = size - zf.start_dir - 22
    _refused(good_bundle, tmp_path, f"has a central directory of {cd_size} bytes (the limit is 500)",
             Limits(max_directory_bytes=500))  # fmt: skip


def test_entry_count_is_read_from_the_records_not_the_end_record(
    good_items: list[Item], tmp_path: Path
) -> None:
    """An end record claiming 1 entry does not hide the real number of central records."""
    path = write_items(tmp_path / "evil.zip", good_items)
    data = bytearray(path.read_bytes())
    end = data.rfind(b"PK\x05\x06")
    struct.pack_into("<HH", data, end + 8, 1, 1)
    path.write_bytes(bytes(data))
    _refused(path, tmp_path, f"has {len(good_items)} entries (the limit is 3)", Limits(max_entries=3))
