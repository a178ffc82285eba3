"""A message strip above the canvas (read-only, changed on disk, recovered work)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QBoxLayout, QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

MIN_TEXT_WIDTH = 360  # narrower than this beside the buttons, the buttons go below the text


class Banner(QFrame):
    """Text plus action buttons; hidden until :meth:`show_message`.

    The buttons sit right of the text, or below it (right-aligned) when the strip
    is too narrow for both, so a long message never becomes a tall thin column."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("banner")
        self._label = QLabel(self)
        self._label.setWordWrap(True)
        self._layout = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self._layout.setContentsMargins(8, 4, 8, 4)
        self._layout.addWidget(self._label, 1)
        self._row = QHBoxLayout()
        self._row.addStretch(1)
        self._layout.addLayout(self._row)
        self._buttons: list[QPushButton] = []
        self.hide()

    @property
    def text(self) -> str:
        return self._label.text()

    @property
    def stacked(self) -> bool:
        """True while the buttons are below the text."""
        return self._layout.direction() == QBoxLayout.Direction.TopToBottom

    def show_message(
        self,
        text: str,
        actions: Sequence[tuple[str, Callable[[], object]]] = (),
        kind: str = "warning",
    ) -> None:
        for b in self._buttons:
            b.deleteLater()
        self._buttons = []
        self._label.setText(text)
        self.setProperty("kind", kind)
        self.style().unpolish(self)
        self.style().polish(self)
        for label, callback in [*actions, ("Dismiss", self.hide)]:
            button = QPushButton(label, self)
            button.clicked.connect(lambda _=False, cb=callback: cb())
            self._row.addWidget(button)
            self._buttons.append(button)
        self._arrange(self.width())
        self.show()

    def button(self, label: str) -> QPushButton | None:
        return next((b for b in self._buttons if b.text() == label), None)

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._arrange(event.size().width())
        super().resizeEvent(event)

    def _arrange(self, width: int) -> None:
        spacing = max(self._row.spacing(), 0)
        buttons = sum(b.sizeHint().width() + spacing for b in self._buttons)
        narrow = width - buttons - 16 < MIN_TEXT_WIDTH
        direction = QBoxLayout.Direction.TopToBottom if narrow else QBoxLayout.Direction.LeftToRight
        if self._layout.direction() != direction:
            self._layout.setDirection(direction)
