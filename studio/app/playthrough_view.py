"""Read-only views of a playthrough for the UI (mixed into ``PlaythroughController``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from studio.engine import Engine
from studio.model import Option, Product, ProductTag, Project, SavingsGoal, SavingsPrompt, Scene, names
from studio.model.placeholders import fill

if TYPE_CHECKING:
    from studio.app.document import Document


# What the viewer reads, as studio.model.names writes it (one place for filling author text).
money = names.money
option_text = names.option_label


def option_badge(project: Project, option: Option) -> str | None:
    """``+¥20.00`` on the button of a deposit option that shows its amount (else None)."""
    if option.deposit is None or not option.show_amount:
        return None
    return "+" + money(project, option.deposit.amount)


prompt_text = names.prompt_words


def tag_text(project: Project, tag: ProductTag) -> str:
    """A tag's call to action with ``{product}`` and ``{price}`` filled."""
    product = project.product_map().get(tag.product)
    values = {}
    if product is not None:
        values["product"] = product.name
        if product.price is not None:
            values["price"] = money(project, product.price, product.currency)
    return fill(tag.cta, values)


class PlaythroughView:
    """The engine, the played project copy and what the overlay shows (state owned by the controller)."""

    _document: Document
    _engine: Engine | None
    _project: Project | None
    _running: bool
    _scenes: dict[str, Scene]
    locale: str | None

    def locales(self) -> list[str]:
        """The locales a story can be played in: the drama's own, then its target locales."""
        project = self._document.project
        return [project.locale, *project.target_locales]

    def set_locale(self, locale: str | None) -> None:
        """The locale of the next start (None: the drama's own): its translations (held and not
        stale), the viewer's words, money and subtitles in that locale (``studio.l10n.localized``)."""
        self.locale = locale

    @property
    def words_locale(self) -> str:
        """The locale the viewer's words are shown in: the played copy's, else the next start's."""
        if self._project is not None:
            return self._project.locale
        return self.locale if self.locale in self.locales() else self._document.project.locale

    @property
    def document(self) -> Document:
        """The document whose project is played (a copy of it, from each start)."""
        return self._document

    @property
    def engine(self) -> Engine | None:
        """The running engine (read its state; drive it only through this controller)."""
        return self._engine

    @property
    def project(self) -> Project | None:
        """The copy of the project being played."""
        return self._project

    @property
    def running(self) -> bool:
        """The clock runs: started, not ended, not paused by the viewer."""
        return self._running

    @property
    def active(self) -> bool:
        """A playthrough exists (started, possibly ended or paused)."""
        return self._engine is not None

    def scene(self, scene_id: str | None = None) -> Scene | None:
        sid = scene_id if scene_id is not None else (self._engine.scene_id if self._engine else None)
        return self._scenes.get(sid) if sid is not None else None

    def placeholder(self) -> tuple[Scene, int] | None:
        """The current scene and its clip time ``t`` when it is a storyboard placeholder (a titled
        colour card runs for its duration on the engine clock); None otherwise."""
        scene, eng = self.scene(), self._engine
        if scene is None or eng is None or scene.placeholder is None:
            return None
        return scene, eng.t

    def open_prompt_items(self) -> list[SavingsPrompt]:
        """Open savings prompts of the current scene, oldest first."""
        scene, eng = self.scene(), self._engine
        if scene is None or eng is None:
            return []
        by_id = {p.id: p for p in scene.prompts}
        return [by_id[i] for i in eng.open_prompts if i in by_id]

    def shown_tag_items(self) -> list[ProductTag]:
        scene, eng = self.scene(), self._engine
        if scene is None or eng is None:
            return []
        shown = set(eng.shown_tags)
        return [t for t in scene.tags if t.id in shown]

    def countdown(self) -> tuple[int, int] | None:
        """(remaining, total) ms of the open choice's timer; None when no timer runs."""
        eng = self._engine
        choice = eng.open_choice if eng is not None else None
        if eng is None or choice is None or choice.timeout_ms is None:
            return None
        if choice.paused in ("pause", "timers_off"):
            return None
        if eng.timers == "normal":
            remaining = choice.deadline_ms - eng.t
        else:  # extended: the window runs on the clock, past the pause at decision_ms
            remaining = choice.shown_clock + choice.timeout_ms - eng.clock
        return max(0, min(remaining, choice.timeout_ms)), choice.timeout_ms

    def goal(self, goal_id: str) -> SavingsGoal | None:
        return self._project.goal_map().get(goal_id) if self._project else None

    def product(self, product_id: str) -> Product | None:
        return self._project.product_map().get(product_id) if self._project else None

    def shown_project(self) -> Project:
        """The played copy, else the document's project (before any start)."""
        return self._project if self._project is not None else self._document.project

    def option_text(self, option: Option) -> str:
        return option_text(self.shown_project(), option)

    def option_badge(self, option: Option) -> str | None:
        return option_badge(self.shown_project(), option)

    def prompt_text(self, prompt: SavingsPrompt) -> str:
        return prompt_text(self.shown_project(), prompt)

    def tag_text(self, tag: ProductTag) -> str:
        return tag_text(self.shown_project(), tag)

    def currency(self) -> str:
        return self._project.currency if self._project else self._document.project.currency
