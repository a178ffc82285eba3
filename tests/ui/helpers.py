"""Synthetic input for the graph view: mouse gestures and drops."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QMimeData, QPoint, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QMouseEvent
from PySide6.QtWidgets import QApplication, QGraphicsView

LEFT = Qt.MouseButton.LeftButton


def viewport_point(view: QGraphicsView, scene_point: QPointF) -> QPoint:
    return view.mapFromScene(scene_point)


def _mouse(view: QGraphicsView, kind: QEvent.Type, pos: QPoint, buttons: Qt.MouseButton) -> None:
    vp = view.viewport()
    button = LEFT if kind != QEvent.Type.MouseMove else Qt.MouseButton.NoButton
    event = QMouseEvent(
        kind, QPointF(pos), QPointF(vp.mapToGlobal(pos)), button, buttons, Qt.KeyboardModifier.NoModifier
    )
    QApplication.sendEvent(vp, event)


def drag(view: QGraphicsView, start: QPoint, end: QPoint, steps: int = 6) -> None:
    """Press at ``start``, move in steps, release at ``end`` (left button)."""
    _mouse(view, QEvent.Type.MouseButtonPress, start, LEFT)
    for n in range(1, steps + 1):
        p = start + (end - start) * (n / steps)
        _mouse(view, QEvent.Type.MouseMove, p, LEFT)
    _mouse(view, QEvent.Type.MouseButtonRelease, end, Qt.MouseButton.NoButton)


def click(view: QGraphicsView, pos: QPoint) -> None:
    _mouse(view, QEvent.Type.MouseButtonPress, pos, LEFT)
    _mouse(view, QEvent.Type.MouseButtonRelease, pos, Qt.MouseButton.NoButton)


def drop(view: QGraphicsView, mime: QMimeData, pos: QPoint) -> bool:
    """Deliver drag-enter then drop of ``mime`` at ``pos``; True if accepted."""
    vp = view.viewport()
    action = Qt.DropAction.CopyAction
    enter = QDragEnterEvent(pos, action, mime, LEFT, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(vp, enter)
    if not enter.isAccepted():
        return False
    event = QDropEvent(QPointF(pos), action, mime, LEFT, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(vp, event)
    return event.isAccepted()
