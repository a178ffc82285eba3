"""Batched drawing of the whole graph when zoomed far out.

Below ``LOD_BLOCK`` zoom every node is a coloured block and every edge a
straight line, so instead of one Python ``paint()`` per item the view draws
them all with a few ``drawRects``/``drawLines`` calls (items are switched to
"no contents" meanwhile).  The data comes from the items once they exist,
or straight from the model while a big project's items are still being
built, so a 5,000-scene project paints before its items are ready.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Protocol

from PySide6.QtCore import QLineF, QRectF
from PySide6.QtGui import QColor

from studio.app.document import Document
from studio.app.selection import Selection
from studio.app.validation import ValidationRunner
from studio.ui.graph.edges import EdgeItem
from studio.ui.graph.items import SceneItem
from studio.ui.graph.style import ENDING, NODE_H, NODE_W, PORT_R, GraphStyle

Groups = list[tuple[QColor, list[QRectF]]]


class GraphParts(Protocol):
    """The built nodes and edges of a graph (:class:`studio.ui.graph.scene.GraphScene`)."""

    @property
    def complete(self) -> bool: ...

    @property
    def nodes(self) -> Mapping[str, SceneItem]: ...

    @property
    def edges(self) -> Mapping[tuple[str, str], EdgeItem]: ...


class OverviewSource(GraphParts, Protocol):
    """What the overview reads of its graph (:class:`studio.ui.graph.scene.GraphScene`)."""

    @property
    def doc(self) -> Document: ...

    @property
    def selection(self) -> Selection: ...

    @property
    def validation(self) -> ValidationRunner: ...

    @property
    def look(self) -> GraphStyle: ...


class Overview:
    """Cached lines and colour-grouped rects of the graph."""

    def __init__(self, graph: OverviewSource) -> None:
        self.graph = graph
        self._lines: list[QLineF] | None = None
        self._line_at: dict[tuple[str, str], int] = {}
        self._groups: Groups = []
        self._rect_at: dict[str, tuple[int, int]] = {}

    def invalidate(self) -> None:
        self._lines = None

    def moved(self, node: SceneItem, edges: Iterable[EdgeItem]) -> QRectF | None:
        """One node moved (a drag): patch its rect and the lines of its ``edges`` in place.

        Returns the scene area to repaint (old and new places), or None when
        nothing is cached (the next paint rebuilds everything anyway).
        """
        if self._lines is None or node.sid not in self._rect_at:
            return None
        group, index = self._rect_at[node.sid]
        rects = self._groups[group][1]
        dirty = QRectF(rects[index])
        p = node.pos()
        rects[index] = QRectF(p.x(), p.y(), NODE_W, NODE_H)
        dirty = dirty.united(rects[index])
        for edge in edges:
            at = self._line_at.get(edge.key)
            if at is not None:
                old, new = self._lines[at], edge.overview_line()
                self._lines[at] = new
                for line in (old, new):
                    dirty = dirty.united(QRectF(line.p1(), line.p2()).normalized())
        return dirty.adjusted(-2, -2, 2, 2)

    def geometry(self) -> tuple[list[QLineF], Groups]:
        if self._lines is None:
            if self.graph.complete:
                self._from_items()
            else:
                self._from_model()
        assert self._lines is not None
        return self._lines, self._groups

    def _add(self, sid: str, colour: QColor, x: float, y: float, by_colour: dict[int, int]) -> None:
        g = by_colour.get(colour.rgba())
        if g is None:
            g = by_colour[colour.rgba()] = len(self._groups)
            self._groups.append((colour, []))
        rects = self._groups[g][1]
        self._rect_at[sid] = (g, len(rects))
        rects.append(QRectF(x, y, NODE_W, NODE_H))

    def _from_items(self) -> None:
        graph = self.graph
        lines: list[QLineF] = []
        self._line_at = {}
        for key, edge in graph.edges.items():
            self._line_at[key] = len(lines)
            lines.append(edge.overview_line())
        self._groups, self._rect_at = [], {}
        by_colour: dict[int, int] = {}
        for sid, node in graph.nodes.items():
            colour = graph.look.selected if node.isSelected() else node.overview_colour()
            p = node.pos()
            self._add(sid, colour, p.x(), p.y(), by_colour)
        self._lines = lines

    def _from_model(self) -> None:
        graph = self.graph
        project = graph.doc.project
        look = graph.look
        problems = graph.validation.by_scene
        selected = graph.selection.scenes
        pos = {s.id: (s.position.x, s.position.y) for s in project.scenes}
        lines: list[QLineF] = []
        self._line_at = {}
        self._groups, self._rect_at = [], {}
        by_colour: dict[int, int] = {}
        for s in project.scenes:
            x, y = pos[s.id]
            if s.id in selected:
                colour = look.selected
            elif any(p.severity == "error" for p in problems.get(s.id, [])):
                colour = look.error
            elif s.id == project.start:
                colour = look.start
            elif s.ending:
                colour = ENDING.get(s.ending_kind or "neutral", look.node_border)
            else:
                colour = look.node_border
            self._add(s.id, QColor(colour), x, y, by_colour)
            if s.choice is not None:
                for o in s.choice.options:
                    target = pos.get(o.target)
                    if target is not None:
                        self._line_at[(s.id, o.id)] = len(lines)
                        lines.append(
                            QLineF(
                                x + NODE_W + PORT_R,
                                y + NODE_H / 2,
                                target[0] - PORT_R,
                                target[1] + NODE_H / 2,
                            )
                        )
        self._lines = lines
