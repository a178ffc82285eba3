"""Frame timing and position arithmetic of the libVLC preview player (no ``vlc`` here).

The timing constants of the seek-and-run protocol (see :mod:`studio.app.playback.vlc_control`),
the size frames are delivered at, and the frame maths: the middle of a frame (where
seeks aim), the frame shown at a display time (anchored on the first frame shown, see
:func:`frame_at`), and the last frame before an out point or the clip's end.
"""

from __future__ import annotations

import enum
import math
import sys

__all__ = [
    "BURST_MS",
    "MAX_SIDE",
    "OPEN_TIMEOUT_MS",
    "SETTLE_MS",
    "SHOW_TIMEOUT_MS",
    "TICK_MS",
    "Phase",
    "fit_size",
    "frame_at",
    "frame_estimate",
    "last_index_before",
    "mid_seconds",
]

MAX_SIDE = 1280  # frames are scaled down to fit this box (preview only)
OPEN_TIMEOUT_MS = 10_000
BURST_MS = 12  # frames libVLC shows right after a seek-and-run come this close
SHOW_TIMEOUT_MS = 250  # no new frame after a seek-and-run: the frame looks the same
SETTLE_MS = 130  # quiet time after the last late frame (libVLC shows ~2 after a pause)
TICK_MS = 33


class Phase(enum.Enum):
    """What the libVLC player is doing for us (finer than :class:`PlayerState`)."""

    IDLE = "idle"  # nothing loaded, failed, or paused with nothing pending
    OPEN = "open"  # media opened (muted pre-roll), waiting for its first frame
    SHOW = "show"  # seek-and-play issued to show frame `_target`, waiting for it
    SETTLE = "settle"  # paused; libVLC may still show late frames (dropped)
    PLAY = "play"  # playing from `_anchor`


def fit_size(width: int, height: int) -> tuple[int, int]:
    """Frame size delivered for a clip of ``width`` x ``height`` (within MAX_SIDE, even)."""
    scale = min(1.0, MAX_SIDE / max(width, height, 1))
    return max(2, int(width * scale) // 2 * 2), max(2, int(height * scale) // 2 * 2)


def mid_seconds(index: int, fps: float) -> float:
    """Clip time of the middle of frame ``index`` (where seeks aim), in seconds."""
    return (index + 0.5) / fps


def frame_at(
    anchor: tuple[float, int], shown: float, fps: float, rate: float
) -> tuple[int, tuple[float, int]]:
    """Frame shown at display time ``shown``, and the anchor to keep.

    ``anchor`` is (display time, frame index) of the first frame shown.  libVLC shows
    frames on a lattice ``t0 + k * interval`` or late, never early: a frame that looks
    early moves ``t0`` back, and up to 0.65 of an interval of lateness is tolerated.
    """
    t0, base = anchor
    interval = 1.0 / (fps * rate)  # seconds of wall time per frame
    rel = (shown - t0) / interval
    steps = math.floor(rel + 0.35)
    if rel < steps:
        anchor = (shown - steps * interval, base)
    return base + steps, anchor


def frame_estimate(anchor: tuple[float, int], now: float, fps: float, rate: float) -> int:
    """Frame playing at ``now`` by the clock alone (between displayed frames)."""
    t0, base = anchor
    return base + int((now - t0) * fps * rate)


def last_index_before(end_ms: int, fps: float) -> int:
    """Index of the last frame that starts before ``end_ms`` (sys.maxsize if unknown)."""
    if end_ms <= 0:
        return sys.maxsize
    return max(0, math.ceil(end_ms * fps / 1000.0 - 1e-6) - 1)
