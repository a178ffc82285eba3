"""Pure edit operations on a :class:`~studio.model.project.Project` (no Qt).

Every edit the studio makes is an ``Op``: a small frozen record whose
``apply(project)`` mutates the project *in place* and returns an
:class:`Applied` holding the exact inverse op and a :class:`ChangeSet` naming
what changed.  An op either succeeds completely or raises :class:`OpError`
(one line) and leaves the project untouched, so applying the inverses in
reverse order always restores the original project, byte for byte.

Items are addressed by *id paths*, never list indices::

    ("project", "title")
    ("scene", "payday", "title")
    ("scene", "payday", "choice", "appear_ms")
    ("scene", "payday", "choice", "option", "save", "label")
    ("scene", "payday", "prompt", "round_up", "amount")
    ("goal", "trip", "target")          # also product / variable / media
    ("media", "payday")                 # a whole item: replace it (relink)

``SetField``, ``AddItem`` and ``RemoveItem`` are generic over these paths, so
an inspector or timeline edits any field through one op type.  Edits that
would leave a dangling reference (an option to a removed scene, a prompt
whose goal was deleted) are refused with the reference that would break.
Gesture-level builders (connect two scenes, duplicate, paste, mark an
ending) are in :mod:`studio.app.edits`, which is Qt-free too.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from pydantic import BaseModel, ValidationError

from studio.model.project import ChoicePoint, Project, Scene
from studio.model.references import ReferenceProblems, resolve
from studio.model.types import Point


class OpError(ValueError):
    """An edit that cannot be made; ``str()`` is one line naming the item."""


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
    """Base of all edit operations (subclasses are frozen dataclasses)."""

    def apply(self, project: Project) -> Applied:  # pragma: no cover - abstract
        raise NotImplementedError

    @property
    def text(self) -> str:
        """Short human description, used for undo menu entries."""
        return type(self).__name__

    def merge_key(self) -> object | None:
        """Ops with equal non-None keys may merge: the later one supersedes."""
        return None


Path = tuple[str, ...]

# Path segment -> (attribute holding the list, parent model type name or "" for any).
_LISTS: dict[str, str] = {
    "scene": "scenes",
    "media": "media",
    "goal": "goals",
    "product": "products",
    "variable": "variables",
    "option": "options",
    "prompt": "prompts",
    "tag": "tags",
}
_REF_FIELDS = frozenset(
    [
        "target",
        "media",
        "goal",
        "product",
        "var",
        "condition",
        "effects",
        "on_enter",
        "accept_effects",
        "decline_effects",
        "deposit",
        "choice",
        "options",
        "prompts",
        "tags",
        "start",
    ]
)


@dataclass
class _Target:
    """A resolved path: the models walked, and either a field or a list slot."""

    chain: list[BaseModel]
    field: str | None = None
    items: list[Any] | None = None
    index: int = -1


def _find(items: list[Any], ident: str, kind: str) -> int:
    for n, item in enumerate(items):
        if item.id == ident:
            return n
    raise OpError(f"unknown {kind} '{ident}'")


def where(path: Path) -> str:
    """``('scene','a','option','b','label')`` -> ``scene 'a' > option 'b' > label``."""
    parts: list[str] = []
    i = 1 if path and path[0] == "project" else 0
    while i < len(path):
        if path[i] in _LISTS and i + 1 < len(path):
            parts.append(f"{path[i]} '{path[i + 1]}'")
            i += 2
        else:
            parts.append(path[i])
            i += 1
    return " > ".join(parts) or "project"


def _walk(project: Project, path: Path, want_list: bool = False) -> _Target:
    """Resolve ``path``; with ``want_list`` the path ends at a list kind (``('goal',)``)."""
    parts = path[1:] if path and path[0] == "project" else path
    node: BaseModel = project
    chain: list[BaseModel] = [project]
    i = 0
    end = len(parts) - 1
    while i < end or (want_list and i <= end):
        key = parts[i]
        if key == "option" and isinstance(node, Scene):
            if node.choice is None:
                raise OpError(f"{where(path)}: scene '{node.id}' has no choice point")
            node = node.choice
            chain.append(node)
        items = getattr(node, _LISTS[key], None) if key in _LISTS else None
        if isinstance(items, list):
            if want_list and i == end:
                return _Target(chain, items=items)
            index = _find(items, parts[i + 1], key)
            if i + 1 == end:
                return _Target(chain, items=items, index=index)
            node = items[index]
            chain.append(node)
            i += 2
            continue
        child = getattr(node, key, None) if key in type(node).model_fields else None
        if not isinstance(child, BaseModel):
            raise OpError(f"{where(path)}: no such item")
        node, i = child, i + 1
        chain.append(node)
    if want_list or not parts or parts[-1] not in type(node).model_fields:
        raise OpError(f"{where(path)}: no such field")
    return _Target(chain, field=parts[-1])


def _one_line(exc: ValidationError) -> str:
    err = exc.errors(include_url=False)[0]
    loc = ".".join(str(k) for k in err["loc"])
    msg = str(err["msg"]).removeprefix("Value error, ")
    return f"{loc}: {msg}" if loc else msg


def _check(project: Project, chain: Sequence[BaseModel], path: Path, refs: bool) -> None:
    """Re-validate the models above an edit and, if ``refs``, every reference."""
    for model in chain[1:]:
        try:
            type(model).model_validate(model.model_dump(mode="python"))
        except ValidationError as exc:
            raise OpError(f"{where(path)}: {_one_line(exc)}") from None
    if refs:
        try:
            resolve(project)
        except ReferenceProblems as exc:
            raise OpError(f"{where(path)}: would break a reference: {exc.problems[0]}") from None


def _copy(value: Any) -> Any:
    return value.model_copy(deep=True) if isinstance(value, BaseModel) else value


def changes_for(project: Project, path: Path, field_name: str | None) -> ChangeSet:
    """The ChangeSet of editing ``path`` (``field_name`` None: a whole item)."""
    head = path[0]
    if head == "project":
        return ChangeSet(project=True)
    if head == "scene":
        sid = path[1]
        if field_name == "position" and len(path) == 3:
            return ChangeSet(moved=frozenset({sid}))
        edges = field_name in ("choice", "target", "options") or ("option" in path and field_name is None)
        return ChangeSet(scenes=frozenset({sid}), structure=edges)
    if head == "media":
        users = frozenset(s.id for s in project.scenes if s.media == path[1])
        return ChangeSet(scenes=users, media=True)
    return ChangeSet(catalog=True)


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


def _validate_item(kind: type[BaseModel], data: Any, path: Path) -> Any:
    try:
        return kind.model_validate(data)
    except ValidationError as exc:
        raise OpError(f"{where(path)}: {_one_line(exc)}") from None


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
        old = []
        for sid, x, y in self.moves:
            scene = by_id[sid]
            old.append((sid, scene.position.x, scene.position.y))
            scene.__dict__["position"] = Point(x=float(x), y=float(y))
        moved = frozenset(m[0] for m in self.moves)
        return Applied(MoveScenes(tuple(old)), ChangeSet(moved=moved))


@dataclass(frozen=True)
class Batch(Op):
    """Several ops as one edit; all or nothing."""

    ops: tuple[Op, ...]
    label: str = ""

    @property
    def text(self) -> str:
        return self.label or (self.ops[0].text if self.ops else "Edit")

    def apply(self, project: Project) -> Applied:
        done: list[Applied] = []
        try:
            for op in self.ops:
                done.append(op.apply(project))
        except BaseException:
            for applied in reversed(done):
                applied.inverse.apply(project)
            raise
        changes = ChangeSet()
        for applied in done:
            changes = changes | applied.changes
        inverse = Batch(tuple(a.inverse for a in reversed(done)), self.label)
        return Applied(inverse, changes)


@dataclass(frozen=True)
class Compound(Op):
    """An op decided against the current project: ``build(project) -> Op``.

    Gestures such as "connect these scenes" depend on state (does the scene
    have a choice point yet?); the built op is applied and its exact inverse
    returned, so undo never re-decides.
    """

    build: Callable[[Project], Op] = field(compare=False)
    label: str = "Edit"

    @property
    def text(self) -> str:
        return self.label

    def apply(self, project: Project) -> Applied:
        return self.build(project).apply(project)


def apply_all(project: Project, ops: Iterable[Op]) -> list[Op]:
    """Apply ops in order; returns their inverses in *undo* order (last first)."""
    inverses = [op.apply(project).inverse for op in ops]
    inverses.reverse()
    return inverses


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
        raise OpError(f"scene '{scene.id}' > choice: {_one_line(exc)}") from None


__all__ = [
    "AddItem",
    "AddScenes",
    "Applied",
    "Batch",
    "ChangeSet",
    "Compound",
    "MoveScenes",
    "Op",
    "OpError",
    "RemoveItem",
    "RemoveScenes",
    "SetField",
    "apply_all",
    "changes_for",
    "choice_without",
    "scene_index",
    "set_default_option",
    "where",
]
