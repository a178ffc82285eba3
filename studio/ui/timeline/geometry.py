"""Timeline geometry and time arithmetic (no widgets; QtCore translates the tooltip): axis, lanes, frames,
snapping.

The axis maps clip milliseconds to canvas pixels for a canvas of a given
width (zoom makes the canvas wider inside a scroll area).  Frame times follow
the probed fps: frame ``n`` starts at ``floor(n * 1000 / fps)`` ms, the first
millisecond at which :func:`studio.media.frames.extract_frame` returns frame
``n``.  Snapping prefers nearby targets (playhead, other items, trim) within
a pixel tolerance and otherwise rounds to the nearest frame.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from studio.ui.timeline.items import LANES, Edge, Item, Kind

MARGIN = 12  # px left/right of the clip so edge handles stay grabbable
RULER_H = 20
STRIP_TOP = 22
STRIP_H = 44
LANE_TOP = STRIP_TOP + STRIP_H + 6
LANE_H = 26
TAG_ROW_H = 24
LANE_GAP = 4
SNAP_PX = 8
EDGE_PX = 6  # grab distance for a range's edge
HEADER_W = 76


@dataclass(frozen=True)
class Axis:
    """Clip time <-> x for a canvas ``width`` px wide showing ``duration`` ms."""

    duration: int
    width: int

    @property
    def scale(self) -> float:
        """Pixels per millisecond."""
        return max(1, self.width - 2 * MARGIN) / max(1, self.duration)

    def x(self, ms: float) -> float:
        return MARGIN + ms * self.scale

    def ms(self, x: float) -> int:
        return round((x - MARGIN) / self.scale)

    def ms_per_px(self) -> float:
        return 1.0 / self.scale


def lane_top(kind: Kind) -> int:
    """Top y of a lane."""
    return LANE_TOP + LANES.index(kind) * (LANE_H + LANE_GAP)


def lane_height(kind: Kind, tag_rows: int) -> int:
    return TAG_ROW_H * max(1, tag_rows) + 2 if kind == "tag" else LANE_H


def canvas_height(tag_rows: int) -> int:
    return lane_top("tag") + lane_height("tag", tag_rows) + 6


def item_band(kind: Kind, row: int) -> tuple[int, int]:
    """(top, height) of an item's bar inside its lane."""
    if kind == "tag":
        return lane_top("tag") + 2 + row * TAG_ROW_H, TAG_ROW_H - 3
    return lane_top(kind) + 2, LANE_H - 4


def lane_at(y: float, tag_rows: int) -> Kind | None:
    for kind in LANES:
        top = lane_top(kind)
        if top <= y < top + lane_height(kind, tag_rows):
            return kind
    return None


# --- frames -----------------------------------------------------------------------
def frame_ms(n: int, fps: float) -> int:
    """Start of frame ``n`` in whole ms."""
    return math.floor(n * 1000 / fps + 1e-9)


def frame_index(ms: float, fps: float) -> int:
    """The frame nearest to ``ms``."""
    return round(ms * fps / 1000)


def snap_to_frame(ms: float, fps: float) -> int:
    return frame_ms(frame_index(ms, fps), fps)


def step_frames(ms: int, frames: int, fps: float) -> int:
    """``ms`` moved by ``frames`` frames, landing on a frame start."""
    return max(0, frame_ms(frame_index(ms, fps) + frames, fps))


def step_ms(ms: int, seconds: int, fps: float) -> int:
    """``ms`` moved by whole seconds, landing on a frame start."""
    return max(0, snap_to_frame(ms + 1000 * seconds, fps))


# --- snapping ----------------------------------------------------------------------
@dataclass(frozen=True)
class Snapper:
    """Snap candidates for one drag: targets (ms) within ``tolerance`` ms, then frames."""

    fps: float
    targets: tuple[int, ...]
    tolerance: float
    enabled: bool = True

    def point(self, ms: float) -> tuple[int, int | None]:
        """(snapped ms, the target it stuck to or None)."""
        if not self.enabled:
            return round(ms), None
        best = self.nearest(ms)
        if best is not None:
            return best, best
        return snap_to_frame(ms, self.fps), None

    def nearest(self, ms: float) -> int | None:
        found: int | None = None
        for t in self.targets:
            d = abs(t - ms)
            if d <= self.tolerance and (found is None or d < abs(found - ms)):
                found = t
        return found

    def range(self, start: float, length: int) -> tuple[int, int | None]:
        """Snap a moved range of fixed ``length``: whichever edge is nearer a target."""
        if not self.enabled:
            return round(start), None
        candidates: list[tuple[float, int, int]] = []
        for offset in (0, length):
            t = self.nearest(start + offset)
            if t is not None:
                candidates.append((abs(t - start - offset), t - offset, t))
        if candidates:
            _, new_start, target = min(candidates)
            return new_start, target
        return snap_to_frame(start, self.fps), None


def dragged(
    item: Item, edge: Edge, delta: int, snap: Snapper, duration: int, one: int
) -> tuple[int, int | None, int | None]:
    """(start, end, snap target) of ``item`` dragged by ``delta`` ms by its body or an edge.

    Stays inside the clip; a range keeps at least ``one`` ms (a frame)."""
    if item.end is None:
        value, target = snap.point(item.start + delta)
        return max(0, min(value, duration)), None, target
    if edge == "move":
        length = item.end - item.start
        value, target = snap.range(item.start + delta, length)
        start = max(0, min(value, duration - length))
        return start, start + length, target
    if edge == "start":
        value, target = snap.point(item.start + delta)
        return max(0, min(value, item.end - one)), item.end, target
    value, target = snap.point(item.end + delta)
    return item.start, min(duration, max(value, item.start + one)), target


def step(ms: int, sign: int, seconds: bool, fps: float) -> int:
    return step_ms(ms, sign, fps) if seconds else step_frames(ms, sign, fps)


def nudged(item: Item, sign: int, seconds: bool, fps: float, duration: int) -> tuple[int, int | None] | None:
    """``item`` moved one frame (or second) left/right; None if it cannot move."""
    start = min(step(item.start, sign, seconds, fps), duration)
    end: int | None = None
    if item.end is not None:
        length = item.end - item.start
        start = min(start, duration - length)
        end = start + length
    return None if start == item.start else (start, end)


def describe(item: Item) -> str:
    """Tooltip text: label, times, and why it is invalid."""
    when = format_time(item.start)
    if item.end is not None:
        when += f" – {format_time(item.end)}"
    text = f"{item.label}\n{when}"
    if item.problem:
        text += "\n" + QCoreApplication.translate("Timeline", "Invalid: {reason}").format(reason=item.problem)
    if item.warning:
        text += "\n" + QCoreApplication.translate("Timeline", "Warning: {reason}").format(reason=item.warning)
    return text


def snap_targets(playhead: int | None, trim: tuple[int, int], edges: Iterable[int]) -> tuple[int, ...]:
    found = {trim[0], trim[1], *edges}
    if playhead is not None:
        found.add(playhead)
    return tuple(sorted(found))


def tick_step(ms_per_px: float) -> tuple[int, int]:
    """(minor, major) ruler tick spacing in ms for the zoom level."""
    for minor, major in (
        (100, 500),
        (250, 1000),
        (500, 2000),
        (1000, 5000),
        (2000, 10000),
        (5000, 30000),
        (10000, 60000),
        (30000, 300000),
    ):
        if minor / ms_per_px >= 10:
            return minor, major
    return 60000, 600000


def format_time(ms: int) -> str:
    """``83450`` -> ``1:23.45`` (minutes:seconds.hundredths)."""
    sign = "-" if ms < 0 else ""
    ms = abs(ms)
    minutes, rest = divmod(ms, 60000)
    return f"{sign}{minutes}:{rest // 1000:02d}.{(rest % 1000) // 10:02d}"
