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

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
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


# Menu titles (translated when the menus are made: translate("Actions", name)).
FILE = str(QT_TRANSLATE_NOOP("Actions", "&File"))
EDIT = str(QT_TRANSLATE_NOOP("Actions", "&Edit"))
SCENE = str(QT_TRANSLATE_NOOP("Actions", "&Scene"))
VIEW = str(QT_TRANSLATE_NOOP("Actions", "&View"))
HELP = str(QT_TRANSLATE_NOOP("Actions", "&Help"))
MENUS = (FILE, EDIT, SCENE, VIEW, HELP)


def translated(text: str) -> str:
    """An action's or menu's text (held in English in the tables) in the studio's language."""
    return QCoreApplication.translate("Actions", text) if text else ""


@dataclass(frozen=True)
class ActionSpec:
    """One command: its look, its place and when it is enabled.

    ``text``, ``tip`` and ``toolbar`` are English (:func:`translated` when shown).
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


def A(
    id: str, text: object, menu: str, shortcut: Key | str | None = None, icon: str | None = None,
    tip: object = "", toolbar: object = "", separator_before: bool = False,
    enabled_when: Predicate = always, read_only: ReadOnly = "works",
) -> ActionSpec:
    """A row of :data:`ACTIONS` (the texts come from QT_TRANSLATE_NOOP, typed ``object``)."""
    return ActionSpec(id, str(text), menu, shortcut, icon, str(tip), str(toolbar), separator_before,
                      enabled_when, read_only)


ACTIONS: tuple[ActionSpec, ...] = (
    # The main window takes the undo stack's own undo/redo QActions (text: the prefix of "Undo Move").
    A("file.new", QT_TRANSLATE_NOOP("Actions", "&New"), FILE, shortcut=Key.New, icon="new",
      tip=QT_TRANSLATE_NOOP("Actions", "Start a new drama"), toolbar=QT_TRANSLATE_NOOP("Actions", "New")),
    A("file.open", QT_TRANSLATE_NOOP("Actions", "&Open…"), FILE, shortcut=Key.Open, icon="open",
      tip=QT_TRANSLATE_NOOP("Actions", "Open a drama project folder"),
      toolbar=QT_TRANSLATE_NOOP("Actions", "Open")),
    A("file.close", QT_TRANSLATE_NOOP("Actions", "&Close Project"), FILE, shortcut="Ctrl+W",
      tip=QT_TRANSLATE_NOOP("Actions", "Close the project and show the start screen"),
      enabled_when=has_project),
    A("file.save", QT_TRANSLATE_NOOP("Actions", "&Save"), FILE, shortcut=Key.Save, icon="save",
      tip=QT_TRANSLATE_NOOP("Actions", "Save the project"), toolbar=QT_TRANSLATE_NOOP("Actions", "Save"),
      separator_before=True, enabled_when=has_project, read_only="explains"),
    A("file.save_as", QT_TRANSLATE_NOOP("Actions", "Save &As…"), FILE, shortcut=Key.SaveAs,
      tip=QT_TRANSLATE_NOOP("Actions", "Save the project into a folder you choose"),
      enabled_when=has_project),
    A("file.revert", QT_TRANSLATE_NOOP("Actions", "&Revert to Saved"), FILE,
      tip=QT_TRANSLATE_NOOP("Actions", "Drop unsaved changes"), enabled_when=has_path),
    A("file.reload", QT_TRANSLATE_NOOP("Actions", "Reload from &Disk"), FILE,
      tip=QT_TRANSLATE_NOOP("Actions", "Read drama.json again"), enabled_when=has_path),
    A("file.export_bundle", QT_TRANSLATE_NOOP("Actions", "&Export Bundle…"), FILE, shortcut="Ctrl+E",
      tip=QT_TRANSLATE_NOOP("Actions", "Export a .drama.zip"), separator_before=True,
      enabled_when=has_project),
    A("file.preview_web", QT_TRANSLATE_NOOP("Actions", "Preview in &Browser"), FILE, icon="preview",
      tip=QT_TRANSLATE_NOOP("Actions",
                            "Play the saved project in your web browser (served on this computer only)"),
      toolbar=QT_TRANSLATE_NOOP("Actions", "Preview"), enabled_when=has_project),
    A("file.open_bundle", QT_TRANSLATE_NOOP("Actions", "Open &Bundle…"), FILE,
      tip=QT_TRANSLATE_NOOP("Actions", "Import a .drama.zip and open it")),
    A("file.quit", QT_TRANSLATE_NOOP("Actions", "&Quit"), FILE, shortcut=Key.Quit, separator_before=True),
    A("edit.undo", QT_TRANSLATE_NOOP("Actions", "Undo"), EDIT, shortcut=Key.Undo, icon="undo",
      toolbar=QT_TRANSLATE_NOOP("Actions", "Undo"), separator_before=True, enabled_when=can_undo,
      read_only=OFF),
    A("edit.redo", QT_TRANSLATE_NOOP("Actions", "Redo"), EDIT, shortcut=Key.Redo, icon="redo",
      toolbar=QT_TRANSLATE_NOOP("Actions", "Redo"), enabled_when=can_redo, read_only=OFF),
    A("edit.cut", QT_TRANSLATE_NOOP("Actions", "Cu&t"), EDIT, shortcut=Key.Cut, separator_before=True,
      enabled_when=writable_selection, read_only=OFF),
    A("edit.copy", QT_TRANSLATE_NOOP("Actions", "&Copy"), EDIT, shortcut=Key.Copy,
      enabled_when=has_selection),
    A("edit.paste", QT_TRANSLATE_NOOP("Actions", "&Paste"), EDIT, shortcut=Key.Paste, enabled_when=writable,
      read_only=OFF),
    A("edit.duplicate", QT_TRANSLATE_NOOP("Actions", "D&uplicate"), EDIT, shortcut="Ctrl+D", icon="duplicate",
      enabled_when=writable_selection, read_only=OFF),
    A("edit.delete", QT_TRANSLATE_NOOP("Actions", "&Delete"), EDIT, shortcut=Key.Delete, icon="delete",
      tip=QT_TRANSLATE_NOOP("Actions", "Delete the selection"),
      toolbar=QT_TRANSLATE_NOOP("Actions", "Delete"), enabled_when=writable, read_only=OFF),
    A("edit.select_all", QT_TRANSLATE_NOOP("Actions", "Select &All"), EDIT, shortcut=Key.SelectAll,
      separator_before=True),
    A("graph.find", QT_TRANSLATE_NOOP("Actions", "&Find Scene…"), EDIT, shortcut=Key.Find, icon="find"),
    A("edit.preferences", QT_TRANSLATE_NOOP("Actions", "Pr&eferences…"), EDIT, shortcut=Key.Preferences,
      separator_before=True),
    A("media.import", QT_TRANSLATE_NOOP("Actions", "&Import Clips…"), SCENE, shortcut="Ctrl+I",
      icon="import",
      tip=QT_TRANSLATE_NOOP("Actions", "Import video clips"), toolbar=QT_TRANSLATE_NOOP("Actions", "Import"),
      enabled_when=writable, read_only=OFF),
    A("media.relink", QT_TRANSLATE_NOOP("Actions", "&Relink Clip…"), SCENE, icon="relink",
      tip=QT_TRANSLATE_NOOP("Actions", "Find a moved clip"), enabled_when=writable, read_only=OFF),
    A("subtitles.import", QT_TRANSLATE_NOOP("Actions", "Import S&ubtitles…"), SCENE,
      tip=QT_TRANSLATE_NOOP("Actions", "Import a .vtt or .srt file as the selected scene's subtitles"),
      enabled_when=writable_selection, read_only=OFF),
    A("subtitles.add", QT_TRANSLATE_NOOP("Actions", "Add Su&btitle at Playhead"), SCENE,
      tip=QT_TRANSLATE_NOOP("Actions", "Add a subtitle cue at the playhead in the timeline's subtitle lane"),
      enabled_when=writable_selection, read_only=OFF),
    A("subtitles.export", QT_TRANSLATE_NOOP("Actions", "E&xport Subtitles…"), SCENE,
      tip=QT_TRANSLATE_NOOP("Actions", "Write the selected scene's subtitles as .vtt or .srt"),
      enabled_when=has_selection),
    A("graph.set_start", QT_TRANSLATE_NOOP("Actions", "Set as &Start"), SCENE, icon="start",
      tip=QT_TRANSLATE_NOOP("Actions", "Make it the start"),
      toolbar=QT_TRANSLATE_NOOP("Actions", "Set as Start"), separator_before=True, enabled_when=writable,
      read_only=OFF),
    A("graph.ending_good", QT_TRANSLATE_NOOP("Actions", "Mark Ending: &Good"), SCENE, icon="ending",
      enabled_when=writable_selection, read_only=OFF),
    A("graph.ending_neutral", QT_TRANSLATE_NOOP("Actions", "Mark Ending: &Neutral"), SCENE,
      enabled_when=writable_selection, read_only=OFF),
    A("graph.ending_bad", QT_TRANSLATE_NOOP("Actions", "Mark Ending: &Bad"), SCENE,
      enabled_when=writable_selection, read_only=OFF),
    A("graph.unmark_ending", QT_TRANSLATE_NOOP("Actions", "&Unmark Ending"), SCENE,
      enabled_when=writable_selection, read_only=OFF),
    A("graph.arrange", QT_TRANSLATE_NOOP("Actions", "&Arrange All"), SCENE, shortcut="Ctrl+L", icon="arrange",
      separator_before=True, enabled_when=writable, read_only=OFF),
    A("graph.arrange_selected", QT_TRANSLATE_NOOP("Actions", "Arrange Se&lected"), SCENE,
      shortcut="Ctrl+Shift+L", enabled_when=writable_selection, read_only=OFF),
    A("view.zoom_in", QT_TRANSLATE_NOOP("Actions", "Zoom &In"), VIEW, shortcut=Key.ZoomIn, icon="zoom-in"),
    A("view.zoom_out", QT_TRANSLATE_NOOP("Actions", "Zoom &Out"), VIEW, shortcut=Key.ZoomOut,
      icon="zoom-out"),
    A("view.zoom_fit", QT_TRANSLATE_NOOP("Actions", "Zoom to &Fit"), VIEW, shortcut="Ctrl+0", icon="fit",
      tip=QT_TRANSLATE_NOOP("Actions", "Show every scene"),
      toolbar=QT_TRANSLATE_NOOP("Actions", "Zoom to Fit")),
    A("view.zoom_reset", QT_TRANSLATE_NOOP("Actions", "&Actual Size"), VIEW, shortcut="Ctrl+1"),
    A("help.getting_started", QT_TRANSLATE_NOOP("Actions", "&Getting Started"), HELP,
      shortcut=Key.HelpContents, tip=QT_TRANSLATE_NOOP("Actions", "The first hour, step by step")),
    A("help.shortcuts", QT_TRANSLATE_NOOP("Actions", "&Keyboard Shortcuts"), HELP, shortcut="Ctrl+/",
      tip=QT_TRANSLATE_NOOP("Actions", "Every shortcut of the studio")),
    A("help.about", QT_TRANSLATE_NOOP("Actions", "&About Drama Studio"), HELP, separator_before=True),
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
        action.setStatusTip(translated(spec.tip))
        action.setToolTip(translated(spec.tip))
    if spec.toolbar:
        action.setIconText(translated(spec.toolbar))


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
                action = QAction(translated(spec.text), window)
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
            own = translated(spec.tip)
            tip = f"{reason}\n\n{own}" if reason and own else reason or own
            if self._tips.get(spec.id, own) != tip:
                self._tips[spec.id] = tip
                action.setToolTip(tip)
                action.setStatusTip(tip.split("\n", 1)[0])

    def fill_menus(self, bar: QMenuBar, after: Mapping[str, QMenu] | None = None) -> dict[str, QMenu]:
        """The menus in :data:`MENUS` order; ``after`` puts a submenu right after an action."""
        menus = {name: bar.addMenu(translated(name)) for name in MENUS}
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
        bar = QToolBar(QCoreApplication.translate("Actions", "Main toolbar"), parent)
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
