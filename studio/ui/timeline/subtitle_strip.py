"""The subtitle lane's cue strip: one locale's cues drawn at their clip time, moved and edited.

It draws in the timeline canvas's time mapping (the canvas's :meth:`axis`, scrolled with it), so a
cue sits under the frames it covers; cues outside the scene's trim are dimmed (they never show).
Gestures: drag a cue's body to move it, its edges to change start or end (snapped like the
canvas's items: frames, the playhead, the trim and the other cues; Alt or Snap off: free); click
elsewhere to move the playhead; double-click a cue to edit its text, elsewhere to add a cue there.
Keys: Left/Right nudge the selected cue a frame (Shift: a second; merged into one undo step),
Ctrl+Left/Right (or Left/Right with no cue selected) select the previous/next cue and move the
playhead to it, Enter or F2 edit,
Delete removes, Insert adds a cue at the playhead, Escape deselects.  Each release or key pushes
ONE command (:mod:`studio.ui.timeline.subtitle_edit`); the lane (:mod:`...subtitle_lane`) owns
the dialogs.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QFontMetrics,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QWheelEvent,
)
from PySide6.QtWidgets import QScrollBar, QToolTip, QWidget

from studio.model.tracks import Cue
from studio.ui.timeline import geometry as g
from studio.ui.timeline.canvas import TimelineCanvas
from studio.ui.timeline.subtitle_edit import MIN_CUE_MS, scene_cues

__all__ = ["CueStrip"]

Edge = Literal["move", "start", "end"]
STRIP_H = 30  # one row: the timeline's dock is short
ACCENT = QColor("#2f9e8f")
KEYS = (  # handled here, not by the window's shortcuts
    Qt.Key.Key_Delete, Qt.Key.Key_Backspace, Qt.Key.Key_Left, Qt.Key.Key_Right,
    Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Insert, Qt.Key.Key_F2,
)


@dataclass
class CueDrag:
    index: int
    edge: Edge
    press_ms: int
    start: int
    end: int
    moved: bool = False


class CueStrip(QWidget):
    """Paints and edits one locale's cues of the timeline's scene (see the module docstring)."""

    retime = Signal(int, int, int, bool)  # index, start, end, resize
    edit_requested = Signal(int)  # index
    add_requested = Signal(int)  # clip ms
    remove_requested = Signal(int)  # index
    nudge_requested = Signal(int, int, bool)  # index, sign, seconds
    menu_requested = Signal(object, object)  # global QPoint, index or None
    selected_changed = Signal()

    def __init__(self, canvas: TimelineCanvas, hbar: QScrollBar, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("subtitleStrip")
        self.setAccessibleName(self.tr("Subtitle cues"))
        self.canvas, self.hbar = canvas, hbar
        self.track_locale = ""
        self.selected: int | None = None
        self.drag: CueDrag | None = None
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setFixedHeight(STRIP_H)
        hbar.valueChanged.connect(self.update)

    # --- model ------------------------------------------------------------------------
    def cues(self) -> list[Cue]:
        scene = self.canvas.scene()
        return scene_cues(scene, self.track_locale) if scene is not None and self.track_locale else []

    def select(self, index: int | None) -> None:
        cues = self.cues()
        if index is not None and not 0 <= index < len(cues):
            index = None
        if index != self.selected:
            self.selected = index
            self.selected_changed.emit()
        self.update()

    # --- mapping ----------------------------------------------------------------------
    def at_x(self, ms: float) -> float:
        return self.canvas.axis().x(ms) - self.hbar.value()

    def ms(self, x: float) -> int:
        return self.canvas.axis().ms(x + self.hbar.value())

    def span_of(self, index: int, cue: Cue) -> tuple[int, int]:
        d = self.drag
        if d is not None and d.index == index and d.moved:
            return d.start, d.end
        return cue.start_ms, cue.end_ms

    def cue_rect(self, index: int) -> QRectF:
        cues = self.cues()
        start, end = self.span_of(index, cues[index])
        left, right = self.at_x(start), self.at_x(end)
        return QRectF(left, 3, max(3.0, right - left), self.height() - 6)

    def cue_point(self, index: int, edge: Edge = "move") -> QPoint:
        """A pixel on cue ``index`` (tests and accessibility): its body or one edge."""
        r = self.cue_rect(index)
        y = int(r.center().y())
        if edge == "start":
            return QPoint(int(r.left()) + 1, y)
        if edge == "end":
            return QPoint(int(r.right()) - 1, y)
        return QPoint(int(r.center().x()), y)

    def hit(self, pos: QPointF) -> tuple[int, Edge] | None:
        """The cue (and which part of it) under ``pos``; the selected cue wins a tie."""
        cues = self.cues()
        order = list(range(len(cues)))
        if self.selected is not None and self.selected in order:
            order.remove(self.selected)
            order.append(self.selected)
        for index in reversed(order):
            r = self.cue_rect(index)
            grab = r.adjusted(-g.EDGE_PX / 2, 0, g.EDGE_PX / 2, 0)
            if not grab.contains(pos):
                continue
            if r.width() >= 3 * g.EDGE_PX:
                if abs(pos.x() - r.left()) <= g.EDGE_PX:
                    return index, "start"
                if abs(pos.x() - r.right()) <= g.EDGE_PX:
                    return index, "end"
            return index, "move"
        return None

    def describe(self, index: int) -> str:
        cue = self.cues()[index]
        when = f"{g.format_time(cue.start_ms)} – {g.format_time(cue.end_ms)}"
        text = f"{cue.text}\n{when}"
        if self._outside(cue.start_ms, cue.end_ms):
            text += "\n" + self.tr("Outside the trim: never shown")
        return text

    def _outside(self, start: int, end: int) -> bool:
        lo, hi, _ = self.canvas.span
        return end <= lo or start >= hi

    # --- painting ---------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        try:
            self._paint(p)
        finally:
            p.end()

    def _paint(self, p: QPainter) -> None:
        look = self.canvas.look
        p.fillRect(self.rect(), look.lane_alt)
        if self.canvas.scene() is None:
            return
        lo, hi, duration = self.canvas.span
        shade = QColor(0, 0, 0, 60 if look.dark else 28)
        p.fillRect(QRectF(0, 0, max(0.0, self.at_x(lo)), self.height()), shade)
        p.fillRect(QRectF(self.at_x(hi), 0, max(0.0, self.width() - self.at_x(hi)), self.height()), shade)
        p.fillRect(QRectF(self.at_x(duration), 0, self.width(), self.height()), look.background)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setFont(look.small)
        metrics = QFontMetrics(look.small)
        if not self.cues():
            p.setPen(look.muted)
            hint = self.tr("No {locale} subtitles: double-click to add one, or import a file (⋯)")
            box = QRectF(8, 0, max(0, self.width() - 16), self.height())
            hint = hint.format(locale=self.track_locale)
            shown = metrics.elidedText(hint, Qt.TextElideMode.ElideRight, int(box.width()))
            p.drawText(box, int(Qt.AlignmentFlag.AlignVCenter), shown)
        for index, cue in enumerate(self.cues()):
            start, end = self.span_of(index, cue)
            r = self.cue_rect(index)
            if r.right() < 0 or r.left() > self.width():
                continue
            colour = QColor(ACCENT)
            if self._outside(start, end):
                colour.setAlpha(70)
            fill = QColor(colour)
            fill.setAlpha(colour.alpha() * 2 // 5)
            p.setBrush(fill)
            chosen = index == self.selected
            pen = QPen(look.selected if chosen else colour, 2 if chosen else 1)
            p.setPen(pen)
            p.drawRoundedRect(r.adjusted(0.5, 0.5, -0.5, -0.5), 3, 3)
            text_colour = QColor(look.text)
            if self._outside(start, end):
                text_colour.setAlpha(110)
            p.setPen(text_colour)
            room = int(r.width()) - 8
            if room > 8:
                line = " / ".join(cue.text.splitlines())
                shown = metrics.elidedText(line, Qt.TextElideMode.ElideRight, room)
                p.drawText(r.adjusted(4, 0, -4, 0), int(Qt.AlignmentFlag.AlignVCenter), shown)
        at = self.canvas.playhead_ms
        if at is not None:
            x = self.at_x(at)
            p.setPen(QPen(look.playhead, 1.5))
            p.drawLine(QPointF(x, 0), QPointF(x, self.height()))
        if self.hasFocus():
            p.setPen(QPen(look.selected, 1, Qt.PenStyle.DotLine))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawRect(self.rect().adjusted(0, 0, -1, -1))

    # --- mouse ------------------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:
        if self.canvas.scene() is None or event.button() != Qt.MouseButton.LeftButton:
            super().mousePressEvent(event)
            return
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        pos = event.position()
        ms = self.ms(pos.x())
        hit = self.hit(pos)
        if hit is None:
            self.select(None)
            self.drag = None
            self.canvas.seek(ms)
        else:
            index, edge = hit
            self.select(index)
            cue = self.cues()[index]
            self.drag = CueDrag(index, edge, ms, cue.start_ms, cue.end_ms)
        event.accept()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        pos = event.position()
        d = self.drag
        if d is None:
            if event.buttons() & Qt.MouseButton.LeftButton and self.canvas.scene() is not None:
                self.canvas.seek(self.ms(pos.x()))
                self.update()
            else:
                self._hover(pos)
            return
        ms = self.ms(pos.x())
        if not d.moved and abs(ms - d.press_ms) * self.canvas.axis().scale < 3:
            return
        d.moved = True
        alt = bool(event.modifiers() & Qt.KeyboardModifier.AltModifier)
        self._follow(d, ms - d.press_ms, alt)
        self.update()

    def _follow(self, d: CueDrag, delta: int, alt: bool) -> None:
        cues = self.cues()
        cue = cues[d.index]
        edges = [e for i, c in enumerate(cues) if i != d.index for e in (c.start_ms, c.end_ms)]
        targets = g.snap_targets(self.canvas.playhead_ms, self.canvas.span[:2], edges)
        tolerance = g.SNAP_PX * self.canvas.axis().ms_per_px()
        snap = g.Snapper(self.canvas.fps, targets, tolerance, self.canvas.snap_enabled and not alt)
        duration = self.canvas.span[2]
        if d.edge == "move":
            length = cue.end_ms - cue.start_ms
            value, _ = snap.range(cue.start_ms + delta, length)
            d.start = max(0, min(value, duration - length))
            d.end = d.start + length
        elif d.edge == "start":
            value, _ = snap.point(cue.start_ms + delta)
            d.start, d.end = max(0, min(value, cue.end_ms - MIN_CUE_MS)), cue.end_ms
        else:
            value, _ = snap.point(cue.end_ms + delta)
            d.start, d.end = cue.start_ms, min(duration, max(value, cue.start_ms + MIN_CUE_MS))

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        d, self.drag = self.drag, None
        if d is not None and d.moved:
            self.retime.emit(d.index, d.start, d.end, d.edge != "move")
        self.update()

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        if self.canvas.scene() is None or event.button() != Qt.MouseButton.LeftButton:
            return
        self.drag = None
        hit = self.hit(event.position())
        if hit is not None:
            self.select(hit[0])
            self.edit_requested.emit(hit[0])
        else:
            self.add_requested.emit(self.ms(event.position().x()))
        event.accept()

    def _hover(self, pos: QPointF) -> None:
        hit = self.hit(pos)
        if hit is None:
            self.unsetCursor()
        elif hit[1] == "move":
            self.setCursor(Qt.CursorShape.SizeAllCursor)
        else:
            self.setCursor(Qt.CursorShape.SizeHorCursor)

    def wheelEvent(self, event: QWheelEvent) -> None:
        self.canvas.wheelEvent(event)  # zoom/scroll like the lanes above

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        hit = self.hit(QPointF(event.pos()))
        if hit is not None:
            self.select(hit[0])
        self.menu_requested.emit(event.globalPos(), hit[0] if hit else None)

    # --- keys -------------------------------------------------------------------------
    def event(self, e: QEvent) -> bool:
        if e.type() == QEvent.Type.ShortcutOverride and isinstance(e, QKeyEvent) and e.key() in KEYS:
            e.accept()
            return True
        if e.type() == QEvent.Type.ToolTip and isinstance(e, QHelpEvent):
            hit = self.hit(QPointF(e.pos()))
            if hit is not None:
                QToolTip.showText(e.globalPos(), self.describe(hit[0]), self)
            else:
                QToolTip.hideText()
            return True
        return super().event(e)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.canvas.scene() is None:
            super().keyPressEvent(event)
            return
        key, mods = event.key(), event.modifiers()
        ctrl = bool(mods & Qt.KeyboardModifier.ControlModifier)
        shift = bool(mods & Qt.KeyboardModifier.ShiftModifier)
        count = len(self.cues())
        if key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            sign = -1 if key == Qt.Key.Key_Left else 1
            if ctrl or self.selected is None:
                self._step_selection(sign, count)
            else:
                self.nudge_requested.emit(self.selected, sign, shift)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_F2) and self.selected is not None:
            self.edit_requested.emit(self.selected)
        elif key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and self.selected is not None:
            self.remove_requested.emit(self.selected)
        elif key == Qt.Key.Key_Insert:
            self.add_requested.emit(self.canvas.playhead_ms or self.canvas.span[0])
        elif key == Qt.Key.Key_Escape and self.selected is not None:
            self.select(None)
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def _step_selection(self, sign: int, count: int) -> None:
        """Select the previous/next cue (from the playhead when none is selected)."""
        if not count:
            return
        if self.selected is None:
            at = self.canvas.playhead_ms or 0
            starts = [c.start_ms for c in self.cues()]
            later = [i for i, s in enumerate(starts) if s > at]
            earlier = [i for i, s in enumerate(starts) if s <= at]
            index = (later[0] if later else count - 1) if sign > 0 else (earlier[-1] if earlier else 0)
        else:
            index = max(0, min(count - 1, self.selected + sign))
        self.select(index)
        self.canvas.seek(self.cues()[index].start_ms)
