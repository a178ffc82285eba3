"""Importing and exporting a scene's subtitles (.vtt / .srt), from the lane and the Inspector.

:func:`import_subtitles` reads a file (:mod:`studio.subtitles`), places it in clip time (its times
are clip times, or start at the scene's in point) and replaces or creates that locale's track as
ONE undoable command; a bad file changes nothing and the one-line reason names the file and line.
:class:`ImportDialog` asks for the file, the locale and how its times count;
:func:`export_subtitles` writes a track as WebVTT or SubRip.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import ValidationError
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from studio.app.document import Document
from studio.app.subtitle_choice import lane_locales
from studio.model.ops import SceneRef, SetField
from studio.model.tracks import Cue
from studio.subtitles import SubtitleError, place_track, read_subtitles, to_srt, to_vtt
from studio.subtitles.place import RelativeTo
from studio.ui.wheel import ComboBox

__all__ = ["ImportDialog", "export_subtitles", "import_subtitles", "write_subtitles"]

FILTER_IN = "Subtitles (*.vtt *.srt);;WebVTT (*.vtt);;SubRip (*.srt)"
FILTER_OUT = "WebVTT (*.vtt);;SubRip (*.srt)"


def _one_line(exc: ValidationError) -> str:
    first = exc.errors()[0]
    return str(first.get("msg", exc)).removeprefix("Value error, ")


def import_subtitles(
    doc: Document, scene_id: str, path: str | Path, locale: str, relative_to: RelativeTo = "clip"
) -> str | None:
    """Read ``path`` into ``locale``'s track of the scene (one undo step); the reason it was
    refused (one line naming the file), or None when it was imported."""
    name = Path(path).name
    try:
        cues = read_subtitles(path)
        change = place_track(doc.project, scene_id, locale, cues, relative_to, source=name)
    except SubtitleError as exc:
        return str(exc)
    except ValidationError as exc:
        return f"{name}: {_one_line(exc)}"
    if not cues:
        return QCoreApplication.translate("Subtitles", "{file}: no subtitles in the file").format(file=name)
    text = QCoreApplication.translate("Subtitles", "Import subtitles ({locale})").format(locale=locale)
    outcome = doc.push(SetField(SceneRef(scene_id).subtitles, change.tracks), text)
    return outcome.reason


def write_subtitles(cues: list[Cue], path: str | Path) -> None:
    """Write ``cues`` as SubRip when ``path`` ends in .srt, else WebVTT (UTF-8)."""
    text = to_srt(cues) if str(path).lower().endswith(".srt") else to_vtt(cues)
    Path(path).write_text(text, encoding="utf-8")


def export_subtitles(parent: QWidget, cues: list[Cue], suggested: str) -> str | None:
    """Ask where to write ``cues`` and write them; the error (one line) or None."""
    title = QCoreApplication.translate("Subtitles", "Export subtitles")
    path, chosen = QFileDialog.getSaveFileName(parent, title, suggested, FILTER_OUT)
    if not path:
        return None
    if not Path(path).suffix:
        path += ".srt" if chosen.startswith("SubRip") else ".vtt"
    try:
        write_subtitles(cues, path)
    except OSError as exc:
        return f"{Path(path).name}: {exc.strerror or exc}"
    return None


class ImportDialog(QDialog):
    """File, locale and time base of a subtitle import; OK imports (or shows why not)."""

    def __init__(self, doc: Document, scene_id: str, locale: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc, self.scene_id = doc, scene_id
        self.setObjectName("subtitleImport")
        self.setWindowTitle(self.tr("Import subtitles"))
        scene = doc.project.scene_map().get(scene_id)
        self.path = QLineEdit(self)
        self.path.setObjectName("subtitleImportPath")
        self.path.setPlaceholderText(self.tr("A .vtt or .srt file"))
        self.path.setMinimumWidth(260)
        browse = QPushButton(self.tr("Browse…"), self)
        browse.clicked.connect(self.browse)
        file_row = QHBoxLayout()
        file_row.addWidget(self.path, 1)
        file_row.addWidget(browse)
        self.picker = ComboBox(self)
        self.picker.setObjectName("subtitleImportLocale")
        self.picker.setEditable(True)
        self.picker.addItems(lane_locales(doc.project, scene))
        self.picker.setCurrentText(locale)
        self.picker.setToolTip(self.tr("The language of the subtitles (a BCP 47 tag such as zh-CN)"))
        self.clip_time = QRadioButton(self.tr("Times are clip times (from the start of the clip)"), self)
        self.in_point = QRadioButton(self.tr("Times start at the scene's in point"), self)
        self.clip_time.setChecked(True)
        if scene is not None and scene.in_ms:
            self.in_point.setText(
                self.tr("Times start at the scene's in point ({seconds} s)").format(
                    seconds=f"{scene.in_ms / 1000:g}"
                )
            )
        self.error = QLabel("", self)
        self.error.setObjectName("subtitleImportError")
        self.error.setWordWrap(True)
        self.error.setMinimumWidth(360)
        self.error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error.setStyleSheet("color: #d9534f;")
        self.error.hide()
        form = QFormLayout()
        form.addRow(self.tr("File"), file_row)
        form.addRow(self.tr("Locale"), self.picker)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Import"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.clip_time)
        layout.addWidget(self.in_point)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def browse(self) -> None:
        folder = str(self.doc.folder or "")
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import subtitles"), folder, FILTER_IN)
        if path:
            self.path.setText(path)

    def relative_to(self) -> RelativeTo:
        return "in" if self.in_point.isChecked() else "clip"

    def accept(self) -> None:
        """Import; on a refusal the dialog stays open showing the reason in one line."""
        path, locale = self.path.text().strip(), self.picker.currentText().strip()
        if not path:
            reason: str | None = self.tr("Choose a .vtt or .srt file")
        elif not locale:
            reason = self.tr("Choose the locale of the subtitles")
        else:
            reason = import_subtitles(self.doc, self.scene_id, path, locale, self.relative_to())
        if reason is not None:
            self.error.setText(reason)
            self.error.setToolTip(reason)
            self.error.show()
            self.adjustSize()  # the message is never cut off
            return
        super().accept()
