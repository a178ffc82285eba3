"""The drama project: pydantic v2 models (Qt-free, VLC-free).

A project is a graph: scenes are nodes, options of a scene's choice point are
edges.  Timed items on a scene (choice window, savings prompts, product tags)
use *clip time*: milliseconds from the start of the media file, inside the
scene's trim ``[in_ms, out_ms]``.  Cross-references (scene -> media, option ->
scene, deposit -> goal, tag -> product, variables in conditions and effects)
are resolved when a project is validated; see ``Project._resolve``.  The
parts are defined in :mod:`studio.model.items` and importable from here.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field, model_validator

from studio.model import conditions
from studio.model.items import (
    ChoicePoint,
    Deposit,
    Effect,
    MediaAsset,
    Option,
    Placeholder,
    Product,
    ProductTag,
    SavingsGoal,
    SavingsPrompt,
    Scene,
    Variable,
)
from studio.model.references import resolve
from studio.model.tracks import AudioAsset
from studio.model.types import Count, Currency, Id, Locale, ShortText, StrictModel, Text

SCHEMA_VERSION = 5
MIN_READER_VERSION = 5
FORMAT = "drama-studio-project"
SAVED_PREFIX = "saved."
# A text key names one piece of author text by ids (studio.model.texts): "scene/payday/title".
TEXT_KEY_PATTERN = r"^[a-z_]+(/[A-Za-z0-9_][A-Za-z0-9_.\-]{0,63})*(/[a-z_]+)?$"


class Translation(StrictModel):
    """One piece of author text in a target locale, and the source text it was translated from."""

    key: str = Field(pattern=TEXT_KEY_PATTERN, max_length=300,
                     description="The text's key, e.g. scene/payday/option/save/label")
    text: Text
    source_sha: str = Field(pattern=r"^[0-9a-f]{64}$",
                            description="SHA-256 of the source text translated (stale when it changes)")


class LocaleTranslations(StrictModel):
    """The translations of one target locale (each key at most once)."""

    locale: Locale
    texts: list[Translation] = Field(default_factory=list)

    @model_validator(mode="after")
    def _unique(self) -> LocaleTranslations:
        keys = [t.key for t in self.texts]
        if len(keys) != len(set(keys)):
            twice = sorted({k for k in keys if keys.count(k) > 1})
            raise ValueError(f"{self.locale}: translated twice: {', '.join(twice[:3])}")
        return self


def _locales(project: Project) -> None:
    targets = project.target_locales
    if len(targets) != len(set(targets)):
        raise ValueError("target_locales lists a locale twice")
    if project.locale in targets:
        raise ValueError(f"target_locales holds the source locale {project.locale}")
    held = [t.locale for t in project.translations]
    if len(held) != len(set(held)):
        raise ValueError("translations holds a locale twice")


class Project(StrictModel):
    """A whole drama: catalog, goals, variables, media and the scene graph."""

    format: Literal["drama-studio-project"] = "drama-studio-project"
    schema_version: Count = SCHEMA_VERSION
    min_reader_version: Count = MIN_READER_VERSION
    title: ShortText
    aspect: Literal["9:16", "16:9", "1:1", "4:5", "3:4"] = "9:16"
    locale: Locale = "zh-CN"
    currency: Currency = "CNY"
    replay_deposits: bool = Field(
        default=False,
        description=(
            "Whether deposits of a replay (Watch again, Start over) are real; by default a replay "
            "shows the same story and moves no money"
        ),
    )
    variables: list[Variable] = Field(default_factory=list)
    goals: list[SavingsGoal] = Field(default_factory=list)
    products: list[Product] = Field(default_factory=list)
    media: list[MediaAsset] = Field(default_factory=list)
    audio: list[AudioAsset] = Field(default_factory=list, description="Audio files: dubs of scenes")
    scenes: list[Scene] = Field(default_factory=list)
    start: Id | None = None
    target_locales: list[Locale] = Field(
        default_factory=list,
        description="The locales the author text is translated into (locale is the source)",
    )
    translations: list[LocaleTranslations] = Field(
        default_factory=list, description="Translations of the author text per target locale"
    )

    @model_validator(mode="after")
    def _resolve(self) -> Project:
        resolve(self)
        _locales(self)
        return self

    def translations_of(self, locale: str) -> LocaleTranslations | None:
        """The translations held for ``locale`` (None when there are none)."""
        return next((t for t in self.translations if t.locale == locale), None)

    # Lookups (built on demand: the model is edited in place by commands).
    def scene_map(self) -> dict[str, Scene]:
        return {s.id: s for s in self.scenes}

    def media_map(self) -> dict[str, MediaAsset]:
        return {m.id: m for m in self.media}

    def goal_map(self) -> dict[str, SavingsGoal]:
        return {g.id: g for g in self.goals}

    def product_map(self) -> dict[str, Product]:
        return {p.id: p for p in self.products}

    def known_variables(self) -> set[str]:
        """Names a condition may read: declared variables and ``saved.<goal>``."""
        return {v.id for v in self.variables} | {SAVED_PREFIX + g.id for g in self.goals}

    def scene_out_ms(self, scene: Scene) -> int | None:
        """The trim end of ``scene`` (its clip's duration when not trimmed; a placeholder's length)."""
        if scene.placeholder is not None:
            return scene.placeholder.duration_ms
        if scene.out_ms is not None:
            return scene.out_ms
        asset = self.media_map().get(scene.media) if scene.media is not None else None
        return asset.duration_ms if asset else None

    def to_json_dict(self) -> dict[str, Any]:
        return self.model_dump(mode="json")


__all__ = [
    "FORMAT",
    "MIN_READER_VERSION",
    "SCHEMA_VERSION",
    "TEXT_KEY_PATTERN",
    "ChoicePoint",
    "Deposit",
    "Effect",
    "LocaleTranslations",
    "MediaAsset",
    "Option",
    "Placeholder",
    "Product",
    "ProductTag",
    "Project",
    "SavingsGoal",
    "SavingsPrompt",
    "Scene",
    "Translation",
    "Variable",
    "conditions",
]
