"""The video surface of the playthrough: the player's latest frame, letterboxed.

:class:`VideoSurface` paints the last ``QImage`` a player emitted
(``frame_ready``), scaled to fit the *display rect*: the largest rect of the
project's aspect (9:16 by default) centred in the widget.  Overlays place
their items relative to :meth:`VideoSurface.video_rect` (hotspots are
normalised to it).  Without a frame it paints a dark rect and a short note.  A storyboard
placeholder scene is painted as its titled colour card with its clock (:meth:`show_card`).
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from studio.ui.preview.card import Card, paint_card

ASPECTS: dict[str, tuple[int, int]] = {
    "9:16": (9, 16),
    "16:9": (16, 9),
    "1:1": (1, 1),
    "4:5": (4, 5),
    "3:4": (3, 4),
}


def fit_rect(outer: QRect, aspect: tuple[int, int]) -> QRect:
    """The largest rect of ``aspect`` (w, h) centred in ``outer``."""
    aw, ah = aspect
    w, h = outer.width(), outer.height()
    if w <= 0 or h <= 0:
        return QRect(outer.topLeft(), QSize(0, 0))
    if w * ah > h * aw:  # too wide: full height
        fw, fh = h * aw // ah, h
    else:
        fw, fh = w, w * ah // aw
    return QRect(outer.x() + (w - fw) // 2, outer.y() + (h - fh) // 2, fw, fh)


class VideoSurface(QWidget):
    """Shows frames letterboxed at the project's aspect."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("playthroughVideo")
        self._image: QImage | None = None
        self._aspect = ASPECTS["9:16"]
        self._note = self.tr("Press “Play story” to play the drama.")
        self.setMinimumSize(120, 200)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.frames_shown = 0
        self._card: Card | None = None
        self._card_ms = 0

    def set_aspect(self, aspect: str) -> None:
        self._aspect = ASPECTS.get(aspect, ASPECTS["9:16"])
        self.update()

    def set_note(self, note: str) -> None:
        """Text shown while there is no frame (plain text)."""
        self._note = note
        self.update()

    def show_frame(self, image: QImage) -> None:
        self._image = image
        self.frames_shown += 1
        self.update(self.video_rect())

    def clear(self) -> None:
        self._image = None
        self._card = None
        self.update()

    def show_card(self, card: Card, ms: int) -> None:
        """Show a storyboard placeholder scene's card at clip time ``ms`` (instead of video)."""
        if card == self._card and ms == self._card_ms:
            return
        if self._card is None:
            self._image = None  # the clip before is over; the next clip shows from its first frame
        self._card, self._card_ms = card, ms
        self.update(self.video_rect())

    def clear_card(self) -> None:
        if self._card is not None:
            self._card = None
            self.update()

    @property
    def card(self) -> Card | None:
        """The placeholder card shown (None: video or nothing)."""
        return self._card

    @property
    def card_ms(self) -> int:
        return self._card_ms

    @property
    def image(self) -> QImage | None:
        return self._image

    def video_rect(self) -> QRect:
        return fit_rect(self.rect(), self._aspect)

    def sizeHint(self) -> QSize:
        return QSize(360, 640)

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("#101114"))
        box = self.video_rect()
        painter.fillRect(box, QColor("#000000"))
        image = self._image
        if self._card is not None:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            paint_card(painter, box, self._card, self._card_ms)
        elif image is not None and not image.isNull():
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            target = fit_rect(box, (image.width(), image.height()))
            painter.drawImage(QRectF(target), image)
        elif self._note:
            painter.setPen(QColor("#c8ccd2"))
            painter.drawText(
                box.adjusted(16, 16, -16, -16),
                int(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap),
                self._note,
            )
        painter.end()
