"""Generic field and item ops addressed by id paths: ``SetField``, ``AddItem``
and ``RemoveItem`` (scenes are delegated to :mod:`studio.model.ops.scenes`).  No Qt.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

from studio.model.ops.base import (
    _REF_FIELDS,
    Applied,
    ChangeSet,
    Op,
    OpError,
    Path,
    _check,
    _copy,
    _one_line,
    _validate_item,
    _walk,
    changes_for,
    choice_without,
    where,
)
from studio.model.ops.scenes import AddScenes, RemoveScenes
from studio.model.project import Project, Scene


@dataclass(frozen=True)
class SetField(Op):
    """Set one field (or replace one whole item) addressed by an id path."""

    path: Path
    value: Any

    @property
    def text(self) -> str:
        return f"Set {where(self.path)}"

    def merge_key(self) -> object | None:
        return ("set", self.path)

    def apply(self, project: Project) -> Applied:
        target = _walk(project, self.path)
        value = _copy(self.value)
        if target.field is None:  # replace a whole list item
            assert target.items is not None
            old = target.items[target.index]
            if isinstance(value, dict):
                value = _validate_item(type(old), value, self.path)
            if type(value) is not type(old) or value.id != old.id:
                raise OpError(
                    f"{where(self.path)}: replacement must be a {type(old).__name__} with id '{old.id}'"
                )
            target.items[target.index] = value
            try:
                _check(project, target.chain, self.path, refs=True)
            except OpError:
                target.items[target.index] = old
                raise
            return Applied(SetField(self.path, old), changes_for(project, self.path, None))
        name = target.field
        if name == "id":
            raise OpError(f"{where(self.path)}: ids cannot be changed by editing a field")
        obj = target.chain[-1]
        old = obj.__dict__[name]
        before = changes_for(project, self.path, name)
        try:
            setattr(obj, name, value)
        except ValidationError as exc:
            obj.__dict__[name] = old  # pydantic may keep the value when a model validator fails
            raise OpError(f"{where(self.path)}: {_one_line(exc)}") from None
        try:
            _check(project, target.chain[:-1], self.path, refs=name in _REF_FIELDS)
        except OpError:
            obj.__dict__[name] = old
            raise
        changes = before
        if isinstance(obj, Project) and name == "start":
            changes = changes | ChangeSet(scenes=frozenset(x for x in (old, value) if x))
        return Applied(SetField(self.path, old), changes)


@dataclass(frozen=True)
class AddItem(Op):
    """Insert ``item`` into the list named by ``path`` (e.g. ``('goal',)``,
    ``('scene', 's', 'prompt')``); ``index`` None appends."""

    path: Path
    item: Any
    index: int | None = None

    @property
    def text(self) -> str:
        return f"Add {self.path[-1]} '{self.item.id}'"

    def apply(self, project: Project) -> Applied:
        if self.path[-1] == "scene":
            return AddScenes((self.item,), self.index).apply(project)
        target = _walk(project, self.path, want_list=True)
        items = target.items
        assert items is not None
        item = _copy(self.item)
        if any(x.id == item.id for x in items):
            raise OpError(f"{where((*self.path, item.id))}: id already exists")
        index = len(items) if self.index is None else max(0, min(self.index, len(items)))
        items.insert(index, item)
        path = (*self.path, item.id)
        try:
            _check(project, target.chain, path, refs=True)
        except OpError:
            items.pop(index)
            raise
        return Applied(RemoveItem(path), changes_for(project, path, None))


@dataclass(frozen=True)
class RemoveItem(Op):
    """Remove the item at ``path`` (refused while anything still refers to it).

    Removing a choice's option keeps the choice valid: the last option takes
    the choice point with it, and a removed default passes to the first option
    left.  Scenes go through :class:`RemoveScenes`.
    """

    path: Path

    @property
    def text(self) -> str:
        return f"Remove {where(self.path)}"

    def apply(self, project: Project) -> Applied:
        if len(self.path) < 2:
            raise OpError(f"{where(self.path)}: not an item")
        if self.path[-2] == "scene":
            return RemoveScenes((self.path[-1],)).apply(project)
        if self.path[-2] == "option":
            return _remove_option(project, self.path)
        target = _walk(project, self.path)
        items = target.items
        assert items is not None
        item = items.pop(target.index)
        try:
            _check(project, target.chain, self.path, refs=True)
        except OpError as exc:
            items.insert(target.index, item)
            raise OpError(str(exc).replace("would break a reference", "still in use")) from None
        changes = changes_for(project, self.path, None)
        return Applied(AddItem(self.path[:-1], item, target.index), changes)


def _remove_option(project: Project, path: Path) -> Applied:
    scene_path = path[: path.index("option")]
    if scene_path[-1] == "choice":
        scene_path = scene_path[:-1]
    scene = _walk(project, (*scene_path, "title")).chain[-1]
    assert isinstance(scene, Scene)
    if scene.choice is None or all(o.id != path[-1] for o in scene.choice.options):
        raise OpError(f"{where(path)}: no such option")
    new = choice_without(scene.choice, [path[-1]])
    return SetField((*scene_path, "choice"), new).apply(project)
