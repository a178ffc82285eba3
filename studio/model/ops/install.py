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


@dataclass(frozen=True)
class Located:
    """A ref resolved once: the refs from the project's child down to it, their objects, and the
    index of that child in its project list (every later step reuses them: no second walk)."""

    refs: list[Ref[Any]]
    objs: list[BaseModel]
    index: int

    @property
    def top(self) -> ItemRef[Any]:
        top = self.refs[0]
        assert isinstance(top, ItemRef)
        return top


def locate(project: Project, ref: Ref[Any]) -> Located:
    refs = ref.lineage()
    top = refs[0]
    assert isinstance(top, ItemRef)
    items = getattr(project, top.attr)
    n = top.index_in(items)
    objs: list[BaseModel] = [items[n]]
    for step in refs[1:]:
        objs.append(step.lookup(objs[-1]))
    return Located(refs, objs, n)


def lift(at: Located, new: BaseModel, target: str) -> BaseModel:
    """Rebuild the parents of the located object (holding ``new`` in its place) up to the
    project's child; returns that child's new object."""
    for n in range(len(at.refs) - 1, 0, -1):
        held = at.objs[n - 1]
        new = rebuilt(held, at.refs[n].replaced(held, new), at.refs[n - 1].where(), target)
    return new


def install(project: Project, at: Located, new: BaseModel, where: str, check: str | None) -> BaseModel:
    """Put ``new`` in the slot of the located project child; returns the old object.

    ``check``: re-check every reference first, refusing with this verb (``would break a
    reference``); None when the edit cannot change a reference."""
    top = at.top
    items: list[Any] = getattr(project, top.attr)
    n = top.index_in(items, at.index)
    if check is not None:
        check_references(project, {top.attr: [*items[:n], new, *items[n + 1 :]]}, where, check)
    old: BaseModel = items[n]
    items[n] = new
    return old


@dataclass(frozen=True)
class Restore(Op):
    """Put ``obj`` back in the slot of ``top`` (the inverse of an edit inside it); ``index`` is
    where it was (checked, else looked up)."""

    top: ItemRef[Any]
    obj: BaseModel
    changes: ChangeSet
    index: int = -1

    def apply(self, project: Project) -> Applied:
        items: list[Any] = getattr(project, self.top.attr)
        n = self.top.index_in(items, self.index)
        old = items[n]
        items[n] = self.obj
        return Applied(Restore(self.top, old, self.changes, n), self.changes)


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


__all__ = ["Located", "Restore", "RestoreRoot", "install", "lift", "locate", "set_root"]
