"""What the canvas does for the keyboard and the node's "+" button: select and open scenes,
branch into a new scene, rename in place, and pick a target scene for a link.

:class:`CanvasFlow` is the :class:`~studio.ui.graph.keys.KeyHost` of a view.  Picking a
target (C, or "Continue automatically to…") shows a dashed wire from the scene to the
scene it would link to; arrows or Tab move it, Enter or a click links (one undoable edit),
Esc or a click on empty canvas cancels.  The "+" button is drawn above everything (labels
included) at the top right of the one selected scene when the project is writable.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsPathItem, QGraphicsView
from shiboken6 import isValid

from studio.app.document import Document
from studio.app.selection import Selection
from studio.model.ops import ChangeSet, MoveScenes, Op, links
from studio.ui.graph.layout import COLUMN, ROW
from studio.ui.graph.rename import InlineRename
from studio.ui.graph.scene import GraphScene
from studio.ui.graph.style import LOD_BLOCK, NODE_H, NODE_W

PLUS_R = 11.0  # the "+" button's radius in scene units (at least PLUS_MIN_PX on screen)
PLUS_MIN_PX = 9.0
PICK_TEXT = {
    "connect": str(QT_TRANSLATE_NOOP(
        "CanvasFlow",
        "Connect '{src}' to '{dst}': arrows or a click pick the scene, Enter connects, Esc cancels",
    )),
    "continue": str(QT_TRANSLATE_NOOP(
        "CanvasFlow",
        "'{src}' continues automatically to '{dst}': arrows or a click pick, Enter sets, Esc cancels",
    )),
}


class CanvasFlow(QObject):
    """Selection moves, opening, branching, renaming and target picking on one view."""

    opened = Signal(str)  # a scene was opened (Enter, double-click): show it in the inspector

    def __init__(self, view: QGraphicsView, graph: GraphScene) -> None:
        super().__init__(view)
        self.view = view
        self.graph = graph
        self.doc: Document = graph.doc
        self.selection: Selection = graph.selection
        self.renamer = InlineRename(view, self)
        self._pick: tuple[str, str, str] | None = None  # (kind, source, target)
        self._wire: QGraphicsPathItem | None = None
        self._plus = QRectF()  # where the "+" was last drawn (scene coordinates)
        self.doc.changed.connect(self._on_changed)

    def _on_changed(self, changes: ChangeSet) -> None:
        if not isValid(self.graph) or not isValid(self.view):
            return
        if changes.reset:  # the graph was rebuilt: its items (the wire too) are gone
            self._pick, self._wire = None, None
            self.renamer.finish(commit=False)
        elif self._pick is not None and self._pick[1] not in self.doc.project.scene_map():
            self.finish_pick(False)
        self.refresh_plus()

    # --- what the keys read -------------------------------------------------------
    def node_centres(self) -> dict[str, tuple[float, float]]:
        return {
            sid: (item.pos().x() + NODE_W / 2, item.pos().y() + NODE_H / 2)
            for sid, item in self.graph.items_by_id.items()
        }

    def node_origin(self, scene_id: str) -> QPointF | None:
        item = self.graph.items_by_id.get(scene_id)
        return None if item is None else item.pos()

    def selected_ids(self) -> list[str]:
        return self.graph.selected_scene_ids()

    # --- selecting and opening ---------------------------------------------------------
    def go_to(self, scene_id: str) -> None:
        """Select one scene and scroll it into view (the zoom stays)."""
        self.selection.set([scene_id])
        self.reveal(scene_id)

    def reveal(self, scene_id: str) -> None:
        item = self.graph.items_by_id.get(scene_id)
        if item is not None:
            self.view.ensureVisible(item.sceneBoundingRect(), 40, 40)

    def open_scene(self, scene_id: str) -> None:
        """Select the scene and ask for it to be shown (inspector, preview, timeline)."""
        self.go_to(scene_id)
        self.opened.emit(scene_id)

    def rename(self, scene_id: str) -> bool:
        self.reveal(scene_id)
        return self.renamer.start(scene_id)

    def nudge(self, dx: float, dy: float) -> None:
        """Move the selected scenes; repeated nudges of the same scenes are one undo step."""
        scenes = self.doc.project.scene_map()
        moves = tuple(
            (sid, scenes[sid].position.x + dx, scenes[sid].position.y + dy)
            for sid in sorted(self.selected_ids())
            if sid in scenes
        )
        if moves:
            self.doc.push(MoveScenes(moves), merge=True)

    # --- adding ------------------------------------------------------------------------
    def branch(self, scene_id: str) -> bool:
        """The "+": a new scene after ``scene_id``, selected and being renamed."""
        scene = self.doc.project.scene_map().get(scene_id)
        if scene is None:
            return False
        return self.add_and_rename(
            links.branch(scene_id, (NODE_W, NODE_H), (COLUMN, ROW)),
            self.tr("Branch from '{title}'").format(title=scene.title),
        )

    def add_and_rename(self, op: Op, text: str) -> bool:
        """Push an edit that adds one scene; select it and start renaming it."""
        before = set(self.doc.project.scene_map())
        if not self.doc.push(op, text):
            return False
        new = [s.id for s in self.doc.project.scenes if s.id not in before]
        if new:
            self.go_to(new[0])
            self.renamer.start(new[0])
        return True

    # --- picking a target --------------------------------------------------------------
    def pick_target(self) -> str | None:
        return None if self._pick is None else self._pick[2]

    def start_pick(self, kind: str, scene_id: str) -> None:
        """Start picking the scene ``scene_id`` links to (``kind``: connect or continue)."""
        centres = self.node_centres()
        others = [sid for sid in centres if sid != scene_id]
        if scene_id not in centres or not others:
            self.doc.message.emit(self.tr("There is no other scene to link to."))
            return
        sx, sy = centres[scene_id]
        first = min(others, key=lambda s: (centres[s][0] <= sx, abs(centres[s][1] - sy), centres[s][0]))
        self.finish_pick(False)
        self._pick = (kind, scene_id, first)
        self._wire = QGraphicsPathItem()
        self._wire.setPen(QPen(self.graph.look.selected, 2.5, Qt.PenStyle.DashLine))
        self._wire.setZValue(10.0)
        self.graph.addItem(self._wire)
        self.move_pick(first)
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def move_pick(self, scene_id: str) -> None:
        if self._pick is None or self._wire is None:
            return
        kind, source, _ = self._pick
        self._pick = (kind, source, scene_id)
        src, dst = self.graph.items_by_id.get(source), self.graph.items_by_id.get(scene_id)
        if src is None or dst is None:
            self.finish_pick(False)
            return
        start, end = src.out_port(), dst.in_port()
        bend = max(60.0, abs(end.x() - start.x()) * 0.4)
        path = QPainterPath(start)
        path.cubicTo(start + QPointF(bend, 0), end - QPointF(bend, 0), end)
        path.addRoundedRect(dst.sceneBoundingRect().adjusted(-6, -6, 6, 6), 10, 10)
        self._wire.setPath(path)
        self.reveal(scene_id)
        titles = self.doc.project.scene_map()
        text = self.tr(PICK_TEXT[kind])
        self.doc.message.emit(text.format(src=titles[source].title, dst=titles[scene_id].title))

    def finish_pick(self, accept: bool) -> None:
        """End picking: link to the picked scene (``accept``) or leave everything as it was."""
        pick, self._pick = self._pick, None
        if self._wire is not None:
            self.graph.removeItem(self._wire)
            self._wire = None
        if pick is None:
            return
        if not accept:
            self.doc.message.emit("")
            return
        kind, source, target = pick
        scenes = self.doc.project.scene_map()
        if source not in scenes or target not in scenes:
            return
        src, dst = scenes[source].title, scenes[target].title
        if kind == "continue":
            text = self.tr("Continue '{src}' automatically to '{dst}'").format(src=src, dst=dst)
            self.doc.push(links.continue_to(source, target), text)
        else:
            text = self.tr("Connect '{src}' to '{dst}'").format(src=src, dst=dst)
            self.doc.push(links.connect(source, target), text)
        self.doc.message.emit("")

    def link(self, source: str, target: str) -> bool:
        """Drag from a port onto a scene: an option to it (a continuation becomes a choice)."""
        scenes = self.doc.project.scene_map()
        if source not in scenes or target not in scenes:
            return False
        text = self.tr("Connect '{src}' to '{dst}'")
        text = text.format(src=scenes[source].title, dst=scenes[target].title)
        return bool(self.doc.push(links.connect(source, target), text))

    # --- the "+" button ----------------------------------------------------------------
    def plus_rect(self) -> QRectF:
        """Where the "+" is (scene coordinates), or an empty rect when it is not shown."""
        ids = self.selected_ids()
        zoom = self.view.transform().m11()
        if len(ids) != 1 or self.doc.read_only or zoom < LOD_BLOCK or self._pick is not None:
            return QRectF()
        item = self.graph.items_by_id.get(ids[0])
        if item is None:
            return QRectF()
        r = max(PLUS_R, PLUS_MIN_PX / zoom)
        centre = item.pos() + QPointF(NODE_W + r + 4, r + 2)
        return QRectF(centre.x() - r, centre.y() - r, 2 * r, 2 * r)

    def plus_hit(self, scene_pos: QPointF) -> str | None:
        """The scene whose "+" is at ``scene_pos`` (None: not on the button)."""
        rect = self.plus_rect()
        if rect.isEmpty():
            return None
        d = scene_pos - rect.center()
        if d.x() * d.x() + d.y() * d.y() > (rect.width() / 2 + 2) ** 2:
            return None
        ids = self.selected_ids()
        return ids[0] if ids else None

    def refresh_plus(self) -> None:
        """Repaint where the button was and where it is now (selection, zoom or node moved)."""
        if not isValid(self.graph) or not isValid(self.view):  # torn down (its scene emits as it goes)
            return
        new = self.plus_rect()
        for rect in (self._plus, new):
            if not rect.isEmpty():
                self.graph.update(rect.adjusted(-3, -3, 3, 3))
        self._plus = new

    def paint_plus(self, painter: QPainter) -> None:
        rect = self.plus_rect()
        self._plus = rect
        if rect.isEmpty():
            return
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(QPen(QColor(self.graph.look.node), 1.5))
        painter.setBrush(self.graph.look.selected)
        painter.drawEllipse(rect)
        c, arm = rect.center(), rect.width() * 0.28
        painter.setPen(QPen(QColor("white"), max(2.0, rect.width() / 9), Qt.PenStyle.SolidLine,
                            Qt.PenCapStyle.RoundCap))
        painter.drawLine(QPointF(c.x() - arm, c.y()), QPointF(c.x() + arm, c.y()))
        painter.drawLine(QPointF(c.x(), c.y() - arm), QPointF(c.x(), c.y() + arm))
