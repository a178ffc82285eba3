"""The scene Inspector's "Subtitles and dubs" section (a clip scene).

It lists the scene's subtitle tracks (locale, number of cues; export, remove) with "Import
subtitles…" (the timeline lane's dialog, :mod:`studio.ui.timeline.subtitle_files`), and its dubs
(locale -> audio file, its length; remove) with "Add dub…": the audio file is probed
(:func:`studio.media.audio.probe_audio`), copied into ``media/`` when it lies outside the project
folder, added to ``Project.audio`` and set as the locale's dub in ONE undoable command; removing a
dub also removes an audio file no scene uses any more.  A refusal shows one line under the buttons.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from studio.app.document import Document
from studio.app.subtitle_choice import lane_locales, subtitle_choice
from studio.model.ops import Batch, SceneRef, SetField
from studio.model.project import Project, Scene
from studio.subtitles import SubtitleError
from studio.subtitles.dubs import destination, dub_ops, probe_dub, remove_dub_ops
from studio.ui.inspector.fields import error_label
from studio.ui.inspector.forms import ElidedLabel
from studio.ui.timeline.geometry import format_time
from studio.ui.timeline.subtitle_files import ImportDialog, export_subtitles
from studio.ui.wheel import ComboBox

__all__ = ["TracksSection", "add_dub", "remove_dub", "remove_track"]

AUDIO_FILTER = "Audio (*.m4a *.mp4 *.aac *.mp3 *.ogg *.opus *.wav *.webm)"


def remove_track(doc: Document, scene_id: str, locale: str) -> str | None:
    """Remove the scene's ``locale`` subtitles (one undo step); the refusal or None."""
    scene = doc.project.scene_map()[scene_id]
    tracks = [t for t in scene.subtitles if t.locale != locale]
    text = QCoreApplication.translate("Subtitles", "Remove {locale} subtitles").format(locale=locale)
    return doc.push(SetField(SceneRef(scene_id).subtitles, tracks), text).reason


def add_dub(doc: Document, scene_id: str, locale: str, file: str | Path) -> str | None:
    """Make ``file`` the scene's ``locale`` dub (one undo step); the refusal (one line) or None."""
    folder = doc.folder
    if folder is None:
        return QCoreApplication.translate("Subtitles", "Save the project before adding a dub")
    source = Path(file)
    try:
        probe = probe_dub(source)
        rel, copy = destination(folder, source)
        ops = dub_ops(doc.project, scene_id, locale, probe, rel)
    except (SubtitleError, OSError) as exc:
        return str(exc)
    except ValueError as exc:  # a bad locale (the Dub model refuses it)
        return f"{locale}: {str(exc).splitlines()[-1].strip()}"
    if copy:
        try:
            (folder / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, folder / rel)
        except OSError as exc:
            return f"{source.name}: {exc.strerror or exc}"
    text = QCoreApplication.translate("Subtitles", "Add {locale} dub").format(locale=locale)
    return doc.push(Batch(tuple(ops), text), text).reason


def remove_dub(doc: Document, scene_id: str, locale: str) -> str | None:
    """Remove the scene's ``locale`` dub and an audio file no scene uses any more (one undo step)."""
    try:
        ops = remove_dub_ops(doc.project, scene_id, locale)
    except SubtitleError:
        return None  # nothing to remove
    text = QCoreApplication.translate("Subtitles", "Remove {locale} dub").format(locale=locale)
    return doc.push(Batch(tuple(ops), text), text).reason


class TracksSection(QWidget):
    """Subtitle tracks and dubs of one clip scene (see the module docstring)."""

    def __init__(self, doc: Document, scene_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tracksSection")
        self.doc, self.scene_id = doc, scene_id
        self._shown: object = None
        title = QLabel(self.tr("Subtitles and dubs"), self)
        title.setObjectName("sectionTitle")
        font = title.font()
        font.setBold(True)
        title.setFont(font)
        title.setContentsMargins(0, 8, 0, 0)
        self.tracks = QVBoxLayout()
        self.tracks.setSpacing(2)
        self.dubs = QVBoxLayout()
        self.dubs.setSpacing(2)
        self.import_button = QPushButton(self.tr("Import subtitles…"), self)
        self.import_button.setObjectName("importSubtitles")
        self.import_button.clicked.connect(self.open_import)
        self.dub_locale = ComboBox(self)
        self.dub_locale.setObjectName("dubLocale")
        self.dub_locale.setEditable(True)
        self.dub_locale.setToolTip(self.tr("The locale the dub is for"))
        self.dub_locale.setSizeAdjustPolicy(ComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.dub_locale.setMinimumContentsLength(6)  # "zh-Hant" fits, never squeezed
        self.dub_locale.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.dub_button = QPushButton(self.tr("Add dub…"), self)
        self.dub_button.setObjectName("addDub")
        self.dub_button.setToolTip(
            self.tr("An audio file that replaces the clip's sound for viewers of the locale")
        )
        self.dub_button.clicked.connect(self.choose_dub)
        self.error = error_label(self)
        self.import_dialog: ImportDialog | None = None
        dub_row = QHBoxLayout()
        dub_row.setContentsMargins(0, 0, 0, 0)
        dub_row.addWidget(self.dub_locale)
        dub_row.addWidget(self.dub_button, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(title)
        layout.addWidget(self._sub(self.tr("Subtitles")))
        layout.addLayout(self.tracks)
        layout.addWidget(self.import_button)
        layout.addWidget(self._sub(self.tr("Dubbed audio")))
        layout.addLayout(self.dubs)
        layout.addLayout(dub_row)
        layout.addWidget(self.error)
        self.refresh(doc.project)

    def _sub(self, text: str) -> QLabel:
        label = QLabel(text, self)
        label.setObjectName("tracksSubtitle")
        return label

    def scene(self, project: Project) -> Scene | None:
        return project.scene_map().get(self.scene_id)

    # --- rows -------------------------------------------------------------------------
    def refresh(self, project: Project) -> None:
        scene = self.scene(project)
        if scene is None:
            return
        audio = {a.id: a for a in project.audio}
        shown = (
            tuple((t.locale, len(t.cues)) for t in scene.subtitles),
            tuple((d.locale, d.audio) for d in scene.dubs),
            tuple((a.id, a.path, a.duration_ms) for a in project.audio),
            tuple(lane_locales(project, scene)),
        )
        if shown == self._shown:
            return
        self._shown = shown
        self._clear(self.tracks)
        self._clear(self.dubs)
        for track in scene.subtitles:
            n = len(track.cues)
            summary = self.tr("1 subtitle") if n == 1 else self.tr("{count} subtitles").format(count=n)
            row = self._row(self.tracks, f"{track.locale} · {summary}")
            export = self._tool(row, self.tr("Export…"), self.tr("Write these subtitles as .vtt or .srt"))
            export.clicked.connect(lambda _=False, loc=track.locale: self.export(loc))
            remove = self._tool(row, self.tr("Remove"), self.tr("Remove the {locale} subtitles").format(
                locale=track.locale))
            remove.clicked.connect(lambda _=False, loc=track.locale: self._show(
                remove_track(self.doc, self.scene_id, loc)))
        if not scene.subtitles:
            self._row(self.tracks, self.tr("None yet"))
        for dub in scene.dubs:
            asset = audio.get(dub.audio)
            what = f"{Path(asset.path).name} ({format_time(asset.duration_ms)})" if asset else dub.audio
            row = self._row(self.dubs, f"{dub.locale} · {what}")
            remove = self._tool(row, self.tr("Remove"), self.tr("Remove the {locale} dub").format(
                locale=dub.locale))
            remove.clicked.connect(lambda _=False, loc=dub.locale: self._show(
                remove_dub(self.doc, self.scene_id, loc)))
        if not scene.dubs:
            self._row(self.dubs, self.tr("None yet"))
        current = self.dub_locale.currentText()
        self.dub_locale.clear()
        offered = [loc for loc in lane_locales(project, scene) if loc != project.locale] or [project.locale]
        self.dub_locale.addItems(offered)
        self.dub_locale.setCurrentText(current if current else offered[0])

    def _row(self, into: QVBoxLayout, text: str) -> QHBoxLayout:
        # Each row is a widget of its own: clearing deletes widgets only.  (Taking a nested
        # *layout* out with takeAt() gives Python a second owner of it: deleting it from both
        # sides crashed the interpreter at exit.)
        holder = QWidget(self)
        row = QHBoxLayout(holder)
        row.setContentsMargins(8, 0, 0, 0)
        row.setSpacing(2)
        label = ElidedLabel(text, holder)
        label.setToolTip(text)
        label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        row.addWidget(label, 1)
        into.addWidget(holder)
        return row

    def _tool(self, row: QHBoxLayout, text: str, tip: str) -> QToolButton:
        button = QToolButton(row.parentWidget())
        button.setText(text)
        button.setToolTip(tip)
        button.setAutoRaise(True)
        row.addWidget(button)
        return button

    @staticmethod
    def _clear(layout: QVBoxLayout) -> None:
        while layout.count():
            item = layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()
                widget.deleteLater()

    def _show(self, reason: str | None) -> None:
        self.error.setText(reason or "")
        self.error.setVisible(bool(reason))

    # --- actions ----------------------------------------------------------------------
    def open_import(self) -> ImportDialog:
        locale = subtitle_choice(self.doc).locale(self.doc.project)
        dialog = ImportDialog(self.doc, self.scene_id, locale, self.window())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.import_dialog = dialog
        dialog.open()
        return dialog

    def export(self, locale: str) -> None:
        scene = self.scene(self.doc.project)
        track = next((t for t in scene.subtitles if t.locale == locale), None) if scene else None
        if track is None:
            return
        folder = self.doc.folder
        name = f"{self.scene_id}.{locale}.vtt"
        self._show(export_subtitles(self, list(track.cues), str(folder / name) if folder else name))

    def choose_dub(self) -> None:
        locale = self.dub_locale.currentText().strip()
        if not locale:
            self._show(self.tr("Choose the locale of the dub"))
            return
        folder = str(self.doc.folder or "")
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Add dub"), folder, AUDIO_FILTER)
        if path:
            self._show(add_dub(self.doc, self.scene_id, locale, path))
