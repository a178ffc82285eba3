"""Inspector fields of a storyboard placeholder scene: its card colour and planned duration, and
"Give this scene a clip" (a picker of the library's clips).

A placeholder scene (:class:`~studio.model.items.Placeholder`) plays as a titled colour card
for its planned duration until its footage exists.  Each change is ONE undoable op:
the colour (a colour button), the duration (a spin box in seconds, the wheel only when it has
focus: :mod:`studio.ui.wheel`), and giving it a clip
(:class:`~studio.model.ops.clip.GiveClip`: timed items keep their times; a clip too short for
them is refused with the reason, in the picker before anything is applied).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QColorDialog,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from studio.app.document import Document
from studio.model.ops import SceneRef, SetField
from studio.model.ops.clip import GiveClip, clip_refusal
from studio.model.project import Placeholder, Project
from studio.ui.inspector.fields import ERROR_STYLE, Field, push_built
from studio.ui.wheel import DoubleSpinBox

MIN_S, MAX_S = 0.1, 3600.0


def _placeholder(project: Project, sid: str) -> Placeholder | None:
    scene = project.scene_map().get(sid)
    return scene.placeholder if scene is not None else None


def _with(project: Project, sid: str, **change: object) -> SetField[Placeholder | None]:
    card = _placeholder(project, sid)
    if card is None:
        raise ValueError(QCoreApplication.translate("Storyboard", "this scene is no longer a placeholder"))
    return SetField(SceneRef(sid).placeholder, card.model_copy(update=change))


class ColourField(Field):
    """The card's colour: a button showing it; a pick is one edit."""

    def __init__(self, doc: Document, ref: SceneRef, parent: QWidget | None = None) -> None:
        super().__init__(doc, ref.placeholder, lambda p: _placeholder(p, ref.scene), parent)
        self.sid = ref.scene
        self.path = (*ref.id_path, "placeholder", "colour")
        self.button = QPushButton(self)
        self.button.setObjectName("placeholderColour")
        self.button.setToolTip(
            self.tr("The colour of the storyboard card shown until the scene has its clip")
        )
        self.button.clicked.connect(self.choose)
        self.row.addWidget(self.button)
        self.row.addStretch(1)

    def colour(self) -> str:
        card = self.current(self.doc.project)
        return card.colour if card is not None else ""

    def choose(self) -> None:
        picked = QColorDialog.getColor(QColor(self.colour() or "#3d5a80"), self, self.tr("Card colour"))
        if picked.isValid():
            self.pick(picked)

    def pick(self, colour: QColor) -> bool:
        """Set the card's colour (as a dialog pick would): one edit; False if refused."""
        value = colour.name(QColor.NameFormat.HexRgb).lower()
        if value == self.colour():
            return True
        op = lambda: _with(self.doc.project, self.sid, colour=value)  # noqa: E731
        return self.pushed(push_built(self.doc, op, self.tr("Set card colour")))

    def refresh(self, project: Project) -> None:
        value = self.colour()
        self.button.setText(f"  {value}")
        text = "#000000" if QColor(value or "#000000").lightness() > 140 else "#ffffff"
        self.button.setStyleSheet(
            f"QPushButton#placeholderColour {{ background: {value or 'transparent'}; color: {text};"
            " padding: 3px 12px; text-align: left; }"
        )


class DurationField(Field):
    """The card's planned duration in seconds (0.1 .. 3600, to the millisecond)."""

    def __init__(self, doc: Document, ref: SceneRef, parent: QWidget | None = None) -> None:
        super().__init__(doc, ref.placeholder, lambda p: _placeholder(p, ref.scene), parent)
        self.sid = ref.scene
        self.path = (*ref.id_path, "placeholder", "duration_ms")
        self.spin = DoubleSpinBox(self)
        self.spin.setObjectName("placeholderDuration")
        self.spin.setDecimals(3)
        self.spin.setRange(MIN_S, MAX_S)
        self.spin.setSingleStep(0.5)
        self.spin.setSuffix(self.tr(" s"))
        self.spin.setKeyboardTracking(False)  # typing applies on Enter / focus out: one edit
        self.spin.setCorrectionMode(QAbstractSpinBox.CorrectionMode.CorrectToNearestValue)
        self.spin.setToolTip(self.tr("How long the storyboard card plays (the planned length of the scene)"))
        self.row.addWidget(self.spin, 1)
        self.spin.valueChanged.connect(self._changed)

    def _changed(self, seconds: float) -> None:
        self.set_ms(round(seconds * 1000))

    def set_ms(self, ms: int) -> bool:
        """Set the duration (as typing it would): one edit (steps in a row merge); False if refused."""
        card = self.current(self.doc.project)
        if card is not None and card.duration_ms == ms:
            return True
        op = lambda: _with(self.doc.project, self.sid, duration_ms=ms)  # noqa: E731
        ok = self.pushed(push_built(self.doc, op, self.tr("Set card duration"), merge=True))
        if not ok:
            self.refresh(self.doc.project)
        return ok

    def refresh(self, project: Project) -> None:
        card = self.current(project)
        if card is None:
            return
        self.spin.blockSignals(True)
        self.spin.setValue(card.duration_ms / 1000)
        self.spin.blockSignals(False)


class ClipPicker(QDialog):
    """Pick the library clip a placeholder scene gets; a clip too short for its timed items is
    named with the reason and cannot be chosen."""

    def __init__(self, doc: Document, sid: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc, self.sid = doc, sid
        scene = doc.project.scene_map()[sid]
        self.setWindowTitle(self.tr("Give “{title}” a clip").format(title=scene.title))
        self.setObjectName("clipPicker")
        intro = QLabel(
            self.tr(
                "The storyboard card is replaced by the clip; the choice window, savings prompts and "
                "product tags keep their times."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.clips = QListWidget(self)
        self.clips.setObjectName("clipList")
        for asset in doc.project.media:
            name = asset.path.rsplit("/", 1)[-1]
            seconds = f"{asset.duration_ms / 1000:g}"
            shown = self.tr("{file}  ({seconds} s)").format(file=name, seconds=seconds)
            item = QListWidgetItem(shown, self.clips)
            item.setData(Qt.ItemDataRole.UserRole, asset.id)
        self.reason = QLabel("", self)
        self.reason.setObjectName("clipReason")
        self.reason.setStyleSheet(ERROR_STYLE)
        self.reason.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Give it this clip"))
        self.buttons.accepted.connect(self.apply)
        self.buttons.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        box.addWidget(intro)
        box.addWidget(self.clips, 1)
        box.addWidget(self.reason)
        box.addWidget(self.buttons)
        self.clips.currentItemChanged.connect(self._picked)
        self.clips.itemDoubleClicked.connect(lambda _item: self.apply())
        self.resize(420, 320)
        if self.clips.count():
            self.clips.setCurrentRow(0)
        else:
            self._picked(None)

    def media(self) -> str | None:
        item = self.clips.currentItem()
        value = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        return value if isinstance(value, str) else None

    def select(self, media_id: str) -> None:
        for row in range(self.clips.count()):
            if self.clips.item(row).data(Qt.ItemDataRole.UserRole) == media_id:
                self.clips.setCurrentRow(row)
                return
        raise KeyError(media_id)

    def _picked(self, _item: object) -> None:
        media = self.media()
        if media is None:
            reason: str | None = self.tr(
                "The library has no clips yet: import one (Scene › Import Clips, Ctrl+I)."
            )
        else:
            reason = clip_refusal(self.doc.project, self.sid, media)
        self.reason.setText(reason or "")
        self.reason.setVisible(bool(reason))
        self.ok_button.setEnabled(reason is None)

    def apply(self) -> bool:
        """Give the scene the chosen clip (one edit) and close; False (reason shown) if refused."""
        media = self.media()
        if media is None or not self.ok_button.isEnabled():
            return False
        undo = self.tr("Give “{title}” a clip").format(title=self._title())
        outcome = self.doc.push(GiveClip(self.sid, media), undo)
        if outcome.reason is not None:
            self.reason.setText(outcome.reason)
            self.reason.show()
            return False
        self.accept()
        return True

    def _title(self) -> str:
        scene = self.doc.project.scene_map().get(self.sid)
        return scene.title if scene is not None else self.sid


class GiveClipButton(QWidget):
    """"Give this scene a clip…": opens the :class:`ClipPicker`."""

    def __init__(self, doc: Document, sid: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc, self.sid = doc, sid
        self.path = ("scene", sid, "give_clip")
        self.button = QPushButton(self.tr("Give this scene a clip…"), self)
        self.button.setObjectName("giveClip")
        self.button.setToolTip(
            self.tr(
                "Replace the storyboard card by a clip from the library, keeping everything timed on the "
                "scene"
            )
        )
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.button)
        self.button.clicked.connect(self.open_picker)
        self.picker: ClipPicker | None = None

    def open_picker(self) -> ClipPicker:
        self.picker = ClipPicker(self.doc, self.sid, self)
        self.picker.open()
        return self.picker

    def refresh(self, project: Project) -> None:
        pass


__all__ = ["ClipPicker", "ColourField", "DurationField", "GiveClipButton"]
