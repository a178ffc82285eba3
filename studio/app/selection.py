"""The selection shared by all panels (graph, inspector, timeline, preview).

It holds selected scene ids, selected edges ``(scene_id, option_id)`` and the
``current`` item path the inspector shows, e.g. ``("scene", "payday")`` or
``("scene", "payday", "option", "save")``.  Panels set it and listen to
``changed``; ``focus(scene_id)`` also asks views to centre that scene (the
problems panel uses it).  Ids that disappear from the project are pruned.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QObject, Signal

from studio.model.ops import ChangeSet
from studio.model.project import Project

ItemPath = tuple[str, ...]


class Selection(QObject):
    """Selected scenes/edges and the current item."""

    changed = Signal()
    focus_requested = Signal(str)  # scene id to show and centre

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.scenes: frozenset[str] = frozenset()
        self.edges: frozenset[tuple[str, str]] = frozenset()
        self.current: ItemPath | None = None

    def set(
        self,
        scenes: Iterable[str] = (),
        edges: Iterable[tuple[str, str]] = (),
        current: ItemPath | None = None,
    ) -> None:
        """Replace the selection; ``current`` defaults to the single selected item."""
        s, e = frozenset(scenes), frozenset(edges)
        if current is None:
            if len(s) == 1 and not e:
                current = ("scene", next(iter(s)))
            elif len(e) == 1 and not s:
                sid, oid = next(iter(e))
                current = ("scene", sid, "option", oid)
        if (s, e, current) == (self.scenes, self.edges, self.current):
            return
        self.scenes, self.edges, self.current = s, e, current
        self.changed.emit()

    def clear(self) -> None:
        self.set()

    def focus(self, scene_id: str) -> None:
        """Select one scene and ask views to centre it."""
        self.set([scene_id])
        self.focus_requested.emit(scene_id)

    def prune(self, project: Project, changes: ChangeSet) -> None:
        """Forget ids that no longer exist (call on document changes)."""
        if not (changes.structure or changes.reset):
            return
        scenes = project.scene_map()
        keep_s = {s for s in self.scenes if s in scenes}
        keep_e = set()
        for sid, oid in self.edges:
            choice = scenes[sid].choice if sid in scenes else None
            if choice is not None and any(o.id == oid for o in choice.options):
                keep_e.add((sid, oid))
        current = self.current
        if current and current[0] == "scene" and current[1] not in scenes:
            current = None
        if (keep_s, keep_e, current) != (set(self.scenes), set(self.edges), self.current):
            self.scenes, self.edges, self.current = frozenset(keep_s), frozenset(keep_e), current
            self.changed.emit()
