"""Text helpers shared by panels: author text is always shown literally."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel


def plain_label(text: str = "", name: str | None = None, wrap: bool = True) -> QLabel:
    """A QLabel that shows ``text`` literally (never as HTML)."""
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)
    label.setWordWrap(wrap)
    if name:
        label.setObjectName(name)
    return label
