"""The preview's picture: the latest frame scaled to fit, letterboxed, plus a message line.

:class:`FrameCanvas` paints whatever image it was last given (it never goes black
by itself: a new clip's frame replaces the old one only when it arrives) scaled
to fit its rectangle with the clip's aspect kept (bars around it), and an
optional message (errors, "no clip") centred over it.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

__all__ = ["FrameCanvas", "fit_rect"]

BACKGROUND = QColor(17, 17, 19)
TEXT = QColor(235, 235, 240)
PANEL = QColor(0, 0, 0, 170)


def fit_rect(image: QSize, box: QRect) -> QRect:
    """The largest rectangle with ``image``'s aspect centred inside ``box``."""
    if image.isEmpty() or box.isEmpty():
        return QRect(box.topLeft(), QSize(0, 0))
    scaled = image.scaled(box.size(), Qt.AspectRatioMode.KeepAspectRatio)
    x = box.x() + (box.width() - scaled.width()) // 2
    y = box.y() + (box.height() - scaled.height()) // 2
    return QRect(x, y, scaled.width(), scaled.height())


class FrameCanvas(QWidget):
    """Paints the latest frame (aspect kept) and an optional message."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._image: QImage | None = None
        self._message = ""
        self.setObjectName("previewCanvas")
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(90, 160)

    def sizeHint(self) -> QSize:
        return QSize(270, 480)  # vertical 9:16 clips

    @property
    def image(self) -> QImage | None:
        return self._image

    @property
    def message(self) -> str:
        return self._message

    def set_image(self, image: QImage) -> None:
        self._image = image
        self.update()

    def set_message(self, message: str) -> None:
        if message != self._message:
            self._message = message
            self.update()

    def clear(self, message: str = "") -> None:
        """Drop the frame (the canvas shows only the background and ``message``)."""
        self._image = None
        self._message = message
        self.update()

    def image_rect(self) -> QRect:
        """Where the frame is drawn (empty without a frame)."""
        if self._image is None:
            return QRect()
        return fit_rect(self._image.size(), self.rect())

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), BACKGROUND)
        if self._image is not None and not self._image.isNull():
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            painter.drawImage(self.image_rect(), self._image)
        if self._message:
            self._paint_message(painter)
        painter.end()

    def _paint_message(self, painter: QPainter) -> None:
        margin = 12
        width = max(40, self.width() - 2 * margin)
        flags = int(Qt.AlignmentFlag.AlignCenter) | int(Qt.TextFlag.TextWordWrap)
        bounds = painter.boundingRect(QRect(0, 0, width - 16, 10_000), flags, self._message)
        box = QRectF(
            (self.width() - bounds.width()) / 2 - 8,
            (self.height() - bounds.height()) / 2 - 6,
            bounds.width() + 16,
            bounds.height() + 12,
        )
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(PANEL)
        painter.drawRoundedRect(box, 6, 6)
        painter.setPen(TEXT)
        painter.drawText(box, flags, self._message)
