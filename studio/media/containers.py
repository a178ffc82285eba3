"""Bounded structure checks of the two allowed container families, before PyAV opens a file.

* ISO-BMFF (mp4 / mov / m4v): :func:`walk_isobmff` walks the top-level boxes (they must
  tile the file exactly) and the boxes inside the containers the FFmpeg demuxer descends
  into (``moov``, ``trak``, ``moof``, ...), so that the demuxer's own walk is bounded too.
* EBML (webm / mkv): :func:`check_ebml` reads the DocType from the header and checks that
  the Segment fits in the file.
* Anything else: :func:`why_not_allowed` names what the first bytes look like.

**Limits** (documented in ``docs/media-limits.md``): at most :data:`MAX_BOXES` boxes
(top level and nested, counted together); every top-level box other than ``mdat`` and
every run of bytes after a Matroska Segment at most :data:`MAX_SIDE_BYTES`; a sample
description (``stsd``) at most :data:`MAX_SAMPLE_DESCRIPTION_BYTES`.  The walk's cost is
therefore bounded by :data:`MAX_BOXES` whatever the file holds, and ``check`` (a
cancel callback that raises) is called every :data:`CHECK_EVERY` boxes.

Failures raise :class:`StructureError` whose message is a short reason (no file
name); :mod:`studio.media.probe` turns it into a one-line ``ProbeError``.  Qt-free,
PyAV-free.
"""

from __future__ import annotations

import struct
from collections.abc import Callable
from typing import BinaryIO

MAX_BOXES = 100_000
MAX_SIDE_BYTES = 64 << 20
MAX_SAMPLE_DESCRIPTION_BYTES = 1 << 20
MAX_DEPTH = 10  # FFmpeg refuses atoms nested deeper than this
CHECK_EVERY = 4096
_WINDOW = 8192
# Boxes whose payload is a sequence of boxes that FFmpeg's mov demuxer walks.
CONTAINERS = frozenset(
    {b"moov", b"trak", b"mdia", b"minf", b"stbl", b"dinf", b"edts", b"udta", b"mvex", b"moof",
     b"traf", b"tref", b"mfra", b"meta", b"ilst", b"wave", b"sinf", b"schi", b"iprp", b"ipco"}
)  # fmt: skip
_SEGMENT_ID = 0x18538067
# Magic bytes of well-known formats that are not allowed, for a helpful message.
_OTHER_CONTAINERS: tuple[tuple[int, bytes, str], ...] = (
    (0, b"FLV", "flv"),
    (0, b"OggS", "ogg"),
    (0, b"fLaC", "flac"),
    (0, b"ID3", "mp3"),
    (0, b"\x00\x00\x01\xba", "mpeg"),
    (0, b"\x30\x26\xb2\x75\x8e\x66\xcf\x11", "asf"),
    (0, b"#!AMR", "amr"),
)
_IMAGES: tuple[tuple[bytes, str], ...] = (
    (b"\xff\xd8\xff", "jpeg image"),
    (b"\x89PNG\r\n\x1a\n", "png image"),
    (b"GIF87a", "gif image"),
    (b"GIF89a", "gif image"),
)


class StructureError(ValueError):
    """The file's structure is broken; ``str()`` is a short reason."""


class LimitError(StructureError):
    """The file passes one of this module's limits; ``str()`` names the limit."""


def human_bytes(n: int) -> str:
    """``8 GiB``, ``64 MiB``, ``1.5 KiB``, ``17 bytes``."""
    for unit, shift in (("GiB", 30), ("MiB", 20), ("KiB", 10)):
        if n >= 1 << shift:
            return f"{n / (1 << shift):.4g} {unit}"
    return f"{n} bytes"


_HEADER = struct.Struct(">I4s")
_LARGE = struct.Struct(">Q")


def walk_isobmff(fh: BinaryIO, size: int, check: Callable[[], None] | None = None) -> frozenset[bytes]:
    """The set of top-level box types of a ``size``-byte ISO-BMFF file.

    Top-level boxes must tile the file exactly; a broken nested box only ends the walk of
    its container (FFmpeg tolerates those).  Headers are read through one small window,
    so dense runs of boxes cost one read per window.  Raises :class:`StructureError`.
    """
    seen: set[bytes] = set()
    count = 0
    data, start, stop = b"", 0, 0  # the window: data read from file offset start to stop
    pending: list[tuple[int, int, int]] = [(0, size, 0)]  # (offset, end, depth) still to walk
    while pending:
        offset, end, depth = pending.pop()
        while offset < end:
            count += 1
            if count > MAX_BOXES:
                raise LimitError(f"has more than {MAX_BOXES:,} boxes (the limit)")
            if check is not None and not count % CHECK_EVERY:
                check()
            if offset < start or (offset + 16 > stop and stop < size):
                fh.seek(offset)
                data, start = fh.read(_WINDOW), offset
                stop = start + len(data)
            rel = offset - start
            header, box_type = 8, b""
            if offset + 8 > stop or offset + 8 > end:
                box_size = -1  # header cut
            else:
                box_size, box_type = _HEADER.unpack_from(data, rel)
                if box_size == 1:
                    header = 16
                    box_size = -1 if offset + 16 > stop else _LARGE.unpack_from(data, rel + 8)[0]
                elif box_size == 0:
                    box_size = end - offset
            if box_size < header or offset + box_size > end:
                if depth:
                    break  # FFmpeg stops walking this container too
                raise _top_level_error(offset, box_size, header, size, data[rel + 4 : rel + 8])
            if depth == 0:
                seen.add(box_type)
                if box_size > MAX_SIDE_BYTES and box_type != b"mdat":
                    raise LimitError(
                        f"box {_name(box_type)} is {human_bytes(box_size)} (the limit for boxes"
                        f" other than 'mdat' is {human_bytes(MAX_SIDE_BYTES)})"
                    )
            if box_type in CONTAINERS:
                if depth < MAX_DEPTH:
                    # An ISO 'meta' is a full box (4 bytes of version and flags before its
                    # children); a QuickTime 'meta' starts with its 'hdlr' child at once.
                    full = box_type == b"meta" and data[rel + 12 : rel + 16] != b"hdlr"
                    pending.append((offset + header + 4 * full, offset + box_size, depth + 1))
            elif box_type == b"stsd" and box_size > MAX_SAMPLE_DESCRIPTION_BYTES:
                raise LimitError(
                    f"sample description 'stsd' is {human_bytes(box_size)}"
                    f" (the limit is {human_bytes(MAX_SAMPLE_DESCRIPTION_BYTES)})"
                )
            offset += box_size
    return frozenset(seen)


def _name(box_type: bytes) -> str:
    return repr(box_type.decode("latin-1"))


def _top_level_error(offset: int, box_size: int, header: int, size: int, kind: bytes) -> StructureError:
    if box_size == -1:
        return StructureError(f"box header cut at byte {offset}")
    if box_size < header:
        return StructureError(f"bad box size at byte {offset}")
    return StructureError(f"box {_name(kind)} is missing {offset + box_size - size} bytes")


def _read_vint(buf: bytes, pos: int, keep_marker: bool) -> tuple[int | None, int]:
    """Read an EBML variable-length integer; return (value or None if unknown, new pos)."""
    if pos >= len(buf):
        raise IndexError("EBML header cut")
    first = buf[pos]
    length = 1
    while length <= 8 and not first & (0x80 >> (length - 1)):
        length += 1
    if length > 8 or pos + length > len(buf):
        raise IndexError("bad EBML number")
    raw = int.from_bytes(buf[pos : pos + length], "big")
    if keep_marker:
        return raw, pos + length
    value = raw & ((1 << (7 * length)) - 1)
    return (None if value == (1 << (7 * length)) - 1 else value), pos + length


def check_ebml(head: bytes, size: int) -> str:
    """The DocType (``webm``, ``matroska``, ...) of an EBML file whose first bytes are ``head``.

    Raises :class:`StructureError` if the header is broken, the Segment does not fit in
    the file, or more than :data:`MAX_SIDE_BYTES` follow it.
    """
    try:
        _, pos = _read_vint(head, 0, keep_marker=True)
        header_size, pos = _read_vint(head, pos, keep_marker=False)
        if header_size is None:
            raise IndexError("EBML header of unknown size")
        end = pos + header_size
        doctype = ""
        while pos < end:
            element, pos = _read_vint(head, pos, keep_marker=True)
            length, pos = _read_vint(head, pos, keep_marker=False)
            if length is None:
                raise IndexError("EBML element of unknown size")
            if element == 0x4282:
                doctype = head[pos : pos + length].rstrip(b"\0").decode("ascii", "replace")
            pos += length
        segment, pos = _read_vint(head, end, keep_marker=True)
        segment_size, pos = _read_vint(head, pos, keep_marker=False)
    except IndexError as exc:
        raise StructureError(str(exc)) from None
    if segment != _SEGMENT_ID:
        raise StructureError("no Matroska segment")
    if segment_size is not None:
        after = size - (pos + segment_size)
        if after < 0:
            raise StructureError(f"segment is missing {-after} bytes")
        if after > MAX_SIDE_BYTES:
            raise LimitError(
                f"{human_bytes(after)} follow the Matroska segment"
                f" (the limit is {human_bytes(MAX_SIDE_BYTES)})"
            )
    return doctype


def why_not_allowed(head: bytes, allowed: str) -> str:
    """Explain, from the first bytes, why a file that is neither ISO-BMFF nor EBML fails
    (``allowed`` is the list of allowed containers, for the message)."""
    if head[:4] == b"RIFF" and len(head) >= 12:
        kind = {b"AVI ": "avi", b"WAVE": "wav"}.get(head[8:12], "riff")
        return f"container '{kind}' is not allowed ({allowed})"
    if head[:1] == b"\x47" and (len(head) < 189 or head[188:189] == b"\x47"):
        return f"container 'mpegts' is not allowed ({allowed})"
    for offset, magic, kind in _OTHER_CONTAINERS:
        if head[offset : offset + len(magic)] == magic:
            return f"container '{kind}' is not allowed ({allowed})"
    for magic, kind in _IMAGES:
        if head.startswith(magic):
            return f"not a video file ({kind})"
    if _looks_like_text(head):
        text = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
        playlist = (b"#extm3u", b"[playlist]", b"<?xml", b"<smil", b"<mpd", b"<asx")
        return f"not a video file ({'text/playlist' if text.startswith(playlist) else 'text'})"
    return "not a video file (unrecognised format)"


def _looks_like_text(head: bytes) -> bool:
    if b"\0" in head:
        return False
    try:
        text = head.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.start < len(head) - 4:  # a multi-byte character cut by the read is fine
            return False
        text = head[: exc.start].decode("utf-8")
    printable = sum(ch.isprintable() or ch in "\t\r\n\f" for ch in text)
    return printable >= 0.95 * max(len(text), 1)
