"""A storyboard placeholder scene on screen: a titled colour card with a running clock.

A placeholder scene (:class:`~studio.model.items.Placeholder`) has no footage yet; the
preview and Play story show it as a card of its colour with the scene's title, the
vocabulary's note ("Storyboard: no footage yet", ``placeholder.note``) and a clock running
over its planned duration.  :func:`paint_card` draws it (QtGui only: on a widget or an
image); :class:`CardPlayer` is a :class:`~studio.app.playback.player.PlayerBackend` whose
"clip" is such a card, so the preview's transport, scrub bar, J/K/L and the shared playhead
work on a placeholder scene as on a clip (time runs on a QTimer, not a decoder).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QElapsedTimer, QObject, QRect, QRectF, Qt, QTimer
from PySide6.QtGui import QColor, QFont, QImage, QPainter

from studio.app.playback.player import PlayerBackend, PlayerState, frame_index, frame_start_ms, last_frame_ms
from studio.l10n.vocabulary import word

__all__ = ["CARD_FPS", "Card", "CardPlayer", "card_clock", "card_image", "card_of_scene", "paint_card"]

CARD_FPS = 25.0
TICK_MS = 40


@dataclass(frozen=True)
class Card:
    """What a placeholder scene shows: its title, colour (``#rrggbb``) and planned duration."""

    title: str
    colour: str
    duration_ms: int
    aspect: str = "9:16"


def card_of_scene(scene: object, aspect: str = "9:16") -> Card | None:
    """The card of a placeholder scene (None for a scene with a clip)."""
    placeholder = getattr(scene, "placeholder", None)
    if placeholder is None:
        return None
    return Card(str(getattr(scene, "title", "")), placeholder.colour, placeholder.duration_ms, aspect)


def card_clock(ms: int, duration_ms: int) -> str:
    """``0:03.2 / 0:08.0`` (tenths of a second)."""

    def one(value: int) -> str:
        value = max(0, value)
        minutes, rest = divmod(value, 60_000)
        return f"{minutes}:{rest // 1000:02d}.{rest % 1000 // 100}"

    return f"{one(ms)} / {one(duration_ms)}"


def _ink(colour: QColor) -> QColor:
    return QColor("#111111") if colour.lightness() > 150 else QColor("#ffffff")


def paint_card(painter: QPainter, rect: QRect, card: Card, ms: int) -> None:
    """Draw ``card`` at clip time ``ms`` filling ``rect``: title, note, clock and a progress bar."""
    colour = QColor(card.colour)
    painter.save()
    painter.fillRect(rect, colour)
    ink = _ink(colour)
    unit = max(8.0, min(rect.width() / 14.0, rect.height() / 22.0))
    margin = int(unit)
    inner = rect.adjusted(margin, margin, -margin, -margin)
    title_font = QFont(painter.font())
    title_font.setBold(True)
    title_font.setPixelSize(max(10, int(unit * 1.5)))
    small = QFont(painter.font())
    small.setPixelSize(max(8, int(unit * 0.8)))
    flags = int(Qt.AlignmentFlag.AlignHCenter | Qt.TextFlag.TextWordWrap)
    painter.setPen(ink)
    painter.setFont(title_font)
    title_box = painter.boundingRect(inner, flags | int(Qt.AlignmentFlag.AlignTop), card.title)
    top = rect.top() + (rect.height() - title_box.height()) // 2 - int(unit)
    painter.drawText(QRect(inner.left(), top, inner.width(), title_box.height()), flags, card.title)
    painter.setFont(small)
    note_top = top + title_box.height() + int(unit * 0.6)
    note_box = painter.boundingRect(QRect(inner.left(), note_top, inner.width(), int(unit * 6)), flags,
                                    word("placeholder.note"))
    painter.drawText(QRect(inner.left(), note_top, inner.width(), note_box.height()), flags,
                     word("placeholder.note"))
    # The clock and its bar sit in the middle of the frame, clear of the player's title bar and
    # choice dock (studio.model.player_chrome), which the cards of Play story lie under.
    clock_top = note_top + note_box.height() + int(unit * 0.8)
    painter.drawText(QRect(inner.left(), clock_top, inner.width(), int(unit * 1.4)),
                     int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop),
                     card_clock(ms, card.duration_ms))
    bar_h = max(3.0, unit * 0.3)
    bar_w = inner.width() * 0.6
    bar = QRectF(rect.center().x() - bar_w / 2, clock_top + unit * 1.7, bar_w, bar_h)
    track = QColor(ink)
    track.setAlpha(70)
    painter.fillRect(bar, track)
    done = min(1.0, max(0.0, ms / card.duration_ms)) if card.duration_ms > 0 else 0.0
    painter.fillRect(QRectF(bar.left(), bar.top(), bar.width() * done, bar.height()), ink)
    painter.restore()


def _size(aspect: str, height: int = 640) -> tuple[int, int]:
    w, _, h = aspect.partition(":")
    try:
        return max(1, round(height * int(w) / int(h))), height
    except (ValueError, ZeroDivisionError):
        return 360, 640


def card_image(card: Card | None, ms: int, height: int = 640) -> QImage:
    """``card`` at clip time ``ms`` as an image of its drama's aspect (black without a card)."""
    w, h = _size(card.aspect if card else "9:16", height)
    image = QImage(w, h, QImage.Format.Format_RGB32)
    image.fill(QColor("#000000"))
    if card is not None:
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        paint_card(painter, image.rect(), card, ms)
        painter.end()
    return image


class CardPlayer(PlayerBackend):
    """Plays a :class:`Card` as if it were a clip of its duration (see the module docstring).

    ``set_card`` takes the place of ``load``; time runs on a QTimer scaled by the rate, and
    the player pauses on its last frame at the end (``reached_out_point``), as a clip does.
    """

    def __init__(self, parent: QObject | None = None, auto_tick: bool = True) -> None:
        super().__init__(parent)
        self.card: Card | None = None
        self._state = PlayerState.EMPTY
        self._pos = 0
        self._clock = 0.0
        self._rate = 1.0
        self._volume = 100
        self._muted = False
        self._auto = auto_tick
        self._elapsed = QElapsedTimer()
        self._timer = QTimer(self)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self._tick)

    # -- the card -----------------------------------------------------------------------
    def set_card(self, card: Card, ms: int = 0) -> None:
        """Show ``card`` paused at ``ms``."""
        self._stop_clock()
        self.card = card
        self._rate = 1.0
        self._set_state(PlayerState.PAUSED)
        self._show(self._frame_of(ms))

    def load(self, path: str, in_ms: int = 0, out_ms: int | None = None, fps: float | None = None) -> None:
        """A card player plays cards (``set_card``); a clip path is an error."""
        self._set_state(PlayerState.ERROR)
        self.error.emit(self.tr("Cannot play {path}: not a storyboard card").format(path=path))

    def image(self, ms: int | None = None) -> QImage:
        """The card's frame at ``ms`` (default: the position)."""
        return card_image(self.card, self._pos if ms is None else ms)

    def advance(self, ms: int) -> None:
        """Let ``ms`` of wall time pass (what the timer does; tests call it directly)."""
        if self._state is not PlayerState.PLAYING or self.card is None:
            return
        last = self._last()
        self._clock += ms * self._rate
        if self._clock >= last:
            self._show(last, move_clock=False)
            self._stop_clock()
            self._set_state(PlayerState.PAUSED)
            self.reached_out_point.emit()
            return
        pos = self._frame_of(int(self._clock))
        if pos != self._pos:
            self._show(pos, move_clock=False)

    # -- PlayerBackend -------------------------------------------------------------------
    def play(self) -> None:
        if self._state not in (PlayerState.PAUSED, PlayerState.PLAYING) or self.card is None:
            return
        if self._pos >= self._last():
            self._show(0)
        self._set_state(PlayerState.PLAYING)
        if self._auto and not self._timer.isActive():
            self._elapsed.start()
            self._timer.start()

    def pause(self) -> None:
        self._stop_clock()
        if self._state is PlayerState.PLAYING:
            self._set_state(PlayerState.PAUSED)

    def seek_ms(self, ms: int) -> None:
        if self._state in (PlayerState.PAUSED, PlayerState.PLAYING):
            self._show(self._frame_of(ms))

    def step_frame(self, frames: int = 1) -> None:
        if self._state not in (PlayerState.PAUSED, PlayerState.PLAYING):
            return
        self.pause()
        index = frame_index(self._pos, CARD_FPS) + frames
        self._show(self._frame_of(frame_start_ms(max(0, index), CARD_FPS)))

    def set_rate(self, rate: float) -> None:
        self._rate = rate

    def set_volume(self, volume: int) -> None:
        self._volume = max(0, min(100, volume))

    def set_muted(self, muted: bool) -> None:
        self._muted = muted

    def unload(self) -> None:
        self._stop_clock()
        self.card = None
        self._set_state(PlayerState.EMPTY)

    def close(self) -> None:
        self._stop_clock()
        self.card = None
        self._state = PlayerState.EMPTY

    def position_ms(self) -> int:
        return self._pos

    def duration_ms(self) -> int:
        return self.card.duration_ms if self.card is not None else 0

    @property
    def state(self) -> PlayerState:
        return self._state

    @property
    def fps(self) -> float:
        return CARD_FPS

    @property
    def in_ms(self) -> int:
        return 0

    @property
    def out_ms(self) -> int:
        return self.duration_ms()

    @property
    def volume(self) -> int:
        return self._volume

    @property
    def muted(self) -> bool:
        return self._muted

    @property
    def rate(self) -> float:
        return self._rate

    # -- internals -----------------------------------------------------------------------
    def _tick(self) -> None:
        self.advance(self._elapsed.restart())

    def _stop_clock(self) -> None:
        self._timer.stop()

    def _last(self) -> int:
        return last_frame_ms(self.duration_ms(), CARD_FPS)

    def _frame_of(self, ms: int) -> int:
        clamped = min(max(ms, 0), self._last())
        return frame_start_ms(frame_index(clamped, CARD_FPS), CARD_FPS)

    def _show(self, pos: int, move_clock: bool = True) -> None:
        self._pos = pos
        if move_clock:
            self._clock = float(pos)
        self.frame_ready.emit(self.image())
        self.position_changed.emit(pos)

    def _set_state(self, state: PlayerState) -> None:
        if state is not self._state:
            self._state = state
            self.state_changed.emit(state)
