"""The Help windows of one studio window: each opens once and comes forward when asked again."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QWidget

from studio.ui.help.getting_started import GettingStartedDialog
from studio.ui.help.shortcuts import ShortcutsDialog

PAGES = {"getting_started": GettingStartedDialog, "shortcuts": ShortcutsDialog}


class HelpPages:
    """Getting Started and Keyboard Shortcuts beside the studio (not modal)."""

    def __init__(self, parent: QWidget) -> None:
        self.parent = parent
        self.open: dict[str, QDialog] = {}

    def show(self, which: str) -> QDialog:
        dialog = self.open.get(which)
        if dialog is None:
            dialog = PAGES[which](self.parent)
            self.open[which] = dialog
        if dialog.isVisible() and QGuiApplication.platformName() != "offscreen":
            dialog.raise_()  # already open behind the studio: bring it forward
            dialog.activateWindow()
        dialog.show()
        return dialog
