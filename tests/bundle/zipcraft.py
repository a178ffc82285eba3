"""Helpers to build and byte-patch zip files for the malicious-bundle corpus.

``zipfile`` refuses to write some things (NUL in names, the encryption flag
without encrypting, lying sizes), so those are patched into the raw bytes of
the central directory and local headers after writing.
"""

from __future__ import annotations

import json
import struct
import warnings
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

EOCD = b"PK\x05\x06"
CENTRAL = b"PK\x01\x02"
LOCAL = b"PK\x03\x04"

# Field offsets (format, offset) in the central record and in the local header.
CENTRAL_FIELDS = {"flags": ("<H", 8), "method": ("<H", 10), "crc": ("<I", 16),
                  "csize": ("<I", 20), "usize": ("<I", 24), "eattr": ("<I", 38),
                  "offset": ("<I", 42)}
LOCAL_FIELDS = {"flags": ("<H", 6), "method": ("<H", 8), "crc": ("<I", 14),
                "csize": ("<I", 18), "usize": ("<I", 22)}


@dataclass
class Item:
    """One entry to write: name, data, compression and optional Unix mode."""

    name: str
    data: bytes
    compress: int = zipfile.ZIP_STORED
    mode: int | None = None


def read_items(path: Path) -> list[Item]:
    with zipfile.ZipFile(path) as zf:
        return [Item(i.filename, zf.read(i), i.compress_type) for i in zf.infolist()]


def write_items(path: Path, items: list[Item]) -> Path:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # zipfile warns on duplicate names: that is the point
        with zipfile.ZipFile(path, "w") as zf:
            for item in items:
                info = zipfile.ZipInfo(item.name, date_time=(1980, 1, 1, 0, 0, 0))
                info.compress_type = item.compress
                info.create_system = 3
                if item.mode is not None:
                    info.external_attr = item.mode << 16
                zf.writestr(info, item.data)
    return path


def manifest_of(items: list[Item]) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(next(i.data for i in items if i.name == "manifest.json"))
    return data


def replace_manifest(items: list[Item], manifest: dict[str, Any] | bytes) -> list[Item]:
    raw = manifest if isinstance(manifest, bytes) else json.dumps(manifest, indent=2).encode()
    return [
        Item(i.name, raw, i.compress) if i.name == "manifest.json" else i for i in items
    ]


def _records(data: bytes) -> Iterator[tuple[int, str]]:
    """(offset of the central record, entry name) for every entry."""
    eocd = data.rfind(EOCD)
    assert eocd >= 0, "no end of central directory record"
    (count,) = struct.unpack_from("<H", data, eocd + 10)
    (pos,) = struct.unpack_from("<I", data, eocd + 16)
    for _ in range(count):
        assert data[pos : pos + 4] == CENTRAL
        nlen, xlen, clen = struct.unpack_from("<HHH", data, pos + 28)
        yield pos, data[pos + 46 : pos + 46 + nlen].decode("utf-8", "surrogateescape")
        pos += 46 + nlen + xlen + clen


def patch(data: bytes, name: str, field: str, value: int, local: bool = True) -> bytes:
    """Set ``field`` of entry ``name`` in its central record (and local header)."""
    out = bytearray(data)
    for pos, entry in _records(data):
        if entry != name:
            continue
        fmt, off = CENTRAL_FIELDS[field]
        struct.pack_into(fmt, out, pos + off, value)
        if local and field in LOCAL_FIELDS:
            (header,) = struct.unpack_from("<I", data, pos + 42)
            assert data[header : header + 4] == LOCAL
            fmt, off = LOCAL_FIELDS[field]
            struct.pack_into(fmt, out, header + off, value)
        return bytes(out)
    raise KeyError(name)


def get_field(data: bytes, name: str, field: str) -> int:
    for pos, entry in _records(data):
        if entry == name:
            fmt, off = CENTRAL_FIELDS[field]
            value: int = struct.unpack_from(fmt, data, pos + off)[0]
            return value
    raise KeyError(name)


def rename_bytes(data: bytes, old: str, new: str) -> bytes:
    """Replace a name (same length) everywhere it occurs: local and central headers."""
    assert len(old.encode()) == len(new.encode("utf-8", "surrogateescape"))
    return data.replace(old.encode(), new.encode("utf-8", "surrogateescape"))


def add_alias_record(data: bytes, name: str, alias: str) -> bytes:
    """A second central record named ``alias`` pointing at ``name``'s local header."""
    eocd = data.rfind(EOCD)
    count, cd_size, cd_off = struct.unpack_from("<HII", data, eocd + 10)
    for pos, entry in _records(data):
        if entry == name:
            nlen, xlen, clen = struct.unpack_from("<HHH", data, pos + 28)
            record = bytearray(data[pos : pos + 46 + nlen + xlen + clen])
            alias_b = alias.encode()
            record = record[:28] + struct.pack("<H", len(alias_b)) + record[30:46] + alias_b
            record[30:34] = b"\0\0\0\0"  # no extra field, no comment
            central = data[cd_off : cd_off + cd_size] + bytes(record)
            tail = bytearray(data[eocd:])
            struct.pack_into("<HHII", tail, 8, count + 1, count + 1, len(central), cd_off)
            return data[:cd_off] + central + bytes(tail)
    raise KeyError(name)
