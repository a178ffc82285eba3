"""The overlay over the playthrough video: what the engine shows the viewer.

:class:`Overlay` is a transparent child covering the :class:`VideoSurface`; it
rebuilds its items from the controller's engine state (``refresh`` on
``state_changed``) and places them relative to the displayed video rect:

* option buttons at their hotspots, or stacked at the bottom, with a countdown
  bar (none when the timer is off or the choice waits) and keys 1-9;
* the oldest open savings prompt as a card at the top (Accept / Decline);
* product tags as chips at their normalised hotspots; a click calls
  ``click_product`` and the ``product_clicked`` event opens a product card;
* the deposit note: each deposit's outcome (saved, couldn't save and why,
  pending, taken back, simulated by a replay: no money moves);
* the ending card (kind, saved and pending totals, Watch again / Back).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QRect, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QWidget

from studio.app.playthrough import PlaythroughController
from studio.l10n.vocabulary import word
from studio.model import Option, Rect
from studio.model.placeholders import fill
from studio.ui.playthrough.cards import EndingCard, ProductCard, PromptCard
from studio.ui.playthrough.deposit_note import DepositNote
from studio.ui.playthrough.surface import VideoSurface
from studio.ui.playthrough.widgets import CountdownBar, OptionButton, TagChip
from studio.ui.text import plain_label

STATUS_QSS = (
    "QLabel#playStatus { background: rgba(18,20,24,215); color: #ffd23f; border-radius: 8px;"
    " padding: 3px 8px; font-weight: bold; }"
)
STATUS_TEXT = {
    "pause": str(QT_TRANSLATE_NOOP("Overlay", "Waiting for your choice")),
    "timers_off": str(QT_TRANSLATE_NOOP("Overlay", "Timers off: take your time")),
    "extended": str(QT_TRANSLATE_NOOP("Overlay", "Extra time to choose")),
}


def map_rect(hotspot: Rect, box: QRect) -> QRect:
    """A normalised hotspot inside the displayed video rect ``box``."""
    return QRect(
        box.x() + round(hotspot.x * box.width()),
        box.y() + round(hotspot.y * box.height()),
        max(1, round(hotspot.w * box.width())),
        max(1, round(hotspot.h * box.height())),
    )


class Overlay(QWidget):
    """Option buttons, countdown, prompt/product/ending cards and tag chips."""

    replay_requested = Signal()

    def __init__(self, controller: PlaythroughController, surface: VideoSurface) -> None:
        super().__init__(surface)
        self.setObjectName("playOverlay")
        self.controller = controller
        self.surface = surface
        self.options: list[OptionButton] = []
        self._option_items: list[Option] = []
        self._choice_key: tuple[Any, ...] | None = None
        self.highlight: str | None = None  # the option steering asks the reviewer to take
        self.tags: dict[str, TagChip] = {}
        self.countdown = CountdownBar(self)
        self.status = plain_label("", "playStatus", wrap=False)
        self.status.setParent(self)
        self.status.setStyleSheet(STATUS_QSS)
        self.prompt_card = PromptCard(self)
        self.product_card = ProductCard(self)
        self.ending_card = EndingCard(self)
        self.deposit_note = DepositNote(self)
        self.countdown.hide()
        self.status.hide()
        self.prompt_card.accepted.connect(controller.accept_prompt)
        self.prompt_card.declined.connect(controller.decline_prompt)
        self.product_card.closed.connect(self.close_product)
        self.ending_card.replay.connect(self.replay_requested)
        self.ending_card.back.connect(controller.back)
        controller.state_changed.connect(self.refresh)
        controller.ticked.connect(self.update_countdown)
        controller.event_emitted.connect(self.on_event)
        surface.installEventFilter(self)
        self.setGeometry(surface.rect())

    # -- input -------------------------------------------------------------------------
    def press_number(self, number: int) -> bool:
        """Keyboard 1-9: choose that option of the open choice."""
        if 1 <= number <= len(self.options) and self.options[number - 1].isVisible():
            self.options[number - 1].click()
            return True
        return False

    def set_highlight(self, option_id: str | None) -> None:
        """Mark the option the reviewer is asked to take (None: none)."""
        self.highlight = option_id
        for button, option in zip(self.options, self._option_items, strict=True):
            button.set_highlighted(option.id == option_id)

    def close_product(self) -> None:
        card = self.product_card
        card.hide()
        card.product_id = card.tag_id = card.scene_id = None

    def on_event(self, event: dict[str, Any]) -> None:
        kind = event["type"]
        if self.deposit_note.show_event(event, self.controller.currency(), self.controller.goal):
            self.relayout()
        if kind == "product_clicked":
            scene = self.controller.scene(event["scene"])
            tag = next((t for t in scene.tags if t.id == event["tag"]), None) if scene else None
            product = self.controller.product(event["product"])
            cta = self.controller.tag_text(tag) if tag else word("tag.cta", self.controller.words_locale)
            self.product_card.set_product(product, event, cta)
            self.product_card.show()
            self.relayout()
        elif kind == "went_back":
            self.close_product()

    # -- state -> widgets --------------------------------------------------------------
    def _words(self) -> None:
        """The cards' fixed words in the played story's locale (set again when it changes)."""
        locale = self.controller.words_locale
        if locale != self.prompt_card.words_locale:
            for card in (self.prompt_card, self.product_card, self.ending_card):
                card.set_words(locale)

    def refresh(self) -> None:
        self._words()
        eng = self.controller.engine
        self._refresh_choice()
        self._refresh_tags()
        prompts = self.controller.open_prompt_items()
        if prompts and eng is not None and not eng.ended:
            first = prompts[0]
            self.prompt_card.set_prompt(
                first,
                self.controller.goal(first.goal),
                self.controller.currency(),
                len(prompts) - 1,
                first.pause and eng.pausing_prompt_open,
                eng.real_deposits,
                self.controller.prompt_text(first),
            )
            self.prompt_card.show()
        else:
            self.prompt_card.hide()
        ending = self.controller.last_ending
        if ending is not None and eng is not None and eng.ended:
            project = self.controller.project
            goals = list(project.goals) if project else []
            scene = self.controller.scene(str(ending.get("scene")))
            self.ending_card.set_ending(
                ending, goals, self.controller.currency(), eng.can_go_back, eng.real_deposits,
                title=fill(scene.ending_title, {}) if scene is not None and scene.ending_title else None,
                text=fill(scene.ending_text, {}) if scene is not None and scene.ending_text else None,
            )
            self.ending_card.show()
            self.close_product()
        else:
            self.ending_card.hide()
        card = self.product_card
        if eng is None or card.scene_id != eng.scene_id or card.tag_id not in eng.shown_tags:
            self.close_product()  # its tag ended, or another scene began
        self.update_countdown()
        self.relayout()

    def _refresh_choice(self) -> None:
        eng = self.controller.engine
        choice = eng.open_choice if eng is not None else None
        key = None
        if choice is not None:
            key = (choice.scene, choice.shown_clock, tuple(o.id for o in choice.options))
        if key == self._choice_key:
            return
        self._choice_key = key
        for button in self.options:
            button.hide()  # at once: deleteLater waits for the event loop, and a grab or paint may come first
            button.deleteLater()
        self.options, self._option_items = [], []
        if choice is None:
            return
        for number, option in enumerate(choice.options, start=1):
            ctrl = self.controller
            label, badge = ctrl.option_text(option), ctrl.option_badge(option)
            button = OptionButton(number, label, option.hotspot is not None, self, badge)
            button.set_highlighted(option.id == self.highlight)
            button.clicked.connect(lambda _=False, oid=option.id: self.controller.choose(oid))
            button.show()
            self.options.append(button)
            self._option_items.append(option)

    def _refresh_tags(self) -> None:
        shown = {t.id: t for t in self.controller.shown_tag_items()}
        for tag_id in list(self.tags):
            if tag_id not in shown:
                chip = self.tags.pop(tag_id)
                chip.hide()
                chip.deleteLater()
        for tag_id, tag in shown.items():
            if tag_id in self.tags:
                continue
            product = self.controller.product(tag.product)
            name = product.name if product else tag.product
            chip = TagChip(tag_id, self.controller.tag_text(tag), name, self)
            chip.clicked.connect(lambda _=False, tid=tag_id: self.controller.click_product(tid))
            chip.show()
            self.tags[tag_id] = chip

    def update_countdown(self) -> None:
        eng = self.controller.engine
        if eng is not None and self.deposit_note.expire(eng.clock):
            self.relayout()
        choice = eng.open_choice if eng is not None else None
        timer = self.controller.countdown()
        show_bar = choice is not None and choice.countdown and timer is not None
        if show_bar and timer is not None:
            self.countdown.set_fraction(timer[0] / timer[1] if timer[1] else 0.0)
        status = STATUS_TEXT.get(choice.paused or "") if choice is not None else None
        status = self.tr(status) if status else None
        changed = show_bar != self.countdown.isVisible() or bool(status) != self.status.isVisible()
        self.countdown.setVisible(show_bar)
        self.status.setText(status or "")
        self.status.setVisible(bool(status))
        if changed:
            self.relayout()

    # -- geometry ----------------------------------------------------------------------
    def eventFilter(self, watched: Any, event: Any) -> bool:
        if watched is self.surface and isinstance(event, QResizeEvent):
            self.setGeometry(self.surface.rect())
        return False

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.relayout()

    def relayout(self) -> None:
        box = self.surface.video_rect()
        margin = max(8, box.width() // 25)
        inner_w = max(40, box.width() - 2 * margin)
        for chip in self.tags.values():
            tag = next((t for t in self.controller.shown_tag_items() if t.id == chip.tag_id), None)
            if tag is not None:
                chip.setGeometry(map_rect(tag.hotspot, box))
        bottom = box.bottom() - margin
        for button, option in reversed(list(zip(self.options, self._option_items, strict=True))):
            if option.hotspot is not None:
                spot = map_rect(option.hotspot, box)
                h = max(spot.height(), button.height_for(spot.width()))
                y = max(box.top(), min(spot.center().y() - h // 2, box.bottom() - h + 1))
                button.setGeometry(spot.x(), y, spot.width(), h)
                continue
            h = button.height_for(inner_w)
            button.setGeometry(box.x() + margin, bottom - h + 1, inner_w, h)
            bottom -= h + 6
        if self.options and all(o.hotspot is not None for o in self._option_items):
            top = min(b.y() for b in self.options)
            bottom = min(bottom, top - 6)
        if self.countdown.isVisible():
            self.countdown.setGeometry(box.x() + margin, bottom - 8 + 1, inner_w, 8)
            bottom -= 8 + 6
        if self.status.isVisible():
            hint = self.status.sizeHint()
            w = min(inner_w, hint.width())
            self.status.setGeometry(
                box.x() + (box.width() - w) // 2, bottom - hint.height() + 1, w, hint.height()
            )
            bottom -= hint.height() + 6
        top = box.y() + margin
        note = self.deposit_note.label
        if not note.isHidden():
            w = self.deposit_note.width_for(inner_w)
            h = self.deposit_note.height_for(w)
            y = top
            if self.prompt_card.isVisible():
                y = min(box.y() + margin + self.prompt_card.height_for(inner_w) + 8, box.bottom() - h)
            note.setGeometry(box.x() + (box.width() - w) // 2, y, w, h)
        if self.prompt_card.isVisible():
            h = min(self.prompt_card.height_for(inner_w), box.height() - 2 * margin)
            self.prompt_card.setGeometry(box.x() + margin, top, inner_w, h)
        if self.product_card.isVisible():
            # At the bottom, above the options (never over them), below the prompt card if
            # there is room; a card with less room than it needs scrolls its text.
            card = self.product_card
            ceiling = self.prompt_card.geometry().bottom() + 8 if self.prompt_card.isVisible() else top
            if bottom - ceiling < card.min_height():
                ceiling = top  # too little room under the prompt: over it (raised above it)
            h = max(1, min(card.height_for(inner_w), bottom - ceiling + 1))
            card.setGeometry(box.x() + margin, bottom - h + 1, inner_w, h)
        if self.ending_card.isVisible():
            # Over the video, and wider than a narrow (short-dock) video if the surface allows.
            area = self.rect().adjusted(8, 8, -8, -8)
            w = min(area.width(), max(inner_w, 320))
            h = min(self.ending_card.height_for(w), area.height())
            x = min(max(area.x(), box.center().x() - w // 2), area.right() - w + 1)
            y = min(max(area.y(), box.center().y() - h // 2), area.bottom() - h + 1)
            self.ending_card.setGeometry(x, y, w, h)
        for widget in (
            self.countdown,
            self.status,
            *self.options,
            self.prompt_card,
            self.product_card,
            self.ending_card,
            note,
        ):
            widget.raise_()
