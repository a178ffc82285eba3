"""The branch graph view: zoom, pan, drag, connect and drop.

Gestures become document edits only when they finish: a node drag pushes
one move on release, dragging from an output port onto a scene pushes one
"connect", a click on the selected scene's "+" branches into a new scene, and
dropping clips from the media library (or files from the desktop) creates
scenes at the drop point.  Keys (:mod:`studio.ui.graph.keys`) move the
selection, rename, branch, connect and nudge (merged into one undo step);
Enter or a double-click opens a scene (``scene_opened``).  The view never
changes the model otherwise.

Rendering is tuned for thousands of nodes: no antialiasing by default,
minimal viewport updates, a background grid only when zoomed in.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QLineF, QPoint, QPointF, QRect, QRectF, Qt, Signal
from PySide6.QtGui import (
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPen,
    QResizeEvent,
    QShowEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QGraphicsPathItem, QGraphicsView, QWidget

from studio.app.media_import import MediaImporter
from studio.model import gestures
from studio.model.ops import OpError
from studio.ui.graph.edges import EdgeItem
from studio.ui.graph.flow import CanvasFlow
from studio.ui.graph.items import SceneItem
from studio.ui.graph.keys import KeyFlow
from studio.ui.graph.scene import GraphScene
from studio.ui.graph.style import LOD_BLOCK, LOD_LABEL, LOD_TEXT

MEDIA_MIME = "application/x-drama-studio-media"
MIN_ZOOM, MAX_ZOOM = 0.03, 3.0
GRID = 40.0


class GraphView(QGraphicsView):
    """Interactive view of a :class:`GraphScene`."""

    zoom_changed = Signal(float)
    scene_opened = Signal(str)  # Enter or a double-click on a scene: show it (inspector, preview)

    def __init__(self, graph: GraphScene, importer: MediaImporter, parent: QWidget | None = None) -> None:
        super().__init__(graph, parent)
        self.graph = graph
        self.doc = graph.doc
        self.importer = importer
        self.show_grid = True
        self.frames = 0  # paints so far (benchmarks and tests read it)
        self._fit_pending = True
        self._press: dict[str, QPointF] = {}  # scene id -> position when a drag began
        self._last: dict[str, QPointF] = {}
        self._connect_from: SceneItem | None = None
        self._wire: QGraphicsPathItem | None = None
        self._pan_from: QPoint | None = None
        self.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.MinimalViewportUpdate)
        self.setOptimizationFlags(
            QGraphicsView.OptimizationFlag.DontSavePainterState
            | QGraphicsView.OptimizationFlag.DontAdjustForAntialiasing
        )
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
        self.setRubberBandSelectionMode(Qt.ItemSelectionMode.IntersectsItemShape)
        self.setAcceptDrops(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        graph.selection.focus_requested.connect(self.centre_on_scene)
        self.flow = CanvasFlow(self, graph)
        self.flow.opened.connect(self.scene_opened)
        self.keys = KeyFlow(self.flow)
        graph.selectionChanged.connect(self.flow.refresh_plus)

    # --- zoom and navigation ---------------------------------------------------
    @property
    def zoom(self) -> float:
        return self.transform().m11()

    def set_zoom(self, factor: float) -> None:
        factor = max(MIN_ZOOM, min(MAX_ZOOM, factor))
        self.scale(factor / self.zoom, factor / self.zoom)
        self._zoomed()

    def _zoomed(self) -> None:
        self.graph.set_overview(self.zoom < LOD_BLOCK)
        self.flow.renamer.place()
        self.zoom_changed.emit(self.zoom)

    def zoom_by(self, step: float) -> None:
        self.set_zoom(self.zoom * step)

    def fit_when_shown(self) -> None:
        """Zoom to fit now if the view has its real size, else once it has."""
        if self.isVisible() and self.viewport().width() > 50:
            self.zoom_to_fit()
        else:
            self._fit_pending = True

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._fit_pending and self.isVisible() and self.viewport().width() > 50:
            self._fit_pending = False
            self.zoom_to_fit()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._fit_pending and self.viewport().width() > 50:
            self._fit_pending = False
            self.zoom_to_fit()

    def zoom_to_fit(self, ids: set[str] | None = None) -> None:
        rect = self.graph.nodes_rect(ids)
        if rect.isNull():
            return
        self.fitInView(rect.adjusted(-60, -60, 60, 60), Qt.AspectRatioMode.KeepAspectRatio)
        if self.zoom > 1.0:
            self.set_zoom(1.0)
            self.centerOn(rect.center())
        self._zoomed()

    def centre_on_scene(self, scene_id: str) -> None:
        item = self.graph.items_by_id.get(scene_id)
        if item is not None:
            if self.zoom < 0.6:
                self.set_zoom(0.8)
            self.centerOn(item.sceneBoundingRect().center())

    def wheelEvent(self, event: QWheelEvent) -> None:
        delta = event.angleDelta().y() or event.angleDelta().x()
        if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            super().wheelEvent(event)  # scroll
            return
        self.zoom_by(1.0015**delta)
        event.accept()

    def drawBackground(self, painter: QPainter, rect: QRectF | QRect) -> None:
        rect = QRectF(rect)
        self.frames += 1
        style = self.graph.look
        painter.fillRect(rect, style.background)
        if self.graph.overview:
            self._draw_overview(painter)
            return
        if not self.show_grid or self.zoom < 0.45:
            return
        painter.setPen(QPen(style.grid, 0))
        left = int(rect.left() // GRID) * GRID
        top = int(rect.top() // GRID) * GRID
        lines = []
        x = left
        while x < rect.right():
            lines.append(QLineF(x, rect.top(), x, rect.bottom()))
            x += GRID
        y = top
        while y < rect.bottom():
            lines.append(QLineF(rect.left(), y, rect.right(), y))
            y += GRID
        painter.drawLines(lines)

    def _draw_overview(self, painter: QPainter) -> None:
        """Zoomed far out: every edge and node in a few batched calls."""
        lines, groups = self.graph.overview_geometry()
        painter.setPen(QPen(self.graph.look.edge, 0))
        painter.drawLines(lines)
        painter.setPen(Qt.PenStyle.NoPen)
        for colour, rects in groups:
            painter.setBrush(colour)
            painter.drawRects(rects)

    def drawForeground(self, painter: QPainter, rect: QRectF | QRect) -> None:
        """Edge labels above the nodes, only when zoomed in enough to read them."""
        if self.zoom < LOD_LABEL:
            return
        large = self.zoom < LOD_TEXT
        for item in self.graph.items(QRectF(rect), Qt.ItemSelectionMode.IntersectsItemBoundingRect):
            if isinstance(item, EdgeItem):
                item.paint_label(painter, large)
        self.flow.paint_plus(painter)

    # --- mouse: select, drag, connect, pan ------------------------------------------
    def _node_at(self, pos: QPoint) -> SceneItem | None:
        for item in self.items(pos):
            if isinstance(item, SceneItem):
                return item
        return None

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.graph.ensure_built()
        if event.button() == Qt.MouseButton.MiddleButton:
            self._pan_from = event.position().toPoint()
            self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
            event.accept()
            return
        node = self._node_at(event.position().toPoint())
        scene_pos = self.mapToScene(event.position().toPoint())
        if self.flow.pick_target() is not None:  # picking a link's target: a click picks it
            if node is not None and event.button() == Qt.MouseButton.LeftButton:
                self.flow.move_pick(node.sid)
            self.flow.finish_pick(node is not None and event.button() == Qt.MouseButton.LeftButton)
            event.accept()
            return
        plus = self.flow.plus_hit(scene_pos) if event.button() == Qt.MouseButton.LeftButton else None
        if plus is not None:
            self.flow.branch(plus)
            event.accept()
            return
        if (
            event.button() == Qt.MouseButton.LeftButton
            and node is not None
            and node.port_hit(scene_pos)
            and not self.doc.read_only
        ):
            self._connect_from = node
            self._wire = QGraphicsPathItem()
            self._wire.setPen(QPen(self.graph.look.selected, 2.0, Qt.PenStyle.DashLine))
            self._wire.setZValue(10.0)
            self.graph.addItem(self._wire)
            self._update_wire(scene_pos)
            event.accept()
            return
        super().mousePressEvent(event)
        if event.button() == Qt.MouseButton.LeftButton and node is not None:
            self._press = {sid: self.graph.items_by_id[sid].pos() for sid in self.graph.selected_scene_ids()}
            self._last = dict(self._press)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        node = self._node_at(event.position().toPoint())
        if event.button() == Qt.MouseButton.LeftButton and node is not None:
            self.flow.open_scene(node.sid)
            event.accept()
            return
        super().mouseDoubleClickEvent(event)

    def _update_wire(self, scene_pos: QPointF) -> None:
        if self._wire is None or self._connect_from is None:
            return
        start = self._connect_from.out_port()
        path = QPainterPath(start)
        bend = max(40.0, abs(scene_pos.x() - start.x()) * 0.4)
        path.cubicTo(start + QPointF(bend, 0), scene_pos - QPointF(bend, 0), scene_pos)
        self._wire.setPath(path)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._pan_from is not None:
            delta = event.position().toPoint() - self._pan_from
            self._pan_from = event.position().toPoint()
            self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() - delta.x())
            self.verticalScrollBar().setValue(self.verticalScrollBar().value() - delta.y())
            event.accept()
            return
        if self._wire is not None:
            self._update_wire(self.mapToScene(event.position().toPoint()))
            event.accept()
            return
        super().mouseMoveEvent(event)
        for sid, last in self._last.items():  # nodes dragged by the scene: re-route edges
            node = self.graph.nodes.get(sid)
            if node is not None and node.pos() != last:
                self._last[sid] = node.pos()
                node.moved()
        if self._last:
            self.flow.refresh_plus()
            if self.zoom >= LOD_LABEL:
                self.viewport().update()  # labels of other edges may take another spot

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._pan_from is not None and event.button() == Qt.MouseButton.MiddleButton:
            self._pan_from = None
            self.viewport().unsetCursor()
            event.accept()
            return
        if self._wire is not None:
            source = self._connect_from
            self.graph.removeItem(self._wire)
            self._wire, self._connect_from = None, None
            target = self._node_at(event.position().toPoint())
            if source is not None and target is not None:
                self.flow.link(source.sid, target.sid)
            event.accept()
            return
        super().mouseReleaseEvent(event)
        self._finish_drag()

    def _finish_drag(self) -> None:
        press, self._press, self._last = self._press, {}, {}
        moved = {}
        for sid, before in press.items():
            item = self.graph.items_by_id.get(sid)
            if item is not None and item.pos() != before:
                moved[sid] = (item.pos().x(), item.pos().y())
        if moved and not self.doc.push(gestures.move(moved)):
            self.graph.reset_positions(set(moved))

    # --- keyboard -------------------------------------------------------------------
    def event(self, event: QEvent) -> bool:
        """Tab and Shift+Tab walk the scenes (instead of moving the focus to the next widget)."""
        tab = (Qt.Key.Key_Tab, Qt.Key.Key_Backtab)
        if isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress and event.key() in tab:
            self.keyPressEvent(event)
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and self._wire is not None:
            self.graph.removeItem(self._wire)
            self._wire, self._connect_from = None, None
            event.accept()
            return
        self.graph.ensure_built()
        if self.keys.handle(event):
            event.accept()
            return
        super().keyPressEvent(event)

    def scrollContentsBy(self, dx: int, dy: int) -> None:
        super().scrollContentsBy(dx, dy)
        self.flow.renamer.place()

    def nudge(self, dx: float, dy: float) -> None:
        """Move the selected scenes; repeated nudges are one undo step."""
        self.flow.nudge(dx, dy)

    # --- drops: clips from the library, files from the desktop --------------------------
    def _accepts(self, event: QDragEnterEvent | QDragMoveEvent | QDropEvent) -> bool:
        mime = event.mimeData()
        return not self.doc.read_only and (mime.hasFormat(MEDIA_MIME) or mime.hasUrls())

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._accepts(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if self._accepts(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        if not self._accepts(event):
            event.ignore()
            return
        point = self.mapToScene(event.position().toPoint())
        mime = event.mimeData()
        if mime.hasFormat(MEDIA_MIME):
            ids = [i for i in bytes(mime.data(MEDIA_MIME).data()).decode("utf-8").split("\n") if i]
            try:
                op = gestures.add_scenes_for_media(self.doc.project, ids, point.x(), point.y())
            except OpError as exc:
                self.doc.message.emit(str(exc))
            else:
                self.doc.push(op)
        else:
            files = [u.toLocalFile() for u in mime.urls() if u.isLocalFile()]
            if files:
                self.importer.import_files(files, at=(point.x(), point.y()))
        event.acceptProposedAction()
