"""The timeline's subtitle lane: a locale picker and the scene's cues in that locale.

Under the timeline's lanes, :class:`SubtitleLane` shows the cues of the timeline's scene in the
locale picked (the drama's locale, its target locales and any locale the scene has a track in),
drawn by :class:`~studio.ui.timeline.subtitle_strip.CueStrip` in the canvas's time mapping.  The
picked locale is the document's :class:`~studio.app.subtitle_choice.SubtitleChoice`, which the
preview follows.  Every edit is one undoable command (:mod:`studio.ui.timeline.subtitle_edit`);
"⋯" holds add, import and export (:mod:`studio.ui.timeline.subtitle_files`).
:func:`attach` puts a lane under a :class:`~studio.ui.timeline.panel.TimelinePanel`.
"""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPlainTextEdit,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from studio.app.subtitle_choice import SubtitleChoice, lane_locales, subtitle_choice
from studio.model.ops import ChangeSet
from studio.model.project import Scene
from studio.ui.actions import Route
from studio.ui.timeline import geometry as g
from studio.ui.timeline.panel import TimelinePanel
from studio.ui.timeline.subtitle_edit import CueEdit, add_cue, edit_text, remove_cue, retime_cue
from studio.ui.timeline.subtitle_files import ImportDialog, export_subtitles
from studio.ui.timeline.subtitle_strip import STRIP_H, CueStrip
from studio.ui.wheel import ComboBox

__all__ = ["CueDialog", "SubtitleLane", "attach", "lane_of"]

D = TypeVar("D", bound=QDialog)


class CueDialog(QDialog):
    """Edits one cue's text (lines kept); Ctrl+Enter or OK applies."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cueDialog")
        self.setWindowTitle(self.tr("Subtitle text"))
        self.text = QPlainTextEdit(self)
        self.text.setObjectName("cueText")
        self.text.setPlainText(text)
        self.text.selectAll()
        self.text.setTabChangesFocus(True)
        self.text.setMinimumSize(320, 80)
        hint = QLabel(self.tr("One or two short lines. Ctrl+Enter applies."), self)
        hint.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self).activated.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(hint)
        layout.addWidget(buttons)

    def value(self) -> str:
        return self.text.toPlainText()


class SubtitleLane(QWidget):
    """The subtitle lane of one :class:`TimelinePanel` (see the module docstring)."""

    def __init__(self, panel: TimelinePanel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("subtitleLane")
        self.panel, self.doc, self.canvas = panel, panel.doc, panel.canvas
        self.choice: SubtitleChoice = subtitle_choice(self.doc)
        self.dialog: QDialog | None = None  # the editor or import dialog open now
        self._scene: str | None = None

        self.more = QToolButton(self)
        self.more.setObjectName("subtitleLaneMenu")
        self.more.setText("⋯")
        self.more.setFixedWidth(16)
        self.more.setAutoRaise(True)
        self.more.setToolTip(self.tr("Add, import or export subtitles"))
        self.more.setAccessibleName(self.tr("Subtitle actions"))
        self.more.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.more.setStyleSheet("QToolButton::menu-indicator { image: none; width: 0px; }")
        self.more.setMenu(self.actions_menu(None))
        self.picker = ComboBox(self)
        self.picker.setObjectName("subtitleLocale")
        self.picker.setToolTip(
            self.tr("Subtitles: the locale whose cues are shown and edited (the preview shows it)")
        )
        self.picker.setAccessibleName(self.tr("Subtitle locale"))
        self.picker.setSizeAdjustPolicy(ComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.picker.setMinimumContentsLength(4)
        self.picker.setFont(self.canvas.look.small)
        self.picker.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.picker.currentIndexChanged.connect(self._on_locale_picked)
        self.strip = CueStrip(self.canvas, panel.scroller.horizontalScrollBar(), self)

        column = QWidget(self)
        column.setObjectName("subtitleLaneHeader")
        column.setFixedWidth(g.HEADER_W)
        top = QHBoxLayout(column)
        top.setContentsMargins(2, 2, 0, 2)
        top.setSpacing(0)
        top.addWidget(self.picker, 1)
        top.addWidget(self.more)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(column)
        row.addWidget(self.strip, 1)
        self.setFixedHeight(STRIP_H)

        s = self.strip
        s.retime.connect(self.retime)
        s.edit_requested.connect(self.open_editor)
        s.add_requested.connect(self._add_at)
        s.remove_requested.connect(self.remove)
        s.nudge_requested.connect(self.nudge)
        s.menu_requested.connect(self._menu_at)
        self.doc.changed.connect(self._on_changed)
        self.doc.reset.connect(self.refresh)
        panel.selection.changed.connect(self.refresh)
        panel.playhead.scene_changed.connect(lambda _s: self.refresh())
        panel.playhead.moved.connect(lambda _ms, _o: s.update())
        self.choice.changed.connect(lambda _l: self.refresh())
        self.refresh()

    # --- state ------------------------------------------------------------------------
    def scene(self) -> Scene | None:
        return self.canvas.scene()

    def current_locale(self) -> str:
        return self.choice.locale(self.doc.project)

    def refresh(self) -> None:
        """Follow the canvas's scene, the document and the picked locale."""
        scene = self.scene()
        sid = scene.id if scene is not None else None
        if sid != self._scene:
            self._scene = sid
            self.strip.select(None)
        locale = self.current_locale()
        offered = lane_locales(self.doc.project, scene)
        if locale not in offered:
            offered.append(locale)
        self.picker.blockSignals(True)
        self.picker.clear()
        for code in offered:
            track = next((t for t in scene.subtitles if t.locale == code), None) if scene else None
            self.picker.addItem(code, code)
            count = len(track.cues) if track is not None else 0
            many = self.tr("{count} subtitles").format(count=count)
            tip = f"{code}: " + (self.tr("1 subtitle") if count == 1 else many)
            self.picker.setItemData(self.picker.count() - 1, tip, Qt.ItemDataRole.ToolTipRole)
        self.picker.setCurrentIndex(offered.index(locale))
        self.picker.blockSignals(False)
        self.picker.setEnabled(scene is not None)
        self.more.setEnabled(scene is not None)
        self.strip.track_locale = locale
        self.strip.select(self.strip.selected)  # clamp to the cues there are now
        self.strip.update()

    def _on_locale_picked(self, index: int) -> None:
        code = self.picker.itemData(index)
        if isinstance(code, str):
            self.choice.set_locale(None if code == self.doc.project.locale else code)
            self.strip.select(None)

    def _on_changed(self, changes: ChangeSet) -> None:
        sid = self._scene
        if changes.reset or changes.project or (sid is not None and sid in changes.scenes):
            self.refresh()

    # --- edits ------------------------------------------------------------------------
    def _push(self, edit: CueEdit | None, merge: bool = False) -> bool:
        if edit is None:
            return False
        if not self.doc.push(edit.op, edit.text, merge=merge):
            self.strip.update()
            return False
        self.strip.select(edit.index)
        return True

    def retime(self, index: int, start: int, end: int, resize: bool) -> bool:
        scene = self.scene()
        if scene is None:
            return False
        locale = self.current_locale()
        return self._push(retime_cue(self.doc.project, scene, locale, index, start, end, resize))

    def nudge(self, index: int, sign: int, seconds: bool) -> bool:
        scene = self.scene()
        if scene is None or not 0 <= index < len(self.strip.cues()):
            return False
        cue = self.strip.cues()[index]
        moved = g.step(cue.start_ms, sign, seconds, self.canvas.fps)
        edit = retime_cue(
            self.doc.project, scene, self.current_locale(), index, moved, moved + cue.end_ms - cue.start_ms
        )
        return self._push(edit, merge=True)

    def set_text(self, index: int, text: str) -> bool:
        scene = self.scene()
        if scene is None or not text.strip():
            return False
        return self._push(edit_text(scene, self.current_locale(), index, text))

    def add_cue(self, at_ms: int, text: str) -> bool:
        scene = self.scene()
        if scene is None or not text.strip():
            return False
        return self._push(add_cue(self.doc.project, scene, self.current_locale(), at_ms, text.strip()))

    def remove(self, index: int) -> bool:
        scene = self.scene()
        if scene is None:
            return False
        return self._push(remove_cue(scene, self.current_locale(), index))

    def remove_selected(self) -> bool:
        return self.strip.selected is not None and self.remove(self.strip.selected)

    # --- dialogs ----------------------------------------------------------------------
    def open_editor(self, index: int) -> CueDialog | None:
        """The text editor of cue ``index`` (window-modal); OK pushes "Edit subtitle"."""
        cues = self.strip.cues()
        if not 0 <= index < len(cues):
            return None
        dialog = CueDialog(cues[index].text, self)
        dialog.accepted.connect(lambda: self.set_text(index, dialog.value()))
        return self._show(dialog)

    def _add_at(self, ms: int) -> None:
        self.add_at(ms)

    def add_at(self, ms: int | None = None) -> CueDialog | None:
        """Ask for the text of a new cue at ``ms`` (default: the playhead); OK adds it."""
        if self.scene() is None:
            return None
        at = ms if ms is not None else self.canvas.playhead_ms or self.canvas.span[0]
        self.canvas.seek(at)
        dialog = CueDialog("", self)
        dialog.setWindowTitle(self.tr("New subtitle"))
        dialog.accepted.connect(lambda: self.add_cue(at, dialog.value()))
        return self._show(dialog)

    def open_import(self) -> ImportDialog | None:
        scene = self.scene()
        if scene is None:
            return None
        return self._show(ImportDialog(self.doc, scene.id, self.current_locale(), self))

    def export(self) -> bool:
        """Ask where to write the lane's cues (.vtt/.srt); False when there are none."""
        scene = self.scene()
        cues = self.strip.cues()
        if scene is None or not cues:
            return False
        folder = self.doc.folder
        name = f"{scene.id}.{self.current_locale()}.vtt"
        error = export_subtitles(self, cues, str(folder / name) if folder else name)
        if error:
            self.doc.message.emit(error)
        return True

    def _show(self, dialog: D) -> D:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog = dialog
        dialog.finished.connect(lambda _r: self.strip.setFocus())
        dialog.open()
        return dialog

    def routes(self) -> tuple[Route, ...]:
        """Window actions a menu can offer ("subtitles.import", "subtitles.export", "subtitles.add"):
        they act on the timeline's scene, in the lane's locale."""
        return (
            Route("subtitles.import", lambda: self.open_import() is not None),
            Route("subtitles.export", self.export),
            Route("subtitles.add", lambda: self.add_at() is not None),
        )

    # --- menus ------------------------------------------------------------------------
    def actions_menu(self, index: int | None) -> QMenu:
        menu = QMenu(self)
        if index is not None:
            menu.addAction(self.tr("Edit subtitle text…"), lambda: self.open_editor(index))
            menu.addAction(self.tr("Move playhead here"), lambda: self._seek_cue(index))
            menu.addAction(self.tr("Delete subtitle"), lambda: self.remove(index))
            menu.addSeparator()
        menu.addAction(self.tr("Add subtitle at playhead…"), lambda: self.add_at())
        menu.addAction(self.tr("Import subtitles…"), self.open_import)
        export = menu.addAction(self.tr("Export subtitles…"), self.export)
        menu.aboutToShow.connect(lambda: export.setEnabled(bool(self.strip.cues())))
        return menu

    def _seek_cue(self, index: int) -> None:
        cues = self.strip.cues()
        if 0 <= index < len(cues):
            self.canvas.seek(cues[index].start_ms)

    def _menu_at(self, where: object, index: object) -> None:
        if self.scene() is None or not isinstance(where, QPoint):
            return
        menu = self.actions_menu(index if isinstance(index, int) else None)
        menu.exec(where)
        menu.deleteLater()


def attach(panel: TimelinePanel) -> SubtitleLane:
    """Put a subtitle lane at the bottom of ``panel`` (``panel.subtitles``)."""
    lane = SubtitleLane(panel, panel)
    layout = panel.layout()
    assert layout is not None
    layout.addWidget(lane)
    return lane


def lane_of(panel: QWidget) -> SubtitleLane | None:
    """The subtitle lane :func:`attach` put under ``panel`` (None if it has none)."""
    return panel.findChild(SubtitleLane, "subtitleLane")
