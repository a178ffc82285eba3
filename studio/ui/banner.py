"""A message strip above the canvas (read-only, changed on disk, recovered work), and what the
main window's two strips say about the open project (:func:`show_file_state`) and its file on
disk (:func:`show_disk_state`)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QBoxLayout, QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from studio.app import lock_text

if TYPE_CHECKING:
    from studio.app.document import Document

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
        for b in self._buttons:  # gone at once, not only when the event loop deletes them
            b.hide()
            self._row.removeWidget(b)
            b.deleteLater()
        self._buttons = []
        self._label.setText(text)
        self.setProperty("kind", kind)
        self.style().unpolish(self)
        self.style().polish(self)
        for label, callback in [*actions, (self.tr("Dismiss"), self.hide)]:
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


def show_file_state(
    banner: Banner, doc: Document, reopen: Callable[[], object], take_over: Callable[[], object]
) -> None:
    """Read-only (locked by another studio, or asked for), migrated, or nothing to say."""
    if doc.read_only and doc.lock_owner is not None:
        text = QCoreApplication.translate(
            "Banner",
            "Read-only: this project is open in another studio ({owner}). "
            "Use Save As to keep a copy of your changes.")
        banner.show_message(
            text.format(owner=lock_text.describe(doc.lock_owner)),
            [(QCoreApplication.translate("Banner", "Reopen"), reopen),
             (QCoreApplication.translate("Banner", "Take Over Editing…"), take_over)],
        )
    elif doc.read_only:
        banner.show_message(QCoreApplication.translate("Banner", "Opened read-only."), kind="info")
    elif doc.migrated_from is not None:
        text = QCoreApplication.translate(
            "Banner",
            "This project was written by schema v{version}; saving upgrades it "
            "(drama.json.bak keeps the previous file).")
        banner.show_message(text.format(version=doc.migrated_from), kind="info")
    else:
        banner.hide()


def show_disk_state(banner: Banner, state: str, reload: Callable[[], object]) -> None:
    """drama.json deleted or changed by another program."""
    if state == "missing":
        banner.show_message(QCoreApplication.translate(
            "Banner", "drama.json was deleted or moved by another program. Saving will write it again."))
        return
    banner.show_message(
        QCoreApplication.translate(
            "Banner",
            "drama.json was changed by another program. Reload it (your unsaved edits are dropped), "
            "or keep editing: saving will ask before overwriting."),
        [(QCoreApplication.translate("Banner", "Reload"), reload)],
    )
