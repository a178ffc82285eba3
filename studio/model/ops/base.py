"""Core of the edit operations: ``Op``, ``Applied``, ``ChangeSet``, ``Outcome``, ``OpError``,
what an edit changes (derived from the kind declarations) and the reference check.

See :mod:`studio.model.ops` for the op model.  No Qt.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, NamedTuple

from pydantic import ValidationError

from studio.model.kinds import ProjectRef
from studio.model.paths import parent_kinds
from studio.model.project import ChoicePoint, Project, Scene
from studio.model.references import ReferenceProblems, resolve
from studio.model.refs import KINDS, Field, ItemRef, OpError, Ref, reason


@dataclass(frozen=True)
class ChangeSet:
    """What an op touched, so views refresh only that.

    ``scenes``: scenes whose content or presentation changed (added and
    removed ones included); ``moved``: scenes whose position alone changed;
    ``structure``: scenes or options (graph edges) were added, removed or
    retargeted; ``media``/``catalog``/``project``: the media list, the
    goals/products/variables, or project-level fields changed; ``reset``:
    the whole project was replaced (load, revert).
    """

    scenes: frozenset[str] = frozenset()
    moved: frozenset[str] = frozenset()
    structure: bool = False
    media: bool = False
    catalog: bool = False
    project: bool = False
    reset: bool = False

    def __or__(self, other: ChangeSet) -> ChangeSet:
        return ChangeSet(
            self.scenes | other.scenes,
            self.moved | other.moved,
            self.structure or other.structure,
            self.media or other.media,
            self.catalog or other.catalog,
            self.project or other.project,
            self.reset or other.reset,
        )

    @property
    def layout_only(self) -> bool:
        """Only positions changed: validation results cannot change."""
        return not (self.scenes or self.structure or self.media or self.catalog) and not (
            self.project or self.reset
        )

    @classmethod
    def everything(cls) -> ChangeSet:
        return cls(reset=True, structure=True, media=True, catalog=True, project=True)


class Applied(NamedTuple):
    """The result of applying an op: its inverse and what changed."""

    inverse: Op
    changes: ChangeSet


class Op:
    """Base of all edit operations (subclasses are frozen dataclasses).

    ``apply(project)`` either makes the whole edit and returns its exact inverse, or raises
    :class:`OpError` (one line) and leaves the project as it was."""

    def apply(self, project: Project) -> Applied:  # pragma: no cover - abstract
        raise NotImplementedError

    @property
    def text(self) -> str:
        """Short human description, used for undo menu entries."""
        return type(self).__name__

    def merge_key(self) -> object | None:
        """Ops with equal non-None keys may merge: the later one supersedes."""
        return None


@dataclass(frozen=True)
class Outcome:
    """What pushing an edit did: applied (true), or refused with a one-line ``reason`` (false)."""

    reason: str | None = None

    def __bool__(self) -> bool:
        return self.reason is None


APPLIED = Outcome()


def changes_for(
    project: Project, ref: Ref[Any], field: Field[Any] | None, old: object = None, new: object = None
) -> ChangeSet:
    """What editing ``field`` of the object at ``ref`` (None: the whole object, added or
    removed) changes, from the kinds' declarations; ``old``/``new`` are the field's values."""
    top = ref.top()
    if isinstance(top, ProjectRef):
        if field is None or field.name in _TOP_LISTS:
            return ChangeSet.everything()
        marked = frozenset(x for x in (old, new) if isinstance(x, str)) if field.marks_scenes else frozenset()
        return ChangeSet(scenes=marked, project=True)
    assert isinstance(top, ItemRef)
    category = type(top).category
    if category == "scenes":
        if field is not None and field.layout and ref == top:
            return ChangeSet(moved=frozenset({top.ident}))
        edges = field.edges if field is not None else type(ref).edges
        return ChangeSet(scenes=frozenset({top.ident}), structure=edges)
    if category == "media":
        users = frozenset(s.id for s in project.scenes if s.media == top.ident)
        return ChangeSet(scenes=users, media=True)
    return ChangeSet(catalog=True)


_TOP_LISTS = frozenset(k.attr for k in KINDS if issubclass(k, ItemRef) and ProjectRef in parent_kinds(k))


def check_references(project: Project, update: Mapping[str, Any], where: str, verb: str) -> None:
    """OpError unless the project with the top-level fields ``update`` resolves every reference
    (checked on a shallow copy: nothing is changed)."""
    try:
        resolve(project.model_copy(update=dict(update)))
    except ReferenceProblems as exc:
        raise OpError(f"{where}: {verb}: {exc.problems[0]}") from None


def choice_without(choice: ChoicePoint, option_ids: Iterable[str]) -> ChoicePoint | None:
    """A copy of ``choice`` without the given options (None if none are left)."""
    drop = set(option_ids)
    data = choice.model_dump(mode="python")
    data["options"] = [o for o in data["options"] if o["id"] not in drop]
    if not data["options"]:
        return None
    if data["timeout"] == "default" and not any(o["default"] for o in data["options"]):
        data["options"][0]["default"] = True
    return ChoicePoint.model_validate(data)


def set_default_option(scene: Scene, option_id: str | None) -> ChoicePoint:
    """A copy of ``scene``'s choice with ``option_id`` as the only default."""
    if scene.choice is None:
        raise OpError(f"scene '{scene.id}' has no choice point")
    data = scene.choice.model_dump(mode="python")
    for o in data["options"]:
        o["default"] = o["id"] == option_id
    try:
        return ChoicePoint.model_validate(data)
    except ValidationError as exc:
        where = f"scene '{scene.id}' > choice"
        raise OpError(reason(exc, data, where, where)) from None

