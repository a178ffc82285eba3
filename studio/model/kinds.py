"""Every kind of item a project holds, declared once (no Qt).

Each class below is a typed reference to one kind of item (see
:mod:`studio.model.refs`) and its declaration: its model, where it lives
(``attr``: the parent's list or field), what editing it changes, and one typed
:class:`~studio.model.refs.Field` per model field.  Everything the edit
operations need per kind (the resolver, the list it is added to, whether an
edit re-checks references, the ChangeSet, the message location, the
selection path) is derived from these declarations, so a new kind of item is
one class here.  ``tests/model/test_kinds.py`` checks every declaration
against its pydantic model.

    SetField(SceneRef("payday").title, "Pay day")
    SetField(OptionRef("payday", "save").deposit, Deposit(goal="trip", amount=500))
    AddItem(SceneRef("payday").prompts, prompt)
    RemoveItem(GoalRef("trip"))
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pydantic import JsonValue

from studio.model.project import (
    ChoicePoint,
    Deposit,
    Effect,
    LocaleTranslations,
    MediaAsset,
    Option,
    Placeholder,
    Product,
    ProductTag,
    Project,
    SavingsGoal,
    SavingsPrompt,
    Scene,
    Variable,
)
from studio.model.refs import Field, ItemRef, OpError, PartRef, Ref
from studio.model.tracks import AudioAsset, Dub, SubtitleTrack
from studio.model.types import Point, Rect


@dataclass(frozen=True)
class ProjectRef(Ref[Project]):
    """The project itself (its settings; its lists hold the top-level kinds)."""

    kind = "project"
    model = Project
    category = "project"
    format = Field[str]()
    schema_version = Field[int]()
    min_reader_version = Field[int]()
    title = Field[str]()
    aspect = Field[str]()
    locale = Field[str]()
    currency = Field[str]()
    replay_deposits = Field[bool]()
    variables = Field[list[Variable]]()
    goals = Field[list[SavingsGoal]]()
    products = Field[list[Product]]()
    media = Field[list[MediaAsset]]()
    audio = Field[list[AudioAsset]]()
    scenes = Field[list[Scene]](edges=True)
    start = Field[str | None](marks_scenes=True)
    target_locales = Field[list[str]]()
    translations = Field[list[LocaleTranslations]]()

    def get(self, project: Project) -> Project:
        return project

    def where(self) -> str:
        return "project"

    @property
    def id_path(self) -> tuple[str, ...]:
        return ("project",)


PROJECT = ProjectRef()


@dataclass(frozen=True)
class SceneRef(ItemRef[Scene]):
    scene: str
    kind = "scene"
    model = Scene
    attr = "scenes"
    category = "scenes"
    title = Field[str]()
    media = Field[str | None]()
    placeholder = Field[Placeholder | None]()
    in_ms = Field[int]()
    out_ms = Field[int | None]()
    position = Field[Point](layout=True)
    ending = Field[bool]()
    ending_kind = Field[str | None]()
    ending_title = Field[str | None]()
    ending_text = Field[str | None]()
    next = Field[str | None](edges=True, marks_scenes=True)
    on_enter = Field[list[Effect]]()
    choice = Field[ChoicePoint | None](edges=True)
    prompts = Field[list[SavingsPrompt]]()
    tags = Field[list[ProductTag]]()
    subtitles = Field[list[SubtitleTrack]]()
    dubs = Field[list[Dub]]()

    @property
    def parent(self) -> ProjectRef:
        return PROJECT

    @property
    def ident(self) -> str:
        return self.scene


@dataclass(frozen=True)
class ChoiceRef(PartRef[ChoicePoint]):
    """A scene's choice point (its window and its options)."""

    scene: str
    kind = "choice"
    noun = "choice point"
    model = ChoicePoint
    attr = "choice"
    appear_ms = Field[int]()
    decision_ms = Field[int]()
    timeout = Field[str]()
    mode = Field[str]()
    show_countdown = Field[bool]()
    one_shot = Field[bool]()
    options = Field[list[Option]](edges=True)

    @property
    def parent(self) -> SceneRef:
        return SceneRef(self.scene)


@dataclass(frozen=True)
class OptionRef(ItemRef[Option]):
    """An option of a scene's choice point: a graph edge.  Its path skips the choice point:
    ``("scene", s, "option", o)``."""

    scene: str
    option: str
    kind = "option"
    model = Option
    attr = "options"
    edges = True
    label = Field[str]()
    target = Field[str](edges=True)
    condition = Field[JsonValue]()
    effects = Field[list[Effect]]()
    deposit = Field[Deposit | None]()
    hotspot = Field[Rect | None]()
    default = Field[bool]()
    show_amount = Field[bool]()

    @property
    def parent(self) -> ChoiceRef:
        return ChoiceRef(self.scene)

    @property
    def ident(self) -> str:
        return self.option

    @property
    def id_path(self) -> tuple[str, ...]:
        return ("scene", self.scene, "option", self.option)


@dataclass(frozen=True)
class DepositRef(PartRef[Deposit]):
    """An option's savings deposit."""

    scene: str
    option: str
    kind = "deposit"
    noun = "deposit"
    model = Deposit
    attr = "deposit"
    goal = Field[str]()
    amount = Field[int]()

    @property
    def parent(self) -> OptionRef:
        return OptionRef(self.scene, self.option)


@dataclass(frozen=True)
class PromptRef(ItemRef[SavingsPrompt]):
    scene: str
    prompt: str
    kind = "prompt"
    model = SavingsPrompt
    attr = "prompts"
    at_ms = Field[int]()
    goal = Field[str]()
    amount = Field[int]()
    text = Field[str]()
    accept_effects = Field[list[Effect]]()
    decline_effects = Field[list[Effect]]()
    pause = Field[bool]()

    @property
    def parent(self) -> SceneRef:
        return SceneRef(self.scene)

    @property
    def ident(self) -> str:
        return self.prompt


@dataclass(frozen=True)
class TagRef(ItemRef[ProductTag]):
    scene: str
    tag: str
    kind = "tag"
    model = ProductTag
    attr = "tags"
    product = Field[str]()
    start_ms = Field[int]()
    end_ms = Field[int]()
    hotspot = Field[Rect]()
    cta = Field[str]()

    @property
    def parent(self) -> SceneRef:
        return SceneRef(self.scene)

    @property
    def ident(self) -> str:
        return self.tag


@dataclass(frozen=True)
class HotspotRef(PartRef[Rect]):
    """The hotspot of an option or a product tag."""

    owner: OptionRef | TagRef
    kind = "hotspot"
    noun = "hotspot"
    model = Rect
    attr = "hotspot"
    x = Field[float]()
    y = Field[float]()
    w = Field[float]()
    h = Field[float]()

    @property
    def parent(self) -> OptionRef | TagRef:
        return self.owner

    @classmethod
    def within(cls, parent: Ref[Any], *ident: str) -> HotspotRef:
        if not isinstance(parent, OptionRef | TagRef) or ident:
            raise OpError(f"{parent.where()}: has no hotspot")
        return cls(parent)


@dataclass(frozen=True)
class GoalRef(ItemRef[SavingsGoal]):
    goal: str
    kind = "goal"
    model = SavingsGoal
    attr = "goals"
    category = "catalog"
    watched = True
    name = Field[str]()
    target = Field[int]()
    cap = Field[int | None]()

    @property
    def parent(self) -> ProjectRef:
        return PROJECT

    @property
    def ident(self) -> str:
        return self.goal


@dataclass(frozen=True)
class ProductRef(ItemRef[Product]):
    product: str
    kind = "product"
    model = Product
    attr = "products"
    category = "catalog"
    watched = True
    sku = Field[str]()
    name = Field[str]()
    price = Field[int | None]()
    currency = Field[str]()
    image = Field[str | None]()
    url = Field[str | None]()

    @property
    def parent(self) -> ProjectRef:
        return PROJECT

    @property
    def ident(self) -> str:
        return self.product


@dataclass(frozen=True)
class VariableRef(ItemRef[Variable]):
    variable: str
    kind = "variable"
    model = Variable
    attr = "variables"
    category = "catalog"
    watched = True
    type = Field[str]()
    default = Field[int | bool | str]()

    @property
    def parent(self) -> ProjectRef:
        return PROJECT

    @property
    def ident(self) -> str:
        return self.variable


@dataclass(frozen=True)
class MediaRef(ItemRef[MediaAsset]):
    media: str
    kind = "media"
    model = MediaAsset
    attr = "media"
    category = "media"
    watched = True
    path = Field[str]()
    sha256 = Field[str]()
    size = Field[int]()
    duration_ms = Field[int]()
    width = Field[int]()
    height = Field[int]()
    rotation = Field[int]()
    fps = Field[float]()
    video_codec = Field[str]()
    audio_codec = Field[str | None]()
    container = Field[str]()

    @property
    def parent(self) -> ProjectRef:
        return PROJECT

    @property
    def ident(self) -> str:
        return self.media


@dataclass(frozen=True)
class AudioRef(ItemRef[AudioAsset]):
    """An audio file of the project (a dub of scenes)."""

    audio: str
    kind = "audio"
    model = AudioAsset
    attr = "audio"
    category = "media"
    watched = True
    path = Field[str]()
    sha256 = Field[str]()
    size = Field[int]()
    duration_ms = Field[int]()
    codec = Field[str]()
    container = Field[str]()

    @property
    def parent(self) -> ProjectRef:
        return PROJECT

    @property
    def ident(self) -> str:
        return self.audio
