"""The Preferences dialog (autosave interval, theme, canvas grid, the studio's language)."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QCheckBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QWidget

from studio.app import i18n
from studio.app.settings import Preferences
from studio.ui.wheel import ComboBox, SpinBox

THEMES = [
    (str(QT_TRANSLATE_NOOP("PreferencesDialog", "Follow the system")), "system"),
    (str(QT_TRANSLATE_NOOP("PreferencesDialog", "Light")), "light"),
    (str(QT_TRANSLATE_NOOP("PreferencesDialog", "Dark")), "dark"),
]


class PreferencesDialog(QDialog):
    """Edits a copy of the preferences; read it back with :meth:`result_preferences`."""

    def __init__(self, prefs: Preferences, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Preferences"))
        self._prefs = prefs
        self.autosave = SpinBox(self)
        self.autosave.setRange(5, 60)
        self.autosave.setSuffix(self.tr(" s"))
        self.autosave.setValue(prefs.autosave_seconds)
        self.autosave.setToolTip(
            self.tr("Unsaved work is written to a recovery file this soon after a change"))
        self.theme = ComboBox(self)
        for label, value in THEMES:
            self.theme.addItem(QCoreApplication.translate("PreferencesDialog", label), value)
        self.theme.setCurrentIndex(max(0, [v for _, v in THEMES].index(prefs.theme)))
        self.grid = QCheckBox(self.tr("Show the grid on the branch graph"), self)
        self.grid.setChecked(prefs.show_grid)
        self.language = ComboBox(self)
        for code, _name in i18n.LANGUAGES:
            self.language.addItem(i18n.language_name(code), code)
        self.language.setCurrentIndex(max(0, self.language.findData(prefs.language)))
        self.language.setToolTip(self.tr("The language of the studio's menus, panels and messages"))
        self.language_note = QLabel(self.tr("A new language applies when the studio is restarted."), self)
        self.language_note.setWordWrap(True)
        self.language_note.setEnabled(False)
        self.language_note.setVisible(False)
        self.language.currentIndexChanged.connect(self._language_changed)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Autosave recovery after"), self.autosave)
        form.addRow(self.tr("Theme"), self.theme)
        form.addRow("", self.grid)
        form.addRow(self.tr("Language"), self.language)
        form.addRow("", self.language_note)
        form.addRow(buttons)

    def _language_changed(self, _index: int) -> None:
        self.language_note.setVisible(self.language.currentData() != self._prefs.language)

    def language_changed(self) -> bool:
        """Whether the language chosen differs from the one the dialog started with."""
        return str(self.language.currentData()) != self._prefs.language

    def result_preferences(self) -> Preferences:
        return replace(
            self._prefs,
            autosave_seconds=self.autosave.value(),
            theme=str(self.theme.currentData()),
            show_grid=self.grid.isChecked(),
            language=str(self.language.currentData()),
        )
