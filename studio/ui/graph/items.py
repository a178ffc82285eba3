"""Scene nodes of the branch graph.

A :class:`SceneItem` draws one scene: thumbnail, title, duration and size,
badges (savings prompts and their total, product tags, options), the start
and ending markers, a problem marker with its tooltip, the output port
that starts a connection and, in review, a watched/unwatched badge (unwatched
scenes are drawn faded).  Painting uses level of detail: when zoomed out a
node is a plain block, text appears only when readable, and antialiasing
only when zoomed in, so thousands of nodes stay fluid.  Everything a paint
needs is computed in :meth:`SceneItem.set_scene` (never during paint).
"""

from __future__ import annotations

from typing import Any, Protocol

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath, QPen, QPixmap
from PySide6.QtWidgets import QGraphicsItem, QStyle, QStyleOptionGraphicsItem, QWidget

from studio.app.problem_text import problem_text
from studio.model.checks import Problem
from studio.model.currency import format_money
from studio.model.project import MediaAsset, Project, Scene
from studio.ui.graph.style import (
    ENDING,
    LOD_BLOCK,
    LOD_SMOOTH,
    LOD_TEXT,
    NODE_H,
    NODE_W,
    PORT_R,
    RADIUS,
    THUMB_H,
    THUMB_W,
    GraphStyle,
)

_BODY = QRectF(0.0, 0.0, NODE_W, NODE_H)
_BOUNDS = QRectF(-PORT_R - 2, -2, NODE_W + 2 * PORT_R + 4, NODE_H + 4)
_THUMB = QRectF(8.0, (NODE_H - THUMB_H) / 2, THUMB_W, THUMB_H)
_TEXT_X = _THUMB.right() + 10
_CARD_X = 16.0  # text of a placeholder's card (no thumbnail)
WATCHED = QColor("#2f9e66")
UNWATCHED_OPACITY = 0.4  # review coverage: scenes not watched yet
OUT_PORT = QPointF(NODE_W, NODE_H / 2)
ENDING_NAMES = {  # the ending kinds as a node's marker names them
    "good": str(QT_TRANSLATE_NOOP("SceneItem", "good")),
    "neutral": str(QT_TRANSLATE_NOOP("SceneItem", "neutral")),
    "bad": str(QT_TRANSLATE_NOOP("SceneItem", "bad")),
}
IN_PORT = QPointF(0.0, NODE_H / 2)


def duration_text(ms: int | None) -> str:
    if ms is None:
        return "?"
    if ms < 60_000:
        return QCoreApplication.translate("SceneItem", "{seconds} s").format(seconds=f"{ms / 1000:.1f}")
    return f"{ms // 60_000}:{ms // 1000 % 60:02d}"


class NodeHost(Protocol):
    """What a node asks of the graph it sits in (:class:`studio.ui.graph.scene.GraphScene`)."""

    @property
    def look(self) -> GraphStyle: ...

    def asset(self, media_id: str) -> MediaAsset | None: ...

    def pixmap(self, media_id: str) -> QPixmap | None: ...

    def watched(self, scene_id: str) -> bool | None: ...

    def node_moved(self, node: SceneItem) -> None: ...


class SceneItem(QGraphicsItem):
    """One scene on the canvas (its position mirrors ``scene.position``)."""

    def __init__(self, scene_id: str, graph: NodeHost) -> None:
        super().__init__()
        self.sid = scene_id
        self.graph = graph
        self.media_id = ""
        self.title = ""
        self._title = ""
        self._meta = ""
        self._badges: list[tuple[str, Any]] = []
        self.is_start = False
        self.ending: str | None = None
        self.is_ending = False
        self._problem: str | None = None  # "error" | "warning"
        self.card: QColor | None = None  # a placeholder scene's colour (drawn as a titled card)
        self.setFlags(
            QGraphicsItem.GraphicsItemFlag.ItemIsSelectable | QGraphicsItem.GraphicsItemFlag.ItemIsMovable
        )
        self.setZValue(1.0)  # above the edges

    # --- data -----------------------------------------------------------------
    def set_scene(self, scene: Scene, project: Project, problems: list[Problem]) -> None:
        """Take everything paint needs from the model (call after each change)."""
        style = self.graph.look
        self.media_id = scene.media or ""
        self.title = scene.title
        self._title = style.title_metrics.elidedText(
            scene.title or scene.id, Qt.TextElideMode.ElideRight, int(NODE_W - _TEXT_X - 12)
        )
        asset = self.graph.asset(scene.media) if scene.media is not None else None
        end = scene.out_ms if scene.out_ms is not None else (asset.duration_ms if asset else None)
        length = None if end is None else end - scene.in_ms
        size = f"  ·  {asset.width}×{asset.height}" if asset else "  ·  " + QCoreApplication.translate(
            "SceneItem", "missing clip")
        self.card = None
        if scene.placeholder is not None:
            self.card = QColor(scene.placeholder.colour)
            length = scene.placeholder.duration_ms
            size = "  ·  " + QCoreApplication.translate("SceneItem", "placeholder")
        self._meta = duration_text(length) + size
        if self.card is not None:
            self._title = style.title_metrics.elidedText(
                scene.title or scene.id, Qt.TextElideMode.ElideRight, int(NODE_W - _CARD_X - 12)
            )
        badges: list[tuple[str, Any]] = []
        if scene.prompts:
            total = sum(p.amount for p in scene.prompts)
            badges.append(
                (f"◆ {len(scene.prompts)} · {format_money(total, project.currency)}", style.savings)
            )
        deposits = [o.deposit.amount for o in scene.choice.options if o.deposit] if scene.choice else []
        if deposits:
            badges.append((f"+{format_money(max(deposits), project.currency)}", style.savings))
        if scene.tags:
            n = len(scene.tags)
            tags = (QCoreApplication.translate("SceneItem", "1 product tag") if n == 1
                    else QCoreApplication.translate("SceneItem", "{n} product tags").format(n=n))
            badges.append((tags, style.product))
        if scene.choice:
            n = len(scene.choice.options)
            options = (QCoreApplication.translate("SceneItem", "1 option") if n == 1
                       else QCoreApplication.translate("SceneItem", "{n} options").format(n=n))
            badges.append((options, style.muted))
        self._badges = badges
        self.is_start = project.start == scene.id
        self.is_ending = scene.ending
        self.ending = scene.ending_kind or ("neutral" if scene.ending else None)
        self.set_problems(problems)
        self.update()

    def set_problems(self, problems: list[Problem]) -> None:
        severity = None
        if problems:
            severity = "error" if any(p.severity == "error" for p in problems) else "warning"
        tip = f"{self.title}  ({self.sid})"
        if problems:
            lines = [f"{'⛔' if p.severity == 'error' else '⚠'} {problem_text(p)}" for p in problems[:8]]
            if len(problems) > 8:
                more = QCoreApplication.translate("SceneItem", "… and {n} more")
                lines.append(more.format(n=len(problems) - 8))
            tip += "\n" + "\n".join(lines)
        if severity != self._problem or tip != self.toolTip():
            self._problem = severity
            self.setToolTip(tip)
            self.update()

    @property
    def problem(self) -> str | None:
        return self._problem

    # --- geometry -------------------------------------------------------------
    def boundingRect(self) -> QRectF:
        return _BOUNDS

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        path.addRoundedRect(_BODY, RADIUS, RADIUS)
        path.addEllipse(OUT_PORT, PORT_R + 2, PORT_R + 2)
        return path

    def out_port(self) -> QPointF:
        return self.pos() + OUT_PORT

    def in_port(self) -> QPointF:
        return self.pos() + IN_PORT

    def port_hit(self, scene_pos: QPointF) -> bool:
        """True if ``scene_pos`` is on the output port (drag from it to connect)."""
        d = self.mapFromScene(scene_pos) - OUT_PORT
        return d.x() * d.x() + d.y() * d.y() <= (PORT_R + 4) ** 2

    def moved(self) -> None:
        """Follow a position change: re-route edges, update the overview.

        Called by the scene (model moves) and the view (mouse drags) instead
        of an ``itemChange`` override, which would cost a Python call for
        every flag, tooltip and position change of thousands of items.  The
        graph knows the node's edges (:meth:`NodeHost.node_moved`).
        """
        self.graph.node_moved(self)

    # --- painting ---------------------------------------------------------------
    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        watched = self.graph.watched(self.sid)
        self._paint(painter, option, watched)
        if watched is False:  # review coverage, not watched yet: faded under a veil of the
            veil = QColor(self.graph.look.background)  # background (far cheaper than an opacity)
            veil.setAlpha(int(255 * (1.0 - UNWATCHED_OPACITY)))
            painter.fillRect(_BODY, veil)
            self._paint_watched(painter, False)

    def _paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, watched: bool | None) -> None:
        style = self.graph.look
        lod = option.levelOfDetailFromTransform(painter.worldTransform())
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        accent = self._accent()
        if lod < LOD_BLOCK:
            painter.fillRect(_BODY, style.selected if selected else (accent or style.node_border))
            return
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, lod >= LOD_SMOOTH)
        border = QPen(style.selected if selected else style.node_border, 2.5 if selected else 1.0)
        painter.setPen(border)
        painter.setBrush(self.card if self.card is not None else style.node)
        painter.drawRoundedRect(_BODY, RADIUS, RADIUS)
        if accent is not None:
            painter.fillRect(QRectF(1.0, 6.0, 4.0, NODE_H - 12.0), accent)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(style.edge)
        painter.drawEllipse(OUT_PORT, PORT_R, PORT_R)
        painter.drawEllipse(IN_PORT, PORT_R - 2.5, PORT_R - 2.5)
        if watched:
            self._paint_watched(painter, True)
        if lod < LOD_TEXT:
            self._paint_overview(painter)
            return
        if self.card is None:
            self._paint_thumb(painter)
        self._paint_text(painter)
        if self._problem is not None:
            self._paint_problem(painter)

    def _ink(self) -> tuple[QColor, QColor]:
        """Title and detail colours: the palette's, or white/black on a placeholder's card."""
        if self.card is None:
            return self.graph.look.text, self.graph.look.muted
        light = self.card.lightnessF() > 0.6
        ink = QColor("#111111") if light else QColor("#ffffff")
        muted = QColor(ink)
        muted.setAlphaF(0.78)
        return ink, muted

    def overview_colour(self) -> QColor:
        """Block colour when zoomed far out: problem, start/ending accent, or plain."""
        if self._problem == "error":
            colour = QColor(self.graph.look.error)
        else:
            accent = self._accent()
            colour = QColor(accent if accent is not None else self.graph.look.node_border)
        if self.graph.watched(self.sid) is False:
            colour.setAlpha(int(255 * UNWATCHED_OPACITY))
        return colour

    def _accent(self) -> Any:
        if self.is_start:
            return self.graph.look.start
        if self.is_ending:
            return ENDING.get(self.ending or "neutral")
        return None

    def _paint_overview(self, painter: QPainter) -> None:
        """Compact level: thumbnail and the title alone, large enough to read."""
        style = self.graph.look
        if self.card is None:
            self._paint_thumb(painter)
        painter.setFont(style.overview_font)
        painter.setPen(self._ink()[0])
        flags = Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap
        left = (_TEXT_X if self.card is None else _CARD_X) - 2
        painter.drawText(_BODY.adjusted(left, 4, -10, -4), flags, self.title or self.sid)
        if self._problem is not None:
            self._paint_problem(painter)

    def _paint_thumb(self, painter: QPainter) -> None:
        pixmap = self.graph.pixmap(self.media_id)
        if pixmap is not None:
            painter.drawPixmap(_THUMB.toRect(), pixmap)
        else:
            painter.fillRect(_THUMB, self.graph.look.grid)

    def _paint_text(self, painter: QPainter) -> None:
        style = self.graph.look
        x = _TEXT_X if self.card is None else _CARD_X
        ink, muted = self._ink()
        painter.setFont(style.title_font)
        painter.setPen(ink)
        painter.drawText(QPointF(x, 24.0), self._title)
        painter.setFont(style.small_font)
        painter.setPen(muted)
        painter.drawText(QPointF(x, 42.0), self._meta)
        y = 62.0
        markers = []
        if self.is_start:
            markers.append(("▶ " + QCoreApplication.translate("SceneItem", "START"), style.start))
        if self.is_ending:
            kind = self.ending or "neutral"
            name = QCoreApplication.translate("SceneItem", ENDING_NAMES.get(kind, kind))
            end = QCoreApplication.translate("SceneItem", "END · {kind}").format(kind=name)
            markers.append(("■ " + end, ENDING.get(kind, style.muted)))
        bx = x
        for text, color in markers + self._badges:
            width = style.small_metrics.horizontalAdvance(text) + 10
            if bx + width > NODE_W - 6:
                if y > 62.0:
                    break
                bx, y = x, y + 18.0
                if bx + width > NODE_W - 6:
                    break
            rect = QRectF(bx, y - 12.0, width, 16.0)
            painter.setPen(QPen(color, 1.0))
            painter.setBrush(style.node if self.card is not None else Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(rect, 4.0, 4.0)
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
            bx += width + 4

    def _paint_watched(self, painter: QPainter, watched: bool) -> None:
        """Review coverage badge (top right, left of a problem marker): a green check
        when watched, an empty ring when not."""
        style = self.graph.look
        x = NODE_W - (34.0 if self._problem is not None else 12.0)
        center = QPointF(x, 12.0)
        if watched:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QBrush(WATCHED))
            painter.drawEllipse(center, 8.0, 8.0)
            painter.setPen(QPen(Qt.GlobalColor.white, 2.0))
            painter.drawPolyline([QPointF(x - 4.0, 12.0), QPointF(x - 1.0, 15.0), QPointF(x + 4.5, 8.5)])
        else:
            painter.setPen(QPen(style.muted, 1.5))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawEllipse(center, 7.0, 7.0)

    def _paint_problem(self, painter: QPainter) -> None:
        style = self.graph.look
        color = style.error if self._problem == "error" else style.warning
        center = QPointF(NODE_W - 12.0, 12.0)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QBrush(color))
        painter.drawEllipse(center, 8.0, 8.0)
        painter.setPen(QPen(Qt.GlobalColor.white, 2.0))
        painter.drawLine(QPointF(center.x(), center.y() - 4.0), QPointF(center.x(), center.y() + 1.0))
        painter.drawPoint(QPointF(center.x(), center.y() + 4.0))
