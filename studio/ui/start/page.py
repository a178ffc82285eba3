"""The start screen: what a creator sees while no project is open.

New from a template (Scripted savings, Shoppable drama, Blank), Open a project folder,
the recent projects (by title), the two sample dramas of a clone (opened as a copy) and a
"how it works" strip.  The page only emits what was chosen; the main window acts on it.
"""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from studio.app import settings
from studio.app.untitled import drafts
from studio.templates import TEMPLATES
from studio.templates.samples import project_title, sample_folders
from studio.ui.start import templates_text
from studio.ui.start.card import Card

PRODUCT = "Drama Studio"  # the product's name, the same in every language
MAX_RECENT_SHOWN = 5
MAX_WIDTH = 1160

STEPS: tuple[tuple[object, object], ...] = (  # English, translated in the "StartPage" context when shown
    (QT_TRANSLATE_NOOP("StartPage", "Start"),
     QT_TRANSLATE_NOOP("StartPage", "Pick a template, or Blank and import your clips. No footage yet? "
                                    "Placeholder scenes stand in for it.")),
    (QT_TRANSLATE_NOOP("StartPage", "Branch"),
     QT_TRANSLATE_NOOP("StartPage",
                       "Connect scenes on the graph: choices, savings deposits and prompts, product tags.")),
    (QT_TRANSLATE_NOOP("StartPage", "Play"),
     QT_TRANSLATE_NOOP("StartPage",
                       "Play story walks every path as a viewer would; Problems lists what is missing.")),
    (QT_TRANSLATE_NOOP("StartPage", "Share"),
     QT_TRANSLATE_NOOP("StartPage", "Save, then Export Bundle for the web player and the host app.")),
)

STYLE = """
#startPage { background: palette(window); }
#startTitle { font-size: 22pt; font-weight: 600; }
#startHeading { font-size: 12pt; font-weight: 600; margin-top: 6px; }
#startCard { background: palette(base); border: 1px solid palette(mid); border-radius: 6px; }
#startCard:hover, #startCard:focus { border: 1px solid palette(highlight); }
#startCard:disabled { background: palette(window); }
#startCardTitle { font-weight: 600; }
#startStep { background: palette(alternate-base); border: 1px solid palette(mid); border-radius: 6px; }
#startStepNumber { font-size: 16pt; font-weight: 700; color: palette(highlight); }
"""


def _heading(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setObjectName("startHeading")
    return label


def _step(number: int, title: str, text: str, parent: QWidget) -> QFrame:
    box = QFrame(parent)
    box.setObjectName("startStep")
    grid = QGridLayout(box)
    grid.setContentsMargins(10, 8, 10, 8)
    digit = QLabel(str(number), box)
    digit.setObjectName("startStepNumber")
    name = QLabel(title, box)
    name.setObjectName("startCardTitle")
    about = QLabel(text, box)
    about.setWordWrap(True)
    about.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
    grid.addWidget(digit, 0, 0, 2, 1, Qt.AlignmentFlag.AlignTop)
    grid.addWidget(name, 0, 1)
    grid.addWidget(about, 1, 1)
    grid.setColumnStretch(1, 1)
    grid.setRowStretch(1, 1)
    return box


class StartPage(QScrollArea):
    """The start screen; it scrolls rather than clip when the window is small."""

    template_chosen = Signal(str)  # a template id of studio.templates.TEMPLATES
    open_chosen = Signal()  # "Open…": ask for a project folder
    recent_chosen = Signal(str)  # a recent project folder
    sample_chosen = Signal(str)  # a sample project folder (opened as a copy)
    draft_chosen = Signal(str)  # an untitled folder left by a studio that stopped

    def __init__(self, parent: QWidget | None = None, samples: list[Path] | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("startScroll")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self._samples = sample_folders() if samples is None else samples
        holder = QWidget(self)
        holder.setObjectName("startPage")
        holder.setStyleSheet(STYLE)
        self.setWidget(holder)
        centre = QHBoxLayout(holder)
        centre.setContentsMargins(0, 0, 0, 0)
        page = QWidget(holder)  # one column of at most MAX_WIDTH, centred in wide windows
        page.setMaximumWidth(MAX_WIDTH)
        centre.addWidget(page)
        self._page = page
        outer = QVBoxLayout(page)
        outer.setContentsMargins(32, 20, 32, 20)
        outer.setSpacing(10)
        outer.addStretch(1)

        title = QLabel(PRODUCT, page)
        title.setObjectName("startTitle")
        tagline = QLabel(self.tr(
            "Branching micro-dramas where the viewer chooses what happens next, saves money "
            "towards a goal, or shops what is on screen."), page)
        tagline.setWordWrap(True)
        outer.addWidget(title)
        outer.addWidget(tagline)

        columns = QHBoxLayout()
        columns.setSpacing(24)
        outer.addLayout(columns)
        left, right = QVBoxLayout(), QVBoxLayout()
        left.setSpacing(8)
        right.setSpacing(8)
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)

        left.addWidget(_heading(self.tr("Start a new drama"), page))
        self.template_cards: dict[str, Card] = {}
        for template in TEMPLATES.values():
            card = Card(templates_text.name(template), templates_text.summary(template), page)
            card.setObjectName("startCard")
            card.clicked.connect(lambda t=template.id: self.template_chosen.emit(t))
            self.template_cards[template.id] = card
            left.addWidget(card)
        self.open_button = QPushButton(self.tr("Open a project folder…"), page)
        self.open_button.setObjectName("startOpen")
        self.open_button.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.open_button.clicked.connect(self.open_chosen)
        left.addWidget(self.open_button)
        left.addStretch(1)

        self._drafts_heading = _heading(self.tr("Unsaved drafts"), page)
        right.addWidget(self._drafts_heading)
        self._drafts_box = QVBoxLayout()
        self._drafts_box.setSpacing(6)
        right.addLayout(self._drafts_box)
        self.draft_cards: list[Card] = []
        right.addWidget(_heading(self.tr("Recent projects"), page))
        self._recent_box = QVBoxLayout()
        self._recent_box.setSpacing(6)
        right.addLayout(self._recent_box)
        self.recent_cards: list[Card] = []
        self.sample_cards: list[Card] = []
        if self._samples:
            right.addWidget(_heading(self.tr("Sample dramas"), page))
            for folder in self._samples:
                name = project_title(folder) or folder.name
                card = Card(name, self.tr("Opens a copy to explore and change: the sample stays as it is."),
                            page, tip=str(folder))
                card.clicked.connect(lambda f=str(folder): self.sample_chosen.emit(f))
                self.sample_cards.append(card)
                right.addWidget(card)
        right.addStretch(1)

        outer.addWidget(_heading(self.tr("How it works"), page))
        strip = QHBoxLayout()
        strip.setSpacing(10)
        self.steps = [
            _step(n, QCoreApplication.translate("StartPage", str(name)),
                  QCoreApplication.translate("StartPage", str(text)), page)
            for n, (name, text) in enumerate(STEPS, 1)
        ]
        for box in self.steps:
            strip.addWidget(box, 1)
        outer.addLayout(strip)
        outer.addStretch(2)
        self.refresh()

    def refresh(self) -> None:
        """Show the drafts and recent projects as they are now (titles from each drama.json's first bytes)."""
        for card in (*self.recent_cards, *self.draft_cards):
            card.hide()
            card.deleteLater()
        self.recent_cards, self.draft_cards = [], []
        found = drafts()[:MAX_RECENT_SHOWN]
        for folder in found:
            when = time.strftime("%Y-%m-%d %H:%M", time.localtime(folder.stat().st_mtime))
            card = Card(project_title(folder) or self.tr("Untitled drama"),
                        self.tr("Never saved to a folder of yours; last changed {when}. Open it, then Save.")
                        .format(when=when),
                        self._page, tip=str(folder))
            card.clicked.connect(lambda f=str(folder): self.draft_chosen.emit(f))
            self.draft_cards.append(card)
            self._drafts_box.addWidget(card)
        self._drafts_heading.setVisible(bool(found))
        recent = settings.recent_files()[:MAX_RECENT_SHOWN]
        page = self._page
        for path in recent:
            folder = Path(path)
            title = project_title(folder)
            home = Path.home()
            shown = f"~/{folder.relative_to(home)}" if folder.is_relative_to(home) else path
            text = shown if title is not None else self.tr("{path} (not found)").format(path=shown)
            card = Card(title or folder.name, text, page, tip=path, elide=True)
            card.setEnabled(title is not None)
            card.clicked.connect(lambda p=path: self.recent_chosen.emit(p))
            self.recent_cards.append(card)
            self._recent_box.addWidget(card)
        if not recent:
            card = Card(self.tr("No recent projects yet"), self.tr("Projects you open or save appear here."),
                        page)
            card.setEnabled(False)
            card.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            self.recent_cards.append(card)
            self._recent_box.addWidget(card)
