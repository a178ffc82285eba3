"""The Preferences dialog (autosave interval, theme, canvas grid)."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import QCheckBox, QDialog, QDialogButtonBox, QFormLayout, QWidget

from studio.app.settings import Preferences
from studio.ui.wheel import ComboBox, SpinBox

THEMES = [("Follow the system", "system"), ("Light", "light"), ("Dark", "dark")]


class PreferencesDialog(QDialog):
    """Edits a copy of the preferences; read it back with :meth:`result_preferences`."""

    def __init__(self, prefs: Preferences, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Preferences")
        self._prefs = prefs
        self.autosave = SpinBox(self)
        self.autosave.setRange(5, 60)
        self.autosave.setSuffix(" s")
        self.autosave.setValue(prefs.autosave_seconds)
        self.autosave.setToolTip("Unsaved work is written to a recovery file this soon after a change")
        self.theme = ComboBox(self)
        for label, value in THEMES:
            self.theme.addItem(label, value)
        self.theme.setCurrentIndex(max(0, [v for _, v in THEMES].index(prefs.theme)))
        self.grid = QCheckBox("Show the grid on the branch graph", self)
        self.grid.setChecked(prefs.show_grid)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow("Autosave recovery after", self.autosave)
        form.addRow("Theme", self.theme)
        form.addRow("", self.grid)
        form.addRow(buttons)

    def result_preferences(self) -> Preferences:
        return replace(
            self._prefs,
            autosave_seconds=self.autosave.value(),
            theme=str(self.theme.currentData()),
            show_grid=self.grid.isChecked(),
        )
