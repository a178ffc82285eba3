"""Option edges of the branch graph.

An :class:`EdgeItem` is one option: a curve from the source scene's output
port to the target's input port, an arrow head, and (when zoomed in enough
to read) a label with the option text and its condition/deposit badges.
Back edges and self-loops bend around so they stay visible.  In review,
options not taken yet are drawn faded and dashed.  Edges are
drawn without antialiasing unless zoomed in: long antialiased curves are
the main cost of software rendering.  Labels are painted by the view in its
foreground pass, above the nodes, so tight layouts keep them readable.
"""

from __future__ import annotations

import math
from typing import Protocol

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPainterPathStroker, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsItem, QStyle, QStyleOptionGraphicsItem, QWidget

from studio.model import placeholders
from studio.model.currency import format_money
from studio.model.project import Option, Project
from studio.ui.graph.items import SceneItem
from studio.ui.graph.style import LOD_BLOCK, LOD_SMOOTH, MID_SCALE, NODE_H, NODE_W, PORT_R, GraphStyle

ARROW = 9.0
NEXT = ""  # the option id of a "continues" edge (Scene.next): no option has an empty id
# A "continues" edge's label (translated where drawn).
CONTINUES = str(QT_TRANSLATE_NOOP("EdgeItem", "continues"))
LABEL_SPOTS = (0.5, 0.4, 0.6, 0.3, 0.7, 0.22, 0.78, 0.14, 0.86)  # curve parameters tried for a label
LABEL_GAP = 2.0  # free space kept around a label
LABEL_WIDTHS = (1.0, 0.72, 0.5, 0.34)  # narrower (elided) labels tried when no spot is clear
LABEL_MIN_W = 56.0
LABEL_SHIFTS = (0.0, 0.6, -0.6, 1.2, -1.2, 1.8, -1.8)  # beside the curve, in label heights


def option_label(option: Option, project: Project) -> str:
    """The text on an edge: the label as the viewer reads it (placeholders filled in), plus
    deposit (when the label does not say the amount), condition and default badges."""
    values: dict[str, str] = {}
    if option.deposit is not None:
        values["amount"] = format_money(option.deposit.amount, project.currency)
        goal = next((g for g in project.goals if g.id == option.deposit.goal), None)
        if goal is not None:
            values["goal"] = goal.name
    text = placeholders.fill(option.label, values)
    parts = [text if len(text) <= 28 else text[:27] + "…"]
    if option.deposit is not None and "amount" not in placeholders.used(option.label):
        parts.append(f"+{format_money(option.deposit.amount, project.currency)}")
    if option.condition is not None:
        parts.append(QCoreApplication.translate("EdgeItem", "[if]"))
    if option.default:
        parts.append("★")
    return "  ".join(parts)


class EdgeHost(Protocol):
    """What an edge asks of the graph it sits in (:class:`studio.ui.graph.scene.GraphScene`)."""

    @property
    def look(self) -> GraphStyle: ...

    def label_size(self, text: str) -> tuple[float, float]: ...

    def edge_watched(self, key: tuple[str, str]) -> bool | None: ...

    def items(self, rect: QRectF, mode: Qt.ItemSelectionMode) -> list[QGraphicsItem]: ...

    @property
    def label_epoch(self) -> int:
        """Changes whenever a node or an edge changes (placed labels are then placed again)."""


class EdgeItem(QGraphicsItem):
    """One option of ``source``'s choice point, pointing at ``target``."""

    def __init__(
        self, graph: EdgeHost, source: SceneItem, target: SceneItem, option_id: str, label: str, lane: int
    ) -> None:
        super().__init__()
        self.graph = graph
        self.source = source
        self.target = target
        self.option_id = option_id
        self.label = label
        self.lane = lane  # n-th option between the same two scenes
        self.continues = option_id == NEXT  # Scene.next: plays on by itself, no choice shown
        self._path: QPainterPath | None = None
        self._head = QPolygonF()
        self._points = (0.0,) * 8
        self._label_rect = QRectF()
        self._bounds = QRectF()
        self._shape: QPainterPath | None = None
        self._placed: dict[bool, tuple[int, QRectF, str]] = {}
        self._label_size = graph.label_size(label)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable, not self.continues)
        if self.continues:
            tip = QCoreApplication.translate(
                "EdgeItem", "Continues automatically to '{title}' (no choice shown)"
            )
            self.setToolTip(tip.format(title=target.title))
        self.adjust()

    @property
    def key(self) -> tuple[str, str]:
        return self.source.sid, self.option_id

    def adjust(self) -> None:
        """Recompute the curve's control points after either end moved.

        Plain float arithmetic (the QPainterPath is built lazily, when the
        edge is first painted or hit-tested): building thousands of edges
        must stay cheap.
        """
        self.prepareGeometryChange()
        sp, tp = self.source.pos(), self.target.pos()
        x1, y1 = sp.x() + NODE_W + PORT_R, sp.y() + NODE_H / 2
        x2, y2 = tp.x() - PORT_R, tp.y() + NODE_H / 2
        dx = x2 - x1
        if self.source is self.target:
            lift = NODE_H * 0.9 + 14 * self.lane
            c1x, c1y, c2x, c2y = x1 + 90, y1 - lift, x2 - 90, y2 - lift
        elif dx >= 40:
            bend = max(40.0, dx * 0.45)
            off = 16.0 * self.lane
            c1x, c1y, c2x, c2y = x1 + bend, y1 + off, x2 - bend, y2 + off
        else:  # backwards: loop out and around
            bend = 120.0 + min(abs(dx), 600) * 0.25
            drop = (NODE_H * 0.8 + 16 * self.lane) * (1.0 if y2 >= y1 else -1.0)
            c1x, c1y, c2x, c2y = x1 + bend, y1 + drop, x2 - bend, y2 + drop
        self._points = (x1, y1, c1x, c1y, c2x, c2y, x2, y2)
        w, h = self._label_size
        self._label_rect = self._label_at(0.5, w, h)  # hit area; drawn labels may move
        left, right = min(x1, c1x, c2x, x2), max(x1, c1x, c2x, x2)
        upper, lower = min(y1, c1y, c2y, y2), max(y1, c1y, c2y, y2)
        lw, lh = w * MID_SCALE / 2, h * MID_SCALE * (2.4 + self.lane) + LABEL_GAP
        curve = QRectF(left - lw, upper - lh, right - left + 2 * lw, lower - upper + 2 * lh)
        self._bounds = curve.adjusted(-ARROW, -ARROW, ARROW, ARROW)
        self._placed = {}
        self._path = None
        self._shape = None

    def _label_at(self, t: float, w: float, h: float) -> QRectF:
        """A w x h label box centred on the curve at parameter ``t`` (lane-offset)."""
        x1, y1, c1x, c1y, c2x, c2y, x2, y2 = self._points
        u = 1.0 - t
        a, b, c, d = u * u * u, 3 * u * u * t, 3 * u * t * t, t * t * t
        x = a * x1 + b * c1x + c * c2x + d * x2
        y = a * y1 + b * c1y + c * c2y + d * y2
        y += self.lane * (h + 3) * (1 if self.source is not self.target else -1)
        return QRectF(x - w / 2, y - h / 2, w, h)

    def label_box(self, large: bool, depth: int = 0) -> QRectF:
        """Where the label is drawn: the first spot (along the curve, then beside it) clear of
        every node and of the labels of edges ordered before this one; when none is clear, the
        spot that overlaps least.

        The order (source id, option id) makes placement independent of paint order, so
        partial repaints never disagree; a placement holds until any node or edge changes
        (the graph's ``label_epoch``).
        """
        return self._place(large, depth)[1]

    def label_text(self, large: bool) -> str:
        """The label as drawn: shortened ("…") when only a narrower box found a clear spot."""
        return self._place(large, 0)[2]

    def _place(self, large: bool, depth: int) -> tuple[int, QRectF, str]:
        epoch = self.graph.label_epoch
        cached = self._placed.get(large)
        if cached is not None and cached[0] == epoch:
            return cached
        full_w, h = self._label_size
        scale = MID_SCALE if large else 1.0
        best: tuple[float, int, QRectF, float] | None = None
        n = 0
        for shrink in LABEL_WIDTHS:
            w = max(min(full_w, LABEL_MIN_W), full_w * shrink) * scale
            for dy in LABEL_SHIFTS:
                for t in LABEL_SPOTS:
                    candidate = self._label_at(t, w, h * scale).translated(0.0, dy * h * scale)
                    cost = self._overlap(candidate, large, depth) if depth < 24 else 0.0
                    if best is None or cost < best[0]:
                        best = (cost, n, candidate, w / scale)
                    n += 1
                    if cost == 0.0:
                        break
                if best is not None and best[0] == 0.0:
                    break
            if best is not None and best[0] == 0.0:
                break
        assert best is not None
        text = self.label
        if best[3] < full_w:
            text = self.graph.look.small_metrics.elidedText(
                self.label, Qt.TextElideMode.ElideRight, int(best[3] - 10)
            )
        placed = self._placed[large] = (epoch, best[2], text)
        return placed

    def _overlap(self, box: QRectF, large: bool, depth: int) -> float:
        """How much ``box`` covers nodes (counted 4x) and earlier labels: 0.0 when clear."""
        cost = 0.0
        room = box.adjusted(-LABEL_GAP, -LABEL_GAP, LABEL_GAP, LABEL_GAP)
        for item in self.graph.items(room, Qt.ItemSelectionMode.IntersectsItemBoundingRect):
            if isinstance(item, SceneItem):
                cut = room.intersected(QRectF(item.pos().x(), item.pos().y(), NODE_W, NODE_H))
                cost += 4.0 * cut.width() * cut.height() if not cut.isEmpty() else 0.0
            elif isinstance(item, EdgeItem) and item.key < self.key:
                cut = room.intersected(item.label_box(large, depth + 1))
                cost += cut.width() * cut.height() if not cut.isEmpty() else 0.0
        return cost

    def _geometry(self) -> tuple[QPainterPath, QPolygonF]:
        if self._path is None:
            x1, y1, c1x, c1y, c2x, c2y, x2, y2 = self._points
            path = QPainterPath(QPointF(x1, y1))
            path.cubicTo(QPointF(c1x, c1y), QPointF(c2x, c2y), QPointF(x2, y2))
            vx, vy = x2 - c2x, y2 - c2y
            norm = math.hypot(vx, vy) or 1.0
            bx, by = vx / norm * ARROW, vy / norm * ARROW
            tip = QPointF(x2, y2)
            self._head = QPolygonF(
                [
                    tip,
                    QPointF(x2 - bx - by * 0.5, y2 - by + bx * 0.5),
                    QPointF(x2 - bx + by * 0.5, y2 - by - bx * 0.5),
                ]
            )
            self._path = path
        return self._path, self._head

    def overview_line(self) -> QLineF:
        """Straight port-to-port line used when zoomed far out."""
        x1, y1, *_, x2, y2 = self._points
        return QLineF(x1, y1, x2, y2)

    def boundingRect(self) -> QRectF:
        return self._bounds

    def shape(self) -> QPainterPath:
        if self._shape is None:
            stroker = QPainterPathStroker()
            stroker.setWidth(10.0)
            shape = stroker.createStroke(self._geometry()[0])
            shape.addRect(self.label_box(False))
            self._shape = shape
        return self._shape

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        style = self.graph.look
        lod = option.levelOfDetailFromTransform(painter.worldTransform())
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        color = style.edge_selected if selected else style.edge
        unwatched = self.graph.edge_watched(self.key) is False
        if unwatched and not selected:  # review coverage: an option not taken yet
            color = QColor(color)
            color.setAlpha(110)
        if lod < LOD_BLOCK:
            x1, y1, *_, x2, y2 = self._points
            painter.setPen(QPen(color, 0))  # cosmetic hairline
            painter.drawLine(QPointF(x1, y1), QPointF(x2, y2))
            return
        path, head = self._geometry()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, lod >= LOD_SMOOTH)
        pen = QPen(color, 2.5 if selected else 1.5)
        if unwatched:
            pen.setStyle(Qt.PenStyle.DashLine)
        if self.continues:
            color = QColor(style.start)
            pen = QPen(color, 2.0, Qt.PenStyle.DashDotLine)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(path)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(color)
        painter.drawPolygon(head)

    def paint_label(self, painter: QPainter, large: bool = False) -> None:
        """Draw the label (the view calls this above the nodes, when zoomed in).

        ``large``: the compact zoom level, where labels are drawn bigger (the
        edge's bounds leave room for that).
        """
        style = self.graph.look
        color = style.edge_selected if self.isSelected() else style.edge
        rect = self.label_box(large)
        if self.continues:
            painter.setPen(QPen(style.start, 1.0, Qt.PenStyle.DashLine))
            painter.setBrush(style.label_bg)
            painter.drawRoundedRect(rect, rect.height() / 2, rect.height() / 2)
            painter.setFont(style.mid_label_font if large else style.small_font)
            painter.setPen(style.start)
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, self.label_text(large))
            return
        painter.setPen(QPen(color, 1.0))
        painter.setBrush(style.label_bg)
        painter.drawRoundedRect(rect, 5.0, 5.0)
        painter.setFont(style.mid_label_font if large else style.small_font)
        painter.setPen(style.text)
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, self.label_text(large))
