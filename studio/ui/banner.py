"""A message strip above the canvas (read-only, changed on disk, recovered work)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget


class Banner(QFrame):
    """Text plus action buttons; hidden until :meth:`show_message`."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("banner")
        self._label = QLabel(self)
        self._label.setWordWrap(True)
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(8, 4, 8, 4)
        self._layout.addWidget(self._label, 1)
        self._buttons: list[QPushButton] = []
        self.hide()

    @property
    def text(self) -> str:
        return self._label.text()

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
            self._layout.addWidget(button)
            self._buttons.append(button)
        self.show()

    def button(self, label: str) -> QPushButton | None:
        return next((b for b in self._buttons if b.text() == label), None)
