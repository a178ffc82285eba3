"""The branch graph panel: a search row above the canvas, and its actions.

:class:`GraphPanel` answers the main window's edit and view actions
(``routes``): delete, select all, copy/paste, duplicate, set start,
mark ending, arrange, zoom and find.  Each action pushes one document edit.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from functools import partial
from pathlib import PurePosixPath

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, Signal
from PySide6.QtGui import QKeySequence
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
from studio.model.ops import Op, OpError, links
from studio.ui.actions import Route, done
from studio.ui.graph.clipboard import SCENES_MIME, release_clipboard, release_clipboard_on_quit
from studio.ui.graph.empty_hint import EmptyHint
from studio.ui.graph.layout import COLUMN, layered_layout
from studio.ui.graph.scene import GraphScene
from studio.ui.graph.style import NODE_W, PORT_R
from studio.ui.graph.view import GraphView

__all__ = ["GraphPanel", "keyed", "release_clipboard"]  # (the test session clears the clipboard here)

MAX_COLUMN = 720.0  # Arrange never spreads columns further than this for long labels


def keyed(text: str, key: str) -> str:
    """A menu entry's text with its key at the right (key names are not translated)."""
    return f"{text}\t{QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText)}"


class GraphPanel(QWidget):
    """Canvas plus a find field; the central widget of the main window."""

    scene_opened = Signal(str)  # Enter or a double-click on a scene: raise the inspector for it
    import_requested = Signal()  # the empty graph's "Import clips…"

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
        self.search.setPlaceholderText(self.tr("Find scene by title…  (Enter: next)"))
        self.search.setClearButtonEnabled(True)
        self.search.returnPressed.connect(self.find_next)
        self.zoom_label = QLabel("100%", self)
        self.zoom_label.setMinimumWidth(48)
        self.zoom_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        arrange = QToolButton(self)
        arrange.setText(self.tr("Arrange"))
        arrange.setToolTip(self.tr("Lay out all scenes left to right (one undo step)"))
        arrange.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        menu = QMenu(arrange)
        arrange_selected = partial(self.handle_action, "graph.arrange_selected")
        menu.addAction(self.tr("Arrange selected scenes"), arrange_selected)
        arrange.setMenu(menu)
        arrange.clicked.connect(lambda: self.handle_action("graph.arrange"))
        fit = QToolButton(self)
        fit.setText(self.tr("Fit"))
        fit.setToolTip(self.tr("Zoom to fit all scenes"))
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
        self.view.scene_opened.connect(self.scene_opened)
        self.menu: QMenu | None = None  # the last context menu (tests read it)
        self._find_pos = -1
        self.empty_hint = EmptyHint(self.view.viewport(), self._first_placeholder, self.import_requested.emit)
        document.reset.connect(self._on_reset)
        document.changed.connect(lambda _changes: self._update_hint())
        document.file_changed.connect(self._update_hint)
        self._update_hint()

    def _on_reset(self) -> None:
        self.view.fit_when_shown()
        self._update_hint()

    def _update_hint(self) -> None:
        self.empty_hint.set_shown(not self.doc.project.scenes and not self.doc.read_only)

    def _first_placeholder(self) -> bool:
        """The empty graph's button: a placeholder scene in the middle of the view, made the start."""
        centre = self.view.mapToScene(self.view.viewport().rect().center())
        at = QPointF(centre.x() - NODE_W / 2, centre.y() - 40.0)
        return self.new_placeholder(at)

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
        menu = self.context_menu(pos)
        if menu is not None:
            menu.popup(self.view.viewport().mapToGlobal(pos))

    def context_menu(self, pos: QPoint) -> QMenu | None:
        """Right click at ``pos`` (viewport): the menu of the scene or edge under it (selecting
        it), or the canvas menu on empty canvas (None when read-only)."""
        if self.doc.read_only:
            return None
        self.graph.ensure_built()
        self.view.flow.finish_pick(False)
        hit = self.view.itemAt(pos)
        while hit is not None and hit.parentItem() is not None:
            hit = hit.parentItem()
        at = self.view.mapToScene(pos)
        if hit is None or not hit.flags() & hit.GraphicsItemFlag.ItemIsSelectable:
            self.menu = self._canvas_menu(at)
            return self.menu
        if not hit.isSelected():
            self.graph.clearSelection()
            hit.setSelected(True)
        menu = QMenu(self)
        scenes = self.graph.selected_scene_ids()
        if len(scenes) == 1:
            self._single_scene_entries(menu, scenes[0])
        entries: list[tuple[str, str]] = []
        if len(scenes) == 1:
            entries.append((self.tr("Set as start"), "graph.set_start"))
        if scenes:
            entries += [
                (self.tr("Mark ending: good"), "graph.ending_good"),
                (self.tr("Mark ending: neutral"), "graph.ending_neutral"),
                (self.tr("Mark ending: bad"), "graph.ending_bad"),
                (self.tr("Unmark ending"), "graph.unmark_ending"),
                (self.tr("Duplicate"), "edit.duplicate"),
                (self.tr("Copy"), "edit.copy"),
            ]
        if scenes or self.graph.selected_edges():
            entries.append((self.tr("Delete"), "edit.delete"))
        entries.append((self.tr("Paste"), "edit.paste"))
        for label, action_id in entries:
            action = menu.addAction(label)
            action.setData(action_id)
            action.triggered.connect(lambda _=False, a=action_id: self.handle_action(a))
        self.menu = menu
        return menu

    def _single_scene_entries(self, menu: QMenu, sid: str) -> None:
        """What one selected scene offers first: branch, rename, connect, continue."""
        scene = self.doc.project.scene_map()[sid]
        flow = self.view.flow
        menu.addAction(keyed(self.tr("Branch: new scene after this"), "Ctrl+Enter"), lambda: flow.branch(sid))
        menu.addAction(keyed(self.tr("Rename"), "F2"), lambda: flow.rename(sid))
        menu.addAction(keyed(self.tr("Connect to…"), "C"), lambda: flow.start_pick("connect", sid))
        follow_up = partial(flow.start_pick, "continue", sid)
        follow = menu.addAction(self.tr("Continue automatically to…"), follow_up)
        if scene.choice is not None:
            follow.setEnabled(False)
            follow.setToolTip(self.tr("This scene has a choice: remove its options first"))
        if scene.next is not None:
            target = self.doc.project.scene_map().get(scene.next)
            name = target.title if target is not None else scene.next
            stop = self.tr("Stop '{title}' continuing automatically").format(title=scene.title)
            unlink = partial(self._push, links.stop_continuing(sid), stop)
            menu.addAction(self.tr("Stop continuing to '{name}'").format(name=name), unlink)
        menu.addAction(keyed(self.tr("Open"), "Enter"), lambda: flow.open_scene(sid))
        menu.setToolTipsVisible(True)
        menu.addSeparator()

    def _push(self, op: Op, text: str) -> None:
        self.doc.push(op, text)

    def _canvas_menu(self, at: QPointF) -> QMenu:
        """Empty canvas: a new scene (from a clip, or a placeholder) at ``at``, paste, arrange."""
        menu = QMenu(self)
        menu.setToolTipsVisible(True)
        clips = menu.addMenu(self.tr("New scene"))
        for asset in self.doc.project.media:
            name = PurePosixPath(asset.path).name
            clips.addAction(name, partial(self.new_clip_scene, asset.id, at))
        if not self.doc.project.media:
            clips.setEnabled(False)
            clips.setToolTip(
                self.tr("Import a clip first (Scene > Import Clips), or add a placeholder scene")
            )
        placeholder = menu.addAction(self.tr("New placeholder scene"), lambda: self.new_placeholder(at))
        placeholder.setToolTip(self.tr("A titled colour card standing in for footage not shot yet"))
        paste = menu.addAction(self.tr("Paste"), lambda: self.paste(at))
        clip = QApplication.clipboard().mimeData()
        paste.setEnabled(clip is not None and clip.hasFormat(SCENES_MIME))
        menu.addSeparator()
        arrange = menu.addAction(self.tr("Arrange"), self.arrange)
        arrange.setToolTip(self.tr("Lay out all scenes left to right"))
        return menu

    def new_placeholder(self, at: QPointF) -> bool:
        """A placeholder scene at ``at`` (top left of the node), selected and being renamed."""
        op = links.add_placeholder(at.x(), at.y())
        return self.view.flow.add_and_rename(op, self.tr("Add placeholder scene"))

    def new_clip_scene(self, media_id: str, at: QPointF) -> bool:
        try:
            op = gestures.add_scenes_for_media(self.doc.project, [media_id], at.x(), at.y())
        except OpError as exc:
            self.doc.message.emit(str(exc))
            return False
        return self.view.flow.add_and_rename(op, self.tr("Add scene"))

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

    def paste(self, at: QPointF | None = None) -> None:
        """Paste copied scenes (offset from the copies, or with their top left at ``at``)."""
        mime = QApplication.clipboard().mimeData()
        if mime is None or not mime.hasFormat(SCENES_MIME):
            self.doc.message.emit(self.tr("The clipboard holds no scenes."))
            return
        try:
            payload = json.loads(bytes(mime.data(SCENES_MIME).data()).decode("utf-8"))
        except ValueError:
            payload = None
        if not isinstance(payload, dict):
            self.doc.message.emit(self.tr("The clipboard's scenes cannot be read."))
            return
        before = set(self.doc.project.scene_map())
        dx, dy = 40.0, 40.0
        scenes = payload.get("scenes")
        spots = [s.get("position") for s in scenes if isinstance(s, dict)] if isinstance(scenes, list) else []
        points = [(p.get("x"), p.get("y")) for p in spots if isinstance(p, dict)]
        xs = [x for x, _ in points if isinstance(x, (int, float))]
        ys = [y for _, y in points if isinstance(y, (int, float))]
        if at is not None and xs and ys:
            dx, dy = at.x() - min(xs), at.y() - min(ys)
        try:
            op = gestures.paste(payload, dx, dy)
        except OpError as exc:
            self.doc.message.emit(str(exc))
            return
        if self.doc.push(op):
            self.selection.set(set(self.doc.project.scene_map()) - before)

    def duplicate(self) -> None:
        ids = self.graph.selected_scene_ids()
        before = set(self.doc.project.scene_map())
        if ids and self.doc.push(gestures.duplicate(ids)):
            self.selection.set(set(self.doc.project.scene_map()) - before)

    def set_start(self) -> None:
        ids = self.graph.selected_scene_ids()
        if len(ids) != 1:
            self.doc.message.emit(self.tr("Select one scene to make it the start."))
            return
        self.doc.push(gestures.set_start(ids[0]), self.tr("Set start to '{id}'").format(id=ids[0]))

    def mark_ending(self, kind: str | None) -> None:
        ids = self.graph.selected_scene_ids()
        if not ids:
            return
        try:
            with self.doc.batch(self.tr("Mark ending") if kind else self.tr("Unmark ending")) as batch:
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
        widths = [self.graph.label_size(edge.label)[0] for edge in self.graph.edges.values()]
        column = min(MAX_COLUMN, max(COLUMN, NODE_W + 2 * PORT_R + max(widths, default=0.0) + 40))
        positions = layered_layout(self.doc.project, only, origin, column)
        current = self.doc.project.scene_map()
        moved = {
            sid: xy
            for sid, xy in positions.items()
            if (current[sid].position.x, current[sid].position.y) != xy
        }
        if moved:
            self.doc.push(gestures.move(moved), self.tr("Arrange scenes"))
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
        self.doc.message.emit(self.tr("No scene title contains '{text}'.").format(text=self.search.text()))
        return False
