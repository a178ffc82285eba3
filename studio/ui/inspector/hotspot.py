"""Hotspot editor: draw, move and resize a rectangle on a frame of the clip.

The frame at the playhead (or at the item's start when the playhead is on
another scene) is decoded off the UI thread (:func:`studio.media.frames.extract_frame`,
cached) and shown letterboxed inside the drama's aspect box (9:16 for a
vertical drama), exactly where the web player puts it.  Hotspots are
normalised to that box: drag inside to move, drag a handle to resize, drag on
empty frame to draw a new one.  The web player's own chrome over the frame (its title bar at
the top, its choice dock at the bottom: :mod:`studio.model.player_chrome`) is shaded, so a
hotspot is kept where viewers can tap it.  Releasing pushes ONE op with the rectangle
clamped inside [0, 1].
"""

from __future__ import annotations

from collections import OrderedDict
from pathlib import Path

from PySide6.QtCore import QObject, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QImage, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from studio.app.workers import CancelToken, Job
from studio.model.player_chrome import CHOICE_DOCK, TITLE_BAR

RectT = tuple[float, float, float, float]  # x, y, w, h (normalised)
MIN_SIZE = 0.02
HANDLE = 7.0
FRAME_HEIGHT = 640
FrameKey = tuple[str, str, int]


def aspect_ratio(aspect: str) -> float:
    """``'9:16'`` -> 0.5625 (width / height)."""
    w, _, h = aspect.partition(":")
    return int(w) / int(h)


def fit(outer: QRectF, ratio: float) -> QRectF:
    """The largest rectangle of ``ratio`` (w/h) centred in ``outer``."""
    if outer.width() / max(1.0, outer.height()) > ratio:
        w = outer.height() * ratio
        return QRectF(outer.center().x() - w / 2, outer.top(), w, outer.height())
    h = outer.width() / ratio
    return QRectF(outer.left(), outer.center().y() - h / 2, outer.width(), h)


def clamp_rect(x: float, y: float, w: float, h: float) -> RectT:
    """Inside [0, 1], at least MIN_SIZE, rounded to 4 decimals (x + w <= 1 kept)."""
    w = min(1.0, max(MIN_SIZE, w))
    h = min(1.0, max(MIN_SIZE, h))
    x = min(max(0.0, x), 1.0 - w)
    y = min(max(0.0, y), 1.0 - h)
    rx, ry = round(x, 4), round(y, 4)
    rw, rh = round(w, 4), round(h, 4)
    rw = min(rw, round(1.0 - rx, 4))
    rh = min(rh, round(1.0 - ry, 4))
    return rx, ry, rw, rh


class FrameCache(QObject):
    """Decoded frames by (path, sha256, ms); one shared instance, never blocks."""

    ready = Signal(object)  # FrameKey
    LIMIT = 64

    def __init__(self) -> None:
        super().__init__()
        self.images: OrderedDict[FrameKey, QImage] = OrderedDict()
        self.failed: dict[FrameKey, str] = {}
        self._pending: set[FrameKey] = set()

    def get(self, path: Path, sha256: str, ms: int) -> QImage | None:
        key = (str(path), sha256, ms)
        image = self.images.get(key)
        if image is not None or key in self._pending or key in self.failed:
            return image
        self._pending.add(key)
        job = Job(_decode_frame, [key], lambda k: Path(k[0]).name)
        job.result.connect(self._on_result)
        job.failed.connect(self._on_failed)
        job.start()
        return None

    def error(self, path: Path, sha256: str, ms: int) -> str | None:
        return self.failed.get((str(path), sha256, ms))

    def _on_result(self, key: FrameKey, image: QImage) -> None:
        self._pending.discard(key)
        self.images[key] = image
        while len(self.images) > self.LIMIT:
            self.images.popitem(last=False)
        self.ready.emit(key)

    def _on_failed(self, key: FrameKey, reason: str) -> None:
        self._pending.discard(key)
        self.failed[key] = reason
        self.ready.emit(key)

    @property
    def busy(self) -> bool:
        return bool(self._pending)


def _decode_frame(key: FrameKey, token: CancelToken) -> QImage:
    from studio.media.frames import extract_frame

    token.check()
    frame = extract_frame(Path(key[0]), key[2], FRAME_HEIGHT)
    return QImage(frame.rgb, frame.width, frame.height, frame.width * 3, QImage.Format.Format_RGB888).copy()


_FRAMES: FrameCache | None = None


def frames() -> FrameCache:
    global _FRAMES
    if _FRAMES is None:
        _FRAMES = FrameCache()
    return _FRAMES


class HotspotCanvas(QWidget):
    """The frame in its aspect box with one editable rectangle (and faint others)."""

    committed = Signal(object)  # RectT

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("hotspotCanvas")
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.ratio = 9 / 16
        self.image: QImage | None = None
        self.note = ""
        self.rect_n: RectT | None = None
        self.others: list[RectT] = []
        self.colour = QColor("#8a4fbf")
        self.chrome = True  # shade the web player's title bar and choice dock (player_chrome)
        self._drag: tuple[str, QPointF, RectT | None] | None = None
        self._preview: RectT | None = None

    def sizeHint(self) -> QSize:
        return QSize(220, int(220 / self.ratio) + 8)

    def heightForWidth(self, width: int) -> int:
        return int(width / self.ratio) + 8

    def box(self) -> QRectF:
        return fit(QRectF(self.rect()).adjusted(4, 4, -4, -4), self.ratio)

    def to_px(self, r: RectT) -> QRectF:
        b = self.box()
        return QRectF(
            b.left() + r[0] * b.width(), b.top() + r[1] * b.height(), r[2] * b.width(), r[3] * b.height()
        )

    def to_norm(self, p: QPointF) -> tuple[float, float]:
        b = self.box()
        return (p.x() - b.left()) / max(1.0, b.width()), (p.y() - b.top()) / max(1.0, b.height())

    def shown(self) -> RectT | None:
        return self._preview if self._preview is not None else self.rect_n

    def handles(self, r: QRectF) -> dict[str, QPointF]:
        cx, cy = r.center().x(), r.center().y()
        return {
            "nw": r.topLeft(),
            "n": QPointF(cx, r.top()),
            "ne": r.topRight(),
            "e": QPointF(r.right(), cy),
            "se": r.bottomRight(),
            "s": QPointF(cx, r.bottom()),
            "sw": r.bottomLeft(),
            "w": QPointF(r.left(), cy),
        }

    def hit(self, p: QPointF) -> str:
        r = self.shown()
        if r is not None:
            px = self.to_px(r)
            for name, h in self.handles(px).items():
                if abs(h.x() - p.x()) <= HANDLE and abs(h.y() - p.y()) <= HANDLE:
                    return name
            if px.contains(p):
                return "move"
        return "draw" if self.box().contains(p) else ""

    # --- interaction ---------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return
        mode = self.hit(event.position())
        if mode:
            self._drag = (mode, event.position(), self.rect_n)
            self._preview = None

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._drag is None:
            mode = self.hit(event.position())
            cursors = {
                "move": Qt.CursorShape.SizeAllCursor,
                "draw": Qt.CursorShape.CrossCursor,
                "n": Qt.CursorShape.SizeVerCursor,
                "s": Qt.CursorShape.SizeVerCursor,
                "e": Qt.CursorShape.SizeHorCursor,
                "w": Qt.CursorShape.SizeHorCursor,
                "nw": Qt.CursorShape.SizeFDiagCursor,
                "se": Qt.CursorShape.SizeFDiagCursor,
                "ne": Qt.CursorShape.SizeBDiagCursor,
                "sw": Qt.CursorShape.SizeBDiagCursor,
            }
            self.setCursor(cursors.get(mode, Qt.CursorShape.ArrowCursor))
            return
        mode, start, orig = self._drag
        ax, ay = self.to_norm(start)
        bx, by = self.to_norm(event.position())
        if mode == "draw" or orig is None:
            x0, x1 = sorted((min(max(ax, 0.0), 1.0), min(max(bx, 0.0), 1.0)))
            y0, y1 = sorted((min(max(ay, 0.0), 1.0), min(max(by, 0.0), 1.0)))
            self._preview = clamp_rect(x0, y0, x1 - x0, y1 - y0)
        elif mode == "move":
            self._preview = clamp_rect(orig[0] + bx - ax, orig[1] + by - ay, orig[2], orig[3])
        else:
            self._preview = resize(orig, mode, bx - ax, by - ay)
        self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        drag, preview = self._drag, self._preview
        self._drag = None
        if drag is not None and preview is not None and preview != self.rect_n:
            self.committed.emit(preview)
        self._preview = None
        self.update()

    # --- painting --------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        try:
            self._paint(p)
        finally:
            p.end()

    def _paint(self, p: QPainter) -> None:
        box = self.box()
        p.fillRect(self.rect(), self.palette().window())
        p.fillRect(box, QColor("black"))
        if self.image is not None and not self.image.isNull():
            img = fit(box, self.image.width() / max(1, self.image.height()))
            p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            p.drawImage(img, self.image)
        if self.note:
            p.setPen(QColor("#d0d3da"))
            p.drawText(
                box.adjusted(8, 8, -8, -8),
                int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom | Qt.TextFlag.TextWordWrap),
                self.note,
            )
        if self.chrome:
            self._paint_chrome(p, box)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.setPen(QPen(QColor(255, 255, 255, 110), 1, Qt.PenStyle.DashLine))
        for other in self.others:
            p.drawRect(self.to_px(other))
        r = self.shown()
        if r is None:
            return
        px = self.to_px(r)
        fill = QColor(self.colour)
        fill.setAlpha(70)
        p.setBrush(QBrush(fill))
        p.setPen(QPen(QColor("white"), 2))
        p.drawRect(px)
        p.setPen(QPen(self.colour.darker(140), 1))
        p.setBrush(QColor("white"))
        for h in self.handles(px).values():
            p.drawRect(QRectF(h.x() - 3.5, h.y() - 3.5, 7, 7))
        p.setPen(QColor("white"))
        label = f"{r[2]:.2f}×{r[3]:.2f}"
        if p.fontMetrics().horizontalAdvance(label) < px.width() - 8:
            p.drawText(
                px.adjusted(4, 2, -2, -2), int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop), label
            )

    def chrome_rects(self) -> tuple[QRectF, QRectF]:
        """Where the player's title bar and choice dock lie over the frame (widget pixels)."""
        b = self.box()
        top = QRectF(b.left(), b.top(), b.width(), b.height() * TITLE_BAR)
        dock = QRectF(b.left(), b.bottom() - b.height() * CHOICE_DOCK, b.width(), b.height() * CHOICE_DOCK)
        return top, dock

    def _paint_chrome(self, p: QPainter, box: QRectF) -> None:
        shade = QColor(0, 0, 0, 120)
        p.save()
        small = p.font()
        small.setPointSizeF(max(6.0, small.pointSizeF() * 0.8))
        p.setFont(small)
        names = (self.tr("Player title bar"), self.tr("Choice dock"))
        for band, name in zip(self.chrome_rects(), names, strict=True):
            p.fillRect(band, shade)
            p.setPen(QPen(QColor(255, 255, 255, 90), 1, Qt.PenStyle.DotLine))
            edge = band.bottom() if band.top() <= box.top() + 0.5 else band.top()
            p.drawLine(QPointF(band.left(), edge), QPointF(band.right(), edge))
            p.setPen(QColor(255, 255, 255, 170))
            if band.height() > p.fontMetrics().height():
                p.drawText(band, int(Qt.AlignmentFlag.AlignCenter), name)
        p.restore()

    def handle_point(self, name: str) -> QPointF:
        """Where a handle (or 'move': the centre) is drawn; for tests."""
        r = self.shown()
        assert r is not None
        px = self.to_px(r)
        return px.center() if name == "move" else self.handles(px)[name]


def resize(orig: RectT, handle: str, dx: float, dy: float) -> RectT:
    """``orig`` with the edges named by ``handle`` moved by (dx, dy), clamped."""
    left, top, right, bottom = orig[0], orig[1], orig[0] + orig[2], orig[1] + orig[3]
    if "w" in handle:
        left = min(max(0.0, left + dx), right - MIN_SIZE)
    if "e" in handle:
        right = max(min(1.0, right + dx), left + MIN_SIZE)
    if "n" in handle:
        top = min(max(0.0, top + dy), bottom - MIN_SIZE)
    if "s" in handle:
        bottom = max(min(1.0, bottom + dy), top + MIN_SIZE)
    return clamp_rect(left, top, right - left, bottom - top)


__all__ = ["FrameCache", "HotspotCanvas", "clamp_rect", "fit", "frames", "resize"]
