"""Keeps the graph's item selection and the studio's shared selection in step.

:class:`SelectionMirror` pushes what is selected on the canvas to the shared
:class:`~studio.app.selection.Selection` (keeping a deeper current item, such as a
prompt, of the one selected scene) and pulls the shared selection back onto the
items.  While the graph changes its own items (:meth:`SelectionMirror.held`), what
Qt reports as selection changes is not pushed.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Protocol

from PySide6.QtWidgets import QGraphicsItem

from studio.app.selection import Selection
from studio.ui.graph.edges import EdgeItem
from studio.ui.graph.items import SceneItem
from studio.ui.graph.overview import GraphParts

__all__ = ["MirrorHost", "SelectionMirror"]


class MirrorHost(GraphParts, Protocol):
    """What the mirror reads of its graph (:class:`studio.ui.graph.scene.GraphScene`)."""

    @property
    def overview(self) -> bool: ...

    def selectedItems(self) -> list[QGraphicsItem]: ...

    def invalidate_overview(self) -> None: ...


class SelectionMirror:
    """Two-way sync of ``graph``'s selected items with ``selection``."""

    def __init__(self, graph: MirrorHost, selection: Selection) -> None:
        self.graph = graph
        self.selection = selection
        self.syncing = False

    @contextmanager
    def held(self) -> Iterator[None]:
        """Selection changes inside are the graph's own (not pushed, not pulled)."""
        self.syncing = True
        try:
            yield
        finally:
            self.syncing = False

    def push(self) -> None:
        """Canvas -> shared selection."""
        if self.graph.overview:
            self.graph.invalidate_overview()
        if self.syncing:
            return
        scenes, edges = [], []
        for item in self.graph.selectedItems():
            if isinstance(item, SceneItem):
                scenes.append(item.sid)
            elif isinstance(item, EdgeItem):
                edges.append(item.key)
        with self.held():
            self.selection.set(scenes, edges, self._current(scenes, edges))

    def _current(self, scenes: list[str], edges: list[tuple[str, str]]) -> tuple[str, ...] | None:
        current = self.selection.current
        if current is not None and len(scenes) == 1 and not edges and current[:2] == ("scene", scenes[0]):
            return current  # keep a deeper item (prompt, tag) of the same scene
        return None

    def pull(self) -> None:
        """Shared selection -> canvas (once every item is built)."""
        if self.syncing or not self.graph.complete:
            return
        with self.held():
            want_s, want_e = self.selection.scenes, self.selection.edges
            for item in self.graph.selectedItems():
                stale_node = isinstance(item, SceneItem) and item.sid not in want_s
                stale_edge = isinstance(item, EdgeItem) and item.key not in want_e
                if stale_node or stale_edge:
                    item.setSelected(False)
            for sid in want_s:
                node = self.graph.nodes.get(sid)
                if node is not None and not node.isSelected():
                    node.setSelected(True)
            for key in want_e:
                edge = self.graph.edges.get(key)
                if edge is not None and not edge.isSelected():
                    edge.setSelected(True)
        self.graph.invalidate_overview()
