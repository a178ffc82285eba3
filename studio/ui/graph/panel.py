"""The branch graph panel: a search row above the canvas, and its actions.

:class:`GraphPanel` answers the main window's edit and view actions
(``routes``): delete, select all, copy/paste, duplicate, set start,
mark ending, arrange, zoom and find.  Each action pushes one document edit.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable

from PySide6.QtCore import QMimeData, QPoint, Qt
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from studio.app.document import Document
from studio.app.selection import Selection
from studio.app.services import Services
from studio.model import gestures
from studio.model.errors import ProjectError
from studio.model.ops import OpError
from studio.ui.actions import Route, done
from studio.ui.graph.layout import layered_layout
from studio.ui.graph.scene import GraphScene
from studio.ui.graph.view import GraphView

SCENES_MIME = "application/x-drama-studio-scenes"


def release_clipboard() -> None:
    """Drop clipboard data we own while the QApplication is alive.

    PySide6 crashes at interpreter exit when a QMimeData set by Python is still
    on the clipboard as the QApplication is destroyed; our scenes' data is only
    useful inside the studio, so it is cleared on quit.
    """
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return
    clipboard = QApplication.clipboard()
    mime = clipboard.mimeData()
    if mime is not None and mime.hasFormat(SCENES_MIME):
        clipboard.clear()


_release_hooked = False


def release_clipboard_on_quit() -> None:
    global _release_hooked
    app = QApplication.instance()
    if app is not None and not _release_hooked:
        app.aboutToQuit.connect(release_clipboard)
        _release_hooked = True


class GraphPanel(QWidget):
    """Canvas plus a find field; the central widget of the main window."""

    def __init__(
        self, document: Document, selection: Selection, services: Services, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("graphPanel")
        self.doc = document
        self.selection = selection
        self.graph = GraphScene(document, selection, services.validation, services.thumbnails)
        self.view = GraphView(self.graph, services.importer, self)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText("Find scene by title…  (Enter: next)")
        self.search.setClearButtonEnabled(True)
        self.search.returnPressed.connect(self.find_next)
        self.zoom_label = QLabel("100%", self)
        self.zoom_label.setMinimumWidth(48)
        self.zoom_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        arrange = QToolButton(self)
        arrange.setText("Arrange")
        arrange.setToolTip("Lay out all scenes left to right (one undo step)")
        arrange.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        menu = QMenu(arrange)
        menu.addAction("Arrange selected scenes", lambda: self.handle_action("graph.arrange_selected"))
        arrange.setMenu(menu)
        arrange.clicked.connect(lambda: self.handle_action("graph.arrange"))
        fit = QToolButton(self)
        fit.setText("Fit")
        fit.setToolTip("Zoom to fit all scenes")
        fit.clicked.connect(lambda: self.handle_action("view.zoom_fit"))
        row = QHBoxLayout()
        row.setContentsMargins(6, 4, 6, 4)
        row.addWidget(self.search, 1)
        row.addWidget(arrange)
        row.addWidget(fit)
        row.addWidget(self.zoom_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(row)
        layout.addWidget(self.view, 1)
        self.view.zoom_changed.connect(lambda z: self.zoom_label.setText(f"{z * 100:.0f}%"))
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._context_menu)
        self._find_pos = -1
        document.reset.connect(self._on_reset)

    def _on_reset(self) -> None:
        self.view.fit_when_shown()

    def set_coverage(self, scenes: Iterable[str] | None, options: Iterable[tuple[str, str]] = ()) -> None:
        """Review coverage overlay: unwatched scenes/options dimmed (None: off)."""
        self.graph.set_coverage(scenes, options)

    # --- actions ---------------------------------------------------------------
    def routes(self) -> tuple[Route, ...]:
        """The window actions the graph runs whatever has the focus (after focused panels)."""
        return tuple(Route(action_id, done(run)) for action_id, run in self._handlers().items())

    def handle_action(self, action_id: str) -> bool:
        """Run a graph action by id (its buttons and context menu); False if it is not ours."""
        handler = self._handlers().get(action_id)
        if handler is None:
            return False
        handler()
        return True

    def _handlers(self) -> dict[str, Callable[[], object]]:
        return {
            "edit.delete": self.delete_selection,
            "edit.select_all": self.graph.select_all,
            "edit.copy": self.copy,
            "edit.cut": self.cut,
            "edit.paste": self.paste,
            "edit.duplicate": self.duplicate,
            "graph.set_start": self.set_start,
            "graph.ending_good": lambda: self.mark_ending("good"),
            "graph.ending_neutral": lambda: self.mark_ending("neutral"),
            "graph.ending_bad": lambda: self.mark_ending("bad"),
            "graph.unmark_ending": lambda: self.mark_ending(None),
            "graph.arrange": self.arrange,
            "graph.arrange_selected": lambda: self.arrange(selected=True),
            "graph.find": self.focus_find,
            "view.zoom_in": lambda: self.view.zoom_by(1.25),
            "view.zoom_out": lambda: self.view.zoom_by(0.8),
            "view.zoom_fit": self.view.zoom_to_fit,
            "view.zoom_reset": lambda: self.view.set_zoom(1.0),
        }

    def _context_menu(self, pos: QPoint) -> None:
        """Right click: act on the scene or edge under the cursor (selecting it)."""
        if self.doc.read_only:
            return
        self.graph.ensure_built()
        hit = self.view.itemAt(pos)
        if hit is not None and not hit.isSelected():
            self.graph.clearSelection()
            hit.setSelected(True)
        menu = QMenu(self)
        scenes = self.graph.selected_scene_ids()
        entries: list[tuple[str, str]] = []
        if len(scenes) == 1:
            entries.append(("Set as start", "graph.set_start"))
        if scenes:
            entries += [
                ("Mark ending: good", "graph.ending_good"),
                ("Mark ending: neutral", "graph.ending_neutral"),
                ("Mark ending: bad", "graph.ending_bad"),
                ("Unmark ending", "graph.unmark_ending"),
                ("Duplicate", "edit.duplicate"),
                ("Copy", "edit.copy"),
            ]
        if scenes or self.graph.selected_edges():
            entries.append(("Delete", "edit.delete"))
        entries.append(("Paste", "edit.paste"))
        for label, action_id in entries:
            action = menu.addAction(label)
            action.setData(action_id)
        menu.triggered.connect(lambda action: self.handle_action(str(action.data())))
        menu.popup(self.view.viewport().mapToGlobal(pos))

    def delete_selection(self) -> None:
        scenes, edges = self.graph.selected_scene_ids(), self.graph.selected_edges()
        if scenes or edges:
            self.doc.push(gestures.delete(scenes, edges))

    def copy(self) -> None:
        ids = self.graph.selected_scene_ids()
        if not ids:
            return
        payload = json.dumps(gestures.copy_payload(self.doc.project, ids))
        mime = QMimeData()
        mime.setData(SCENES_MIME, payload.encode("utf-8"))
        mime.setText(payload)
        QApplication.clipboard().setMimeData(mime)
        release_clipboard_on_quit()

    def cut(self) -> None:
        self.copy()
        self.delete_selection()

    def paste(self) -> None:
        mime = QApplication.clipboard().mimeData()
        if mime is None or not mime.hasFormat(SCENES_MIME):
            self.doc.message.emit("The clipboard holds no scenes.")
            return
        try:
            payload = json.loads(bytes(mime.data(SCENES_MIME).data()).decode("utf-8"))
        except ValueError:
            self.doc.message.emit("The clipboard's scenes cannot be read.")
            return
        before = set(self.doc.project.scene_map())
        if self.doc.push(gestures.paste(payload)):
            self.selection.set(set(self.doc.project.scene_map()) - before)

    def duplicate(self) -> None:
        ids = self.graph.selected_scene_ids()
        before = set(self.doc.project.scene_map())
        if ids and self.doc.push(gestures.duplicate(ids)):
            self.selection.set(set(self.doc.project.scene_map()) - before)

    def set_start(self) -> None:
        ids = self.graph.selected_scene_ids()
        if len(ids) != 1:
            self.doc.message.emit("Select one scene to make it the start.")
            return
        self.doc.push(gestures.set_start(ids[0]), f"Set start to '{ids[0]}'")

    def mark_ending(self, kind: str | None) -> None:
        ids = self.graph.selected_scene_ids()
        if not ids:
            return
        try:
            with self.doc.batch("Mark ending" if kind else "Unmark ending") as batch:
                for sid in ids:
                    batch.add(gestures.mark_ending(sid, kind is not None, kind))
        except (OpError, ProjectError) as exc:  # refused edit, or a read-only project
            self.doc.message.emit(str(exc))

    def arrange(self, selected: bool = False) -> None:
        only = set(self.graph.selected_scene_ids()) if selected else None
        if selected and not only:
            return
        origin = (0.0, 0.0)
        if only:
            rect = self.graph.nodes_rect(only)
            origin = (rect.left(), rect.top())
        positions = layered_layout(self.doc.project, only, origin)
        current = self.doc.project.scene_map()
        moved = {
            sid: xy
            for sid, xy in positions.items()
            if (current[sid].position.x, current[sid].position.y) != xy
        }
        if moved:
            self.doc.push(gestures.move(moved), "Arrange scenes")
            self.graph.fit_scene_rect()
            self.view.zoom_to_fit(only)

    def focus_find(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def find_next(self) -> bool:
        """Select and centre the next scene whose title (or id) contains the text."""
        text = self.search.text().strip().lower()
        scenes = self.doc.project.scenes
        if not text or not scenes:
            return False
        n = len(scenes)
        for step in range(1, n + 1):
            i = (self._find_pos + step) % n
            s = scenes[i]
            if text in s.title.lower() or text in s.id.lower():
                self._find_pos = i
                self.selection.focus(s.id)
                return True
        self.doc.message.emit(f"No scene title contains '{self.search.text()}'.")
        return False
