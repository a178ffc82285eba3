"""How an edit reaches the project: new objects up the chain, then one slot (no Qt).

An edit never changes a model object.  The object it edits is rebuilt through
its model's validation (:func:`studio.model.refs.rebuilt`), then each parent
up to the project's child holding it (a scene, a goal...) is rebuilt the same
way with the new child in place (:func:`lift`); only then, when every model
accepted its new object and the references resolve, is that top object put
into its slot of the project's list (:func:`install`).  The inverse puts the
old top object back (:class:`Restore`): undo restores the exact objects.

The project itself is the document's identity and is never replaced: its own
fields are assigned with pydantic's validated assignment, after the same
assignment succeeded on a shallow copy (:func:`set_root`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, ValidationError

from studio.model.ops.base import Applied, ChangeSet, Op, check_references
from studio.model.project import Project
from studio.model.references import ReferenceProblems
from studio.model.refs import ItemRef, OpError, Ref, reason, rebuilt


def index_of(items: list[Any], ident: str, where: str) -> int:
    for n, item in enumerate(items):
        if item.id == ident:
            return n
    raise OpError(f"{where}: no longer exists")


def lift(project: Project, ref: Ref[Any], new: BaseModel, target: str) -> tuple[ItemRef[Any], BaseModel]:
    """Rebuild the parents of ``ref`` (holding ``new`` instead of its object) up to the
    project's child; returns that child's ref and its new object."""
    while ref.parent is not None and ref.parent.parent is not None:
        parent = ref.parent
        held = parent.get(project)
        new = rebuilt(held, ref.replaced(held, new), parent.where(), target)
        ref = parent
    assert isinstance(ref, ItemRef)
    return ref, new


def install(
    project: Project, top: ItemRef[Any], new: BaseModel, where: str, check: str | None
) -> BaseModel:
    """Put ``new`` in the slot of ``top`` (a child of the project); returns the old object.

    ``check``: re-check every reference first, refusing with this verb (``would break a
    reference``); None when the edit cannot change a reference."""
    items: list[Any] = getattr(project, top.attr)
    n = index_of(items, top.ident, where)
    if check is not None:
        check_references(project, {top.attr: [*items[:n], new, *items[n + 1 :]]}, where, check)
    old: BaseModel = items[n]
    items[n] = new
    return old


@dataclass(frozen=True)
class Restore(Op):
    """Put ``obj`` back in the slot of ``top`` (the inverse of an edit inside it)."""

    top: ItemRef[Any]
    obj: BaseModel
    changes: ChangeSet

    def apply(self, project: Project) -> Applied:
        items: list[Any] = getattr(project, self.top.attr)
        n = index_of(items, self.top.ident, self.top.where())
        old = items[n]
        items[n] = self.obj
        return Applied(Restore(self.top, old, self.changes), self.changes)


def set_root(project: Project, values: Mapping[str, Any], target: str, check: bool) -> dict[str, Any]:
    """Assign project fields (validated); returns their old values.

    With ``check`` (a field naming other items) the assignment is first made on a shallow copy,
    whose validation resolves every reference; a plain field is refused by its own validation
    before anything is assigned."""
    old = {name: getattr(project, name) for name in values}
    if check or len(values) > 1:
        _assign(project.model_copy(), values, target)
    _assign(project, values, target)
    return old


def _assign(project: Project, values: Mapping[str, Any], target: str) -> None:
    for name, value in values.items():
        try:
            setattr(project, name, value)
        except ValidationError as exc:
            problem = (exc.errors()[0].get("ctx") or {}).get("error")
            if isinstance(problem, ReferenceProblems):
                raise OpError(f"{target}: would break a reference: {problem.problems[0]}") from None
            data = {k: getattr(project, k) for k in type(project).model_fields} | {name: value}
            raise OpError(reason(exc, data, "project", target)) from None


@dataclass(frozen=True)
class RestoreRoot(Op):
    """Put project fields back (the inverse of :func:`set_root`)."""

    values: tuple[tuple[str, Any], ...]
    changes: ChangeSet

    def apply(self, project: Project) -> Applied:
        old = tuple((name, getattr(project, name)) for name, _ in self.values)
        _assign(project, dict(self.values), "project")
        return Applied(RestoreRoot(old, self.changes), self.changes)


__all__ = ["Restore", "RestoreRoot", "index_of", "install", "lift", "rebuilt", "set_root"]
