"""What an empty graph says: how to get a first scene (a newcomer's first question).

A project with no scenes shows this card centred over the canvas, with the two
ways to start (a placeholder scene, or importing clips) as buttons, and what to
do next.  It hides as soon as there is a scene, and in read-only review.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, QObject
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

TITLE = str(QT_TRANSLATE_NOOP("EmptyHint", "No scenes yet"))
TEXT = str(QT_TRANSLATE_NOOP(
    "EmptyHint",
    "Start with a placeholder scene (a titled colour card standing in for footage you have not "
    "shot yet) or import your clips. Then select a scene and press + (or Ctrl+Enter) to branch "
    "to the next one; right-click the canvas or a scene for more.",
))


class EmptyHint(QFrame):
    """A card centred over ``viewport`` (the graph view's), shown while the project has no scenes.

    Its parent is the view, not the viewport: scrolling the canvas scrolls the viewport's
    children, and the card must stay put."""

    def __init__(
        self, viewport: QWidget, on_placeholder: Callable[[], object], on_import: Callable[[], object]
    ) -> None:
        super().__init__(viewport.parentWidget())
        self.viewport = viewport
        self.setObjectName("graphEmptyHint")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.title = QLabel(self.tr(TITLE), self)
        font = self.title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.25)
        self.title.setFont(font)
        self.text = QLabel(self.tr(TEXT), self)
        self.text.setWordWrap(True)
        self.placeholder_button = QPushButton(self.tr("New placeholder scene"), self)
        self.placeholder_button.setToolTip(self.tr("A titled colour card where footage will go"))
        self.placeholder_button.clicked.connect(lambda: on_placeholder())
        self.import_button = QPushButton(self.tr("Import clips…"), self)
        self.import_button.setToolTip(self.tr("Copy video clips into the project's media folder"))
        self.import_button.clicked.connect(lambda: on_import())
        buttons = QHBoxLayout()
        buttons.addWidget(self.placeholder_button)
        buttons.addWidget(self.import_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 14, 18, 14)
        layout.addWidget(self.title)
        layout.addWidget(self.text)
        layout.addLayout(buttons)
        viewport.installEventFilter(self)
        self.hide()

    def set_shown(self, shown: bool) -> None:
        self.setVisible(shown)
        if shown:
            self._place()
            self.raise_()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Resize, QEvent.Type.Show) and not self.isHidden():
            self._place()
        return False

    def _place(self) -> None:
        area = self.viewport.geometry()
        width = max(260, min(460, area.width() - 40))
        self.setFixedWidth(width)
        self.adjustSize()
        self.move(area.x() + (area.width() - width) // 2,
                  area.y() + max(10, (area.height() - self.height()) // 2))

