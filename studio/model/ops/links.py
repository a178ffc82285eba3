"""What follows a scene, edited from the canvas: branch into a new scene, connect, continue
automatically (Qt-free).

A scene is followed by a choice point (options), by ``next`` (it continues automatically to
that scene, no choice shown) or by nothing (an ending or a dead end).  The canvas gestures
below each make one undoable edit and keep that rule:

- :func:`branch` (the node's "+" button, Ctrl+Enter): a new placeholder scene to the right of
  the source, without overlapping any scene, linked by :func:`follow`;
- :func:`follow`: when nothing follows the source yet, it continues automatically to the
  target; when it already continues somewhere, that becomes a choice between the two; when it
  has a choice, the target is one more option;
- :func:`connect` (drag from a port, the C key): always an option (a continuation becomes a
  choice between the old and the new target);
- :func:`continue_to` / :func:`stop_continuing`: set or clear ``next``.

An ending that gets something to follow it stops being an ending.  Each decision is taken when
the edit is applied (:class:`~studio.model.ops.Compound`), and :class:`Relink` stores the exact
old fields, so undo restores exactly what was there.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from studio.model.ids import unique_id
from studio.model.kinds import SceneRef
from studio.model.ops.base import Applied, ChangeSet, Op, check_references
from studio.model.ops.batch import Batch, Compound
from studio.model.ops.scenes import AddScenes, scene_index, validated_scene
from studio.model.project import ChoicePoint, Option, Placeholder, Project, Scene
from studio.model.refs import OpError
from studio.model.types import Point

MAX_OPTIONS = 12
CHOICE_LEAD_MS = 3000  # a new choice window: the last 3 s of the scene
PLACEHOLDER_COLOURS = ("#3d5a80", "#7d4e7a", "#2f7d62", "#a0522d", "#5b5f97", "#8c2f39")
NEW_TITLE = "New scene"
_ENDING_FIELDS = {"ending": False, "ending_kind": None, "ending_title": None, "ending_text": None}

Size = tuple[float, float]


def free_title(project: Project, base: str = NEW_TITLE) -> str:
    """``base``, or ``base 2``, ``base 3``... whichever no scene has as its title yet."""
    titles = {s.title for s in project.scenes}
    if base not in titles:
        return base
    n = 2
    while f"{base} {n}" in titles:
        n += 1
    return f"{base} {n}"


def free_spot(project: Project, x: float, y: float, node: Size, step: Size) -> tuple[float, float]:
    """(x, y), or the nearest spot above or below it (rows of ``step[1]``) where a node of size
    ``node`` overlaps no scene (with a quarter of the spacing as margin)."""
    w, h = node
    mx, my = max(0.0, (step[0] - w) / 4), max(0.0, (step[1] - h) / 4)
    rects = [(s.position.x, s.position.y) for s in project.scenes]

    def clear(cx: float, cy: float) -> bool:
        return all(abs(cx - px) >= w + mx or abs(cy - py) >= h + my for px, py in rects)

    for n in range(0, 2 * len(rects) + 2):
        offset = (n + 1) // 2 * (1 if n % 2 else -1) * step[1]
        if clear(x, y + offset):
            return x, y + offset
    return x, y  # pragma: no cover - 2n+2 rows always hold a free one


def placeholder_scene(project: Project, x: float, y: float, title: str = "") -> Scene:
    """A placeholder scene (a titled colour card, no footage yet) at (x, y), not yet added."""
    name = (title or free_title(project))[:200]
    sid = unique_id(name.lower(), (s.id for s in project.scenes), fallback="scene")
    used = sum(1 for s in project.scenes if s.placeholder is not None)
    card = Placeholder(colour=PLACEHOLDER_COLOURS[used % len(PLACEHOLDER_COLOURS)])
    return Scene(id=sid, title=name, placeholder=card, position=Point(x=x, y=y))


def add_placeholder(x: float, y: float, title: str = "") -> Op:
    """Add a placeholder scene at (x, y)."""

    def build(project: Project) -> Op:
        scene = placeholder_scene(project, x, y, title)
        return Batch((AddScenes((scene,)),), f"Add placeholder scene '{scene.title}'")

    return Compound(build, "Add placeholder scene")


@dataclass(frozen=True)
class Relink(Op):
    """Set fields of one scene that decide what follows it (``choice``, ``next``, the ending's
    fields), checked together by the scene's model; the inverse puts the old values back."""

    scene_id: str
    fields: tuple[tuple[str, Any], ...]
    label: str = "Link scenes"

    @property
    def text(self) -> str:
        return self.label

    def apply(self, project: Project) -> Applied:
        n = scene_index(project, self.scene_id)
        old = project.scenes[n]
        data = old.model_dump(mode="python")
        before = tuple((name, data[name]) for name, _ in self.fields)
        data.update(dict(self.fields))
        new = validated_scene(data)
        scenes = [*project.scenes[:n], new, *project.scenes[n + 1 :]]
        where = SceneRef(self.scene_id).where()
        check_references(project, {"scenes": scenes}, where, "would break a reference")
        project.scenes[n] = new
        inverse = Relink(self.scene_id, before, self.label)
        return Applied(inverse, ChangeSet(scenes=frozenset({self.scene_id}), structure=True))


def _choice_window(project: Project, scene: Scene) -> tuple[int, int]:
    end = project.scene_out_ms(scene) or scene.in_ms + CHOICE_LEAD_MS
    appear = max(scene.in_ms, end - CHOICE_LEAD_MS)
    return appear, max(end, appear + 1)


def _option(target: Scene, existing: Iterable[Option], default: bool = False) -> Option:
    oid = unique_id(f"to_{target.id}".lower(), (o.id for o in existing))
    return Option(id=oid, label=target.title, target=target.id, default=default)


def _follow_fields(project: Project, src: Scene, dst: Scene, continue_if_none: bool) -> dict[str, Any]:
    """The fields of ``src`` that make ``dst`` follow it (see the module docstring)."""
    fields: dict[str, Any] = dict(_ENDING_FIELDS) if src.ending else {}
    if src.choice is not None:
        if len(src.choice.options) >= MAX_OPTIONS:
            full = f"“{src.title}” has {MAX_OPTIONS} options already: a choice has at most {MAX_OPTIONS}"
            raise OpError(full)
        data = src.choice.model_dump(mode="python")
        data["options"].append(_option(dst, src.choice.options).model_dump(mode="python"))
        fields["choice"] = ChoicePoint.model_validate(data)
        return fields
    if src.next is None and continue_if_none:
        fields["next"] = dst.id
        return fields
    options: list[Option] = []
    if src.next is not None:
        old = project.scene_map().get(src.next)
        if old is not None:
            options.append(_option(old, options, default=True))
    options.append(_option(dst, options, default=not options))
    appear, decision = _choice_window(project, src)
    fields["next"] = None
    fields["choice"] = ChoicePoint(appear_ms=appear, decision_ms=decision, options=options)
    return fields


def _scenes(project: Project, *ids: str) -> list[Scene]:
    scenes = project.scene_map()
    for sid in ids:
        if sid not in scenes:
            raise OpError(f"unknown scene '{sid}'")
    return [scenes[sid] for sid in ids]


def follow(source_id: str, target_id: str, continue_if_none: bool = True) -> Op:
    """Make ``target_id`` follow ``source_id``: continue automatically when nothing follows it yet
    (with ``continue_if_none``), else one more option of its choice."""

    def build(project: Project) -> Op:
        src, dst = _scenes(project, source_id, target_id)
        fields = _follow_fields(project, src, dst, continue_if_none)
        verb = "Continue" if fields.get("next") else "Connect"
        return Relink(src.id, tuple(fields.items()), f"{verb} '{src.title}' to '{dst.title}'")

    return Compound(build, "Connect scenes")


def connect(source_id: str, target_id: str) -> Op:
    """An option from ``source_id`` to ``target_id`` (creating the choice point if need be)."""
    return follow(source_id, target_id, continue_if_none=False)


def branch(source_id: str, node: Size, step: Size, title: str = "") -> Op:
    """The node's "+": a new placeholder scene right of ``source_id`` (the nearest free row), and
    :func:`follow` from the source to it.  ``node``: a node's size on the canvas; ``step``: the
    column and row spacing of the layout."""

    def build(project: Project) -> Op:
        (src,) = _scenes(project, source_id)
        x, y = free_spot(project, src.position.x + step[0], src.position.y, node, step)
        scene = placeholder_scene(project, x, y, title)
        fields = _follow_fields(project, src, scene, True)
        label = f"Branch from '{src.title}' to '{scene.title}'"
        return Batch((AddScenes((scene,)), Relink(src.id, tuple(fields.items()), label)), label)

    return Compound(build, "Branch from scene")


def continue_to(source_id: str, target_id: str) -> Op:
    """``source_id`` continues automatically to ``target_id`` (no choice shown).  Refused when the
    scene has a choice point (remove its options first)."""

    def build(project: Project) -> Op:
        src, dst = _scenes(project, source_id, target_id)
        if src.choice is not None:
            raise OpError(
                f"'{src.title}' has a choice: remove its options before it can continue automatically"
            )
        fields: dict[str, Any] = dict(_ENDING_FIELDS) if src.ending else {}
        fields["next"] = dst.id
        return Relink(src.id, tuple(fields.items()), f"Continue '{src.title}' to '{dst.title}'")

    return Compound(build, "Continue automatically")


def stop_continuing(source_id: str) -> Op:
    """``source_id`` no longer continues automatically."""

    def build(project: Project) -> Op:
        (src,) = _scenes(project, source_id)
        if src.next is None:
            raise OpError(f"'{src.title}' does not continue automatically")
        return Relink(src.id, (("next", None),), f"Stop '{src.title}' continuing automatically")

    return Compound(build, "Stop continuing")
