"""Hypothesis strategies that damage a real exported bundle (a ``.drama.zip``).

Two levels:

- ``patched``: the exported bytes themselves: truncation, flipped bytes, header
  fields set to edge values (sizes 0 / 0xFFFFFFFF, a large local extra length
  that makes one entry's data cover the next, method, flags, CRC, counts and
  offsets in the end record), entry names rewritten in place (``../``, ``/``,
  drive letters, backslashes, NUL, case twins, another entry's name, Windows
  reserved stems), junk before or after the archive.
- ``rebuilt``: the entries written again with ``zipfile`` after a change: the
  manifest mutated as a JSON document (tests/fuzz/mutations.py), entries
  renamed (any length), duplicated, dropped or added (scripts, folders,
  symlinks), compression switched.
"""

from __future__ import annotations

import io
import json
import struct
import warnings
import zipfile
from dataclasses import dataclass
from typing import Any

from hypothesis import strategies as st

from tests.fuzz.mutations import Doc, documents, fullwidth

LOCAL = {"flags": (6, "H"), "method": (8, "H"), "crc": (14, "I"), "csize": (18, "I"), "usize": (22, "I"),
         "nlen": (26, "H"), "xlen": (28, "H")}
CENTRAL = {"flags": (8, "H"), "method": (10, "H"), "crc": (16, "I"), "csize": (20, "I"), "usize": (24, "I"),
           "nlen": (28, "H"), "xlen": (30, "H"), "clen": (32, "H"), "disk": (34, "H"), "eattr": (38, "I"),
           "offset": (42, "I")}
END = {"disk": (4, "H"), "cd_disk": (6, "H"), "n_disk": (8, "H"), "n_total": (10, "H"),
       "cd_size": (12, "I"), "cd_offset": (16, "I"), "clen": (20, "H")}


@dataclass(frozen=True)
class Entry:
    name: str
    data: bytes
    method: int
    external_attr: int
    local: int  # offset of the local header
    central: int  # offset of the central header


class Bundle:
    """An exported bundle: its bytes, entries, end record offset and parsed manifest."""

    def __init__(self, data: bytes, entries: tuple[Entry, ...], end: int, manifest: Any) -> None:
        self.data, self.entries, self.end, self.manifest = data, entries, end, manifest

    def __repr__(self) -> str:
        return f"Bundle({len(self.data)} bytes, {len(self.entries)} entries)"


def parse(data: bytes) -> Bundle:
    end = data.rindex(b"PK\x05\x06")
    count, _, cd_offset = struct.unpack_from("<HII", data, end + 10)
    entries, at = [], cd_offset
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        for info in zf.infolist():
            assert data[at : at + 4] == b"PK\x01\x02"
            entries.append(Entry(info.filename, zf.read(info), info.compress_type, info.external_attr,
                                 info.header_offset, at))
            nlen, xlen, clen = struct.unpack_from("<HHH", data, at + 28)
            at += 46 + nlen + xlen + clen
        manifest = json.loads(zf.read("manifest.json"))
    assert len(entries) == count
    return Bundle(data, tuple(entries), end, manifest)


class Damaged:
    """Damaged bundle bytes (printed as the steps that made them)."""

    def __init__(self, data: bytes, steps: list[str] | None = None) -> None:
        self.data, self.steps = data, steps or []

    def __repr__(self) -> str:
        return f"Damaged({len(self.data)} bytes, steps={self.steps!r})"


def _edge(draw: st.DrawFn, old: int, fmt: str) -> int:
    top = 0xFFFF if fmt == "H" else 0xFFFFFFFF
    value = draw(st.sampled_from([0, 1, top, top - 1, old + 1, max(old - 1, 0), 0x8000, -1]))
    return draw(st.integers(0, top)) if value < 0 else min(value, top)


def _field(draw: st.DrawFn, b: Bundle, data: bytearray) -> str:
    where = draw(st.sampled_from(["local", "central", "central", "end"]))
    if where == "end":
        table, base, what = END, b.end, "end record"
    else:
        i = draw(st.integers(0, len(b.entries) - 1))
        entry = b.entries[i]
        table, base = (LOCAL, entry.local) if where == "local" else (CENTRAL, entry.central)
        what = f"{where} header of {entry.name!r}"
    name = draw(st.sampled_from(sorted(table)))
    offset, fmt = table[name]
    (old,) = struct.unpack_from("<" + fmt, data, base + offset)
    new = _edge(draw, old, fmt)
    struct.pack_into("<" + fmt, data, base + offset, new)
    return f"{what}: {name} {old} -> {new}"


def _same_length(draw: st.DrawFn, b: Bundle, name: str) -> bytes:
    others = [e.name for e in b.entries if len(e.name) == len(name) and e.name != name]
    stem_at = name.rfind("/") + 1
    how = draw(st.sampled_from(["dotdot", "slash", "drive", "backslash", "upper", "nul", "byte",
                                "other", "reserved", "fullwidth"]))
    new = {
        "dotdot": "../" + name[3:],
        "slash": "/" + name[1:],
        "drive": "C:" + name[2:],
        "backslash": name.replace("/", "\\"),
        "upper": name.upper(),
        "nul": name[:stem_at] + "\x00" + name[stem_at + 1 :],
        "other": draw(st.sampled_from(others)) if others else name[::-1],
        "reserved": name[:stem_at] + draw(st.sampled_from(["CON.", "aux.", "nul.", "COM1", "lpt9"]))
        + name[stem_at + 4 :],
    }.get(how)
    if how == "byte":
        raw = bytearray(name.encode())
        raw[draw(st.integers(0, len(raw) - 1))] = draw(st.sampled_from([0xFF, 0x80, 0x2F, 0x2E, 0x7F]))
        return bytes(raw)
    if how == "fullwidth":  # one fullwidth letter (3 UTF-8 bytes) for three ASCII ones: an NFKC twin
        return (name[:stem_at] + fullwidth(name[stem_at]) + name[stem_at + 3 :]).encode()
    assert new is not None
    return new.encode("utf-8", "surrogatepass")[: len(name.encode())].ljust(len(name.encode()), b"_")


def _rename_in_place(draw: st.DrawFn, b: Bundle, data: bytearray) -> str:
    entry = draw(st.sampled_from(b.entries))
    raw = _same_length(draw, b, entry.name)
    where = draw(st.sampled_from(["both", "central", "local"]))
    if where in ("both", "central"):
        data[entry.central + 46 : entry.central + 46 + len(raw)] = raw
    if where in ("both", "local"):
        data[entry.local + 30 : entry.local + 30 + len(raw)] = raw
    return f"rename {entry.name!r} -> {raw!r} ({where})"


@st.composite
def patched(draw: st.DrawFn, b: Bundle) -> Damaged:
    """The exported bytes damaged in place (one to three times)."""
    data = bytearray(b.data)
    steps = []
    for _ in range(draw(st.integers(1, 3))):
        how = draw(st.sampled_from(["truncate", "flip", "field", "field", "rename", "rename", "junk"]))
        if how == "truncate":
            marks = [0, 4, 22, b.end, b.end + 10, len(data) - 1]
            marks += [e.local + k for e in b.entries[:3] for k in (0, 29, 30, 40)]
            marks += [e.central + k for e in b.entries[:3] for k in (0, 45, 46)]
            at = draw(st.sampled_from(marks) | st.integers(0, len(data) - 1))
            del data[at:]
            steps.append(f"truncate at {at}")
            break  # offsets below no longer hold
        if how == "flip":
            at = draw(st.integers(0, len(data) - 1))
            bit = draw(st.integers(1, 255))
            data[at] ^= bit
            steps.append(f"flip byte {at} ^ {bit}")
        elif how == "field":
            steps.append(_field(draw, b, data))
        elif how == "rename":
            steps.append(_rename_in_place(draw, b, data))
        else:
            junk = draw(st.sampled_from([b"\x00" * 100, b"PK\x05\x06" + b"\x00" * 18, b"MZ" * 500]))
            before = draw(st.booleans())
            data = bytearray(junk + data if before else data + junk)
            steps.append(f"junk {len(junk)} bytes {'before' if before else 'after'}")
            break  # offsets below no longer hold
    return Damaged(bytes(data), steps)


SYMLINK = 0o120777 << 16
EXTRA_NAMES = [
    "player/evil.js", "evil.html", "media/x.exe", "media/CON.mp4", "posters/nul.jpg", "posters/Aux.jpg",
    "media/a.mp4.", "posters/x .jpg", "media/", "posters/", "../outside.jpg", "/abs.jpg", "C:/x.jpg",
    "media\\x.mp4", "images/" + "a" * 500 + ".jpg", "posters/ｐａｙｄａｙ.jpg", "posters/PAYDAY.jpg",
    "MANIFEST.JSON", "manifest.json", "posters/payday.jpg/", "posters/x\u202e.jpg", "posters/\x00.jpg",
]


def _write(entries: list[tuple[str, bytes, int, int]]) -> bytes:
    out = io.BytesIO()
    with warnings.catch_warnings(), zipfile.ZipFile(out, "w") as zf:
        warnings.simplefilter("ignore")  # "Duplicate name": wanted here
        for name, data, method, attr in entries:
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type, info.external_attr = method, attr
            zf.writestr(info, data)
    return out.getvalue()


@st.composite
def rebuilt(draw: st.DrawFn, b: Bundle, manifest_share: int = 2) -> Damaged:
    """The entries written again after a change to the manifest or the entry list."""
    entries = [(e.name, e.data, e.method, e.external_attr) for e in b.entries]
    steps: list[str] = []
    if draw(st.integers(0, manifest_share)) != 0:
        doc: Doc = draw(documents({"manifest": b.manifest}))
        entries[0] = ("manifest.json", doc.data, entries[0][2], entries[0][3])
        steps.extend(doc.steps)
    else:
        for _ in range(draw(st.integers(1, 2))):
            how = draw(st.sampled_from(["rename", "duplicate", "drop", "add", "symlink", "method"]))
            i = draw(st.integers(0, len(entries) - 1))
            name, data, method, attr = entries[i]
            if how == "rename":
                new = draw(st.sampled_from(EXTRA_NAMES))
                entries[i] = (new, data, method, attr)
                steps.append(f"rename {name!r} -> {new!r}")
            elif how == "duplicate":
                entries.insert(draw(st.integers(0, len(entries))), entries[i])
                steps.append(f"duplicate {name!r}")
            elif how == "drop":
                del entries[i]
                steps.append(f"drop {name!r}")
            elif how == "add":
                new = draw(st.sampled_from(EXTRA_NAMES))
                entries.append((new, data, method, attr))
                steps.append(f"add {new!r} with the data of {name!r}")
            elif how == "symlink":
                entries[i] = (name, b"../../../etc/passwd", method, SYMLINK)
                steps.append(f"{name!r} as a symlink")
            else:
                new_method = zipfile.ZIP_STORED if method == zipfile.ZIP_DEFLATED else zipfile.ZIP_DEFLATED
                entries[i] = (name, data, new_method, attr)
                steps.append(f"{name!r} method {method} -> {new_method}")
            if not entries:
                break
    return Damaged(_write(entries), steps)
