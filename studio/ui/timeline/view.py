"""What the timeline canvas shows: one scene's lanes, trim, playhead and review comment flags.

:class:`TimelineView` is the read side of the
:class:`~studio.ui.timeline.canvas.TimelineCanvas`: it rebuilds the scene's items
from the model (:meth:`TimelineView.reload`), follows the shared playhead, paints
(through :mod:`studio.ui.timeline.paint`, showing a drag in progress where it would
land), answers hit tests and shows tooltips.  Editing -- mouse, keys and the context
menu -- is the canvas's.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, Qt
from PySide6.QtGui import QHelpEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QToolTip, QWidget

from studio.app.document import Document
from studio.app.playhead import Playhead
from studio.app.selection import Selection
from studio.model.project import Scene
from studio.model.review import Comment
from studio.ui.timeline import geometry as g
from studio.ui.timeline.drag import Drag, DragKind
from studio.ui.timeline.items import Edge, Item, build_items, find_item, scene_fps, scene_span, tag_rows
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

__all__ = ["TimelineView"]


class TimelineView(QWidget):
    """Paints the timed items of one scene (see the module docstring)."""

    def __init__(
        self, document: Document, selection: Selection, playhead: Playhead, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.doc, self.selection, self.playhead = document, selection, playhead
        self.setObjectName("timelineCanvas")
        self.look = Style.from_palette()
        self.strip = StripLoader(self)
        self.strip.ready.connect(self.update)
        self.scene_id: str | None = None
        self.items: list[Item] = []
        self.span: tuple[int, int, int] = (0, 10_000, 10_000)
        self.fps = 25.0
        self.tag_rows = 1
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

    @property
    def storyboard_card(self) -> bool:
        """The shown scene is a placeholder (a storyboard card, no clip yet)."""
        scene = self.scene()
        return scene is not None and scene.placeholder is not None

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
            asset = project.media_map().get(scene.media) if scene.media is not None else None
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

    def _on_playhead(self, ms: int, origin: object) -> None:
        if self.scene_id is not None and self.playhead.scene == self.scene_id:
            self.playhead_ms = ms
            self.update()

    # --- hit testing ---------------------------------------------------------------------
    def hit(self, pos: QPointF) -> tuple[Item, Edge] | None:
        """The item (and which part of it) under ``pos``."""
        return hit_item(self, pos)

    def trim_hit(self, pos: QPointF) -> DragKind | None:
        if self.scene_id is None:
            return None
        return hit_trim(self, pos)

    def describe(self, item: Item) -> str:
        return g.describe(item)

    def item_point(self, item: Item, edge: Edge = "move") -> QPoint:
        """A pixel on ``item`` (tests and accessibility): its body or one edge."""
        r = item_rect(self, item)
        y = int(r.center().y())
        if edge == "start":
            return QPoint(int(r.left()) + 2, y)
        if edge == "end":
            return QPoint(int(r.right()) - 2, y)
        return QPoint(int(r.center().x()), y)

    # --- Qt -----------------------------------------------------------------------------
    def event(self, e: QEvent) -> bool:
        if e.type() == QEvent.Type.ToolTip:
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

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        try:
            if self.scene_id is None:
                p.fillRect(self.rect(), self.look.background)
                p.setPen(self.look.muted)
                p.drawText(
                    self.rect(),
                    int(Qt.AlignmentFlag.AlignCenter),
                    self.tr("Select a scene to see its timeline"),
                )
                return
            paint_canvas(self, p, QRectF(event.rect()))
        finally:
            p.end()
