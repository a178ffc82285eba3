"""Scene-level ops: add, remove (with the options pointing at them) and move
scenes on the canvas.  No Qt.

Like every op they replace objects rather than change them: a moved scene is a
new scene (validated) in the old one's slot, a scene that loses options to a
removed scene gets a new, validated choice point; the inverses put the old
scene objects back.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

from studio.model.kinds import SceneRef
from studio.model.ops.base import Applied, ChangeSet, Op, check_references, choice_without
from studio.model.ops.install import set_root
from studio.model.project import Project, Scene
from studio.model.refs import OpError, plain, reason, rebuilt
from studio.model.types import Point


def scene_index(project: Project, scene_id: str) -> int:
    return SceneRef(scene_id).index_in(project.scenes)


def validated_scene(scene: Any) -> Scene:
    """``scene`` (a Scene or its data) validated all the way down; OpError naming it if refused."""
    data = plain(scene)
    try:
        return Scene.model_validate(data)
    except ValidationError as exc:
        where = SceneRef(str(data.get("id", "?"))).where() if isinstance(data, dict) else "scene"
        raise OpError(reason(exc, data if isinstance(data, dict) else {}, where, where)) from None


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
        new = [validated_scene(s) for s in self.scenes]
        for s in new:
            if s.id in taken:
                raise OpError(f"scene '{s.id}': id already exists")
            taken.add(s.id)
        at = len(project.scenes) if self.index is None else max(0, min(self.index, len(project.scenes)))
        old_start = project.start
        start = old_start if old_start is not None or not new else new[0].id
        scenes = [*project.scenes[:at], *new, *project.scenes[at:]]
        where = SceneRef(new[0].id).where() if new else "scenes"
        check_references(project, {"scenes": scenes, "start": start}, where, "would break a reference")
        project.scenes[at:at] = new
        if start != old_start:
            set_root(project, {"start": start}, "start", check=False)
        ids = frozenset(s.id for s in new)
        return Applied(
            RemoveScenes(tuple(s.id for s in new)),
            ChangeSet(scenes=ids, structure=True, project=old_start != start),
        )


@dataclass(frozen=True)
class RemoveScenes(Op):
    """Remove scenes, every option pointing to them and every ``next`` to them (that scene
    then has no continuation); the start moves if removed."""

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
        changed: list[tuple[Scene, Scene]] = []  # (old, new) scenes that lose options
        for s in project.scenes:
            if s.id in gone:
                continue
            fix: dict[str, object] = {}
            if s.next in gone:
                fix["next"] = None
            if s.choice is not None and (drop := [o.id for o in s.choice.options if o.target in gone]):
                fix["choice"] = choice_without(s.choice, drop)
            if fix:
                where = SceneRef(s.id).where()
                changed.append((s, rebuilt(s, fix, where, where)))
        kept = [s for s in project.scenes if s.id not in gone]
        old_start = project.start
        start = (kept[0].id if kept else None) if old_start in gone else old_start
        new_of = {old.id: new for old, new in changed}
        project.scenes[:] = [new_of.get(s.id, s) for s in kept]
        if start != old_start:
            set_root(project, {"start": start}, "start", check=False)
        touched = frozenset(gone | set(new_of))
        inverse = _RestoreScenes(removed, tuple(old for old, _ in changed), old_start)
        changes = ChangeSet(scenes=touched, structure=True, project=old_start != start)
        return Applied(inverse, changes)


@dataclass(frozen=True)
class _RestoreScenes(Op):
    """Inverse of :class:`RemoveScenes`: put the removed scenes, the old versions of the
    scenes that lost options, and the start back."""

    entries: tuple[tuple[int, Scene], ...]
    scenes: tuple[Scene, ...]
    start: str | None

    def apply(self, project: Project) -> Applied:
        old_of = {s.id: s for s in self.scenes}
        if old_of:
            project.scenes[:] = [old_of.get(s.id, s) for s in project.scenes]
        for n, scene in self.entries:
            project.scenes.insert(n, scene)
        changed_start = project.start != self.start
        if changed_start:
            set_root(project, {"start": self.start}, "start", check=False)
        ids = tuple(s.id for _, s in self.entries)
        touched = frozenset(ids) | set(old_of)
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
        wanted = {m[0] for m in self.moves}
        index: dict[str, int] = {}
        for n, scene in enumerate(project.scenes):  # one scan, stopping when every scene is found
            if scene.id in wanted:
                index[scene.id] = n
                if len(index) == len(wanted):
                    break
        if missing := [m[0] for m in self.moves if m[0] not in index]:
            raise OpError(f"unknown scene '{missing[0]}'")
        moved: list[tuple[int, Scene]] = []
        old = []
        for sid, x, y in self.moves:  # every scene is rebuilt before any moves
            scene = project.scenes[index[sid]]
            where = SceneRef(sid).position.where()
            try:
                point = Point(x=float(x), y=float(y))
            except ValidationError as exc:
                raise OpError(reason(exc, {"x": x, "y": y}, where, where)) from None
            moved.append((index[sid], rebuilt(scene, {"position": point}, SceneRef(sid).where(), where)))
            old.append((sid, scene.position.x, scene.position.y))
        for n, scene in moved:
            project.scenes[n] = scene
        return Applied(MoveScenes(tuple(old)), ChangeSet(moved=frozenset(m[0] for m in self.moves)))
