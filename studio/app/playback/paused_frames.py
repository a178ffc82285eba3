"""Clip probing and exact paused frames for the libVLC preview player, with PyAV.

libVLC cannot show an exact frame while paused in clips with B-frames (see
:mod:`studio.app.playback.vlc_control`), so paused pictures are decoded here instead
(:class:`StillCache`), converted like libVLC does so they match the playing frames.
:func:`probe_clip` gives what the player needs to know about a clip before opening it.
No ``vlc`` import here.
"""

from __future__ import annotations

import logging
import math
from collections import OrderedDict
from fractions import Fraction

from av.video.reformatter import Colorspace
from PySide6.QtGui import QImage

from studio.media.frames import rotate_rgb
from studio.media.probe import (
    ProbeError,
    display_rotation,
    first_video_frame,
    media_duration_ms,
    open_video,
)

__all__ = ["StillCache", "probe_clip"]

# The player's logger: these messages are about what the player shows.
log = logging.getLogger("studio.app.playback.vlc_player")


def probe_clip(path: str) -> tuple[int, int, float, int, bool]:
    """(display width, display height, fps, duration ms, has B-frames), or ProbeError."""
    with open_video(path) as (container, stream, _kind):
        try:
            first = first_video_frame(path, container, stream)
            rotation = display_rotation(first, stream)
            width = stream.codec_context.width or first.width
            height = stream.codec_context.height or first.height
            rate = stream.average_rate or stream.guessed_rate
            duration = media_duration_ms(container, stream)
            reordered = bool(stream.codec_context.has_b_frames)
        except ProbeError:
            raise
        except Exception as exc:
            raise ProbeError(path, f"truncated or corrupt ({exc})") from exc
    if rotation in (90, 270):
        width, height = height, width
    return width, height, float(rate) if rate else 0.0, duration, reordered


class StillCache:
    """Exact still frames decoded with PyAV, converted like libVLC does (BT.601).

    libVLC cannot show an exact frame while paused in clips with B-frames (see the
    module docstring), so paused pictures come from here.  BT.601 is what libVLC
    3's converter uses whatever the clip's tags, so stills match the playing frames.
    """

    def __init__(self, size: int = 24) -> None:
        self._cache: OrderedDict[tuple[str, int, int, int], QImage] = OrderedDict()
        self._size = size

    def get(self, path: str, index: int, fps: float, width: int, height: int) -> QImage | None:
        key = (path, index, width, height)
        image = self._cache.get(key)
        if image is None:
            try:
                image = self._decode(path, index, fps, width, height)
            except Exception:  # the libVLC frame is shown instead
                log.debug("no still for %s frame %d", path, index, exc_info=True)
                return None
            self._cache[key] = image
            while len(self._cache) > self._size:
                self._cache.popitem(last=False)
        self._cache.move_to_end(key)
        return image

    @staticmethod
    def _decode(path: str, index: int, fps: float, width: int, height: int) -> QImage:
        with open_video(path) as (container, stream, _kind):
            base = stream.time_base or Fraction(1, 1000)
            start = stream.start_time or 0
            threshold = start + (index - 0.5) / fps / base  # frame k starts after this
            container.seek(max(start, math.floor(threshold)), stream=stream, backward=True)
            chosen = None
            for frame in container.decode(stream):
                chosen = frame
                if frame.pts is not None and frame.pts >= threshold:
                    break
            if chosen is None:
                raise ProbeError(path, f"no frame decoded near frame {index}")
            rotation = display_rotation(chosen, stream)
            swap = rotation in (90, 270)
            coded_w, coded_h = (height, width) if swap else (width, height)
            rgb = chosen.reformat(width=coded_w, height=coded_h, format="rgb24",
                                  src_colorspace=Colorspace.ITU601)
            packed = bytes(rgb.planes[0])
            step = rgb.planes[0].line_size
            rows = b"".join(packed[y * step: y * step + coded_w * 3] for y in range(coded_h))
            data = rotate_rgb(rows, coded_w, coded_h, rotation)
        image = QImage(data, width, height, width * 3, QImage.Format.Format_RGB888)
        return image.convertToFormat(QImage.Format.Format_RGB32)
