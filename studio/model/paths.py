"""What is derived from the kind declarations (:mod:`studio.model.kinds`): where each kind can
live, the kind of the items of a list field, and the ref an id path names (no Qt).

Nothing here is kept by hand: a new kind declared in :mod:`studio.model.kinds` is found by
its ``parent`` property's type, its ``kind`` and its ``attr``.
"""

from __future__ import annotations

from typing import Any, get_args, get_type_hints

from studio.model.kinds import PROJECT
from studio.model.refs import KINDS, FieldRef, ItemRef, Loc, OpError, PartRef, Ref, shown

_PARENTS: dict[type[Ref[Any]], tuple[type[Ref[Any]], ...]] = {}


def parent_kinds(kind: type[Ref[Any]]) -> tuple[type[Ref[Any]], ...]:
    """The kinds an object of ``kind`` can live in (from its ``parent`` property's type)."""
    if kind not in _PARENTS:
        parent = kind.__dict__.get("parent")
        hint = get_type_hints(parent.fget)["return"] if isinstance(parent, property) else None
        _PARENTS[kind] = () if hint is None else (get_args(hint) or (hint,))
    return _PARENTS[kind]


def _child(parent: type[Ref[Any]], segment: str) -> type[Ref[Any]] | None:
    for kind in KINDS:
        if parent in parent_kinds(kind):
            named = kind.kind if issubclass(kind, ItemRef) else getattr(kind, "attr", "")
            if named == segment:
                return kind
    return None


def item_ref(target: FieldRef[list[Any]], ident: str) -> ItemRef[Any]:
    """The ref of item ``ident`` of the list field ``target`` (``SceneRef(s).prompts``)."""
    for kind in KINDS:
        if issubclass(kind, ItemRef) and kind.attr == target.name and type(target.ref) in parent_kinds(kind):
            made = kind.within(target.ref, ident)
            assert isinstance(made, ItemRef)
            return made
    raise OpError(f"{target.where()}: not a list of items")


def parse_path(path: tuple[str, ...]) -> Loc[Any]:
    """The ref (or field) an id path names: ``("scene", "a", "option", "b")`` is
    ``OptionRef("a", "b")``; a last part that names no item is a field.  OpError if there is
    no such kind or field.  (Paths are the selection's identity; edits use refs.)"""
    if path[:1] == ("project",):  # the project, or one of its own fields
        if len(path) <= 2:
            return PROJECT.field(path[1]) if len(path) == 2 else PROJECT
        path = path[1:]
    parts = path
    ref: Ref[Any] = PROJECT
    i = 0
    while i < len(parts):
        kind = _child(type(ref), parts[i])
        if kind is None:  # an option's path skips its choice point
            part = next((k for k in KINDS if issubclass(k, PartRef) and type(ref) in parent_kinds(k)
                         and _child(k, parts[i]) is not None), None)
            if part is not None:
                ref, kind = part.within(ref), _child(part, parts[i])
        if kind is None:
            if i == len(parts) - 1:
                return ref.field(parts[i])
            raise OpError(f"{ref.where()} > {shown(parts[i])}: no such item")
        if issubclass(kind, ItemRef):
            if i + 1 >= len(parts):
                raise OpError(f"{ref.where()} > {shown(parts[i])}: which one?")
            ref, i = kind.within(ref, parts[i + 1]), i + 2
        else:
            ref, i = kind.within(ref), i + 1
    return ref
