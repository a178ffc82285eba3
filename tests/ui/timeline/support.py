"""Helpers for timeline and inspector tests: a loaded sample, synthetic mouse input.

Samples are loaded into a :class:`~studio.app.document.Document` without
taking the project lock (nothing is written to ``sample_projects``).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication, QWidget

from studio.app.document import Document
from studio.app.playhead import Playhead
from studio.app.selection import Selection
from studio.model import load
from tests.support import SAMPLES

LEFT = Qt.MouseButton.LeftButton
NONE = Qt.KeyboardModifier.NoModifier


@dataclass
class Env:
    doc: Document
    selection: Selection
    playhead: Playhead


def load_env(name: str) -> Env:
    folder = SAMPLES / name
    loaded = load(folder)
    doc = Document()
    doc.set_project(loaded.project, Path(folder) / "drama.json")
    return Env(doc, Selection(doc), Playhead(doc))


def mouse(
    widget: QWidget,
    kind: QEvent.Type,
    pos: QPoint | QPointF,
    buttons: Qt.MouseButton = LEFT,
    modifiers: Qt.KeyboardModifier = NONE,
) -> None:
    p = QPointF(pos)
    button = Qt.MouseButton.NoButton if kind == QEvent.Type.MouseMove else LEFT
    event = QMouseEvent(kind, p, QPointF(widget.mapToGlobal(p)), button, buttons, modifiers)
    QApplication.sendEvent(widget, event)


def drag(
    widget: QWidget,
    start: QPoint | QPointF,
    end: QPoint | QPointF,
    steps: int = 6,
    modifiers: Qt.KeyboardModifier = NONE,
) -> None:
    """Press at ``start``, move in steps, release at ``end`` (left button)."""
    a, b = QPointF(start), QPointF(end)
    mouse(widget, QEvent.Type.MouseButtonPress, a, LEFT, modifiers)
    for n in range(1, steps + 1):
        mouse(widget, QEvent.Type.MouseMove, a + (b - a) * (n / steps), LEFT, modifiers)
    mouse(widget, QEvent.Type.MouseButtonRelease, b, Qt.MouseButton.NoButton, modifiers)


def click(widget: QWidget, pos: QPoint | QPointF) -> None:
    mouse(widget, QEvent.Type.MouseButtonPress, pos)
    mouse(widget, QEvent.Type.MouseButtonRelease, pos, Qt.MouseButton.NoButton)
