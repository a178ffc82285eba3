"""Subtitles over the video: the cue at the playhead, white text on a translucent box.

:class:`SubtitleOverlay` is a transparent child covering a video widget (the preview's
:class:`~studio.ui.preview.canvas.FrameCanvas`, Play story's surface); it paints one cue's text
bottom-centred in the picture (``picture()`` gives where the frame is drawn), word-wrapped, its
size following the picture's height, as the web player shows it.  Mouse input passes through.

:func:`attach_subtitles` puts one on a :class:`~studio.ui.preview.panel.PreviewPanel`: it shows
the cue of the locale picked on the timeline's subtitle lane
(:func:`studio.app.subtitle_choice.subtitle_choice`) at the clip time of the frame shown or the
playhead's, for the scene the preview plays.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QRect, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPaintEvent, QTextOption
from PySide6.QtWidgets import QWidget

from studio.app.document import Document
from studio.app.playhead import Playhead
from studio.app.subtitle_choice import cue_at, subtitle_choice
from studio.ui.preview.panel import PreviewPanel

__all__ = ["PreviewSubtitles", "SubtitleOverlay", "attach_subtitles", "paint_subtitle"]

BOX = QColor(0, 0, 0, 165)
TEXT = QColor(255, 255, 255)


def paint_subtitle(p: QPainter, picture: QRect, text: str, ceiling: int | None = None) -> QRectF:
    """Paint ``text`` bottom-centred in ``picture`` (above ``ceiling``, the top of what must stay
    uncovered below it, e.g. Play story's option buttons); the box painted (empty when nothing)."""
    if not text or picture.isEmpty():
        return QRectF()
    font = QFont(p.font())
    font.setPixelSize(max(10, min(34, round(picture.height() / 24))))
    font.setWeight(QFont.Weight.DemiBold)
    metrics = QFontMetricsF(font)
    pad_x, pad_y = metrics.height() * 0.45, metrics.height() * 0.2
    room = picture.width() * 0.88 - 2 * pad_x
    flags = int(Qt.AlignmentFlag.AlignHCenter | Qt.TextFlag.TextWordWrap)
    bounds = metrics.boundingRect(QRectF(0, 0, room, 10_000), flags, text)
    w, h = min(room, bounds.width()) + 2 * pad_x, bounds.height() + 2 * pad_y
    bottom = picture.bottom() - picture.height() * 0.07
    if ceiling is not None:
        bottom = min(bottom, ceiling - pad_y * 2)
    box = QRectF(picture.center().x() - w / 2, bottom - h, w, h)
    p.save()
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(BOX)
    p.drawRoundedRect(box, pad_y * 1.5, pad_y * 1.5)
    p.setFont(font)
    p.setPen(TEXT)
    option = QTextOption(Qt.AlignmentFlag.AlignHCenter)
    option.setWrapMode(QTextOption.WrapMode.WordWrap)
    p.drawText(box.adjusted(pad_x, pad_y, -pad_x, -pad_y), text, option)
    p.restore()
    return box


class SubtitleOverlay(QWidget):
    """One cue's text over ``target`` (see the module docstring)."""

    def __init__(self, target: QWidget, picture: Callable[[], QRect],
                 ceiling: Callable[[], int | None] | None = None) -> None:
        super().__init__(target)
        self.setObjectName("subtitleOverlay")
        self.picture = picture
        self.ceiling = ceiling  # the y the box stays above (None: the picture's own rule)
        self.box = QRectF()  # where the last cue was painted
        self._text = ""
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setGeometry(target.rect())
        target.installEventFilter(self)
        self.show()

    @property
    def text(self) -> str:
        """The cue shown ("" when none)."""
        return self._text

    def set_text(self, text: str) -> None:
        if text != self._text:
            self._text = text
            self.setAccessibleDescription(text)
            self.update()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.parent() and event.type() == QEvent.Type.Resize:
            target = self.parentWidget()
            if target is not None:
                self.setGeometry(target.rect())
        return super().eventFilter(watched, event)

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self._text:
            return
        picture = self.picture()
        if picture.isEmpty():
            picture = self.rect()
        p = QPainter(self)
        try:
            self.box = paint_subtitle(p, picture, self._text, self.ceiling() if self.ceiling else None)
        finally:
            p.end()


class PreviewSubtitles(QObject):
    """Keeps a preview's overlay on the cue at the clip time shown (see the module docstring)."""

    def __init__(self, panel: PreviewPanel, document: Document, playhead: Playhead | None = None) -> None:
        super().__init__(panel)
        self.panel, self.doc, self.playhead = panel, document, playhead
        self.overlay = SubtitleOverlay(panel.canvas, panel.canvas.image_rect)
        self.choice = subtitle_choice(document)
        self.ms: int | None = None
        panel.position_changed.connect(self.show_at)
        if playhead is not None:
            playhead.moved.connect(self._on_playhead)
            playhead.scene_changed.connect(lambda _s: self.show_at(None))
        document.changed.connect(lambda _c: self.show_at(self.ms))
        document.reset.connect(lambda: self.show_at(None))
        self.choice.changed.connect(lambda _l: self.show_at(self.ms))

    def scene_id(self) -> str | None:
        """The scene the preview plays."""
        scene = getattr(self.panel.binding, "scene_id", None)
        if isinstance(scene, str):
            return scene
        return self.playhead.scene if self.playhead is not None else None

    def _on_playhead(self, ms: int, _origin: object) -> None:
        if self.playhead is not None and self.playhead.scene == self.scene_id():
            self.show_at(ms)

    def show_at(self, ms: int | None) -> None:
        """Show the cue at clip time ``ms`` of the previewed scene (None: nothing)."""
        self.ms = ms
        sid = self.scene_id()
        project = self.doc.project
        scene = project.scene_map().get(sid) if sid is not None else None
        cue = cue_at(scene, self.choice.locale(project), ms) if ms is not None else None
        self.overlay.set_text(cue.text if cue is not None else "")


def attach_subtitles(
    panel: PreviewPanel, document: Document, playhead: Playhead | None = None
) -> PreviewSubtitles:
    """Show subtitles on ``panel`` (the timeline lane's locale, at the clip time shown)."""
    return PreviewSubtitles(panel, document, playhead)
