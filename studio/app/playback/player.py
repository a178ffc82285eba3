"""The preview player interface (:class:`PlayerBackend`) and a deterministic :class:`FakePlayer`.

A player plays one clip of a scene between its trim points ``[in_ms, out_ms)`` and
reports what it shows through Qt signals, always on the thread that owns the player
(the GUI thread): ``frame_ready(QImage)``, ``position_changed(int)``,
``state_changed(PlayerState)``, ``reached_out_point()`` and ``error(str)``.

Design notes:

* The interface is Qt-aware because its signals are Qt signals, but it only uses
  QtCore and QtGui (``QImage``), never QtWidgets, so it lives in ``studio/media``.
  Widgets (``studio/ui/preview``) consume it.
* Positions are *clip time* in integer milliseconds (ms from the start of the media
  file), like the model.  A position always names the start of a frame, clamped to
  the trim: frame ``k`` of a clip at ``fps`` starts at ``round(k * 1000 / fps)``.
* ``out_ms`` is exclusive: the last frame shown is the last one that starts before it
  (:func:`last_frame_ms`).  Playback pauses there and emits ``reached_out_point``.
* The real backend is :class:`studio.app.playback.vlc_player.VlcPlayer` (the only module that
  imports ``vlc``).  :class:`FakePlayer` has no clock: tests drive it with
  :meth:`FakePlayer.advance`, and every frame it makes is a solid colour that encodes
  the position (see :func:`FakePlayer.colour_at`).
"""

from __future__ import annotations

import enum
import math
import os

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QColor, QImage

__all__ = [
    "FakePlayer",
    "PlayerBackend",
    "PlayerState",
    "frame_index",
    "frame_start_ms",
    "last_frame_ms",
    "missing_file_message",
]


class PlayerState(enum.Enum):
    """What a player is doing."""

    EMPTY = "empty"  # no clip loaded (or cleared)
    LOADING = "loading"  # a clip is opening; its first frame is not shown yet
    PAUSED = "paused"  # a frame is shown and playback is stopped (also at the out point)
    PLAYING = "playing"
    ERROR = "error"  # the clip cannot be played; ``error`` was emitted


def frame_index(ms: float, fps: float) -> int:
    """Index of the frame that is on screen at clip time ``ms`` (integer ms).

    Half a millisecond is added so that :func:`frame_start_ms` (rounded to whole
    ms) maps back to its own frame.
    """
    return max(0, math.floor((ms + 0.5) * fps / 1000.0))


def frame_start_ms(index: int, fps: float) -> int:
    """Clip time (ms, rounded) at which frame ``index`` starts."""
    return round(index * 1000.0 / fps)


def last_frame_ms(out_ms: int, fps: float) -> int:
    """Start of the last frame that begins strictly before ``out_ms``."""
    return frame_start_ms(max(0, math.ceil(out_ms * fps / 1000.0 - 1e-6) - 1), fps)


def missing_file_message(path: str) -> str | None:
    """The one-line error for a clip that cannot even be opened, or None if it exists."""
    if not os.path.exists(path):
        reason = QCoreApplication.translate("Playback", "file not found")
    elif not os.path.isfile(path):
        reason = QCoreApplication.translate("Playback", "not a file")
    elif not os.access(path, os.R_OK):
        reason = QCoreApplication.translate("Playback", "permission denied")
    else:
        return None
    text = QCoreApplication.translate("Playback", "Cannot play {path}: {reason}")
    return text.format(path=path, reason=reason)


class PlayerBackend(QObject):
    """Interface of a preview player.  Subclasses implement every method below.

    Signals are emitted on the GUI thread.  ``load`` shows the frame at ``in_ms`` and
    leaves the player PAUSED (or ERROR); ``play`` plays to the out point.
    """

    frame_ready = Signal(QImage)
    position_changed = Signal(int)
    state_changed = Signal(object)  # PlayerState
    reached_out_point = Signal()
    error = Signal(str)

    def load(
        self, path: str, in_ms: int = 0, out_ms: int | None = None, fps: float | None = None
    ) -> None:
        """Open ``path`` trimmed to ``[in_ms, out_ms)`` (None: to the end of the clip)."""
        raise NotImplementedError

    def play(self) -> None:
        """Play from the current position (from ``in_ms`` when at the out point)."""
        raise NotImplementedError

    def resume_fast(self) -> None:
        """Play from a pre-rolled pause as fast as possible (switching); default: play()."""
        self.play()

    @property
    def ready(self) -> bool:
        """A frame is shown and playback can start at once."""
        return self.state is PlayerState.PAUSED

    def pause(self) -> None:
        raise NotImplementedError

    def seek_ms(self, ms: int) -> None:
        """Show the frame at clip time ``ms`` (clamped to the trim); keeps playing if playing."""
        raise NotImplementedError

    def step_frame(self, frames: int = 1) -> None:
        """Pause and move ``frames`` frames forward (negative: back), within the trim."""
        raise NotImplementedError

    def set_rate(self, rate: float) -> None:
        """Playback speed (1.0 = normal)."""
        raise NotImplementedError

    def set_volume(self, volume: int) -> None:
        """Audio volume, 0..100."""
        raise NotImplementedError

    def set_muted(self, muted: bool) -> None:
        raise NotImplementedError

    def unload(self) -> None:
        """Stop and forget the clip (state EMPTY)."""
        raise NotImplementedError

    def close(self) -> None:
        """Release every resource; the player is unusable afterwards.  Idempotent."""
        raise NotImplementedError

    def position_ms(self) -> int:
        raise NotImplementedError

    def duration_ms(self) -> int:
        """Length of the whole clip (not the trim); 0 while unknown."""
        raise NotImplementedError

    @property
    def state(self) -> PlayerState:
        raise NotImplementedError

    @property
    def fps(self) -> float:
        raise NotImplementedError

    @property
    def in_ms(self) -> int:
        raise NotImplementedError

    @property
    def out_ms(self) -> int:
        """Trim end (exclusive); the clip's duration when untrimmed (0 while unknown)."""
        raise NotImplementedError

    @property
    def volume(self) -> int:
        raise NotImplementedError

    @property
    def muted(self) -> bool:
        raise NotImplementedError

    @property
    def rate(self) -> float:
        raise NotImplementedError


class FakePlayer(PlayerBackend):
    """A deterministic in-memory player for fast unit tests (no clock, no decoding).

    Every "clip" is ``duration`` ms long at ``fps``; a file that does not exist gives
    the same error as the real player.  Time only moves through :meth:`advance`.
    Calls are recorded in :attr:`calls` (name and arguments) for assertions.
    """

    def __init__(
        self,
        duration: int = 6000,
        fps: float = 24.0,
        size: tuple[int, int] = (36, 64),
        check_files: bool = True,
    ) -> None:
        super().__init__()
        self._duration = duration
        self._default_fps = fps
        self._fps = fps
        self._size = size
        self._check_files = check_files
        self._state = PlayerState.EMPTY
        self._path = ""
        self._in = 0
        self._out = 0
        self._pos = 0
        self._clock = 0.0  # exact media time while playing
        self._rate = 1.0
        self._volume = 100
        self._muted = False
        self.calls: list[tuple[str, tuple[object, ...]]] = []

    # -- helpers for tests ---------------------------------------------------------------
    @staticmethod
    def colour_at(ms: int) -> QColor:
        """The colour of the fake frame at clip time ``ms`` (red encodes seconds)."""
        return QColor((ms // 1000) * 40 % 256, (ms % 1000) * 255 // 1000, 128)

    def advance(self, ms: int) -> None:
        """Let ``ms`` of wall time pass: while playing, move on and show new frames."""
        if self._state is not PlayerState.PLAYING:
            return
        last = last_frame_ms(self._out, self._fps)
        self._clock += ms * self._rate
        if self._clock >= last:
            if self._pos != last:
                self._show(last)
            self._set_state(PlayerState.PAUSED)
            self.reached_out_point.emit()
            return
        new_pos = self._frame_of(int(self._clock))
        if new_pos != self._pos:
            self._show(new_pos, move_clock=False)

    # -- PlayerBackend -------------------------------------------------------------------
    def load(
        self, path: str, in_ms: int = 0, out_ms: int | None = None, fps: float | None = None
    ) -> None:
        self.calls.append(("load", (path, in_ms, out_ms, fps)))
        self._path = path
        problem = missing_file_message(path) if self._check_files else None
        if problem:
            self._set_state(PlayerState.ERROR)
            self.error.emit(problem)
            return
        self._fps = fps or self._default_fps
        self._in = max(0, in_ms)
        self._out = min(out_ms, self._duration) if out_ms else self._duration
        self._rate = 1.0
        self._set_state(PlayerState.LOADING)
        self._show(self._frame_of(self._in))
        self._set_state(PlayerState.PAUSED)

    def play(self) -> None:
        self.calls.append(("play", ()))
        if self._state not in (PlayerState.PAUSED, PlayerState.PLAYING):
            return
        if self._pos >= last_frame_ms(self._out, self._fps):
            self._show(self._frame_of(self._in))
        self._set_state(PlayerState.PLAYING)

    def pause(self) -> None:
        self.calls.append(("pause", ()))
        if self._state is PlayerState.PLAYING:
            self._set_state(PlayerState.PAUSED)

    def seek_ms(self, ms: int) -> None:
        self.calls.append(("seek_ms", (ms,)))
        if self._state in (PlayerState.PAUSED, PlayerState.PLAYING):
            self._show(self._frame_of(ms))

    def step_frame(self, frames: int = 1) -> None:
        self.calls.append(("step_frame", (frames,)))
        if self._state not in (PlayerState.PAUSED, PlayerState.PLAYING):
            return
        self.pause()
        index = frame_index(self._pos, self._fps) + frames
        self._show(self._frame_of(frame_start_ms(max(0, index), self._fps)))

    def set_rate(self, rate: float) -> None:
        self.calls.append(("set_rate", (rate,)))
        self._rate = rate

    def set_volume(self, volume: int) -> None:
        self.calls.append(("set_volume", (volume,)))
        self._volume = max(0, min(100, volume))

    def set_muted(self, muted: bool) -> None:
        self.calls.append(("set_muted", (muted,)))
        self._muted = muted

    def unload(self) -> None:
        self.calls.append(("unload", ()))
        self._set_state(PlayerState.EMPTY)

    def close(self) -> None:
        self.calls.append(("close", ()))
        self._state = PlayerState.EMPTY  # like VlcPlayer: no signal from a closed player

    def position_ms(self) -> int:
        return self._pos

    def duration_ms(self) -> int:
        return self._duration if self._state is not PlayerState.EMPTY else 0

    @property
    def state(self) -> PlayerState:
        return self._state

    @property
    def fps(self) -> float:
        return self._fps

    @property
    def in_ms(self) -> int:
        return self._in

    @property
    def out_ms(self) -> int:
        return self._out

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
    def _frame_of(self, ms: int) -> int:
        last = last_frame_ms(self._out, self._fps)
        clamped = min(max(ms, self._in), last)
        return max(self._in, frame_start_ms(frame_index(clamped, self._fps), self._fps))

    def _show(self, pos: int, move_clock: bool = True) -> None:
        self._pos = pos
        if move_clock:
            self._clock = float(pos)
        image = QImage(self._size[0], self._size[1], QImage.Format.Format_RGB32)
        image.fill(self.colour_at(pos))
        self.frame_ready.emit(image)
        self.position_changed.emit(pos)

    def _set_state(self, state: PlayerState) -> None:
        if state is not self._state:
            self._state = state
            self.state_changed.emit(state)
