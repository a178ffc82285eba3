"""Cards drawn over the video: savings prompt, product card and ending card.

Every author string is shown through :func:`~studio.ui.text.plain_label`
(plain text).  Money goes through :func:`studio.model.currency.format_money`:
prompt amounts and goal totals in the project currency, product prices in the
product's own currency.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import QBoxLayout, QFrame, QPushButton, QScrollArea, QVBoxLayout, QWidget

from studio.l10n.vocabulary import SOURCE_LOCALE, word
from studio.model import Product, SavingsGoal, SavingsPrompt
from studio.model.currency import format_money
from studio.ui.text import plain_label

CARD_QSS = """
QFrame#playCard { background: #121418; border: 1px solid #3c3f45; border-radius: 12px; }
QFrame#playCard QScrollArea, QFrame#playCard QWidget#cardBody { background: transparent; border: none; }
QFrame#playCard QLabel { color: #f2f3f5; background: transparent; }
QFrame#playCard QLabel#cardKicker { color: #ffd23f; font-weight: bold; }
QFrame#playCard QLabel#cardBig { font-size: 18pt; font-weight: bold; }
QFrame#playCard QLabel#cardTitle { font-size: 12pt; font-weight: bold; }
QFrame#playCard QLabel#cardMuted { color: #b9bec7; }
QFrame#playCard QLabel#cardCta { background: #e0457b; color: white; border-radius: 10px;
                                 padding: 4px 10px; font-weight: bold; }
QFrame#playCard QPushButton { padding: 6px 12px; border-radius: 8px; font-weight: bold;
                              background: #3a3d44; color: #f2f3f5; border: 1px solid #55585f; }
QFrame#playCard QPushButton:focus { border: 2px solid #6ea8ff; }
QFrame#playCard QPushButton#cardPrimary { background: #2f9e5b; border-color: #2f9e5b; }
"""

ENDING_TEXT = {
    "good": str(QT_TRANSLATE_NOOP("EndingCard", "Good ending")),
    "neutral": str(QT_TRANSLATE_NOOP("EndingCard", "Neutral ending")),
    "bad": str(QT_TRANSLATE_NOOP("EndingCard", "Bad ending")),
}


class Card(QFrame):
    """Base card: an opaque dark rounded frame (busy video never shows through).

    The content (``box``) sits in a scroll area and the buttons below it, so a card
    given less height than it needs (a short dock) scrolls its text and keeps its
    buttons in view: nothing is cut off.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("playCard")
        self.setStyleSheet(CARD_QSS)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.outer = QVBoxLayout(self)
        self.outer.setContentsMargins(14, 12, 14, 12)
        self.outer.setSpacing(8)
        self.body = QWidget()
        self.body.setObjectName("cardBody")
        self.box = QVBoxLayout(self.body)
        self.box.setContentsMargins(0, 0, 0, 0)
        self.box.setSpacing(6)
        self.scroller = QScrollArea(self)
        self.scroller.setObjectName("cardScroll")
        self.scroller.setWidget(self.body)
        self.scroller.setWidgetResizable(True)
        self.scroller.setFrameShape(QFrame.Shape.NoFrame)
        self.scroller.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroller.viewport().setAutoFillBackground(False)
        self.outer.addWidget(self.scroller, 1)
        self.row: QBoxLayout | None = None
        self.row_buttons: tuple[QPushButton, ...] = ()
        self.hide()

    def height_for(self, width: int) -> int:
        """Height the whole card needs at ``width``; buttons that do not fit side by side are stacked."""
        margins, frame = self.outer.contentsMargins(), 2 * self.frameWidth()  # the styled border
        inner = max(1, width - margins.left() - margins.right() - frame)
        extra = margins.top() + margins.bottom() + frame
        if self.row is not None:
            needed = sum(b.sizeHint().width() for b in self.row_buttons)
            needed += self.row.spacing() * (len(self.row_buttons) - 1)
            wide = needed <= inner
            direction = QBoxLayout.Direction.RightToLeft if wide else QBoxLayout.Direction.TopToBottom
            if self.row.direction() != direction:
                self.row.setDirection(direction)
            self.row.activate()
            extra += self.row.sizeHint().height() + self.outer.spacing()
        self.box.activate()
        # (the height for the width can come out short of the styled fonts' size hint)
        body = max(self.box.totalHeightForWidth(inner), self.box.sizeHint().height())
        return body + extra

    def min_height(self) -> int:
        """The least height that still shows the buttons and a line of text (it scrolls)."""
        margins = self.outer.contentsMargins()
        row = self.row.sizeHint().height() + self.outer.spacing() if self.row is not None else 0
        frame = 2 * self.frameWidth()
        return margins.top() + margins.bottom() + frame + row + self.fontMetrics().height() * 2

    def _buttons(self, *buttons: QPushButton) -> None:
        """A row of buttons, the primary (last) one rightmost, or on top when stacked."""
        row = QBoxLayout(QBoxLayout.Direction.RightToLeft)
        row.setSpacing(8)
        for b in reversed(buttons):
            row.addWidget(b, 1)
        self.row, self.row_buttons = row, buttons
        self.outer.addLayout(row)


class PromptCard(Card):
    """The oldest open savings prompt: text, amount, goal, and the player's own words for the answers
    (the shared vocabulary: "Save it" / "Not now")."""

    accepted = Signal()
    declined = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.prompt_id: str | None = None
        self.kicker = plain_label(word("prompt.kicker"), "cardKicker")
        self.text = plain_label("", "cardText")
        self.amount = plain_label("", "cardBig")
        self.goal = plain_label("", "cardMuted")
        self.more = plain_label("", "cardMuted")
        self.accept = QPushButton(word("prompt.accept"))
        self.accept.setObjectName("cardPrimary")
        self.decline = QPushButton(word("prompt.decline"))
        self.words_locale = SOURCE_LOCALE
        for w in (self.kicker, self.text, self.amount, self.goal, self.more):
            self.box.addWidget(w)
        self._buttons(self.decline, self.accept)
        self.accept.clicked.connect(self.accepted)
        self.decline.clicked.connect(self.declined)

    def set_words(self, locale: str) -> None:
        """The viewer's words in ``locale`` (the played story's)."""
        self.words_locale = locale
        self.kicker.setText(word("prompt.kicker", locale))
        self.accept.setText(word("prompt.accept", locale))
        self.decline.setText(word("prompt.decline", locale))

    def set_prompt(
        self,
        prompt: SavingsPrompt,
        goal: SavingsGoal | None,
        currency: str,
        more: int,
        pausing: bool,
        real: bool = True,
        text: str | None = None,
    ) -> None:
        """``real``: the playthrough's deposits go to the wallet (else a replay: no money moves);
        ``text``: the prompt's text with its placeholders filled (default: as written)."""
        self.prompt_id = prompt.id
        kicker = self.tr("Savings · video paused") if pausing else self.tr("Savings")
        if not real:
            kicker = self.tr("{kicker} · replay: no money moves").format(kicker=kicker)
        self.kicker.setText(kicker)
        self.text.setText(prompt.text if text is None else text)
        self.amount.setText(format_money(prompt.amount, currency))
        self.goal.setText(self.tr("into “{goal}”").format(goal=goal.name) if goal
                          else self.tr("into goal {id}").format(id=prompt.goal))
        waiting = self.tr("+1 more prompt waiting") if more == 1 else self.tr("+{n} more prompts waiting")
        self.more.setText(waiting.format(n=more) if more else "")
        self.more.setVisible(more > 0)


class ProductCard(Card):
    """A clicked product: name, price in its currency, CTA, link as text."""

    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.product_id: str | None = None
        self.tag_id: str | None = None  # the tag it was opened from (closes when that hides)
        self.scene_id: str | None = None
        self.kicker = plain_label(word("product.kicker"), "cardKicker")
        self.words_locale = SOURCE_LOCALE
        self.name = plain_label("", "cardTitle")
        self.price = plain_label("", "cardBig")
        self.sku = plain_label("", "cardMuted")
        self.cta = plain_label("", "cardCta", wrap=False)
        self.cta.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.url = plain_label("", "cardMuted")
        self.url.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.note = plain_label(self.tr("Preview only: host apps open the shop link."), "cardMuted")
        self.close_button = QPushButton(self.tr("Close"))
        for w in (self.kicker, self.name, self.price, self.sku, self.cta, self.url, self.note):
            self.box.addWidget(w)
        self._buttons(self.close_button)
        self.close_button.clicked.connect(self.closed)

    def set_words(self, locale: str) -> None:
        """The viewer's words in ``locale`` (the played story's)."""
        self.words_locale = locale
        self.kicker.setText(word("product.kicker", locale))

    def set_product(self, product: Product | None, event: Mapping[str, object], cta: str) -> None:
        """Fill from the ``product_clicked`` event (and the catalog entry, if any)."""
        self.product_id = str(event.get("product"))
        self.tag_id, self.scene_id = str(event.get("tag")), str(event.get("scene"))
        name = str(event.get("name") or (product.name if product else self.product_id))
        price = event.get("price")
        currency = str(event.get("currency") or (product.currency if product else "CNY"))
        self.name.setText(name)
        self.price.setText(
            format_money(price, currency) if isinstance(price, int) else self.tr("Price not set")
        )
        self.sku.setText(self.tr("SKU {sku}").format(sku=event.get("sku")))
        self.cta.setText(cta)
        url = event.get("url")
        self.url.setText(str(url) if url else self.tr("No shop link"))


class EndingCard(Card):
    """The end: ending kind (or dead end), saved and pending totals, Watch again / Back."""

    replay = Signal()
    back = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kicker = plain_label(word("ending.kicker"), "cardKicker")
        self.kind = plain_label("", "cardTitle")
        self.text = plain_label("", "cardText")
        self.totals = plain_label("", "cardText")
        self.replay_button = QPushButton(word("ending.replay"))
        self.replay_button.setObjectName("cardPrimary")
        self.replay_button.setToolTip(self.tr("Play again as the same viewer: a replay"))
        self.back_button = QPushButton(word("ending.back"))
        self.words_locale = SOURCE_LOCALE
        for w in (self.kicker, self.kind, self.text, self.totals):
            self.box.addWidget(w)
        self._buttons(self.back_button, self.replay_button)
        self.replay_button.clicked.connect(self.replay)
        self.back_button.clicked.connect(self.back)

    def set_words(self, locale: str) -> None:
        """The viewer's words in ``locale`` (the played story's)."""
        self.words_locale = locale
        self.kicker.setText(word("ending.kicker", locale))
        self.replay_button.setText(word("ending.replay", locale))
        self.back_button.setText(word("ending.back", locale))

    def set_ending(
        self,
        event: Mapping[str, object],
        goals: list[SavingsGoal],
        currency: str,
        can_back: bool,
        real: bool = True,
        title: str | None = None,
        text: str | None = None,
    ) -> None:
        """Totals from ``ending_reached`` (saved: confirmed; pending: not answered yet);
        ``title``/``text``: the ending's own (else its kind names it)."""
        kind = event.get("kind")
        # The viewer's words (the web player's: the ending's own title, else "The end"); the kind,
        # which viewers never see, is the creator's note in the kicker.
        named = self.tr(ENDING_TEXT[str(kind)]) if str(kind) in ENDING_TEXT else None
        kicker = word("ending.kicker", self.words_locale)
        self.kicker.setText(f"{kicker} · {named}" if named else kicker)
        if event.get("dead_end"):
            note = self.tr("(this scene is not marked as an ending)")
            self.kind.setText(f"{word('ending.dead_end', self.words_locale)} {note}")
        else:
            self.kind.setText(title or word("ending.title", self.words_locale))
        self.text.setText(text or "")
        self.text.setVisible(bool(text) and not event.get("dead_end"))
        saved, pending = event.get("saved"), event.get("pending")
        totals = saved if isinstance(saved, dict) else {}
        waiting = pending if isinstance(pending, dict) else {}
        lines = []
        for g in goals:
            total, wait = int(totals.get(g.id, 0)), int(waiting.get(g.id, 0))
            line = self.tr("{goal}: {saved} saved of {target}").format(
                goal=g.name, saved=format_money(total, currency), target=format_money(g.target, currency))
            if wait:
                line += self.tr(" ({amount} pending)").format(amount=format_money(wait, currency))
            lines.append(line)
        if not lines:
            lines.append(self.tr("No savings goals in this drama."))
        elif not real:
            lines.append(self.tr("Replay: no money moved (deposits on replays are off)."))
        self.totals.setText("\n".join(lines))
        self.back_button.setEnabled(can_back)
