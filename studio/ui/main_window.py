"""The studio's main window: assembles panels, menus and the toolbar.

It holds no edit logic.  Panels come from :mod:`studio.ui.panels` (the
branch graph is the central widget), actions from the registry in
:mod:`studio.ui.actions`: the window binds the file, undo and help actions,
each panel the routes it serves, and enables every action by its predicate
when the document or the selection changes.  The title shows the project and
its unsaved state; banners say when the project is read-only or changed on
disk.  Window layout persists in QSettings.

While no project is open the window shows the start screen (:mod:`studio.ui.start`) instead
of the graph, with the docks and the toolbar put away; opening or starting a project brings
the layout back as it was.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QByteArray, QChildEvent, QEvent, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDockWidget,
    QLabel,
    QMainWindow,
    QMenu,
    QStackedWidget,
    QTabBar,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from studio import __version__
from studio.app import settings
from studio.app.autosave import AutoSaver
from studio.app.diskwatch import DiskWatcher
from studio.app.document import Document
from studio.app.playhead import Playhead
from studio.app.selection import Selection
from studio.app.services import Services
from studio.app.settings import Preferences
from studio.model.names import readable
from studio.templates.samples import project_title
from studio.ui import dialogs
from studio.ui.actions import SPECS, VIEW, ActionRegistry, ActionState, Route, done, translated
from studio.ui.banner import Banner, show_disk_state, show_file_state
from studio.ui.bundle_actions import BundleController
from studio.ui.files import FileController
from studio.ui.graph import GraphPanel
from studio.ui.help.pages import HelpPages
from studio.ui.inspector.panel import InspectorPanel
from studio.ui.panels import dock_panels, unelide_tabs
from studio.ui.preferences import PreferencesDialog
from studio.ui.problems.panel import summary as problem_summary
from studio.ui.review.read_only import VIEW_ONLY_PROPERTY, ReadOnlyGuard, explain_save, read_only_reason
from studio.ui.start import StartPage
from studio.ui.web_preview import WebPreviewController

APP_NAME = "Drama Studio"


class MainWindow(QMainWindow):
    """Docks around the branch graph; one document per window."""

    def __init__(self, document: Document | None = None, autosave_ms: int | None = None) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self._closed = False
        self.prefs = Preferences.load()
        self.doc = document or Document(parent=self)
        self.services = Services.build(self.doc)
        self.selection = Selection(self)
        self.playhead = Playhead(self)
        interval = autosave_ms if autosave_ms is not None else self.prefs.autosave_seconds * 1000
        self.autosaver = AutoSaver(self.doc, interval)
        self.files = FileController(self.doc, self.autosaver, self)
        self.bundles = BundleController(self.doc, self.files, self)
        self.web_preview = WebPreviewController(self.doc, self.files, self)
        self.watcher = DiskWatcher(self.doc)
        self.doc.changed.connect(lambda changes: self.selection.prune(self.doc.project, changes))

        self.graph = GraphPanel(self.doc, self.selection, self.services)
        self.graph.view.show_grid = self.prefs.show_grid
        self.graph.scene_opened.connect(self.show_scene)
        self.banner = Banner(self)
        self.disk_banner = Banner(self)
        self.editor = QWidget(self)
        column = QVBoxLayout(self.editor)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(self.banner)
        column.addWidget(self.disk_banner)
        column.addWidget(self.graph, 1)
        self.start_page = StartPage(self)
        self.start_page.template_chosen.connect(lambda kind: self.files.new(kind))
        self.start_page.open_chosen.connect(lambda: self.files.open())
        self.start_page.recent_chosen.connect(lambda path: self.files.open(path))
        self.start_page.sample_chosen.connect(lambda path: self.files.open_copy(path))
        self.start_page.draft_chosen.connect(lambda path: self.files.open_draft(path))
        self.central = QStackedWidget(self)
        self.central.addWidget(self.editor)
        self.central.addWidget(self.start_page)
        self.setCentralWidget(self.central)
        self.showing_start = False
        self._layout_before_start: QByteArray | None = None
        self.help_pages = HelpPages(self)

        stack = self.doc.undo_stack
        made = {  # the undo stack's own actions: their text names the next step ("Undo Move")
            "edit.undo": stack.createUndoAction(self, translated(SPECS["edit.undo"].text)),
            "edit.redo": stack.createRedoAction(self, translated(SPECS["edit.redo"].text)),
        }
        self.registry = ActionRegistry(self, made=made)
        self.action_map = self.registry.actions
        self.panels: dict[str, QWidget] = {}
        self.docks: dict[str, QDockWidget] = {}
        self._shutdowns: list[Callable[[], None]] = []
        # before the panels: leaving read-only, it hands their controls back before they update
        self.read_only_guard = ReadOnlyGuard(
            self.doc, self._editing_panels, self, (self.selection.changed, self.playhead.scene_changed)
        )
        self._build_docks()
        self.graph.import_requested.connect(lambda: self.trigger("media.import"))  # the empty graph's
        self._serve_actions()
        self._build_menus()
        self.toolbar = self.registry.toolbar(self)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.toolbar)
        self._problem_label = QLabel(self)
        self.statusBar().addPermanentWidget(self._problem_label)

        # e.g. a refused edit's reason: things named as the creator knows them (not by ids)
        self.doc.message.connect(lambda text: self._status(text))
        self.doc.clean_changed.connect(self._update_title)
        self.selection.changed.connect(self._update_actions)
        stack.canUndoChanged.connect(self._update_actions)
        stack.canRedoChanged.connect(self._update_actions)
        self.doc.file_changed.connect(self._on_file_changed)
        self.services.validation.problems_changed.connect(self._update_problem_count)
        self.autosaver.failed.connect(lambda text: self.statusBar().showMessage(text, 15000))
        self.watcher.changed_on_disk.connect(self._on_disk_changed)
        self.files.recent_changed.connect(self._fill_recent)
        self.files.recent_changed.connect(self.start_page.refresh)
        self._fill_recent()
        self.resize(1280, 800)
        self._restore_layout()
        self._on_file_changed()

    # --- assembly -------------------------------------------------------------------
    def _build_docks(self) -> None:
        dock_panels(
            self, self.registry, self.doc, self.selection, self.playhead, self.services,
            self.panels, self.docks, self._shutdowns,
        )
        for dock in self.docks.values():
            dock.dockLocationChanged.connect(self._unelide_tabs)
        self._unelide_tabs()

    def _unelide_tabs(self) -> None:
        unelide_tabs(self, self.docks)

    def childEvent(self, event: QChildEvent) -> None:
        """A dock tab bar Qt makes (tabifying, a dock dropped on another, restoreState) elides
        and may leave a stale twin behind: see to both once Qt is done."""
        super().childEvent(event)
        if event.type() == QEvent.Type.ChildAdded and isinstance(event.child(), QTabBar):
            QTimer.singleShot(0, self, self._unelide_tabs)

    def _serve_actions(self) -> None:
        """The window's own actions, then the graph's (panels served theirs as they were built)."""
        stack = self.doc.undo_stack
        own: dict[str, Callable[[], object]] = {
            "file.new": self.files.new,
            "file.open": self.files.open,
            "file.close": self.files.close_project,
            "file.save": self.save,
            "file.save_as": self.files.save_as,
            "file.revert": self.files.revert,
            "file.reload": self.files.reload,
            "file.export_bundle": self.bundles.export_bundle,
            "file.preview_web": self.web_preview.preview,
            "file.open_bundle": self.bundles.open_bundle,
            "file.quit": self.close,
            "edit.undo": stack.undo,
            "edit.redo": stack.redo,
            "edit.preferences": self.edit_preferences,
            "help.getting_started": lambda: self.show_help("getting_started"),
            "help.shortcuts": lambda: self.show_help("shortcuts"),
            "help.about": self.about,
        }
        self.registry.serve(Route(action_id, done(run)) for action_id, run in own.items())
        self.registry.serve(self.graph.routes())
        missing = self.registry.unserved()
        if missing:
            raise RuntimeError(f"actions without a handler: {', '.join(missing)}")

    def _build_menus(self) -> None:
        self.recent_menu = QMenu(self.tr("Open &Recent"), self)
        menus = self.registry.fill_menus(self.menuBar(), after={"file.open": self.recent_menu})
        panels = menus[VIEW].addMenu(self.tr("&Panels"))
        panels.addAction(self.docks_toggle_action())
        for dock in self.docks.values():
            panels.addAction(dock.toggleViewAction())

    def docks_toggle_action(self) -> QAction:
        action = QAction(self.tr("Reset &Layout"), self)
        action.triggered.connect(self._reset_layout)
        return action

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        recent = settings.recent_files()
        for path in recent:
            title = project_title(Path(path))
            action = self.recent_menu.addAction(
                self.tr("{title}  ({path})").format(title=title, path=path) if title else path)
            action.triggered.connect(lambda _=False, p=path: self.files.open(p))
        self.recent_menu.setEnabled(bool(recent))

    # --- actions ----------------------------------------------------------------------
    def trigger(self, action_id: str) -> bool:
        """Run an action by id as its menu item would (False: disabled, or nothing acted)."""
        return self.registry.trigger(action_id)

    def _editing_panels(self) -> list[QWidget]:
        """The panels whose controls edit the project (locked while it is read-only)."""
        self.graph.search.setProperty(VIEW_ONLY_PROPERTY, True)  # finding a scene works in review
        panels = [self.panels[k] for k in ("inspector", "timeline", "library") if k in self.panels]
        return [self.graph, *panels]

    def save(self) -> bool:
        """File > Save; in a read-only project it says why nothing is saved and where review notes go."""
        if self.doc.read_only and self.doc.path is not None:
            return explain_save(self, self.doc, self.files.save_as)
        return self.files.save()

    def action_state(self) -> ActionState:
        has_project = self.doc.path is not None
        return ActionState(
            writable=has_project and not self.doc.read_only,
            has_path=has_project and not self.doc.untitled,
            has_project=has_project,
            has_selection=bool(self.selection.scenes),
            can_undo=self.doc.undo_stack.canUndo(),
            can_redo=self.doc.undo_stack.canRedo(),
            read_only_reason=read_only_reason(self.doc),
        )

    def _update_actions(self) -> None:
        if not isValid(self.doc.undo_stack):  # the document is being torn down (window closing)
            return
        self.registry.update(self.action_state())

    def show_scene(self, scene_id: str) -> None:
        """A scene opened on the graph (Enter, double-click): select it, show and raise the Inspector."""
        if scene_id not in self.doc.project.scene_map():
            return
        if self.selection.scenes != {scene_id}:
            self.selection.set([scene_id])
        dock = self.docks.get("inspector")
        if dock is None:
            return
        dock.show()
        dock.raise_()
        inspector = self.panels["inspector"]
        if isinstance(inspector, InspectorPanel):
            inspector.tabs.setCurrentIndex(0)  # its Item tab (not Project)

    def about(self) -> None:
        text = self.tr("{app} {version}\nBranching micro-drama authoring.")
        dialogs.inform(self, self.tr("About"), text.format(app=APP_NAME, version=__version__))

    def show_help(self, which: str) -> QDialog:
        """Help > Getting Started or Keyboard Shortcuts: one window each, beside the studio."""
        return self.help_pages.show(which)

    def edit_preferences(self) -> None:
        dialog = PreferencesDialog(self.prefs, self)
        if dialog.exec():
            self.prefs = dialog.result_preferences()
            self.prefs.save()
            self.autosaver.set_interval(self.prefs.autosave_seconds * 1000)
            self.graph.view.show_grid = self.prefs.show_grid
            self.graph.view.viewport().update()
            from PySide6.QtWidgets import QApplication

            from studio.ui import theme

            app = QApplication.instance()
            if isinstance(app, QApplication):
                theme.apply(app, self.prefs.theme)
            if dialog.language_changed():
                self.banner.show_message(
                    self.tr("The studio's language changes when it is restarted."), kind="info")

    # --- state display ------------------------------------------------------------------
    def _update_title(self, *_args: object) -> None:
        if self.doc.path is None:
            self.setWindowTitle(APP_NAME)
            self.setWindowModified(False)
            return
        name = self.doc.display_name()
        if self.doc.read_only:
            title = self.tr("{name}[*] (read-only) — {app}")
        else:
            title = self.tr("{name}[*] — {app}")
        self.setWindowTitle(title.format(name=name, app=APP_NAME))
        self.setWindowModified(self.doc.dirty)

    def _show_start(self, show: bool) -> None:
        """The start screen instead of the graph (docks and toolbar put away), or back again."""
        if show == self.showing_start:
            return
        self.showing_start = show
        if show:
            self._layout_before_start = self.saveState()
            for dock in self.docks.values():
                dock.hide()
            self.toolbar.hide()
            self._problem_label.hide()
            self.start_page.refresh()
            self.central.setCurrentWidget(self.start_page)
            return
        self.central.setCurrentWidget(self.editor)
        self.toolbar.show()
        self._problem_label.show()
        if self._layout_before_start is not None:
            self.restoreState(self._layout_before_start)
            self._unelide_tabs()
        self._layout_before_start = None

    def _on_file_changed(self) -> None:
        self._show_start(self.doc.path is None)
        self._update_title()
        self._update_actions()
        self.disk_banner.hide()
        show_file_state(self.banner, self.doc, self._reopen, self.files.take_over)

    def _reopen(self) -> None:
        if self.doc.path is not None:
            self.files.open(self.doc.path)

    def _on_disk_changed(self, state: str) -> None:
        show_disk_state(self.disk_banner, state, self.files.reload)

    def _status(self, text: str) -> None:
        self.statusBar().showMessage(readable(text, self.doc.project), 8000)

    def _update_problem_count(self) -> None:
        problems = self.services.validation.problems
        self._problem_label.setText(problem_summary(problems) if problems else self.tr("No problems"))

    # --- layout persistence -----------------------------------------------------------------
    def _restore_layout(self) -> None:
        geometry, state = settings.window_state()
        if geometry is not None:
            self.restoreGeometry(geometry)
        if state is not None:
            self.restoreState(state)
            self._unelide_tabs()

    def _reset_layout(self) -> None:
        for dock in self.docks.values():
            dock.show()
            dock.setFloating(False)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._closed:
            event.accept()
            return
        if not self.files.maybe_save():
            event.ignore()
            return
        self._closed = True
        state = self._layout_before_start if self.showing_start else None
        settings.save_window(self.saveGeometry(), state if state is not None else self.saveState())
        self.autosaver.remove()
        self.bundles.shutdown()  # cancel and join a running export/import
        self.web_preview.shutdown()  # stop serving, remove the preview's folder
        for shutdown in self._shutdowns:  # stop players and workers before Qt goes away
            shutdown()
        self.services.shutdown()
        self.doc.close()
        event.accept()

    def open_project(self, path: str | Path, read_only: bool = False) -> bool:
        return self.files.open(path, read_only)


def shortcut_text(action: QAction) -> str:
    return action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
