"""Extract still frames from a clip: single frames, poster JPEGs and thumbnail strips.

Frames are decoded in-process with PyAV, converted to packed RGB24 with the clip's own
colour matrix, scaled to a maximum height (aspect preserved) and turned to *display*
orientation (see :func:`studio.media.probe.display_rotation`).  Qt-free and
libVLC-free: the command-line tools use this module.
"""

from __future__ import annotations

import math
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from fractions import Fraction

import av
from av.codec.context import Flags
from av.container import InputContainer
from av.video.frame import VideoFrame
from av.video.stream import VideoStream

from studio.media.probe import (
    ProbeError,
    describe_error,
    display_rotation,
    media_duration_ms,
    open_video,
)

_JPEG_QSCALE = 3  # mjpeg quantiser: 2 (best) .. 31
_FF_QP2LAMBDA = 118


class Cancelled(Exception):
    """Raised by :func:`extract_thumbnails` when its ``cancel`` callback returns True."""


@dataclass(frozen=True)
class Frame:
    """A decoded picture in display orientation: packed RGB24, rows of ``width * 3``."""

    width: int
    height: int
    rgb: bytes = field(repr=False)

    def __post_init__(self) -> None:
        if self.width < 1 or self.height < 1 or len(self.rgb) != self.width * self.height * 3:
            raise ValueError(f"bad frame buffer: {self.width}x{self.height}, {len(self.rgb)} B")

    def pixel(self, x: int, y: int) -> tuple[int, int, int]:
        """The (r, g, b) value at column ``x``, row ``y``."""
        if not (0 <= x < self.width and 0 <= y < self.height):
            raise IndexError(f"pixel ({x}, {y}) outside {self.width}x{self.height}")
        i = (y * self.width + x) * 3
        return self.rgb[i], self.rgb[i + 1], self.rgb[i + 2]


def extract_frame(path: str | os.PathLike[str], at_ms: int, max_height: int | None = None) -> Frame:
    """The first frame at or after ``at_ms`` (the last frame if past the end)."""
    _check_height(max_height)
    if at_ms < 0:
        raise ValueError(f"at_ms must be >= 0, got {at_ms}")
    with open_video(path) as (container, stream, _kind):
        try:
            decoded = _frame_at(path, container, stream, at_ms)
            return _to_display(decoded, display_rotation(decoded, stream), max_height)
        except ProbeError:
            raise
        except Exception as exc:
            raise ProbeError(
                path, f"cannot decode frame at {at_ms} ms ({describe_error(exc)})"
            ) from exc


def write_jpeg(
    path_in: str | os.PathLike[str],
    at_ms: int,
    out_path: str | os.PathLike[str],
    max_height: int | None = 640,
) -> tuple[int, int]:
    """Write the frame at ``at_ms`` as a JPEG poster, atomically; return (width, height)."""
    frame = extract_frame(path_in, at_ms, max_height)
    data = encode_jpeg(frame)
    out = os.fspath(out_path)
    directory = os.path.dirname(os.path.abspath(out))
    fd, tmp = tempfile.mkstemp(dir=directory, prefix=f".{os.path.basename(out)}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, out)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
    return frame.width, frame.height


def encode_jpeg(frame: Frame) -> bytes:
    """Encode a :class:`Frame` as baseline JPEG bytes with PyAV's mjpeg encoder."""
    rgb = VideoFrame(frame.width, frame.height, "rgb24")
    plane = rgb.planes[0]
    row_bytes = frame.width * 3
    if plane.line_size == row_bytes:
        plane.update(frame.rgb)
    else:
        pad = bytes(plane.line_size - row_bytes)
        plane.update(
            b"".join(
                frame.rgb[y * row_bytes : (y + 1) * row_bytes] + pad for y in range(frame.height)
            )
        )
    yuv = rgb.reformat(format="yuvj420p", dst_colorspace="itu601", dst_color_range="JPEG")
    yuv.pts = 0
    codec = av.CodecContext.create("mjpeg", "w")
    codec.width = frame.width
    codec.height = frame.height
    codec.pix_fmt = "yuvj420p"
    codec.time_base = Fraction(1, 25)
    codec.flags |= Flags.qscale | Flags.bitexact
    codec.global_quality = _JPEG_QSCALE * _FF_QP2LAMBDA
    packets = [*codec.encode(yuv), *codec.encode(None)]
    return b"".join(bytes(p) for p in packets)


def extract_thumbnails(
    path: str | os.PathLike[str],
    count: int,
    max_height: int,
    cancel: Callable[[], bool] | None = None,
) -> list[Frame]:
    """``count`` frames evenly spaced over the clip (at the middle of equal slices).

    ``cancel`` is called before each frame; if it returns True, :class:`Cancelled` is
    raised.
    """
    if count < 1:
        raise ValueError(f"count must be >= 1, got {count}")
    _check_height(max_height)
    frames: list[Frame] = []
    with open_video(path) as (container, stream, _kind):
        try:
            duration = media_duration_ms(container, stream)
            for i in range(count):
                if cancel is not None and cancel():
                    raise Cancelled(f"{os.fspath(path)}: thumbnails cancelled after {i}")
                at_ms = duration * (2 * i + 1) // (2 * count)
                decoded = _frame_at(path, container, stream, at_ms)
                frames.append(_to_display(decoded, display_rotation(decoded, stream), max_height))
        except (ProbeError, Cancelled):
            raise
        except Exception as exc:
            raise ProbeError(path, f"cannot decode thumbnails ({describe_error(exc)})") from exc
    return frames


def _frame_at(
    path: str | os.PathLike[str], container: InputContainer, stream: VideoStream, at_ms: int
) -> VideoFrame:
    """Seek to the keyframe before ``at_ms`` and decode to the first frame at/after it."""
    time_base = stream.time_base or Fraction(1, 1000)
    start = stream.start_time or 0
    target = start + math.ceil(Fraction(at_ms, 1000) / time_base)
    last: VideoFrame | None = None
    for seek_to in (target, start):
        container.seek(seek_to, stream=stream, backward=True)
        for frame in container.decode(stream):
            if frame.pts is not None and frame.pts >= target:
                return frame
            last = frame
        if last is not None:
            return last
    raise ProbeError(path, f"truncated or corrupt (no video frame decoded near {at_ms} ms)")


def _to_display(frame: VideoFrame, rotation: int, max_height: int | None) -> Frame:
    """Scale to ``max_height`` (in display orientation), convert to RGB24 and rotate."""
    swap = rotation in (90, 270)
    disp_w, disp_h = (frame.height, frame.width) if swap else (frame.width, frame.height)
    if max_height is not None and disp_h > max_height:
        disp_w, disp_h = max(1, round(disp_w * max_height / disp_h)), max_height
    coded_w, coded_h = (disp_h, disp_w) if swap else (disp_w, disp_h)
    scaled = frame.width != coded_w or frame.height != coded_h
    rgb = frame.reformat(
        width=coded_w,
        height=coded_h,
        format="rgb24",
        interpolation="AREA" if scaled else None,
    )
    packed = _packed_rgb(rgb)
    return Frame(disp_w, disp_h, rotate_rgb(packed, coded_w, coded_h, rotation))


def _packed_rgb(frame: VideoFrame) -> bytes:
    plane = frame.planes[0]
    row_bytes = frame.width * 3
    data = bytes(plane)
    if plane.line_size == row_bytes:
        return data[: row_bytes * frame.height]
    step = plane.line_size
    return b"".join(data[y * step : y * step + row_bytes] for y in range(frame.height))


def rotate_rgb(rgb: bytes, width: int, height: int, clockwise: int) -> bytes:
    """Turn a packed RGB24 picture of ``width`` x ``height`` clockwise by 0/90/180/270."""
    if clockwise == 0:
        return rgb
    out = bytearray(len(rgb))
    row_bytes = width * 3
    if clockwise == 180:
        last = len(rgb) - 3
        for c in range(3):
            out[last + c :: -3] = rgb[c::3]
    elif clockwise == 90:  # (x, y) -> (height - 1 - y, x); output rows are `height` wide
        for y in range(height):
            row = rgb[y * row_bytes : (y + 1) * row_bytes]
            for c in range(3):
                out[(height - 1 - y) * 3 + c :: height * 3] = row[c::3]
    elif clockwise == 270:  # (x, y) -> (y, width - 1 - x)
        for y in range(height):
            row = rgb[y * row_bytes : (y + 1) * row_bytes]
            for c in range(3):
                out[((width - 1) * height + y) * 3 + c :: -height * 3] = row[c::3]
    else:
        raise ValueError(f"rotation must be 0, 90, 180 or 270, got {clockwise}")
    return bytes(out)


def _check_height(max_height: int | None) -> None:
    if max_height is not None and max_height < 1:
        raise ValueError(f"max_height must be >= 1, got {max_height}")
