"""The parts of a drama project: pydantic v2 models below :class:`~studio.model.project.Project`.

Variables, effects, savings goals, products, media, scenes and what a scene
holds (choice point and options, deposits, savings prompts, product tags).
Each validates itself; references between them (an option's target scene, a
deposit's goal...) are resolved for the whole project by
:func:`studio.model.references.resolve`.  Import them from
:mod:`studio.model.project` (or :mod:`studio.model`) as before.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field, JsonValue, model_validator

from studio.model.tracks import Dub, SubtitleTrack, unique_locales
from studio.model.types import (
    MAX_SAFE_INT,
    Currency,
    HttpsUrl,
    Id,
    MinorUnits,
    Ms,
    Point,
    PositiveMinorUnits,
    Rect,
    RelPath,
    SafeInt,
    ShortText,
    StrictModel,
    Text,
)


class Variable(StrictModel):
    """A typed story variable with its starting value."""

    id: Id
    type: Literal["int", "bool", "string"]
    default: SafeInt | bool | Text

    @model_validator(mode="after")
    def _typed_default(self) -> Variable:
        if not value_matches(self.type, self.default):
            raise ValueError(f"default {self.default!r} is not of type {self.type}")
        return self


def value_matches(kind: str, value: object) -> bool:
    """Whether ``value`` is of the variable type ``kind`` (a bool is not an int)."""
    if kind == "bool":
        return isinstance(value, bool)
    if kind == "int":
        return isinstance(value, int) and not isinstance(value, bool)
    return isinstance(value, str)


class Effect(StrictModel):
    """A change to a variable: set a value, or add/subtract an integer."""

    var: Id
    op: Literal["set", "add", "sub"] = "set"
    value: SafeInt | bool | Text


class SavingsGoal(StrictModel):
    """The viewer's savings goal that deposits go into."""

    id: Id
    name: ShortText
    target: PositiveMinorUnits
    cap: PositiveMinorUnits | None = Field(
        default=None, description="Most that one playthrough may deposit into this goal"
    )


class Product(StrictModel):
    """A catalog entry that product tags point to."""

    id: Id
    sku: ShortText
    name: ShortText
    price: MinorUnits | None = None
    currency: Currency = "CNY"
    image: RelPath | None = None
    url: HttpsUrl | None = None


class MediaAsset(StrictModel):
    """A probed clip in the project folder (path is relative to the folder)."""

    id: Id
    path: RelPath
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    size: int = Field(ge=1, le=MAX_SAFE_INT)
    duration_ms: int = Field(ge=1, le=MAX_SAFE_INT)
    width: int = Field(ge=1, le=16384)
    height: int = Field(ge=1, le=16384)
    rotation: Literal[0, 90, 180, 270] = 0
    fps: float = Field(gt=0.0, le=1000.0)
    video_codec: ShortText
    audio_codec: ShortText | None = None
    container: Literal["mp4", "mov", "m4v", "webm", "mkv"]


class Deposit(StrictModel):
    """Choosing an option deposits ``amount`` minor units into ``goal``."""

    goal: Id
    amount: PositiveMinorUnits


class Option(StrictModel):
    """An outgoing edge: one answer of a scene's choice point."""

    id: Id
    label: ShortText
    target: Id
    condition: JsonValue = None
    effects: list[Effect] = Field(default_factory=list)
    deposit: Deposit | None = None
    hotspot: Rect | None = None
    default: bool = False
    show_amount: bool = Field(
        default=True,
        description="Show the deposit amount on the option's button (only for an option with a deposit)",
    )


class ChoicePoint(StrictModel):
    """When and how a scene asks the viewer to choose."""

    appear_ms: Ms
    decision_ms: Ms
    timeout: Literal["default", "loop", "pause"] = "default"
    mode: Literal["cut", "play_to_end"] = "cut"
    show_countdown: bool = True
    one_shot: bool = False
    options: list[Option] = Field(min_length=1, max_length=12)

    @model_validator(mode="after")
    def _window(self) -> ChoicePoint:
        if self.decision_ms <= self.appear_ms:
            raise ValueError("decision_ms must be after appear_ms")
        defaults = [o.default for o in self.options].count(True)
        if defaults > 1:
            raise ValueError("at most one option may be the default")
        if self.timeout == "default" and not defaults:
            raise ValueError("timeout 'default' needs an option marked default")
        return self


class SavingsPrompt(StrictModel):
    """A timed prompt offering to deposit ``amount`` into ``goal``."""

    id: Id
    at_ms: Ms
    goal: Id
    amount: PositiveMinorUnits
    text: Text
    accept_effects: list[Effect] = Field(default_factory=list)
    decline_effects: list[Effect] = Field(default_factory=list)
    pause: bool = True


class ProductTag(StrictModel):
    """A tappable product tag shown over the video between two times."""

    id: Id
    product: Id
    start_ms: Ms
    end_ms: Ms
    hotspot: Rect
    cta: ShortText = "Shop now"

    @model_validator(mode="after")
    def _range(self) -> ProductTag:
        if self.end_ms <= self.start_ms:
            raise ValueError("end_ms must be after start_ms")
        return self


class Placeholder(StrictModel):
    """A storyboard stand-in for footage not shot yet: a titled colour card of a planned length.

    A scene with a placeholder has no media; its clip time runs from 0 to ``duration_ms``.
    """

    colour: str = Field(default="#3d5a80", pattern=r"^#[0-9a-f]{6}$")
    duration_ms: int = Field(default=10_000, ge=100, le=3_600_000)


class Scene(StrictModel):
    """A graph node: one clip (trimmed) or a storyboard placeholder, its timed items and what follows.

    What follows the scene is one of: a choice point (``choice``), an automatic continuation
    (``next``: the scene that plays when this one ends, with no choice shown) or nothing (an
    ending, or a dead end that validation reports).
    """

    id: Id
    title: ShortText
    media: Id | None = Field(default=None, description="The clip; null for a placeholder scene")
    placeholder: Placeholder | None = None
    in_ms: Ms = 0
    out_ms: Ms | None = Field(default=None, description="Trim end; null = end of clip")
    position: Point = Field(default_factory=Point)
    ending: bool = False
    ending_kind: Literal["good", "neutral", "bad"] | None = None
    ending_title: ShortText | None = Field(default=None, description="The ending card's title")
    ending_text: Text | None = Field(default=None, description="The ending card's text")
    next: Id | None = Field(
        default=None, description="Continue automatically to this scene when this one ends (no choice)"
    )
    on_enter: list[Effect] = Field(default_factory=list)
    choice: ChoicePoint | None = None
    prompts: list[SavingsPrompt] = Field(default_factory=list)
    tags: list[ProductTag] = Field(default_factory=list)
    subtitles: list[SubtitleTrack] = Field(
        default_factory=list, description="Subtitle tracks, one per locale, in clip time"
    )
    dubs: list[Dub] = Field(default_factory=list, description="Dubbed audio, one per locale")

    @model_validator(mode="after")
    def _trim(self) -> Scene:
        if self.subtitles:
            unique_locales("subtitle tracks", [t.locale for t in self.subtitles])
        if self.dubs:
            unique_locales("dubs", [d.locale for d in self.dubs])
        if self.out_ms is not None and self.out_ms <= self.in_ms:
            raise ValueError("out_ms must be after in_ms")
        if self.ending_kind is not None and not self.ending:
            raise ValueError("ending_kind is set but the scene is not an ending")
        if self.ending and self.choice is not None:
            raise ValueError("an ending scene cannot have a choice point")
        if (self.media is None) == (self.placeholder is None):
            raise ValueError("a scene has either media or a placeholder (exactly one of them)")
        if self.placeholder is not None and (self.in_ms != 0 or self.out_ms is not None):
            raise ValueError("a placeholder scene is not trimmed: its length is placeholder.duration_ms")
        if self.next is not None and (self.ending or self.choice is not None):
            raise ValueError("'next' (continue automatically) is only for a scene without a choice point "
                             "that is not an ending")
        if (self.ending_title is not None or self.ending_text is not None) and not self.ending:
            raise ValueError("ending_title/ending_text are set but the scene is not an ending")
        return self
