"""Scene-level ops: add, remove (with the options pointing at them) and move
scenes on the canvas.  No Qt.
"""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import ValidationError

from studio.model.ops.base import (
    Applied,
    ChangeSet,
    Op,
    OpError,
    _check,
    _copy,
    _find,
    _one_line,
    choice_without,
)
from studio.model.project import ChoicePoint, Project, Scene
from studio.model.types import Point


def scene_index(project: Project, scene_id: str) -> int:
    return _find(project.scenes, scene_id, "scene")


@dataclass(frozen=True)
class AddScenes(Op):
    """Add scenes (at ``index``, else at the end); the first scene becomes the start."""

    scenes: tuple[Scene, ...]
    index: int | None = None

    @property
    def text(self) -> str:
        n = len(self.scenes)
        return f"Add scene '{self.scenes[0].title}'" if n == 1 else f"Add {n} scenes"

    def apply(self, project: Project) -> Applied:
        taken = {s.id for s in project.scenes}
        new = [_copy(s) for s in self.scenes]
        for s in new:
            if s.id in taken:
                raise OpError(f"scene '{s.id}': id already exists")
            taken.add(s.id)
        at = len(project.scenes) if self.index is None else self.index
        old_start = project.start
        project.scenes[at:at] = new
        if project.start is None:
            project.__dict__["start"] = new[0].id
        try:
            _check(project, [project], ("scene", new[0].id), refs=True)
        except OpError:
            del project.scenes[at : at + len(new)]
            project.__dict__["start"] = old_start
            raise
        ids = frozenset(s.id for s in new)
        return Applied(
            RemoveScenes(tuple(s.id for s in new)),
            ChangeSet(scenes=ids, structure=True, project=old_start != project.start),
        )


@dataclass(frozen=True)
class RemoveScenes(Op):
    """Remove scenes and every option pointing to them; the start moves if removed."""

    ids: tuple[str, ...]

    @property
    def text(self) -> str:
        n = len(self.ids)
        return f"Delete scene '{self.ids[0]}'" if n == 1 else f"Delete {n} scenes"

    def apply(self, project: Project) -> Applied:
        gone = set(self.ids)
        found = {s.id for s in project.scenes if s.id in gone}
        if missing := [i for i in self.ids if i not in found]:
            raise OpError(f"unknown scene '{missing[0]}'")
        removed = tuple((n, s) for n, s in enumerate(project.scenes) if s.id in gone)
        choices: list[tuple[str, ChoicePoint]] = []
        for s in project.scenes:
            if s.id in gone or s.choice is None:
                continue
            drop = [o.id for o in s.choice.options if o.target in gone]
            if drop:
                choices.append((s.id, s.choice))
                s.__dict__["choice"] = choice_without(s.choice, drop)
        project.scenes[:] = [s for s in project.scenes if s.id not in gone]
        old_start = project.start
        if old_start in gone:
            project.__dict__["start"] = project.scenes[0].id if project.scenes else None
        touched = frozenset(gone | {sid for sid, _ in choices})
        inverse = _RestoreScenes(removed, tuple(choices), old_start)
        changes = ChangeSet(scenes=touched, structure=True, project=old_start != project.start)
        return Applied(inverse, changes)


@dataclass(frozen=True)
class _RestoreScenes(Op):
    """Inverse of :class:`RemoveScenes`: put scenes, choices and start back."""

    entries: tuple[tuple[int, Scene], ...]
    choices: tuple[tuple[str, ChoicePoint], ...]
    start: str | None

    def apply(self, project: Project) -> Applied:
        for n, scene in self.entries:
            project.scenes.insert(n, _copy(scene))
        by_id = project.scene_map()
        for sid, choice in self.choices:
            by_id[sid].__dict__["choice"] = _copy(choice)
        changed_start = project.start != self.start
        project.__dict__["start"] = self.start
        ids = tuple(s.id for _, s in self.entries)
        touched = frozenset(ids) | {sid for sid, _ in self.choices}
        return Applied(RemoveScenes(ids), ChangeSet(touched, structure=True, project=changed_start))


@dataclass(frozen=True)
class MoveScenes(Op):
    """Set canvas positions: ``((scene_id, x, y), ...)``; one op per drag."""

    moves: tuple[tuple[str, float, float], ...]

    @property
    def text(self) -> str:
        n = len(self.moves)
        return f"Move scene '{self.moves[0][0]}'" if n == 1 else f"Move {n} scenes"

    def merge_key(self) -> object | None:
        return ("move", frozenset(m[0] for m in self.moves))

    def apply(self, project: Project) -> Applied:
        by_id = project.scene_map()
        if missing := [m[0] for m in self.moves if m[0] not in by_id]:
            raise OpError(f"unknown scene '{missing[0]}'")
        points = []
        for sid, x, y in self.moves:  # all checked before any scene moves
            try:
                points.append(Point(x=float(x), y=float(y)))
            except ValidationError as exc:
                raise OpError(f"scene '{sid}' > position > {_one_line(exc)}") from None
        old = []
        for (sid, _x, _y), point in zip(self.moves, points, strict=True):
            scene = by_id[sid]
            old.append((sid, scene.position.x, scene.position.y))
            scene.__dict__["position"] = point
        moved = frozenset(m[0] for m in self.moves)
        return Applied(MoveScenes(tuple(old)), ChangeSet(moved=moved))
