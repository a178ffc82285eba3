"""Renaming a scene in place on the canvas (F2, and right after a new scene is added).

:class:`InlineRename` puts a line edit over the node's title; Enter (or leaving the field)
sets the title as one undoable edit, Esc cancels and leaves the project untouched.  An empty
or unchanged title changes nothing.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QEvent, QObject, QPointF, QRect, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QGraphicsView, QLineEdit

from studio.app.document import Document
from studio.model.ops.rename import rename_scene
from studio.ui.graph.style import NODE_W

TITLE_TOP = 6.0  # the title's band inside a node, in scene units
TITLE_H = 26.0
TEXT_X = 64.0
CARD_X = 16.0


class RenameHost(Protocol):
    """The view the editor sits on (:class:`studio.ui.graph.view.GraphView`)."""

    doc: Document

    def node_origin(self, scene_id: str) -> QPointF | None: ...


class InlineRename(QObject):
    """At most one title editor on ``view`` at a time."""

    def __init__(self, view: QGraphicsView, host: RenameHost) -> None:
        super().__init__(view)
        self.view = view
        self.host = host
        self.scene_id: str | None = None
        self._old = ""
        self._left = TEXT_X
        self.editor: QLineEdit | None = None

    @property
    def active(self) -> bool:
        return self.editor is not None

    def start(self, scene_id: str) -> bool:
        """Edit ``scene_id``'s title (False: no such scene, or the project is read-only)."""
        self.finish(commit=True)
        scene = self.host.doc.project.scene_map().get(scene_id)
        origin = self.host.node_origin(scene_id)
        if scene is None or origin is None or self.host.doc.read_only:
            return False
        self.scene_id, self._old = scene_id, scene.title
        self._left = CARD_X if scene.placeholder is not None else TEXT_X  # a card has no thumbnail
        editor = QLineEdit(self.view.viewport())
        editor.setObjectName("graphRename")
        editor.setText(scene.title)
        editor.setMaxLength(200)
        editor.setToolTip(self.tr("Scene title: Enter to keep, Esc to cancel"))
        editor.installEventFilter(self)
        editor.editingFinished.connect(lambda: self.finish(commit=True))
        self.editor = editor
        self.place()
        editor.show()
        editor.setFocus(Qt.FocusReason.OtherFocusReason)
        editor.selectAll()
        return True

    def place(self) -> None:
        """Keep the editor over the node's title (after a zoom or scroll)."""
        if self.editor is None or self.scene_id is None:
            return
        origin = self.host.node_origin(self.scene_id)
        if origin is None:
            self.finish(commit=False)
            return
        left = self.view.mapFromScene(origin + QPointF(self._left - 4, TITLE_TOP))
        right = self.view.mapFromScene(origin + QPointF(NODE_W - 6, TITLE_TOP + TITLE_H))
        height = max(self.editor.sizeHint().height(), right.y() - left.y())
        width = max(180, right.x() - left.x())
        self.editor.setGeometry(QRect(left.x(), left.y(), width, height))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.editor and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() == Qt.Key.Key_Escape:
                self.finish(commit=False)
                return True
        return False

    def finish(self, commit: bool) -> None:
        """Close the editor, setting the title when ``commit`` and it changed."""
        editor, sid = self.editor, self.scene_id
        if editor is None or sid is None:
            return
        self.editor, self.scene_id = None, None
        text = editor.text().strip()
        editor.removeEventFilter(self)
        editor.hide()
        editor.deleteLater()
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)
        if commit and text and text != self._old and sid in self.host.doc.project.scene_map():
            label = self.tr("Rename '{old}' to '{new}'").format(old=self._old, new=text)
            self.host.doc.push(rename_scene(sid, text), label)
