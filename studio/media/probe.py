"""Probe a video file in-process with PyAV and describe it as a :class:`ProbeResult`.

The container is identified *by content* (magic bytes), never by the file extension,
and only an allowlist of containers is accepted: ISO-BMFF (mp4 / mov / m4v) and
EBML (webm / mkv).  The file is then opened with PyAV, forcing the demuxer that the
magic bytes call for, and the first video frame is decoded so that truncated or
corrupt files are rejected here rather than in the player.

Every failure is reported as a :class:`ProbeError` whose message is one line naming
the file, e.g. ``clip.mp4: not a video file (text/playlist)``.

Rotation convention: :attr:`ProbeResult.rotation` is the number of degrees the coded
picture must be turned *clockwise* to be shown upright.  It is the value of the
legacy ``rotate`` tag that phones write (an iPhone portrait clip is 90) and it is
derived from FFmpeg's display matrix (which FFmpeg reports counter-clockwise).

**Cost bound and cancelling.**  Before anything is read, a file larger than
:data:`MAX_MEDIA_BYTES` is refused; the structure walk is bounded by the limits of
:mod:`studio.media.containers`; decoding stops after a bounded number of packets; the
SHA-256 is read in 1 MiB chunks, and ``check`` (a callback that raises to cancel, e.g.
``CancelToken.check``) runs before every chunk and every few thousand boxes, while
``progress(done, total)`` reports the bytes hashed.  Limits: ``docs/media-limits.md``.

This module must stay free of Qt and libVLC: it is used by the command-line tools.
"""

from __future__ import annotations

import hashlib
import os
import stat
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from fractions import Fraction
from typing import BinaryIO

import av
from av.container import InputContainer
from av.stream import Disposition
from av.video.frame import VideoFrame
from av.video.stream import VideoStream

from studio.hashcache import CHUNK, chunks
from studio.media.containers import (
    LimitError,
    StructureError,
    check_ebml,
    human_bytes,
    walk_isobmff,
    why_not_allowed,
)

ALLOWED_CONTAINERS: tuple[str, ...] = ("mp4", "mov", "m4v", "webm", "mkv")

MAX_MEDIA_BYTES = 4 << 30  # what a bundle import accepts in total (studio.bundle.entries.Limits)
_HEAD_BYTES = 4096
_MAX_PACKETS_FOR_FIRST_FRAME = 600
_M4V_BRANDS = frozenset({b"M4V ", b"M4VH", b"M4VP"})
# Top-level boxes an old QuickTime file (one without 'ftyp') may start with.
_QT_FIRST_BOXES = frozenset({b"moov", b"mdat", b"wide", b"free", b"skip", b"pnot"})
class ProbeError(Exception):
    """A media file was rejected.  ``str(error)`` is one line: ``<file>: <reason>``."""

    def __init__(self, path: str | os.PathLike[str], reason: str) -> None:
        self.path = os.fspath(path)
        self.reason = _one_line(reason)
        super().__init__(f"{_one_line(self.path)}: {self.reason}")

    def __reduce__(self) -> tuple[type[ProbeError], tuple[str, str]]:
        return type(self), (self.path, self.reason)


@dataclass(frozen=True)
class ProbeResult:
    """What the studio needs to know about one clip."""

    path: str
    size: int
    sha256: str
    duration_ms: int
    width: int
    height: int
    rotation: int
    display_width: int
    display_height: int
    fps: float
    video_codec: str
    audio_codec: str | None
    container: str

    def to_json(self) -> dict[str, object]:
        """Plain JSON-serialisable dict with one key per field."""
        return {
            "path": self.path,
            "size": self.size,
            "sha256": self.sha256,
            "duration_ms": self.duration_ms,
            "width": self.width,
            "height": self.height,
            "rotation": self.rotation,
            "display_width": self.display_width,
            "display_height": self.display_height,
            "fps": self.fps,
            "video_codec": self.video_codec,
            "audio_codec": self.audio_codec,
            "container": self.container,
        }


def sha256_file(
    path: str | os.PathLike[str], chunk: int = CHUNK, check: Callable[[], None] | None = None
) -> str:
    """Hex SHA-256 of a file, read in ``chunk``-byte pieces; ``check()`` runs before each."""
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        while True:
            if check is not None:
                check()
            if not (block := fh.read(chunk)):
                break
            digest.update(block)
    return digest.hexdigest()


def _hash(
    path: str | os.PathLike[str],
    check: Callable[[], None] | None,
    progress: Callable[[int, int], None] | None,
) -> tuple[int, str]:
    """``(bytes read, hex SHA-256)`` in CHUNK pieces, ``check()`` before each read.

    SHA-256 only, on this thread: as fast as a plain ``hashlib`` loop (bench/bench_probe.py);
    the size returned is what was hashed, so the two always agree."""
    digest = hashlib.sha256()
    with open(path, "rb", buffering=0) as fh:
        size = os.fstat(fh.fileno()).st_size
        done = 0
        for block in chunks(fh, size + 1, check):
            digest.update(block)
            done += len(block)
            if progress is not None:
                progress(done, size)
    return done, digest.hexdigest()


def probe(
    path: str | os.PathLike[str],
    *,
    check: Callable[[], None] | None = None,
    progress: Callable[[int, int], None] | None = None,
    max_bytes: int = MAX_MEDIA_BYTES,
) -> ProbeResult:
    """Identify, open and check a video file; raise :class:`ProbeError` if unusable.

    ``check()`` is called before every 1 MiB read and every few thousand boxes; whatever
    it raises (a cancel) propagates unchanged.  ``progress(done, total)`` follows the
    hashing in bytes.  A file larger than ``max_bytes`` is refused before it is read.
    """
    _check_size(path, max_bytes)
    with open_video(path, check) as (container, stream, kind):
        try:
            first = first_video_frame(path, container, stream)
            duration_ms = media_duration_ms(container, stream)
            if duration_ms <= 0:
                raise ProbeError(path, "truncated or corrupt (zero duration)")
            width = stream.codec_context.width or first.width
            height = stream.codec_context.height or first.height
            rotation = display_rotation(first, stream)
            audio = container.streams.audio
            audio_codec = audio[0].codec_context.name if audio else None
            video_codec = stream.codec_context.name
            rate = stream.average_rate or stream.guessed_rate
            fps = round(float(rate), 3) if rate else 0.0
        except ProbeError:
            raise
        except Exception as exc:
            raise ProbeError(path, f"truncated or corrupt ({describe_error(exc)})") from exc
    try:
        size, digest = _hash(path, check, progress)
    except OSError as exc:
        raise ProbeError(path, f"cannot read file ({describe_error(exc)})") from exc
    _check_size_value(path, size, max_bytes)
    swap = rotation in (90, 270)
    return ProbeResult(
        path=os.fspath(path),
        size=size,
        sha256=digest,
        duration_ms=duration_ms,
        width=width,
        height=height,
        rotation=rotation,
        display_width=height if swap else width,
        display_height=width if swap else height,
        fps=fps,
        video_codec=video_codec,
        audio_codec=audio_codec,
        container=kind,
    )


def _check_size(path: str | os.PathLike[str], max_bytes: int) -> None:
    """Refuse a file larger than ``max_bytes`` before reading it (other stat
    failures are left to :func:`sniff_container`, which names them)."""
    try:
        st = os.stat(path)
    except OSError:
        return
    if stat.S_ISREG(st.st_mode):
        _check_size_value(path, st.st_size, max_bytes)


def _check_size_value(path: str | os.PathLike[str], size: int, max_bytes: int) -> None:
    if size > max_bytes:
        have, limit = human_bytes(size), human_bytes(max_bytes)
        if have == limit:
            have, limit = f"{size:,} bytes", f"{max_bytes:,} bytes"
        raise ProbeError(path, f"file is {have} (the limit for a clip is {limit})")


@contextmanager
def open_video(
    path: str | os.PathLike[str], check: Callable[[], None] | None = None
) -> Iterator[tuple[InputContainer, VideoStream, str]]:
    """Sniff, open and yield ``(container, video_stream, container_kind)``.

    Only containers from :data:`ALLOWED_CONTAINERS` are opened, always with the
    demuxer the magic bytes call for.  Raises :class:`ProbeError`; ``check`` is
    passed to :func:`sniff_container`.
    """
    kind = sniff_container(path, check)
    if check is not None:
        check()
    demuxer = "matroska" if kind in ("webm", "mkv") else "mov"
    target = "file:" + os.path.abspath(os.fspath(path))
    try:
        container = av.open(target, mode="r", format=demuxer)
    except Exception as exc:
        raise ProbeError(path, f"truncated or corrupt ({describe_error(exc)})") from exc
    try:
        names = container.format.name.split(",")
        if demuxer not in names:
            raise ProbeError(path, f"demuxer '{container.format.name}' does not match {kind}")
        videos = [
            s for s in container.streams.video if not s.disposition & Disposition.attached_pic
        ]
        if not videos:
            what = " (audio only)" if container.streams.audio else ""
            raise ProbeError(path, f"has no video stream{what}")
        yield container, videos[0], kind
    finally:
        container.close()


def sniff_container(path: str | os.PathLike[str], check: Callable[[], None] | None = None) -> str:
    """Return the allowed container kind of ``path`` judged by its bytes, else raise.

    The structure walk is bounded (:mod:`studio.media.containers`) and calls ``check()``
    every few thousand boxes."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        raise ProbeError(path, "file not found") from None
    except OSError as exc:
        raise ProbeError(path, f"cannot read file ({describe_error(exc)})") from exc
    if stat.S_ISDIR(st.st_mode):
        raise ProbeError(path, "is a directory, not a video file")
    if not stat.S_ISREG(st.st_mode):
        raise ProbeError(path, "not a regular file")
    if st.st_size == 0:
        raise ProbeError(path, "empty file")
    try:
        with open(path, "rb") as fh:
            head = fh.read(_HEAD_BYTES)
            if head[4:8] == b"ftyp" or (len(head) >= 8 and head[4:8] in _QT_FIRST_BOXES):
                return _check_isobmff(path, fh, st.st_size, head, check)
            if head[:4] == b"\x1a\x45\xdf\xa3":
                return _check_ebml(path, head, st.st_size)
    except OSError as exc:
        raise ProbeError(path, f"cannot read file ({describe_error(exc)})") from exc
    raise ProbeError(path, why_not_allowed(head, _allowed()))


def first_video_frame(
    path: str | os.PathLike[str], container: InputContainer, stream: VideoStream
) -> VideoFrame:
    """Decode the first frame of ``stream``; raise :class:`ProbeError` if there is none."""
    for count, packet in enumerate(container.demux(stream)):
        for frame in packet.decode():
            if isinstance(frame, VideoFrame):
                return frame
        if count >= _MAX_PACKETS_FOR_FIRST_FRAME:
            break
    raise ProbeError(path, "truncated or corrupt (no decodable video frame)")


def display_rotation(frame: VideoFrame, stream: VideoStream) -> int:
    """Clockwise degrees (0/90/180/270) to turn ``frame`` upright."""
    ccw = frame.rotation
    if ccw:
        return round(-ccw / 90) % 4 * 90
    tag = stream.metadata.get("rotate", "0")
    try:
        return round(float(tag) / 90) % 4 * 90
    except ValueError:
        return 0


def media_duration_ms(container: InputContainer, stream: VideoStream) -> int:
    """Duration in whole milliseconds (half up) from the container, else the stream."""
    if container.duration is not None and container.duration > 0:
        micro = Fraction(container.duration, 1_000_000)
    elif stream.duration is not None and stream.time_base is not None:
        micro = stream.duration * stream.time_base
    else:
        return 0
    return int(micro * 1000 + Fraction(1, 2))


def _check_isobmff(
    path: str | os.PathLike[str], fh: BinaryIO, size: int, head: bytes,
    check: Callable[[], None] | None,
) -> str:
    """The kind (mp4/mov/m4v) of an ISO-BMFF file after the bounded box walk."""
    if head[4:8] == b"ftyp":
        brand = head[8:12]
        kind = "mov" if brand == b"qt  " else "m4v" if brand in _M4V_BRANDS else "mp4"
    else:
        kind = "mov"
    try:
        seen = walk_isobmff(fh, size, check)
    except StructureError as exc:
        raise _structure_error(path, exc) from None
    if b"moov" not in seen:
        raise ProbeError(path, "truncated or corrupt (no 'moov' box)")
    return kind


def _check_ebml(path: str | os.PathLike[str], head: bytes, size: int) -> str:
    """The kind (webm/mkv) of an EBML file, from its DocType."""
    try:
        doctype = check_ebml(head, size)
    except StructureError as exc:
        raise _structure_error(path, exc) from None
    if doctype == "webm":
        return "webm"
    if doctype == "matroska":
        return "mkv"
    raise ProbeError(path, f"container '{doctype or 'ebml'}' is not allowed ({_allowed()})")


def _structure_error(path: str | os.PathLike[str], exc: StructureError) -> ProbeError:
    if isinstance(exc, LimitError):
        return ProbeError(path, str(exc))
    return ProbeError(path, f"truncated or corrupt ({exc})")


def _allowed() -> str:
    return "allowed: " + ", ".join(ALLOWED_CONTAINERS)


def describe_error(exc: BaseException) -> str:
    """A short, single-line description of an exception (PyAV or OS)."""
    text = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
    return _one_line(str(text))


def _one_line(text: str) -> str:
    return " ".join(text.split())
