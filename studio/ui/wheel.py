"""Form widgets the mouse wheel never changes unless they are being edited.

Qt's combo boxes, spin boxes and sliders take wheel events whenever the
pointer is over them, so scrolling a form (the Inspector, the playthrough's
wallet box, Preferences) changed whatever value passed under the pointer, one
undo step per tick.  The widgets here change with the wheel only when they
have keyboard focus (clicked or tabbed to); otherwise the wheel event goes to
the scrolling panel around them, which scrolls.  Their focus policy is
``StrongFocus``, so the wheel does not give them focus either.

Every combo box, spin box and slider in a form is one of these
(``tests/ui/test_wheel_guard.py`` checks the source and every Inspector
form).  Controls meant for the wheel outside forms (the preview's position
and volume sliders) stay plain Qt widgets.

(An application-wide event filter doing the same was measured first and
dropped: 11 us per event of the whole application in Python, +26 % on a
window repaint, +45 % on rebuilding the Inspector.)
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QAbstractScrollArea, QComboBox, QDoubleSpinBox, QSlider, QSpinBox, QWidget

STRONG = Qt.FocusPolicy.StrongFocus


def _editing(widget: QWidget, event: QWheelEvent) -> bool:
    """True when the wheel is for ``widget`` (it has focus); else the panel around it scrolls."""
    if widget.hasFocus():
        return True
    parent = widget.parentWidget()
    while parent is not None and not isinstance(parent, QAbstractScrollArea):
        parent = parent.parentWidget()
    if parent is None:
        event.ignore()  # not in a scrolling panel: the parents may use it
    else:
        # Handed to the panel explicitly (Qt does not pass on synthesized wheel events).
        QCoreApplication.sendEvent(parent.viewport(), event.clone())
        event.accept()
    return False


class ComboBox(QComboBox):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(STRONG)

    def wheelEvent(self, event: QWheelEvent) -> None:
        if _editing(self, event):
            super().wheelEvent(event)


class SpinBox(QSpinBox):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(STRONG)

    def wheelEvent(self, event: QWheelEvent) -> None:
        if _editing(self, event):
            super().wheelEvent(event)


class DoubleSpinBox(QDoubleSpinBox):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(STRONG)

    def wheelEvent(self, event: QWheelEvent) -> None:
        if _editing(self, event):
            super().wheelEvent(event)


class Slider(QSlider):
    def __init__(
        self, orientation: Qt.Orientation = Qt.Orientation.Horizontal, parent: QWidget | None = None
    ) -> None:
        super().__init__(orientation, parent)
        self.setFocusPolicy(STRONG)

    def wheelEvent(self, event: QWheelEvent) -> None:
        if _editing(self, event):
            super().wheelEvent(event)
