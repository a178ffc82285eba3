"""The timeline canvas: one scene's lanes, drawn and edited with mouse and keys.

Gestures: click an item to select it (``selection.current`` becomes its
path); drag its body to move it or a range's edge to resize it; drag the
yellow trim handles to change in/out; click or drag on the ruler, the strip
or an empty lane to move the playhead.  While dragging, only the canvas shows
the new position; releasing pushes ONE op (a refused edit springs back and
the document's message says why).  Times snap to the playhead, the other
items' edges and the trim (within a few pixels), otherwise to frames; hold
Alt or switch snapping off to place freely.  Review comments of the scene
show as flags on the ruler (:meth:`TimelineCanvas.set_comments`; hover for
the text).  Left/Right nudge the selected
item (or the playhead) by one frame, Shift by one second; successive nudges
merge into one undo step.  Delete removes the selected item.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QContextMenuEvent, QKeyEvent, QMouseEvent, QPainter, QPaintEvent, QWheelEvent
from PySide6.QtWidgets import QMenu, QToolTip, QWidget

from studio.app.document import Document
from studio.app.playhead import Playhead
from studio.app.selection import Selection
from studio.model.ops import Op, SceneRef, SetField
from studio.model.project import Scene
from studio.model.review import Comment
from studio.ui.timeline import geometry as g
from studio.ui.timeline.items import (
    Edge,
    Item,
    build_items,
    clamp_point,
    find_item,
    remove_op,
    retime_op,
    scene_fps,
    scene_span,
    tag_rows,
)
from studio.ui.timeline.paint import (
    Style,
    comment_flag,
    describe_comments,
    hit_item,
    hit_trim,
    item_rect,
    paint_canvas,
)
from studio.ui.timeline.strip import StripLoader

DragKind = Literal["item", "trim_in", "trim_out", "scrub"]


@dataclass
class Drag:
    """A gesture in progress (nothing is pushed until release)."""

    kind: DragKind
    press_ms: int
    item: Item | None = None
    edge: Edge = "move"
    start: int = 0
    end: int | None = None
    moved: bool = False


class TimelineCanvas(QWidget):
    """Paints and edits the timed items of one scene."""

    zoom_requested = Signal(float, float)  # factor, anchor x (canvas px)
    scroll_requested = Signal(int)  # wheel delta
    status = Signal(str)  # hint for the panel's status line
    add_requested = Signal(str)  # "prompt" | "tag" | "choice"

    def __init__(
        self, document: Document, selection: Selection, playhead: Playhead, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.doc, self.selection, self.playhead = document, selection, playhead
        self.setObjectName("timelineCanvas")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.look = Style.from_palette()
        self.strip = StripLoader(self)
        self.strip.ready.connect(self.update)
        self.scene_id: str | None = None
        self.items: list[Item] = []
        self.span: tuple[int, int, int] = (0, 10_000, 10_000)
        self.fps = 25.0
        self.tag_rows = 1
        self.snap_enabled = True
        self.snap_guide: int | None = None
        self.drag: Drag | None = None
        self.playhead_ms: int | None = None
        self.comments: list[Comment] = []  # review comments of every scene (markers on the ruler)
        playhead.moved.connect(self._on_playhead)
        self.setMinimumHeight(g.canvas_height(1))

    # --- model ------------------------------------------------------------------------
    @property
    def current(self) -> tuple[str, ...] | None:
        return self.selection.current

    def scene(self) -> Scene | None:
        return self.doc.project.scene_map().get(self.scene_id) if self.scene_id else None

    def show_scene(self, scene_id: str | None) -> None:
        self.scene_id = scene_id
        self.drag = None
        self.reload()

    def reload(self) -> None:
        """Rebuild items from the model (after any document change)."""
        project, scene = self.doc.project, self.scene()
        if scene is None:
            self.scene_id, self.items, self.tag_rows = None, [], 1
            self.strip.request(None, "", 0)
        else:
            self.items = build_items(project, scene)
            self.tag_rows = tag_rows(self.items)
            self.span = scene_span(project, scene)
            self.fps = scene_fps(project, scene)
            asset = project.media_map().get(scene.media)
            folder = self.doc.folder
            path = folder / asset.path if asset and folder else None
            self.strip.request(path, asset.sha256 if asset else "", self.span[2])
        self.playhead_ms = self.playhead.ms if scene is not None else None
        self.setMinimumHeight(g.canvas_height(self.tag_rows))
        self.updateGeometry()
        self.update()

    def set_comments(self, comments: Iterable[Comment]) -> None:
        """Review comments to flag on the ruler (those of the shown scene are drawn)."""
        self.comments = list(comments)
        self.update()

    def scene_comments(self) -> list[Comment]:
        return [c for c in self.comments if c.scene == self.scene_id] if self.scene_id else []

    def comments_at(self, pos: QPointF) -> list[Comment]:
        """The comments whose ruler flag is under ``pos``."""
        return [c for c in self.scene_comments() if comment_flag(self, c).contains(pos)]

    def axis(self) -> g.Axis:
        return g.Axis(self.span[2], self.width())

    def effective(self, item: Item) -> tuple[int, int | None]:
        d = self.drag
        if d is not None and d.item is not None and d.item.key == item.key and d.moved:
            return d.start, d.end
        return item.start, item.end

    def label_room(self, item: Item) -> float:
        """Pixels free for a point item's label (up to the next prompt)."""
        axis = self.axis()
        x = axis.x(self.effective(item)[0])
        nxt = [axis.x(i.start) for i in self.items if i.kind == item.kind and i.start > item.start]
        return max(0.0, (min(nxt) - 10 if nxt else self.width()) - x - 10)

    def selected_item(self) -> Item | None:
        return find_item(self.items, self.current)

    # --- playhead ------------------------------------------------------------------------
    def _on_playhead(self, ms: int, origin: object) -> None:
        if self.scene_id is not None and self.playhead.scene == self.scene_id:
            self.playhead_ms = ms
            self.update()

    def seek(self, ms: int) -> None:
        ms = max(0, min(ms, self.span[2]))
        self.playhead_ms = ms
        self.playhead.seek(ms, origin=self)
        self.update()

    # --- hit testing ---------------------------------------------------------------------
    def hit(self, pos: QPointF) -> tuple[Item, Edge] | None:
        """The item (and which part of it) under ``pos``."""
        return hit_item(self, pos)

    def trim_hit(self, pos: QPointF) -> DragKind | None:
        if self.scene_id is None:
            return None
        return hit_trim(self, pos)

    def snapper(self, exclude: Item | None, alt: bool) -> g.Snapper:
        edges: list[int] = []
        for i in self.items:
            if exclude is not None and i.key == exclude.key:
                continue
            edges.append(i.start)
            if i.end is not None:
                edges.append(i.end)
        targets = g.snap_targets(self.playhead_ms, self.span[:2], edges)
        tolerance = g.SNAP_PX * self.axis().ms_per_px()
        return g.Snapper(self.fps, targets, tolerance, self.snap_enabled and not alt)

    # --- mouse ----------------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:
        if self.scene_id is None or event.button() != Qt.MouseButton.LeftButton:
            super().mousePressEvent(event)
            return
        pos = event.position()
        ms = self.axis().ms(pos.x())
        trim = self.trim_hit(pos)
        hit = self.hit(pos) if trim is None else None
        if trim is not None:
            self.drag = Drag(trim, ms, start=self.span[0], end=self.span[1])
        elif hit is not None:
            item, edge = hit
            self.select(item)
            self.drag = Drag("item", ms, item, edge, item.start, item.end)
        else:
            self.drag = Drag("scrub", ms)
            self.seek(self._scrub_ms(ms, event))
        event.accept()

    def _scrub_ms(self, ms: int, event: QMouseEvent) -> int:
        """Scrubbing lands on frames unless snapping is off (or Alt is held)."""
        if not self.snap_enabled or self._alt(event):
            return ms
        return g.snap_to_frame(ms, self.fps)

    @staticmethod
    def _alt(event: QMouseEvent | QKeyEvent) -> bool:
        return bool(event.modifiers() & Qt.KeyboardModifier.AltModifier)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        pos = event.position()
        d = self.drag
        if d is None:
            self._hover(pos)
            return
        ms = self.axis().ms(pos.x())
        lo, hi, duration = self.span
        if d.kind == "scrub":
            self.seek(self._scrub_ms(ms, event))
            return
        if not d.moved and abs(ms - d.press_ms) * self.axis().scale < 3:
            return
        d.moved = True
        snap = self.snapper(d.item, self._alt(event))
        one = max(1, g.frame_ms(1, self.fps))
        if d.kind == "trim_in":
            value, self.snap_guide = snap.point(ms)
            d.start = max(0, min(value, hi - one))
        elif d.kind == "trim_out":
            value, self.snap_guide = snap.point(ms)
            d.end = min(duration, max(value, lo + one))
        elif d.item is not None:
            self._drag_item(d, d.item, ms, snap, one)
        self.update()

    def _drag_item(self, d: Drag, item: Item, ms: int, snap: g.Snapper, one: int) -> None:
        d.start, d.end, self.snap_guide = g.dragged(item, d.edge, ms - d.press_ms, snap, self.span[2], one)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        d, self.drag, self.snap_guide = self.drag, None, None
        if d is None or not d.moved:
            self.update()
            return
        scene = self.scene()
        if scene is None:
            return
        if d.kind == "trim_in" and d.start != scene.in_ms:
            self.doc.push(SetField(SceneRef(scene.id).in_ms, d.start), "Trim scene start")
        elif d.kind == "trim_out" and d.end is not None and d.end != self.span[1]:
            self.doc.push(self._trim_out_op(scene, d.end), "Trim scene end")
        elif d.item is not None and (d.start, d.end) != (d.item.start, d.item.end):
            verb = "Move" if d.edge == "move" else "Resize"
            self.doc.push(retime_op(scene, d.item, d.start, d.end), f"{verb} {d.item.label}")
        self.update()

    def _trim_out_op(self, scene: Scene, value: int) -> Op:
        """Trimming the out point back to the clip's end clears the trim (``out_ms`` None)."""
        asset = self.doc.project.media_map().get(scene.media)
        full = asset is not None and value >= asset.duration_ms
        return SetField(SceneRef(scene.id).out_ms, None if full else value)

    def _hover(self, pos: QPointF) -> None:
        if self.trim_hit(pos):
            self.setCursor(Qt.CursorShape.SizeHorCursor)
            return
        hit = self.hit(pos)
        if hit is None:
            self.unsetCursor()
            return
        shape = Qt.CursorShape.SizeAllCursor if hit[1] == "move" else Qt.CursorShape.SizeHorCursor
        self.setCursor(shape)

    def event(self, e: QEvent) -> bool:
        # Delete and the arrows edit the selected item here, not the window's actions
        if (
            e.type() == QEvent.Type.ShortcutOverride
            and isinstance(e, QKeyEvent)
            and e.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace, Qt.Key.Key_Left, Qt.Key.Key_Right)
        ):
            e.accept()
            return True
        if e.type() == QEvent.Type.ToolTip:
            from PySide6.QtGui import QHelpEvent

            assert isinstance(e, QHelpEvent)
            flagged = self.comments_at(QPointF(e.pos()))
            hit = self.hit(QPointF(e.pos()))
            if flagged:
                QToolTip.showText(e.globalPos(), describe_comments(flagged), self)
            elif hit is not None:
                QToolTip.showText(e.globalPos(), self.describe(hit[0]), self)
            else:
                QToolTip.hideText()
            return True
        return super().event(e)

    def describe(self, item: Item) -> str:
        return g.describe(item)

    def wheelEvent(self, event: QWheelEvent) -> None:
        delta = event.angleDelta().y() or event.angleDelta().x()
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.zoom_requested.emit(1.25 if delta > 0 else 0.8, event.position().x())
        else:
            self.scroll_requested.emit(delta)
        event.accept()

    # --- selection and keys -------------------------------------------------------------
    def select(self, item: Item | None) -> None:
        if self.scene_id is None:
            return
        current = item.path if item else ("scene", self.scene_id)
        self.selection.set([self.scene_id], current=current)
        if item is not None:
            self.status.emit(self.describe(item).replace("\n", " · "))
        self.update()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Left, Qt.Key.Key_Right) and self.scene_id is not None:
            sign = -1 if key == Qt.Key.Key_Left else 1
            seconds = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
            self.nudge(sign, seconds)
        elif key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.remove_selected()
        elif key == Qt.Key.Key_Escape:
            self.select(None)
        elif key == Qt.Key.Key_Home:
            self.seek(self.span[0])
        elif key == Qt.Key.Key_End:
            self.seek(self.span[1])
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def nudge(self, sign: int, seconds: bool) -> bool:
        """Move the selected item (else the playhead) one frame/second; merges into one undo step."""
        scene, item = self.scene(), self.selected_item()
        if scene is None:
            return False
        if item is None:
            self.seek(g.step(self.playhead_ms or 0, sign, seconds, self.fps))
            return True
        moved = g.nudged(item, sign, seconds, self.fps, self.span[2])
        if moved is None:
            return False
        return bool(self.doc.push(retime_op(scene, item, *moved), f"Nudge {item.label}", merge=True))

    def remove_selected(self) -> bool:
        scene, item = self.scene(), self.selected_item()
        if scene is None or item is None:
            return False
        text = "Remove choice window" if item.kind == "choice" else f"Remove {item.label}"
        if self.doc.push(remove_op(scene, item), text):
            self.select(None)
            return True
        return False

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = self.context_menu(QPointF(event.pos()))
        if menu is not None:
            menu.exec(event.globalPos())
            menu.deleteLater()

    def context_menu(self, pos: QPointF) -> QMenu | None:
        """The right-click menu at ``pos``: the item's actions, or the playhead moves there;
        then "add ... at playhead"."""
        if self.scene_id is None:
            return None
        hit = self.hit(pos)
        menu = QMenu(self)
        if hit is not None:
            item = hit[0]
            self.select(item)
            menu.addAction("Move playhead here", lambda: self.seek(item.start))
            menu.addAction(f"Remove {item.label}", self.remove_selected)
            menu.addSeparator()
        else:
            self.seek(clamp_point(self.axis().ms(pos.x()), self.span))
        menu.addAction("Add savings prompt at playhead", lambda: self.add_requested.emit("prompt"))
        menu.addAction("Add product tag at playhead", lambda: self.add_requested.emit("tag"))
        menu.addAction("Add choice window at playhead", lambda: self.add_requested.emit("choice"))
        return menu

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        try:
            if self.scene_id is None:
                p.fillRect(self.rect(), self.look.background)
                p.setPen(self.look.muted)
                p.drawText(
                    self.rect(), int(Qt.AlignmentFlag.AlignCenter), "Select a scene to see its timeline"
                )
                return
            paint_canvas(self, p, QRectF(event.rect()))
        finally:
            p.end()

    def item_point(self, item: Item, edge: Edge = "move") -> QPoint:
        """A pixel on ``item`` (tests and accessibility): its body or one edge."""
        r = item_rect(self, item)
        y = int(r.center().y())
        if edge == "start":
            return QPoint(int(r.left()) + 2, y)
        if edge == "end":
            return QPoint(int(r.right()) - 2, y)
        return QPoint(int(r.center().x()), y)


__all__ = ["Drag", "TimelineCanvas"]
