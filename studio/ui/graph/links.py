"""Which option edges leave and enter each scene's node on the canvas.

The graph keeps this adjacency (nodes do not know edge items): a moved node
asks its graph to re-route the edges found here.
"""

from __future__ import annotations

from studio.ui.graph.edges import EdgeItem


class Links:
    """Scene id -> its outgoing and incoming edge items."""

    def __init__(self) -> None:
        self._out: dict[str, list[EdgeItem]] = {}
        self._in: dict[str, list[EdgeItem]] = {}

    def clear(self) -> None:
        self._out.clear()
        self._in.clear()

    def of(self, scene_id: str) -> tuple[EdgeItem, ...]:
        """The node's outgoing edges, then its incoming ones (a self-loop is in both)."""
        return (*self._out.get(scene_id, ()), *self._in.get(scene_id, ()))

    def take_out(self, scene_id: str) -> list[EdgeItem]:
        """Forget (and return) the scene's outgoing edges, e.g. before they are rebuilt."""
        edges = self._out.pop(scene_id, [])
        for edge in edges:
            self._in[edge.target.sid].remove(edge)
        return edges

    def add(self, edge: EdgeItem) -> None:
        self._out.setdefault(edge.source.sid, []).append(edge)
        self._in.setdefault(edge.target.sid, []).append(edge)

    def take_node(self, scene_id: str) -> list[EdgeItem]:
        """Forget (and return) every edge leaving or entering a removed scene."""
        edges = self._out.pop(scene_id, []) + self._in.pop(scene_id, [])
        for edge in edges:
            into = self._in.get(edge.target.sid, [])
            if edge in into:
                into.remove(edge)
            out = self._out.get(edge.source.sid, [])
            if edge in out:
                out.remove(edge)
        return edges
