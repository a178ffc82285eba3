"""The action registry: every menu and toolbar command declared once, as data.

Each :class:`ActionSpec` says what an action looks like (id, text, shortcut,
icon, tip, menu, short toolbar text) and when it can run (``enabled_when``, a
predicate over :class:`ActionState`: the document's and the selection's state).
Who runs it is bound when the window assembles its panels: the window and each
panel serve routes (:class:`Route`, :meth:`ActionRegistry.serve`) for the ids they handle.
To add a command: one ``A(...)`` line in :data:`ACTIONS` (its menu and place follow from
the order there), and one route served by whoever runs it; Help > Keyboard Shortcuts
lists its shortcut by itself.
A route with ``focus`` runs only while the keyboard focus is inside that
widget; such routes are tried first, then the others in the order served.  A
handler returns False when it had nothing to act on (the next route runs).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QMenuBar, QToolBar, QWidget

from studio.ui.icons import icon

Key = QKeySequence.StandardKey


@dataclass(frozen=True)
class ActionState:
    """What the enabled-when predicates look at."""

    writable: bool = True  # a project is open and accepts edits (not read-only)
    has_path: bool = False  # the project has been saved or opened from disk (not untitled)
    has_project: bool = True  # a project is open (False: the start screen)
    has_selection: bool = False  # at least one scene is selected
    can_undo: bool = False
    can_redo: bool = False
    read_only_reason: str = ""  # why the open project cannot be edited ("Read-only review: ..."), or ""


Predicate = Callable[[ActionState], bool]
ReadOnly = Literal["works", "disabled", "explains"]
OFF: ReadOnly = "disabled"


def always(_state: ActionState) -> bool:
    return True


def writable(state: ActionState) -> bool:
    return state.writable


def has_path(state: ActionState) -> bool:
    return state.has_path


def has_project(state: ActionState) -> bool:
    return state.has_project


def has_selection(state: ActionState) -> bool:
    return state.has_selection


def writable_selection(state: ActionState) -> bool:
    return state.writable and state.has_selection


def can_undo(state: ActionState) -> bool:
    return state.can_undo


def can_redo(state: ActionState) -> bool:
    return state.can_redo


FILE, EDIT, SCENE, VIEW, HELP = "&File", "&Edit", "&Scene", "&View", "&Help"
MENUS = (FILE, EDIT, SCENE, VIEW, HELP)


@dataclass(frozen=True)
class ActionSpec:
    """One command: its look, its place and when it is enabled.

    ``toolbar`` is the short text on the main toolbar ("": not on the toolbar).
    ``read_only`` is what it does in a read-only project (review mode, or locked by another
    studio): ``"works"``; ``"disabled"`` (it edits the project), its tooltip saying why; or
    ``"explains"``: enabled, its tooltip saying why, and its handler explains (Save).
    """

    id: str
    text: str
    menu: str
    shortcut: Key | str | None = None
    icon: str | None = None
    tip: str = ""
    toolbar: str = ""
    separator_before: bool = False
    enabled_when: Predicate = always
    read_only: ReadOnly = "works"


A = ActionSpec
ACTIONS: tuple[ActionSpec, ...] = (
    A("file.new", "&New", FILE, Key.New, "new", "Start a new drama", "New"),
    A("file.open", "&Open…", FILE, Key.Open, "open", "Open a drama project folder", "Open"),
    A("file.close", "&Close Project", FILE, "Ctrl+W", tip="Close the project and show the start screen",
      enabled_when=has_project),
    A("file.save", "&Save", FILE, Key.Save, "save", "Save the project", "Save", separator_before=True,
      enabled_when=has_project, read_only="explains"),
    A("file.save_as", "Save &As…", FILE, Key.SaveAs, tip="Save the project into a folder you choose",
      enabled_when=has_project),
    A("file.revert", "&Revert to Saved", FILE, tip="Drop unsaved changes", enabled_when=has_path),
    A("file.reload", "Reload from &Disk", FILE, tip="Read drama.json again", enabled_when=has_path),
    A("file.export_bundle", "&Export Bundle…", FILE, "Ctrl+E", tip="Export a .drama.zip",
      separator_before=True, enabled_when=has_project),
    A("file.preview_web", "Preview in &Browser", FILE, icon="preview",
      tip="Play the saved project in your web browser (served on this computer only)", toolbar="Preview",
      enabled_when=has_project),
    A("file.open_bundle", "Open &Bundle…", FILE, tip="Import a .drama.zip and open it"),
    A("file.quit", "&Quit", FILE, Key.Quit, separator_before=True),
    # The main window takes these two QActions from the undo stack (text: the prefix of "Undo Move").
    A("edit.undo", "Undo", EDIT, Key.Undo, "undo", toolbar="Undo", separator_before=True,
      enabled_when=can_undo, read_only=OFF),
    A("edit.redo", "Redo", EDIT, Key.Redo, "redo", toolbar="Redo", enabled_when=can_redo, read_only=OFF),
    A("edit.cut", "Cu&t", EDIT, Key.Cut, separator_before=True, enabled_when=writable_selection,
      read_only=OFF),
    A("edit.copy", "&Copy", EDIT, Key.Copy, enabled_when=has_selection),
    A("edit.paste", "&Paste", EDIT, Key.Paste, enabled_when=writable, read_only=OFF),
    A("edit.duplicate", "D&uplicate", EDIT, "Ctrl+D", "duplicate", enabled_when=writable_selection,
      read_only=OFF),
    A("edit.delete", "&Delete", EDIT, Key.Delete, "delete", "Delete the selection", "Delete",
      enabled_when=writable, read_only=OFF),
    A("edit.select_all", "Select &All", EDIT, Key.SelectAll, separator_before=True),
    A("graph.find", "&Find Scene…", EDIT, Key.Find, "find"),
    A("edit.preferences", "Pr&eferences…", EDIT, Key.Preferences, separator_before=True),
    A("media.import", "&Import Clips…", SCENE, "Ctrl+I", "import", "Import video clips", "Import",
      enabled_when=writable, read_only=OFF),
    A("media.relink", "&Relink Clip…", SCENE, None, "relink", "Find a moved clip", enabled_when=writable,
      read_only=OFF),
    A("graph.set_start", "Set as &Start", SCENE, None, "start", "Make it the start", "Set as Start",
      separator_before=True, enabled_when=writable, read_only=OFF),
    A("graph.ending_good", "Mark Ending: &Good", SCENE, None, "ending", enabled_when=writable_selection,
      read_only=OFF),
    A("graph.ending_neutral", "Mark Ending: &Neutral", SCENE, enabled_when=writable_selection, read_only=OFF),
    A("graph.ending_bad", "Mark Ending: &Bad", SCENE, enabled_when=writable_selection, read_only=OFF),
    A("graph.unmark_ending", "&Unmark Ending", SCENE, enabled_when=writable_selection, read_only=OFF),
    A("graph.arrange", "&Arrange All", SCENE, "Ctrl+L", "arrange", separator_before=True,
      enabled_when=writable, read_only=OFF),
    A("graph.arrange_selected", "Arrange Se&lected", SCENE, "Ctrl+Shift+L", enabled_when=writable_selection,
      read_only=OFF),
    A("view.zoom_in", "Zoom &In", VIEW, Key.ZoomIn, "zoom-in"),
    A("view.zoom_out", "Zoom &Out", VIEW, Key.ZoomOut, "zoom-out"),
    A("view.zoom_fit", "Zoom to &Fit", VIEW, "Ctrl+0", "fit", "Show every scene", "Zoom to Fit"),
    A("view.zoom_reset", "&Actual Size", VIEW, "Ctrl+1"),
    A("help.getting_started", "&Getting Started", HELP, Key.HelpContents, tip="The first hour, step by step"),
    A("help.shortcuts", "&Keyboard Shortcuts", HELP, "Ctrl+/", tip="Every shortcut of the studio"),
    A("help.about", "&About Drama Studio", HELP, separator_before=True),
)
SPECS: dict[str, ActionSpec] = {spec.id: spec for spec in ACTIONS}


@dataclass(frozen=True)
class Route:
    """``handler`` runs ``action``; with ``focus``, only while the focus is inside that widget."""

    action: str
    handler: Callable[[], bool]
    focus: QWidget | None = None


def done(run: Callable[[], object]) -> Callable[[], bool]:
    """A handler that always acts (its result, e.g. a cancelled dialog, is its own business)."""

    def handler() -> bool:
        run()
        return True

    return handler


def _dress(action: QAction, spec: ActionSpec) -> None:
    action.setObjectName(spec.id)
    if spec.icon:
        action.setIcon(icon(spec.icon))
    if spec.shortcut is not None:
        action.setShortcut(QKeySequence(spec.shortcut))
    if spec.tip:
        action.setStatusTip(spec.tip)
        action.setToolTip(spec.tip)
    if spec.toolbar:
        action.setIconText(spec.toolbar)


class ActionRegistry:
    """The QActions of :data:`ACTIONS` in one window, their routes and their enabled state.

    ``made`` gives QActions built elsewhere (the undo stack's own undo/redo: they keep
    their live text and run the stack themselves); every other action runs :meth:`trigger`.
    """

    def __init__(
        self,
        window: QWidget,
        specs: Sequence[ActionSpec] = ACTIONS,
        made: Mapping[str, QAction] | None = None,
    ) -> None:
        self.window = window
        self.specs = tuple(specs)
        self.actions: dict[str, QAction] = {}
        self._routes: dict[str, list[Route]] = {spec.id: [] for spec in self.specs}
        self._tips: dict[str, str] = {}  # tooltips set by update() (read-only reasons)
        made = made or {}
        for spec in self.specs:
            action = made.get(spec.id)
            if action is None:
                action = QAction(spec.text, window)
                action.triggered.connect(lambda _=False, aid=spec.id: self.trigger(aid))
            _dress(action, spec)
            self.actions[spec.id] = action

    def serve(self, routes: Iterable[Route]) -> None:
        """Bind handlers; an id that is not declared is a bug (KeyError at assembly)."""
        for route in routes:
            if route.action not in self._routes:
                raise KeyError(f"no action {route.action!r} is declared in studio.ui.actions")
            self._routes[route.action].append(route)

    def unserved(self) -> list[str]:
        """Declared actions that nothing runs whatever has the focus (must be empty)."""
        return [aid for aid, routes in self._routes.items() if not any(r.focus is None for r in routes)]

    def routes(self, action_id: str) -> list[Route]:
        """The routes of an action in the order they are tried with the current focus."""
        focused = self.window.focusWidget()
        routes = self._routes[action_id]
        if focused is None:
            return [r for r in routes if r.focus is None]
        inside = [r for r in routes if r.focus is not None and r.focus.isAncestorOf(focused)]
        return inside + [r for r in routes if r.focus is None]

    def trigger(self, action_id: str) -> bool:
        """Run an enabled action; False if it is disabled or no route acted."""
        if not self.actions[action_id].isEnabled():
            return False
        return any(route.handler() for route in self.routes(action_id))

    def update(self, state: ActionState) -> None:
        """Enable each action by its predicate; in a read-only project, the actions that edit it
        are disabled, and theirs and Save's tooltips say why."""
        for spec in self.specs:
            action = self.actions[spec.id]
            reason = state.read_only_reason if spec.read_only != "works" else ""
            action.setEnabled(spec.enabled_when(state) and not (reason and spec.read_only == OFF))
            tip = f"{reason}\n\n{spec.tip}" if reason and spec.tip else reason or spec.tip
            if self._tips.get(spec.id, spec.tip) != tip:
                self._tips[spec.id] = tip
                action.setToolTip(tip)
                action.setStatusTip(tip.split("\n", 1)[0])

    def fill_menus(self, bar: QMenuBar, after: Mapping[str, QMenu] | None = None) -> dict[str, QMenu]:
        """The menus in :data:`MENUS` order; ``after`` puts a submenu right after an action."""
        menus = {name: bar.addMenu(name) for name in MENUS}
        for menu in menus.values():
            menu.setToolTipsVisible(True)  # a disabled item says why (read-only)
        for spec in self.specs:
            menu = menus[spec.menu]
            if spec.separator_before:
                menu.addSeparator()
            menu.addAction(self.actions[spec.id])
            if after and spec.id in after:
                menu.addMenu(after[spec.id])
        return menus

    def toolbar(self, parent: QWidget) -> QToolBar:
        """The main toolbar: actions with toolbar text, a separator between menus."""
        bar = QToolBar("Main toolbar", parent)
        bar.setObjectName("toolbar.main")
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        bar.setMovable(False)
        previous = ""
        for spec in self.specs:
            if not spec.toolbar:
                continue
            if previous and spec.menu != previous:
                bar.addSeparator()
            previous = spec.menu
            bar.addAction(self.actions[spec.id])
        return bar
