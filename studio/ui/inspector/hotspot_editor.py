"""The hotspot section of the tag and option forms: frame canvas plus x/y/w/h fields.

Wraps :class:`~studio.ui.inspector.hotspot.HotspotCanvas` with the frame to
show (the playhead's time on this scene, else the item's start), the
numeric fields for exact values, and for options (whose hotspot is optional)
a button to remove it.  The player's title bar and choice dock are shaded over the frame and
a hotspot mostly under them is named with a warning; a storyboard scene shows its card.
Every change is one undoable op.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from studio.app.document import Document
from studio.app.playhead import Playhead
from studio.model.ops import HotspotRef, Op, OpError, OptionRef, Outcome, SetField, TagRef
from studio.model.player_chrome import CHOICE_DOCK_NAME, TITLE_BAR_NAME, covered
from studio.model.project import Project
from studio.model.types import Rect
from studio.ui.inspector.fields import ERROR_STYLE, LineField, format_ms, parse_fraction, short_reason
from studio.ui.inspector.hotspot import FrameKey, HotspotCanvas, RectT, aspect_ratio, frames
from studio.ui.preview.card import card_image, card_of_scene


def chrome_name(name: str) -> str:
    """A part of the player's chrome (:func:`~studio.model.player_chrome.covered`), as the interface
    names it."""
    if name == TITLE_BAR_NAME:
        return QCoreApplication.translate("HotspotEditor", "the player's title bar")
    if name == CHOICE_DOCK_NAME:
        return QCoreApplication.translate("HotspotEditor", "the player's choice dock")
    return name


def _fmt(value: object) -> str:
    return "" if value is None else f"{value:g}" if isinstance(value, float) else str(value)


class HotspotEditor(QWidget):
    """Edit the hotspot of ``owner`` (an option's, which may be removed, or a product tag's) on a
    frame of its scene's clip."""

    def __init__(
        self,
        doc: Document,
        playhead: Playhead,
        owner: OptionRef | TagRef,
        start_ms: Callable[[Project], int],
        others: Callable[[Project], list[RectT]],
        colour: str = "#8a4fbf",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("hotspotEditor")
        self.doc, self.playhead, self.owner, self.scene_id = doc, playhead, owner, owner.scene
        self.target = owner.hotspot
        self.path = self.target.id_path
        optional = isinstance(owner, OptionRef)
        self.start_ms, self.others, self.optional = start_ms, others, optional
        self.canvas = HotspotCanvas(self)
        self.canvas.colour = QColor(colour)
        self.canvas.committed.connect(self.commit)
        self.where = QLabel("", self)
        self.where.setObjectName("muted")
        self.remove_button = QPushButton(self.tr("Remove hotspot"), self)
        self.remove_button.setVisible(optional)
        self.remove_button.clicked.connect(self.remove)
        self.warning = QLabel("", self)
        self.warning.setObjectName("hotspotCovered")
        self.warning.setStyleSheet("color: #c77c02;")
        self.warning.setWordWrap(True)
        self.warning.hide()
        self.error = QLabel("", self)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        grid = QGridLayout()
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(4)
        self.fields: list[LineField] = []
        rect = HotspotRef(owner)
        for n, (name, target) in enumerate((("x", rect.x), ("y", rect.y), ("w", rect.w), ("h", rect.h))):
            undo = self.tr("Set hotspot {name}").format(name=name)
            f = LineField(doc, target, parse_fraction, _fmt, undo_text=undo)
            f.edit.setObjectName(f"hotspot_{name}")
            grid.addWidget(QLabel(name, self), n // 2, (n % 2) * 2)
            grid.addWidget(f, n // 2, (n % 2) * 2 + 1)
            self.fields.append(f)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.where, 1)
        row.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(3)
        layout.addWidget(self.canvas)
        layout.addLayout(row)
        layout.addLayout(grid)
        layout.addWidget(self.warning)
        layout.addWidget(self.error)
        self._want: FrameKey | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(120)
        self._timer.timeout.connect(self.load_frame)
        playhead.moved.connect(self._on_playhead)
        frames().ready.connect(self._on_frame)

    def hotspot(self, project: Project) -> Rect | None:
        """The hotspot (None: none, or its option or tag is gone)."""
        try:
            return self.target.get(project)
        except OpError:
            return None

    def refresh(self, project: Project) -> None:
        r = self.hotspot(project)
        self.canvas.ratio = aspect_ratio(project.aspect)
        self.canvas.rect_n = None if r is None else (r.x, r.y, r.w, r.h)
        self.canvas.others = self.others(project)
        self.canvas.setFixedHeight(self.canvas.heightForWidth(max(160, min(self.width(), 320))))
        under = covered(r) if r is not None else None
        warning = self.tr("Mostly under {chrome}: viewers cannot tap it there.")
        self.warning.setText(warning.format(chrome=chrome_name(under)) if under else "")
        self.warning.setVisible(bool(under))
        for f in self.fields:
            f.setEnabled(r is not None)
            f.refresh(project)
        self.remove_button.setEnabled(r is not None)
        if r is None:
            self.canvas.note = self.tr("No hotspot: drag on the frame to draw one")
        else:
            self.canvas.note = ""
        self.load_frame()

    def frame_ms(self, project: Project) -> tuple[int, bool]:
        """(ms, at the playhead?) of the frame to show."""
        if self.playhead.scene == self.scene_id:
            return self.playhead.ms, True
        return self.start_ms(project), False

    def load_frame(self) -> None:
        project = self.doc.project
        scene = project.scene_map().get(self.scene_id)
        asset = project.media_map().get(scene.media) if scene and scene.media is not None else None
        folder = self.doc.folder
        ms, at_playhead = self.frame_ms(project)
        where = self.tr("Frame at {time} (playhead)") if at_playhead else self.tr("Frame at {time}")
        self.where.setText(where.format(time=format_ms(ms)))
        card = card_of_scene(scene, project.aspect) if scene is not None else None
        if card is not None:  # a storyboard scene: its card stands for the frame
            self._want = None
            self.canvas.image = card_image(card, ms)
            self.canvas.update()
            return
        if asset is None or folder is None:
            self.canvas.image = None
            self.canvas.note = self.canvas.note or self.tr("No clip to show")
            self.canvas.update()
            return
        ms = min(ms, max(0, asset.duration_ms - 1))
        path = folder / asset.path
        self._want = (str(path), asset.sha256, ms)
        image = frames().get(path, asset.sha256, ms)
        if image is not None:
            self.canvas.image = image
        elif (reason := frames().error(path, asset.sha256, ms)) is not None:
            self.canvas.image = None
            self.where.setText(self.tr("Frame unavailable: {reason}").format(reason=reason))
        self.canvas.update()

    def _on_playhead(self, _ms: int, _origin: object) -> None:
        if self.playhead.scene == self.scene_id:
            self._timer.start()

    def _on_frame(self, key: object) -> None:
        if key == self._want:
            self.load_frame()

    def commit(self, r: RectT) -> bool:
        try:
            rect = Rect(x=r[0], y=r[1], w=r[2], h=r[3])
        except ValueError as exc:
            return self._fail(str(exc).splitlines()[-1])
        text = self.tr("Draw hotspot") if self.canvas.rect_n is None else self.tr("Move hotspot")
        if isinstance(self.owner, OptionRef):  # (two branches: the two fields differ in type)
            op: Op = SetField(self.owner.hotspot, rect)
        else:
            op = SetField(self.owner.hotspot, rect)
        if not self._pushed(self.doc.push(op, text)):
            return False
        self.error.hide()
        return True

    def remove(self) -> bool:
        if not isinstance(self.owner, OptionRef):
            return self._fail(self.tr("a product tag needs its hotspot"))
        return self._pushed(self.doc.push(SetField(self.owner.hotspot, None), self.tr("Remove hotspot")))

    def _pushed(self, outcome: Outcome) -> bool:
        return True if outcome.reason is None else self._fail(short_reason(outcome.reason, self.target))

    def _fail(self, reason: str) -> bool:
        self.error.setText(reason)
        self.error.show()
        self.canvas.update()
        return False
