"""Core of the edit operations: ``Op``, ``Applied``, ``ChangeSet``, ``OpError``
and the id-path helpers (resolve, re-validate, describe) shared by every op.

See :mod:`studio.model.ops` for the op model and the id-path syntax.  No Qt.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple

from pydantic import BaseModel, ValidationError

from studio.model.project import ChoicePoint, Project, Scene
from studio.model.references import ReferenceProblems, resolve


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
LIST_ATTRS: dict[str, str] = {
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
        if path[i] in LIST_ATTRS and i + 1 < len(path):
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
        items = getattr(node, LIST_ATTRS[key], None) if key in LIST_ATTRS else None
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


def _validate_item(kind: type[BaseModel], data: Any, path: Path) -> Any:
    try:
        return kind.model_validate(data)
    except ValidationError as exc:
        raise OpError(f"{where(path)}: {_one_line(exc)}") from None


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
        raise OpError(f"scene '{scene.id}' > choice: {_one_line(exc)}") from None
