"""Painting of the timeline canvas: ruler, thumbnail strip, trim, lanes, items, playhead.

Colours come from the application palette (light and dark themes), with one
accent per item kind: choice windows blue, savings prompts amber, product
tags purple.  Invalid items (outside the trim) are drawn red and hatched.
Review comments are flags on the ruler: orange while open, green when resolved.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal, Protocol

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QGuiApplication, QPainter, QPalette, QPen, QPolygonF

from studio.model.review import Comment
from studio.ui.timeline import geometry as g
from studio.ui.timeline.items import LANE_TITLES, LANES, Edge, Item, Kind
from studio.ui.timeline.strip import StripLoader

FLAG_W = 9.0  # review comment flags on the ruler
FLAG_OPEN = QColor("#e8590c")
FLAG_RESOLVED = QColor("#2f9e66")


@dataclass
class Style:
    """Timeline colours for the current palette."""

    dark: bool
    background: QColor
    lane: QColor
    lane_alt: QColor
    line: QColor
    text: QColor
    muted: QColor
    selected: QColor
    playhead: QColor
    error: QColor
    warning: QColor
    accents: dict[Kind, QColor]
    font: QFont
    small: QFont

    @classmethod
    def from_palette(cls, pal: QPalette | None = None) -> Style:
        pal = pal or QGuiApplication.palette()
        window = pal.color(QPalette.ColorRole.Window)
        dark = window.lightness() < 128
        font = QFont(QGuiApplication.font())
        font.setPointSizeF(max(8.5, font.pointSizeF() - 0.5))
        small = QFont(font)
        small.setPointSizeF(max(7.5, font.pointSizeF() - 1.0))
        return cls(
            dark=dark,
            background=window.darker(112) if dark else window.lighter(104),
            lane=window.darker(104) if not dark else window.lighter(112),
            lane_alt=window.darker(108) if not dark else window.lighter(120),
            line=QColor("#5a5f6a") if dark else QColor("#c2c6cf"),
            text=pal.color(QPalette.ColorRole.Text),
            muted=QColor("#a4a9b4") if dark else QColor("#5d6370"),
            selected=pal.color(QPalette.ColorRole.Highlight),
            playhead=QColor("#e5484d"),
            error=QColor("#d64541"),
            warning=QColor("#d98a1c"),
            accents={
                "choice": QColor("#3b7dd8") if not dark else QColor("#5c9cf0"),
                "prompt": QColor("#b7791f") if not dark else QColor("#e0a94a"),
                "tag": QColor("#8a4fbf") if not dark else QColor("#b58be0"),
            },
            font=font,
            small=small,
        )


class Canvas(Protocol):
    """What painting and hit-testing read of the :class:`~studio.ui.timeline.canvas.TimelineCanvas`."""

    @property
    def look(self) -> Style: ...

    @property
    def strip(self) -> StripLoader: ...

    @property
    def items(self) -> Sequence[Item]: ...

    @property
    def span(self) -> tuple[int, int, int]: ...

    @property
    def tag_rows(self) -> int: ...

    @property
    def snap_guide(self) -> int | None: ...

    @property
    def playhead_ms(self) -> int | None: ...

    @property
    def current(self) -> tuple[str, ...] | None: ...

    @property
    def storyboard_card(self) -> bool: ...  # the scene is a placeholder (no clip yet)

    def axis(self) -> g.Axis: ...

    def effective(self, item: Item) -> tuple[int, int | None]: ...

    def label_room(self, item: Item) -> float: ...

    def scene_comments(self) -> list[Comment]: ...

    def width(self) -> int: ...

    def height(self) -> int: ...


def paint_canvas(c: Canvas, p: QPainter, clip: QRectF) -> None:
    s = c.look
    p.fillRect(clip, s.background)
    axis = c.axis()
    lo, hi, duration = c.span
    _lanes(c, p, clip)
    _ruler(c, p, clip)
    _strip(c, p)
    # everything outside the trim is dimmed and hatched
    top, bottom = g.STRIP_TOP, c.height()
    dim = QColor(0, 0, 0, 90 if s.dark else 60)
    for a, b in ((0, lo), (hi, duration)):
        if b > a:
            r = QRectF(axis.x(a), top, axis.x(b) - axis.x(a), bottom - top)
            p.fillRect(r, dim)
            p.fillRect(r, QBrush(s.muted, Qt.BrushStyle.BDiagPattern))
    for item in sorted(c.items, key=lambda i: i.path == c.current):  # selected on top
        _item(c, p, item)
    _trim_handles(c, p)
    if c.snap_guide is not None:
        x = axis.x(c.snap_guide)
        p.setPen(QPen(s.selected, 1, Qt.PenStyle.DashLine))
        p.drawLine(QPointF(x, 0), QPointF(x, c.height()))
    _playhead(c, p)
    _comment_flags(c, p)  # above the playhead: a comment just added at the playhead stays visible


def comment_flag(c: Canvas, comment: Comment) -> QRectF:
    """The hit/paint box of a comment's flag on the ruler."""
    x = c.axis().x(comment.t_ms)
    return QRectF(x - 3, 0, FLAG_W + 5, g.RULER_H)


def describe_comments(comments: list[Comment]) -> str:
    """Tooltip of comment flags: time, author, status and text of each."""
    line = QCoreApplication.translate("Timeline", "💬 {time}  {author} ({status}): {text}")
    status = {"open": QCoreApplication.translate("Timeline", "open"),
              "resolved": QCoreApplication.translate("Timeline", "resolved")}
    return "\n".join(line.format(time=g.format_time(c.t_ms), author=c.author,
                                 status=status.get(c.status, c.status), text=c.text) for c in comments)


def _comment_flags(c: Canvas, p: QPainter) -> None:
    comments = c.scene_comments()
    if not comments:
        return
    axis = c.axis()
    p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    for comment in sorted(comments, key=lambda k: k.status == "open"):  # open flags on top
        colour = FLAG_OPEN if comment.status == "open" else FLAG_RESOLVED
        x = round(axis.x(comment.t_ms)) + 0.5
        p.setPen(QPen(colour, 1.5))
        p.drawLine(QPointF(x, 1), QPointF(x, g.RULER_H + g.STRIP_H + 2))
        p.setPen(QPen(colour.darker(140), 1))
        p.setBrush(colour)
        p.drawPolygon(QPolygonF([QPointF(x, 1), QPointF(x + FLAG_W, 5), QPointF(x, 9.5)]))
    p.setRenderHint(QPainter.RenderHint.Antialiasing, False)


def _ruler(c: Canvas, p: QPainter, clip: QRectF) -> None:
    s, axis = c.look, c.axis()
    p.setFont(s.small)
    minor, major = g.tick_step(axis.ms_per_px())
    first = max(0, int(axis.ms(clip.left()) // minor * minor))
    last = min(c.span[2], axis.ms(clip.right()) + minor)
    p.setPen(QPen(s.line, 1))
    p.drawLine(QPointF(clip.left(), g.RULER_H - 0.5), QPointF(clip.right(), g.RULER_H - 0.5))
    for ms in range(first, last + 1, minor):
        x = round(axis.x(ms)) + 0.5
        is_major = ms % major == 0
        p.setPen(QPen(s.muted if is_major else s.line, 1))
        p.drawLine(QPointF(x, g.RULER_H - (9 if is_major else 4)), QPointF(x, g.RULER_H))
        if is_major:
            text = f"{ms / 1000:g}s"
            tw = p.fontMetrics().horizontalAdvance(text)
            p.drawText(QPointF(x + 3 if x + 3 + tw < c.width() else x - 3 - tw, 11), text)


def _strip(c: Canvas, p: QPainter) -> None:
    s, axis = c.look, c.axis()
    duration = c.span[2]
    x0, x1 = axis.x(0), axis.x(duration)
    band = QRectF(x0, g.STRIP_TOP, x1 - x0, g.STRIP_H)
    p.fillRect(band, s.lane_alt)
    images = c.strip.images
    if images:
        first = images[0]
        tile_w = max(8.0, g.STRIP_H * first.width() / max(1, first.height()))
        p.save()
        p.setClipRect(band)
        p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        x = x0
        while x < x1:
            t = axis.ms(x + tile_w / 2)
            idx = min(len(images) - 1, max(0, int(t * len(images) / max(1, duration))))
            p.drawImage(QRectF(x, g.STRIP_TOP, tile_w, g.STRIP_H), images[idx])
            x += tile_w
        p.restore()
    else:
        p.setFont(s.small)
        p.setPen(s.error if c.strip.error else s.muted)
        card = QCoreApplication.translate(
            "Timeline", "Storyboard card: no clip yet (Inspector › Give this scene a clip…)"
        )
        idle = card if c.storyboard_card else QCoreApplication.translate("Timeline", "No clip")
        loading = QCoreApplication.translate("Timeline", "Loading thumbnails…")
        text = c.strip.error or (loading if c.strip.loading else idle)
        p.drawText(band.adjusted(8, 0, -8, 0), Qt.AlignmentFlag.AlignVCenter, text)
    p.setPen(QPen(s.line, 1))
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawRect(band.adjusted(0.5, 0.5, -0.5, -0.5))


def _lanes(c: Canvas, p: QPainter, clip: QRectF) -> None:
    s = c.look
    for n, kind in enumerate(LANES):
        top, h = g.lane_top(kind), g.lane_height(kind, c.tag_rows)
        p.fillRect(QRectF(clip.left(), top, clip.width(), h), s.lane if n % 2 == 0 else s.lane_alt)


def _trim_handles(c: Canvas, p: QPainter) -> None:
    s, axis = c.look, c.axis()
    lo, hi, _ = c.span
    colour = QColor("#f2c94c")
    bottom = c.height() - 2
    for ms, sign in ((lo, 1), (hi, -1)):
        x = axis.x(ms)
        p.setPen(QPen(colour, 2))
        p.drawLine(QPointF(x, g.STRIP_TOP), QPointF(x, bottom))
        grip = QRectF(x if sign > 0 else x - 7, g.STRIP_TOP, 7, g.STRIP_H)
        p.fillRect(grip, colour)
        p.setPen(QPen(QColor("#5a4500"), 1))
        for dy in (-6, 0, 6):
            y = g.STRIP_TOP + g.STRIP_H / 2 + dy
            p.drawLine(QPointF(grip.left() + 2, y), QPointF(grip.right() - 2, y))
    del s


def item_rect(c: Canvas, item: Item) -> QRectF:
    """Where ``item`` is drawn (a drag in progress draws the dragged position)."""
    axis = c.axis()
    start, end = c.effective(item)
    top, h = g.item_band(item.kind, item.row)
    if end is None:
        x = axis.x(start)
        return QRectF(x - 6, top, 12, h)
    x0, x1 = axis.x(start), axis.x(end)
    return QRectF(x0, top, max(4.0, x1 - x0), h)


def hit_item(c: Canvas, pos: QPointF) -> tuple[Item, Edge] | None:
    """The item (and which part of it) drawn under ``pos``: the selected item wins,
    then one whose rectangle really contains the point (not just its grab margin)."""
    found: list[tuple[tuple[bool, bool], int, Item, Edge]] = []
    for n, item in enumerate(c.items):
        exact = item_rect(c, item)
        r = exact.adjusted(-2, -1, 2, 1)
        if not r.contains(pos):
            continue
        edge: Edge = "move"
        if item.end is not None and r.width() > 3 * g.EDGE_PX:
            if pos.x() <= r.left() + g.EDGE_PX:
                edge = "start"
            elif pos.x() >= r.right() - g.EDGE_PX:
                edge = "end"
        found.append(((item.path != c.current, not exact.contains(pos)), n, item, edge))
    if not found:
        return None
    _, _, item, edge = min(found, key=lambda f: (f[0], f[1]))
    return item, edge


def hit_trim(c: Canvas, pos: QPointF) -> Literal["trim_in", "trim_out"] | None:
    """Which trim handle (drawn on the strip) is under ``pos``."""
    if not (g.STRIP_TOP <= pos.y() <= g.STRIP_TOP + g.STRIP_H):
        return None
    axis = c.axis()
    lo, hi, _ = c.span
    if -2 <= pos.x() - axis.x(lo) <= 9:
        return "trim_in"
    if -9 <= pos.x() - axis.x(hi) <= 2:
        return "trim_out"
    return None


def _item(c: Canvas, p: QPainter, item: Item) -> None:
    s = c.look
    r = item_rect(c, item)
    accent = s.accents[item.kind]
    selected = item.path == c.current
    invalid = item.problem is not None
    p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    fill = QColor(accent)
    fill.setAlpha(255 if selected else 215)
    border = s.error if invalid else (s.selected if selected else accent.darker(130))
    pen = QPen(border, 2.0 if (selected or invalid) else 1.0)
    if invalid:
        pen.setStyle(Qt.PenStyle.DashLine)
    p.setPen(pen)
    p.setFont(s.small)
    if item.end is None:
        cx, cy = r.center().x(), r.center().y()
        half = r.height() / 2 - 1
        diamond = QPolygonF(
            [QPointF(cx, cy - half), QPointF(cx + 6, cy), QPointF(cx, cy + half), QPointF(cx - 6, cy)]
        )
        p.setBrush(QBrush(fill))
        p.drawPolygon(diamond)
        if invalid:
            p.setBrush(QBrush(s.error, Qt.BrushStyle.BDiagPattern))
            p.drawPolygon(diamond)
        label_r = QRectF(r.right() + 3, r.top(), c.label_room(item), r.height())
        _label(c, p, label_r, item, on_fill=False)
    else:
        p.setBrush(QBrush(fill))
        p.drawRoundedRect(r.adjusted(0.5, 0.5, -0.5, -0.5), 4, 4)
        if invalid:
            p.setBrush(QBrush(s.error, Qt.BrushStyle.BDiagPattern))
            p.drawRoundedRect(r.adjusted(0.5, 0.5, -0.5, -0.5), 4, 4)
        _label(c, p, r.adjusted(6, 0, -4, 0), item, on_fill=True)
        if selected:  # resize grips
            p.setPen(QPen(QColor("white"), 2))
            for x in (r.left() + 2.5, r.right() - 2.5):
                p.drawLine(QPointF(x, r.top() + 5), QPointF(x, r.bottom() - 5))
    p.setRenderHint(QPainter.RenderHint.Antialiasing, False)


def _label(c: Canvas, p: QPainter, r: QRectF, item: Item, on_fill: bool) -> None:
    s = c.look
    if r.width() < 14:
        return
    text = ("⚠ " if item.problem else "") + item.label
    metrics = p.fontMetrics()
    text = metrics.elidedText(text, Qt.TextElideMode.ElideRight, math.floor(r.width()))
    if item.problem:
        colour = QColor("white") if on_fill else s.error
    else:
        colour = QColor("white") if on_fill else s.text
    p.setPen(colour)
    p.drawText(r, int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft), text)


def _playhead(c: Canvas, p: QPainter) -> None:
    if c.playhead_ms is None:
        return
    s, axis = c.look, c.axis()
    x = round(axis.x(c.playhead_ms)) + 0.5
    p.setPen(QPen(s.playhead, 1.5))
    p.drawLine(QPointF(x, 0), QPointF(x, c.height()))
    p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    p.setBrush(s.playhead)
    p.drawPolygon(QPolygonF([QPointF(x - 6, 0), QPointF(x + 6, 0), QPointF(x, 9)]))
    p.setRenderHint(QPainter.RenderHint.Antialiasing, False)


def paint_header(p: QPainter, style: Style, width: int, height: int, tag_rows: int, y_offset: int) -> None:
    """Lane titles, painted in the fixed column left of the scrolling canvas."""
    p.fillRect(0, 0, width, height, style.background)
    p.setFont(style.font)
    clip = QCoreApplication.translate("Timeline", "Clip")
    rows: list[tuple[str, int, int]] = [(clip, g.STRIP_TOP, g.STRIP_H)]
    titles = {k: QCoreApplication.translate("Timeline", LANE_TITLES[k]) for k in LANES}
    rows += [(titles[k], g.lane_top(k), g.lane_height(k, tag_rows)) for k in LANES]
    for n, (title, top, h) in enumerate(rows):
        r = QRectF(0, top - y_offset, width, h)
        if n:
            p.fillRect(r, style.lane if n % 2 == 1 else style.lane_alt)
        if n:
            bar = QRectF(0, r.top(), 3, r.height())
            p.fillRect(bar, style.accents[LANES[n - 1]])
        p.setPen(style.text)
        p.drawText(r.adjusted(8, 0, -4, 0), int(Qt.AlignmentFlag.AlignVCenter), title)
    p.setPen(QPen(style.line, 1))
    p.drawLine(width - 1, 0, width - 1, height)
