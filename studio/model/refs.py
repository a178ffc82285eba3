"""Typed references to the parts of a project, and the one resolver (no Qt).

A :class:`Ref` addresses one model object by ids, never by list index: the
project, a scene, a scene's choice point, an option, a savings prompt...  The
concrete kinds are declared once each in :mod:`studio.model.kinds`; this module
holds the machinery they share:

- ``ref.get(project)`` resolves a ref (the only walker of id paths); an item
  that is gone raises :class:`OpError` naming it.
- A :class:`Field` declared on a ref class types one field of its model:
  ``SceneRef("payday").title`` is a ``FieldRef[str]``, so an edit of a field
  that does not exist, or with a value of the wrong type, is a mypy error.
- ``ref.where()`` names the item for messages (``scene 'payday' > choice >
  option 'save'``); ``ref.id_path`` is its id tuple, the selection's identity
  (``("scene", "payday", "option", "save")``).

Edits (:mod:`studio.model.ops`) build new objects through the models' own
validation with :func:`rebuilt`; nothing here changes a project.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields, is_dataclass
from functools import cache
from types import UnionType
from typing import Annotated, Any, ClassVar, Generic, TypeVar, Union, get_args, get_origin, overload

from pydantic import BaseModel, JsonValue, ValidationError
from pydantic.fields import FieldInfo

from studio.model.errors import located, one_line, quote
from studio.model.project import Project
from studio.model.types import ID_PATTERN

V = TypeVar("V")
M = TypeVar("M", bound=BaseModel)


KINDS: list[type[Ref[Any]]] = []  # every declared kind, in declaration order (studio.model.kinds)


class OpError(ValueError):
    """An edit that cannot be made; ``str()`` is one line naming the item."""

    def __init__(self, message: str) -> None:
        super().__init__(one_line(message))


class Loc(Generic[V]):
    """Where a value lives in a project: a model object (:class:`Ref`) or one of its fields."""

    def get(self, project: Project) -> V:  # pragma: no cover - abstract
        raise NotImplementedError

    def where(self) -> str:  # pragma: no cover - abstract
        raise NotImplementedError

    @property
    def id_path(self) -> tuple[str, ...]:  # pragma: no cover - abstract
        raise NotImplementedError


class Ref(Loc[M]):
    """The address of one model object.  Subclasses (frozen dataclasses) declare their kind:

    ``kind`` names it in messages and paths; ``model`` is its pydantic class; a top-level
    kind (a child of the project) says what editing it changes with ``category`` (``scenes``,
    ``media``, ``catalog`` or ``project``); ``edges`` marks kinds whose items are graph edges;
    ``watched`` marks kinds that other items refer to (every edit of one re-checks references).
    """

    kind: ClassVar[str]
    model: ClassVar[type[BaseModel]]
    category: ClassVar[str] = ""
    edges: ClassVar[bool] = False
    watched: ClassVar[bool] = False

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if "kind" in cls.__dict__:
            KINDS.append(cls)

    @classmethod
    def within(cls, parent: Ref[Any], *ident: str) -> Ref[M]:
        """The ref of this kind inside ``parent`` (items take their id): the parent's ids, then
        the item's, e.g. ``OptionRef.within(ChoiceRef("a"), "b") == OptionRef("a", "b")``."""
        own = tuple(getattr(parent, f.name) for f in fields(parent)) if is_dataclass(parent) else ()
        made: Ref[M] = cls(*own, *ident)
        return made

    @property
    def parent(self) -> Ref[Any] | None:
        """The ref of the object holding this one (None: this is the project)."""
        return None

    def top(self) -> Ref[Any]:
        """The child of the project this object lives in (the project itself for the project)."""
        ref: Ref[Any] = self
        while ref.parent is not None and ref.parent.parent is not None:
            ref = ref.parent
        return ref

    def lineage(self) -> list[Ref[Any]]:
        """The refs from the project's child holding this object down to this one."""
        refs: list[Ref[Any]] = []
        ref: Ref[Any] | None = self
        while ref is not None and ref.parent is not None:
            refs.append(ref)
            ref = ref.parent
        refs.reverse()
        return refs

    def get(self, project: Project) -> M:
        """The object this ref names; OpError naming what is gone."""
        held: Any = project
        for ref in self.lineage():
            held = ref.lookup(held)
        found: M = held
        return found

    def lookup(self, held: Any) -> Any:  # pragma: no cover - abstract
        """This object inside ``held``, its parent's object (one step of :meth:`get`)."""
        raise NotImplementedError

    def replaced(self, parent: BaseModel, new: BaseModel) -> dict[str, Any]:  # pragma: no cover
        """The field of ``parent`` holding this object, with ``new`` in its place."""
        raise NotImplementedError

    def field(self, name: str) -> FieldRef[Any]:
        """The field called ``name`` (for ids read from data); OpError if it is not declared."""
        found = getattr(type(self), name, None) if name != "id" else None
        if not isinstance(found, Field):
            reason = "ids cannot be changed by editing a field" if name == "id" else "no such field"
            raise OpError(f"{self.where()} > {shown(name)}: {reason}")
        return FieldRef(self, found)

    @classmethod
    def declared(cls) -> dict[str, Field[Any]]:
        """Every declared field of this kind, by name."""
        return {k: v for k in dir(cls) if isinstance(v := getattr(cls, k), Field)}


class ItemRef(Ref[M]):
    """An item with an ``id`` in a list of its parent (``attr``: the list's field)."""

    attr: ClassVar[str]

    @property
    def ident(self) -> str:  # pragma: no cover - abstract
        raise NotImplementedError

    @property
    def id_path(self) -> tuple[str, ...]:
        parent = self.parent
        head = parent.id_path if parent is not None and parent.parent is not None else ()
        return (*head, self.kind, self.ident)

    def where(self) -> str:
        parent = self.parent
        own = f"{self.kind} {quote(self.ident)}"
        return own if parent is None or parent.parent is None else f"{parent.where()} > {own}"

    def index_in(self, items: list[Any], hint: int = -1) -> int:
        """The index of this item in ``items`` (its parent's list; ``hint``: where it was);
        OpError if it is not there."""
        ident = self.ident
        if 0 <= hint < len(items) and items[hint].id == ident:
            return hint
        for n, item in enumerate(items):
            if item.id == ident:
                return n
        parent = self.parent
        inside = f"{parent.where()}: " if parent is not None and parent.parent is not None else ""
        raise OpError(f"{inside}unknown {self.kind} {quote(ident)}")

    def lookup(self, held: Any) -> Any:
        items = getattr(held, self.attr)
        return items[self.index_in(items)]

    def replaced(self, parent: BaseModel, new: BaseModel) -> dict[str, Any]:
        return {self.attr: [new if x.id == self.ident else x for x in getattr(parent, self.attr)]}


class PartRef(Ref[M]):
    """A model held in one (usually optional) field ``attr`` of its parent: a scene's choice
    point, an option's deposit, a hotspot."""

    attr: ClassVar[str]
    noun: ClassVar[str]

    @property
    def id_path(self) -> tuple[str, ...]:
        parent = self.parent
        assert parent is not None
        return (*parent.id_path, self.attr)

    def where(self) -> str:
        parent = self.parent
        assert parent is not None
        return f"{parent.where()} > {self.attr}"

    def lookup(self, held: Any) -> Any:
        value = getattr(held, self.attr)
        if value is None:
            parent = self.parent
            raise OpError(f"{parent.where() if parent is not None else 'project'} has no {self.noun}")
        return value

    def replaced(self, parent: BaseModel, new: BaseModel) -> dict[str, Any]:
        return {self.attr: new}


class Field(Generic[V]):
    """One typed field of a ref's model, declared on the ref class: ``title = Field[str]()``.

    The attribute's name is the model field's name (tests check the two agree, in name and
    type).  ``edges``: editing it changes the graph's edges; ``layout``: it only moves the
    item on the canvas; ``marks_scenes``: its old and new values are scene ids whose
    presentation changes (the start scene)."""

    def __init__(self, *, edges: bool = False, layout: bool = False, marks_scenes: bool = False) -> None:
        self.edges, self.layout, self.marks_scenes = edges, layout, marks_scenes
        self.name = ""
        self.owner: type[Ref[Any]] | None = None

    def __set_name__(self, owner: type[Ref[Any]], name: str) -> None:
        self.name, self.owner = name, owner

    def __repr__(self) -> str:
        return f"Field({self.owner.__name__ if self.owner else '?'}.{self.name})"

    @overload
    def __get__(self, obj: None, owner: type[Any]) -> Field[V]: ...

    @overload
    def __get__(self, obj: Ref[Any], owner: type[Any]) -> FieldRef[V]: ...

    def __get__(self, obj: Ref[Any] | None, owner: type[Any]) -> Field[V] | FieldRef[V]:
        return self if obj is None else FieldRef(obj, self)

    def holds_references(self) -> bool:
        """Whether a value of this field can name other items (ids, variables in a condition)."""
        assert self.owner is not None
        return _field_refers(self.owner.model, self.name)


@dataclass(frozen=True)
class FieldRef(Loc[V]):
    """One field of the object at ``ref``: what an edit of a single value addresses."""

    ref: Ref[Any]
    field: Field[V]

    @property
    def name(self) -> str:
        return self.field.name

    def get(self, project: Project) -> V:
        value: V = getattr(self.ref.get(project), self.field.name)
        return value

    def where(self) -> str:
        return self.name if self.ref.parent is None else f"{self.ref.where()} > {self.name}"

    @property
    def id_path(self) -> tuple[str, ...]:
        return (*self.ref.id_path, self.name)

    def to(self, value: V) -> Change:
        """This field set to ``value``, for :class:`~studio.model.ops.SetFields`."""
        return Change(self, value)


@dataclass(frozen=True)
class Change:
    """A field and its new value (built by :meth:`FieldRef.to`, which types the value)."""

    target: FieldRef[Any]
    value: Any


def shown(name: str) -> str:
    """A field name for a message: as it is when it is a plain name, else quoted and escaped."""
    return name if name.isidentifier() and one_line(name) == name else quote(name)


# --- building objects through validation ------------------------------------------------------

def plain(value: Any) -> Any:
    """``value`` with models turned into dicts, so that validation checks them all the way down."""
    if isinstance(value, BaseModel):
        return value.model_dump(mode="python")
    if isinstance(value, list):
        return [plain(v) for v in value]
    return value


def rebuilt(obj: M, changes: Mapping[str, Any], where: str, target: str) -> M:
    """A new ``type(obj)`` with ``changes``, made by the model's own validation.

    Unchanged fields keep their (already valid) objects; changed values are validated all the
    way down.  A refusal is an OpError located at ``where`` (the object) or, for an error about
    the object as a whole, at ``target`` (what the edit changed)."""
    data = {name: getattr(obj, name) for name in type(obj).model_fields}
    data.update({name: plain(value) for name, value in changes.items()})
    try:
        return type(obj).model_validate(data)
    except ValidationError as exc:
        raise OpError(reason(exc, data, where, target)) from None


def reason(exc: ValidationError, data: Mapping[str, Any], where: str, target: str) -> str:
    """The first error of ``exc`` (validating ``data`` at ``where``) as one located line."""
    raw = {name: plain(value) for name, value in data.items()}
    found = located(exc, raw)
    place, message = found[0] if found else ("project", str(exc).splitlines()[0])
    if place == "project":
        return f"{target}: {message}"
    return f"{place if where == 'project' else f'{where} > {place}'}: {message}"


# --- which fields hold references (derived from the models' annotations) ---------------------

def _names_ids(meta: object) -> bool:
    if isinstance(meta, FieldInfo):
        return any(_names_ids(m) for m in meta.metadata)
    return getattr(meta, "pattern", None) == ID_PATTERN


def _refers(annotation: Any) -> bool:
    if annotation is JsonValue:  # conditions name variables
        return True
    origin = get_origin(annotation)
    if origin is Annotated:
        base, *meta = get_args(annotation)
        return any(_names_ids(m) for m in meta) or _refers(base)
    if origin in (Union, UnionType, list):
        return any(_refers(arg) for arg in get_args(annotation))
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return any(_field_refers(annotation, name) for name in annotation.model_fields)
    return False


@cache
def _field_refers(model: type[BaseModel], name: str) -> bool:
    info = model.model_fields[name]
    return _names_ids(info) or _refers(info.annotation)
