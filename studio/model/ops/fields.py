"""Field and item ops addressed by typed refs: ``SetField``, ``SetFields``, ``AddItem`` and
``RemoveItem`` (scenes are delegated to :mod:`studio.model.ops.scenes`).  No Qt.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ValidationError

from studio.model.kinds import PROJECT, ChoiceRef, OptionRef, SceneRef
from studio.model.ops.base import Applied, ChangeSet, Op, changes_for, check_references, choice_without
from studio.model.ops.install import Restore, RestoreRoot, install, lift, locate, set_root
from studio.model.ops.scenes import AddScenes, RemoveScenes, validated_scene
from studio.model.paths import item_ref
from studio.model.project import Project
from studio.model.refs import Change, FieldRef, ItemRef, Loc, OpError, Ref, plain, reason, rebuilt

V = TypeVar("V")
BREAKS = "would break a reference"


@dataclass(frozen=True)
class SetField(Op, Generic[V]):
    """Set one field (``SceneRef("a").title``), or replace one whole item (``MediaRef("a")``)."""

    target: Loc[V]
    value: V

    @property
    def text(self) -> str:
        return f"Set {self.target.where()}"

    def merge_key(self) -> object | None:
        return ("set", self.target)

    def apply(self, project: Project) -> Applied:
        if isinstance(self.target, FieldRef):
            return _set(project, (Change(self.target, self.value),))
        if isinstance(self.target, Ref):
            return _replace(project, self.target, self.value)
        raise OpError(f"{self.target.where()}: cannot be set")


@dataclass(frozen=True)
class SetFields(Op):
    """Set several fields of one object at once (``tag.start_ms.to(a), tag.end_ms.to(b)``): its
    model checks them together, so a range can move past its old end."""

    changes: tuple[Change, ...]

    @property
    def text(self) -> str:
        return f"Set {self.changes[0].target.ref.where()}" if self.changes else "Set"

    def merge_key(self) -> object | None:
        return ("set", tuple(c.target for c in self.changes))

    def apply(self, project: Project) -> Applied:
        return _set(project, self.changes)


def _set(project: Project, changes: tuple[Change, ...]) -> Applied:
    if not changes:
        raise OpError("nothing to set")
    ref = changes[0].target.ref
    if any(c.target.ref != ref for c in changes):
        raise OpError(f"{ref.where()}: fields of different items cannot be set together")
    where = changes[0].target.where()
    values = {c.target.name: c.value for c in changes}
    fields = [c.target.field for c in changes]
    check = type(ref.top()).watched or any(f.holds_references() for f in fields)
    if ref.parent is None:  # the project's own fields
        old = set_root(project, values, where, check)
        done = ChangeSet()
        for f in fields:
            done = done | changes_for(project, ref, f, old[f.name], getattr(project, f.name))
        return Applied(RestoreRoot(tuple(old.items()), done), done)
    at = locate(project, ref)
    new = rebuilt(at.objs[-1], values, ref.where(), where)
    new_top = lift(at, new, where)
    done = ChangeSet()
    for f in fields:
        done = done | changes_for(project, ref, f)
    old_top = install(project, at, new_top, where, BREAKS if check else None)
    return Applied(Restore(at.top, old_top, done, at.index), done)


def _replace(project: Project, ref: Ref[Any], value: Any) -> Applied:
    """Replace the whole object at ``ref`` (a model or its data), validated as its kind."""
    where = ref.where()
    if ref.parent is None:
        raise OpError("the project cannot be replaced by an edit")
    at = locate(project, ref)
    kind = type(at.objs[-1])
    if isinstance(value, BaseModel) and type(value) is not kind:
        raise OpError(f"{where}: replacement must be a {kind.__name__}")
    data = plain(value)
    try:
        new = kind.model_validate(data)
    except ValidationError as exc:
        raise OpError(reason(exc, data if isinstance(data, dict) else {}, where, where)) from None
    if isinstance(ref, ItemRef) and getattr(new, "id", None) != ref.ident:
        raise OpError(f"{where}: replacement must be a {kind.__name__} with id '{ref.ident}'")
    new_top = lift(at, new, where)
    done = changes_for(project, ref, None)
    old_top = install(project, at, new_top, where, BREAKS)
    return Applied(Restore(at.top, old_top, done, at.index), done)


@dataclass(frozen=True)
class AddItem(Op, Generic[V]):
    """Insert ``item`` into the list field ``target`` (``SceneRef("a").prompts``,
    ``PROJECT.goals``); ``index`` None appends."""

    target: FieldRef[list[V]]
    item: V
    index: int | None = None

    @property
    def text(self) -> str:
        return f"Add {self.target.name.removesuffix('s')} '{_ident(self.item)}'"

    def apply(self, project: Project) -> Applied:
        ref = item_ref(self.target, _ident(self.item))
        if isinstance(ref, SceneRef):
            return AddScenes((validated_scene(self.item),), self.index).apply(project)
        where = ref.where()
        done = changes_for(project, ref, None)
        new = plain(self.item)

        def insert(items: list[Any]) -> int:
            if any(x.id == ref.ident for x in items):
                raise OpError(f"{where}: id already exists")
            n = len(items) if self.index is None else max(0, min(self.index, len(items)))
            items.insert(n, new)
            return n

        if ref.parent is not None and ref.parent.parent is not None:
            return _in_list(project, ref, insert, BREAKS, done)
        items: list[Any] = list(getattr(project, ref.attr))  # a list of the project: goals, media...
        n = insert(items)
        try:
            items[n] = type(ref).model.model_validate(new)
        except ValidationError as exc:
            raise OpError(reason(exc, new, where, where)) from None
        check_references(project, {ref.attr: items}, where, BREAKS)
        getattr(project, ref.attr).insert(n, items[n])
        return Applied(RemoveItem(ref), done)


def _in_list(
    project: Project,
    ref: ItemRef[Any],
    change: Callable[[list[Any]], object],
    check: str | None,
    done: ChangeSet,
) -> Applied:
    """Change the list holding ``ref``'s kind in its parent (not the project): the parent and
    its own parents are rebuilt through validation, the project's child swapped in."""
    parent = ref.parent
    assert parent is not None
    at = locate(project, parent)
    held = at.objs[-1]
    items = list(getattr(held, ref.attr))
    change(items)
    new_top = lift(at, rebuilt(held, {ref.attr: items}, parent.where(), ref.where()), ref.where())
    old_top = install(project, at, new_top, ref.where(), check)
    return Applied(Restore(at.top, old_top, done, at.index), done)


def _ident(item: Any) -> str:
    ident = item.get("id") if isinstance(item, dict) else getattr(item, "id", None)
    if not isinstance(ident, str):
        raise OpError("an item to add needs an id")
    return ident


@dataclass(frozen=True)
class RemoveItem(Op):
    """Remove the item at ``ref`` (refused while anything still refers to it).

    Removing a choice's option keeps the choice valid: the last option takes
    the choice point with it, and a removed default passes to the first option
    left.  Scenes go through :class:`RemoveScenes`.
    """

    ref: ItemRef[Any]

    @property
    def text(self) -> str:
        return f"Remove {self.ref.where()}"

    def apply(self, project: Project) -> Applied:
        ref, where = self.ref, self.ref.where()
        if isinstance(ref, SceneRef):
            return RemoveScenes((ref.scene,)).apply(project)
        if isinstance(ref, OptionRef):
            choice = ChoiceRef(ref.scene).get(project)
            ref.get(project)  # a missing option is named
            return SetField(SceneRef(ref.scene).choice, choice_without(choice, [ref.option])).apply(project)
        check = "still in use" if type(ref).watched else None
        done = changes_for(project, ref, None)
        if ref.parent is not None and ref.parent.parent is not None:
            return _in_list(project, ref, lambda items: items.pop(ref.index_in(items)), check, done)
        items: list[Any] = list(getattr(project, ref.attr))  # a list of the project
        n = ref.index_in(items)
        item = items.pop(n)
        if check is not None:
            check_references(project, {ref.attr: items}, where, check)
        del getattr(project, ref.attr)[n]
        return Applied(AddItem(PROJECT.field(ref.attr), item, n), done)
