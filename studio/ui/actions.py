"""Menu and toolbar actions, declared as data.

:data:`ACTIONS` lists every command once (id, label, shortcut, menu, toolbar,
icon).  :func:`build` turns them into ``QAction``s; the main window routes a
triggered action by id.  Tests trigger actions by id too.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from studio.ui.icons import icon

Key = QKeySequence.StandardKey


@dataclass(frozen=True)
class ActionSpec:
    id: str
    text: str
    menu: str
    shortcut: Key | str | None = None
    toolbar: bool = False
    icon: str | None = None
    tip: str = ""
    separator_before: bool = False


ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec("file.new", "&New", "&File", Key.New, True, "new", "Start a new drama"),
    ActionSpec("file.open", "&Open…", "&File", Key.Open, True, "open", "Open a drama project"),
    ActionSpec("file.save", "&Save", "&File", Key.Save, True, "save", "Save the project", True),
    ActionSpec("file.save_as", "Save &As…", "&File", Key.SaveAs, False, None, "Save into another folder"),
    ActionSpec("file.revert", "&Revert to Saved", "&File", None, False, None, "Drop unsaved changes"),
    ActionSpec("file.reload", "Reload from &Disk", "&File", None, False, None, "Read drama.json again"),
    ActionSpec("file.export_bundle", "&Export Bundle…", "&File", "Ctrl+E", tip="Export a .drama.zip",
               separator_before=True),
    ActionSpec("file.open_bundle", "Open &Bundle…", "&File", tip="Import a .drama.zip and open it"),
    ActionSpec("file.quit", "&Quit", "&File", Key.Quit, False, None, "", True),
    ActionSpec("edit.undo", "&Undo", "&Edit", Key.Undo, True, "undo", "", True),
    ActionSpec("edit.redo", "&Redo", "&Edit", Key.Redo, True, "redo"),
    ActionSpec("edit.cut", "Cu&t", "&Edit", Key.Cut, False, None, "", True),
    ActionSpec("edit.copy", "&Copy", "&Edit", Key.Copy),
    ActionSpec("edit.paste", "&Paste", "&Edit", Key.Paste),
    ActionSpec("edit.duplicate", "D&uplicate", "&Edit", "Ctrl+D", False, "duplicate"),
    ActionSpec("edit.delete", "&Delete", "&Edit", Key.Delete, True, "delete", "Delete the selection"),
    ActionSpec("edit.select_all", "Select &All", "&Edit", Key.SelectAll, False, None, "", True),
    ActionSpec("graph.find", "&Find Scene…", "&Edit", Key.Find, False, "find"),
    ActionSpec("edit.preferences", "Pr&eferences…", "&Edit", Key.Preferences, False, None, "", True),
    ActionSpec("media.import", "&Import Clips…", "&Scene", "Ctrl+I", True, "import", "Import video clips"),
    ActionSpec("media.relink", "&Relink Clip…", "&Scene", None, False, "relink", "Find a moved clip"),
    ActionSpec("graph.set_start", "Set as &Start", "&Scene", None, True, "start", "Make it the start", True),
    ActionSpec("graph.ending_good", "Mark Ending: &Good", "&Scene", None, False, "ending"),
    ActionSpec("graph.ending_neutral", "Mark Ending: &Neutral", "&Scene"),
    ActionSpec("graph.ending_bad", "Mark Ending: &Bad", "&Scene"),
    ActionSpec("graph.unmark_ending", "&Unmark Ending", "&Scene"),
    ActionSpec("graph.arrange", "&Arrange All", "&Scene", "Ctrl+L", False, "arrange", "", True),
    ActionSpec("graph.arrange_selected", "Arrange Se&lected", "&Scene", "Ctrl+Shift+L"),
    ActionSpec("view.zoom_in", "Zoom &In", "&View", Key.ZoomIn, False, "zoom-in"),
    ActionSpec("view.zoom_out", "Zoom &Out", "&View", Key.ZoomOut, False, "zoom-out"),
    ActionSpec("view.zoom_fit", "Zoom to &Fit", "&View", "Ctrl+0", True, "fit", "Show every scene"),
    ActionSpec("view.zoom_reset", "&Actual Size", "&View", "Ctrl+1"),
    ActionSpec("help.about", "&About Drama Studio", "&Help"),
)

MENUS = ("&File", "&Edit", "&Scene", "&View", "&Help")


def build(parent: QWidget) -> dict[str, QAction]:
    """One QAction per spec (undo/redo are replaced by the undo stack's own)."""
    out: dict[str, QAction] = {}
    for spec in ACTIONS:
        action = QAction(spec.text, parent)
        action.setObjectName(spec.id)
        if spec.icon:
            action.setIcon(icon(spec.icon))
        if spec.shortcut is not None:
            action.setShortcut(QKeySequence(spec.shortcut))
        if spec.tip:
            action.setStatusTip(spec.tip)
            action.setToolTip(spec.tip)
        out[spec.id] = action
    return out
