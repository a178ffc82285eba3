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

What is shown (items, playhead, flags, painting, hit tests, tooltips) is
:class:`~studio.ui.timeline.view.TimelineView`'s, which this canvas extends with
the input; where a drag goes and the edit it makes are :mod:`studio.ui.timeline.drag`'s.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF, Qt, Signal
from PySide6.QtGui import QContextMenuEvent, QKeyEvent, QMouseEvent, QWheelEvent
from PySide6.QtWidgets import QMenu, QWidget

from studio.app.document import Document
from studio.app.playhead import Playhead
from studio.app.selection import Selection
from studio.ui.timeline import geometry as g
from studio.ui.timeline.drag import Drag, follow, release_edit
from studio.ui.timeline.items import Item, clamp_point, remove_op, retime_op
from studio.ui.timeline.view import TimelineView

__all__ = ["TimelineCanvas"]


class TimelineCanvas(TimelineView):
    """Paints and edits the timed items of one scene."""

    zoom_requested = Signal(float, float)  # factor, anchor x (canvas px)
    scroll_requested = Signal(int)  # wheel delta
    status = Signal(str)  # hint for the panel's status line
    add_requested = Signal(str)  # "prompt" | "tag" | "choice"

    def __init__(
        self, document: Document, selection: Selection, playhead: Playhead, parent: QWidget | None = None
    ) -> None:
        super().__init__(document, selection, playhead, parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.snap_enabled = True

    def seek(self, ms: int) -> None:
        """Move the playhead to ``ms`` (clamped to the clip)."""
        ms = max(0, min(ms, self.span[2]))
        self.playhead_ms = ms
        self.playhead.seek(ms, origin=self)
        self.update()

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
        if d.kind == "scrub":
            self.seek(self._scrub_ms(ms, event))
            return
        moved, guide = follow(self, d, ms, self._alt(event))
        if moved:
            self.snap_guide = guide
            self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        d, self.drag, self.snap_guide = self.drag, None, None
        if d is None or not d.moved:
            self.update()
            return
        scene = self.scene()
        if scene is None:
            return
        edit = release_edit(self.doc.project, scene, d, self.span)
        if edit is not None:
            self.doc.push(*edit)
        self.update()

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

    def wheelEvent(self, event: QWheelEvent) -> None:
        delta = event.angleDelta().y() or event.angleDelta().x()
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.zoom_requested.emit(1.25 if delta > 0 else 0.8, event.position().x())
        else:
            self.scroll_requested.emit(delta)
        event.accept()

    # --- selection and keys -------------------------------------------------------------
    def event(self, e: QEvent) -> bool:
        # Delete and the arrows edit the selected item here, not the window's actions
        if (
            e.type() == QEvent.Type.ShortcutOverride
            and isinstance(e, QKeyEvent)
            and e.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace, Qt.Key.Key_Left, Qt.Key.Key_Right)
        ):
            e.accept()
            return True
        return super().event(e)

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
        return bool(
            self.doc.push(
                retime_op(scene, item, *moved), self.tr("Nudge {item}").format(item=item.label), merge=True
            )
        )

    def remove_selected(self) -> bool:
        scene, item = self.scene(), self.selected_item()
        if scene is None or item is None:
            return False
        text = (
            self.tr("Remove choice window")
            if item.kind == "choice"
            else self.tr("Remove {item}").format(item=item.label)
        )
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
            menu.addAction(self.tr("Move playhead here"), lambda: self.seek(item.start))
            menu.addAction(self.tr("Remove {item}").format(item=item.label), self.remove_selected)
            menu.addSeparator()
        else:
            self.seek(clamp_point(self.axis().ms(pos.x()), self.span))
        menu.addAction(self.tr("Add savings prompt at playhead"), lambda: self.add_requested.emit("prompt"))
        menu.addAction(self.tr("Add product tag at playhead"), lambda: self.add_requested.emit("tag"))
        menu.addAction(self.tr("Add choice window at playhead"), lambda: self.add_requested.emit("choice"))
        return menu
