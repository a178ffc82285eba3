"""The seek-and-run state machine of the libVLC preview player (no ``vlc`` import here).

Positioning (measured on libVLC 3.0.24): a seek while *paused* shows a neighbouring
frame (up to 3 off) in clips with B-frames, and ``:start-time`` may too, while a seek
followed at once by a resume (from a settled pause) shows exactly the frame asked
for first.  So every move is "seek and run": to show frame k while paused the
player seeks to the middle of k, resumes (muted), shows the first frame that comes
and pauses again.  libVLC still shows ~2 frames after ``set_pause(1)``, and a seek
issued meanwhile can be lost, so after each pause the player *settles* (drops
frames until none came for ``SETTLE_MS``) before the next command.  A pause from
playback re-shows the frame reported once settled, so a paused picture always is
the frame of the reported position.  A clip opens with ``:start-time`` in a muted
pre-roll that is then re-shown the same way.  Paused pictures are exact stills
decoded with PyAV (:mod:`studio.app.playback.paused_frames`).

While playing, libVLC 3 updates ``get_time()`` only every ~250 ms, so the frame's
clip time comes from the display callback's timestamp: the first frame after a
command is the anchor (its frame is known) and later ones are ``anchor +
elapsed * rate / frame interval`` (robust to dropped frames).  The out point is
enforced here (``:stop-time`` overshoots by frames): playback pauses on the last
frame that starts before ``out_ms``.

:class:`SeekRunControl` drives libVLC only through :class:`Engine`, implemented by
:mod:`studio.app.playback.vlc_player` (the only module that imports ``vlc``); frames and
libVLC events arrive on the GUI thread through :meth:`SeekRunControl._on_frame` and
:meth:`SeekRunControl._on_event`.  The public commands built on it are in
:mod:`studio.app.playback.vlc_commands`.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QImage

from studio.app.playback import vlc_messages as msg
from studio.app.playback.paused_frames import StillCache
from studio.app.playback.player import PlayerState
from studio.app.playback.vlc_position import PositionKeeper
from studio.app.playback.vlc_timing import (
    BURST_MS,
    OPEN_TIMEOUT_MS,
    SETTLE_MS,
    SHOW_TIMEOUT_MS,
    TICK_MS,
    Phase,
    frame_estimate,
    mid_seconds,
)

__all__ = ["Engine", "EngineFactory", "SeekRunControl"]


class Engine(Protocol):
    """The libVLC media player as the state machine uses it (one call each)."""

    @property
    def generation(self) -> int: ...  # frames/events of older generations are stale
    def new_generation(self) -> None: ...
    def want_size(self, size: tuple[int, int]) -> None: ...  # display size of the clip
    def force_next_frame(self) -> None: ...  # deliver the next frame even if unchanged
    def set_media(self, path: str, options: list[str]) -> None: ...
    def play(self) -> int: ...
    def stop(self) -> None: ...
    def set_time(self, ms: int) -> None: ...
    def set_pause(self, pause: int) -> None: ...
    def set_rate(self, rate: float) -> None: ...
    def get_length(self) -> int: ...
    def audio_set_mute(self, muted: bool) -> None: ...
    def audio_set_volume(self, volume: int) -> None: ...
    def release(self) -> None: ...


# (on_frame(generation, image, shown), on_event(generation, kind)) -> Engine
EngineFactory = Callable[
    [Callable[[int, QImage, float], None], Callable[[int, str], None]], Engine
]


class SeekRunControl(PositionKeeper):
    """Moves an :class:`Engine` by seek and run and follows its frames (module docstring)."""

    def __init__(self, make_engine: EngineFactory, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._core = make_engine(self._on_frame, self._on_event)
        self._stills = StillCache()
        self._ticker = self._timer(TICK_MS, self._tick, single=False)
        self._settle_timer = self._timer(SETTLE_MS, self._settled)
        self._watchdog = self._timer(OPEN_TIMEOUT_MS, self._timed_out)
        self._burst = self._timer(BURST_MS, self._burst_over)

    def _timer(self, ms: int, slot: Callable[[], None], single: bool = True) -> QTimer:
        timer = QTimer(self)
        timer.setInterval(ms)
        timer.setSingleShot(single)
        timer.setTimerType(Qt.TimerType.PreciseTimer)
        timer.timeout.connect(slot)
        return timer

    # -- moving libVLC ----------------------------------------------------------------
    def _seek_and_run(self, index: int) -> None:
        """Seek while paused and resume at once: frame ``index`` is shown first.

        Without B-frames it is exactly the first frame shown; with B-frames libVLC
        first shows a neighbour and replaces it within ~1 ms (a seek while paused
        alone would stay on that neighbour).
        """
        self._target = index
        self._command_at = time.perf_counter()
        self._core.set_time(int(mid_seconds(index, self._fps) * 1000))
        self._core.set_pause(0)

    def _picture(self, index: int) -> bool:
        """Show the exact still of frame ``index`` (False if it cannot be decoded)."""
        if self._still_index == index:
            return True
        image = self._stills.get(self._path, index, self._fps, *self._size)
        if image is None:
            return False
        self._still_index = index
        self.frame_ready.emit(image)
        return True

    def _show(self, index: int) -> None:
        self._show_forward = not self._picture(index)
        self._phase = Phase.SHOW
        self._core.audio_set_mute(True)
        self._seek_and_run(index)
        self._watchdog.start(SHOW_TIMEOUT_MS)

    def _begin_play(self, index: int, seek: bool) -> None:
        self._phase = Phase.PLAY
        self._next = None
        self._anchor = None
        self._apply_audio()
        if seek:
            # Deliver the first frame even if unchanged: it anchors the positions.
            self._core.force_next_frame()
            self._seek_and_run(index)
        else:
            self._target, self._command_at = index, time.perf_counter()
            self._core.set_pause(0)
        self._ticker.start()

    def _burst_over(self) -> None:
        if self._phase is Phase.SHOW:
            self._pause_vlc(self._next)

    def _pause_vlc(self, then: tuple[str, int] | None) -> None:
        self._core.set_pause(1)
        self._phase = Phase.SETTLE
        self._next = then
        self._ticker.stop()
        self._watchdog.stop()
        self._burst.stop()
        self._settle_timer.start()

    def _settled(self) -> None:
        if self._closed or self._phase is not Phase.SETTLE:
            return
        then, self._next = self._next, None
        self._phase = Phase.IDLE
        if self._eof:  # libVLC is at the end: reopen only to play
            if then is not None and then[0] == "play":
                self._open(then[1], play=True)
                return
            if then is not None:
                self._picture(then[1])
            if self._state is PlayerState.LOADING:
                self._set_state(PlayerState.PAUSED)
            return
        if then is None or (then[0] == "show" and then[1] == self._vlc_index):
            if then is not None:
                self._picture(then[1])
            self._apply_audio()
            if self._state is PlayerState.LOADING:
                self._set_state(PlayerState.PAUSED)
        elif then[0] == "play":
            self._begin_play(then[1], seek=True)
        else:
            self._show(then[1])

    def _open(self, index: int, play: bool) -> None:
        self._stop_vlc()
        self._set_state(PlayerState.PLAYING if play else PlayerState.LOADING)
        self._phase = Phase.OPEN
        self._next = ("play" if play else "show", index)
        self._index = index
        options = [f":start-time={mid_seconds(index, self._fps):.4f}"]
        self._core.set_media(self._path, options)
        self._core.set_rate(self._rate)
        self._core.audio_set_mute(True)
        self._watchdog.start(OPEN_TIMEOUT_MS)
        if self._core.play() != 0:
            self._fail(msg.cannot_play(self._path, msg.REFUSED_TO_OPEN))

    def _stop_vlc(self) -> None:
        for timer in (self._ticker, self._settle_timer, self._watchdog, self._burst):
            timer.stop()
        self._core.stop()
        self._core.new_generation()
        self._phase, self._next, self._anchor = Phase.IDLE, None, None
        self._eof, self._vlc_index = False, -1

    def _apply_audio(self) -> None:
        self._core.audio_set_volume(self._volume)
        self._core.audio_set_mute(self._muted)

    # -- libVLC feedback ------------------------------------------------------------
    def _on_frame(self, generation: int, image: QImage, shown: float) -> None:
        if self._closed or generation != self._core.generation:
            return
        phase = self._phase
        if phase is Phase.OPEN:  # the pre-roll's first frame (maybe not the exact one)
            self._watchdog.stop()
            if self._length <= 0:
                self._length = max(0, int(self._core.get_length() or 0))
            self._vlc_index = -1
            self._pause_vlc(self._next)
        elif phase is Phase.SHOW:
            # With B-frames libVLC first shows a neighbour, then (within ~1 ms) the
            # frame asked for: the last frame of that burst is the one.
            self._watchdog.stop()
            self._vlc_index = self._target
            if self._show_forward:
                self._show_frame(image, self._target)
            elif self._state is PlayerState.LOADING:
                self._set_state(PlayerState.PAUSED)
            if not self._burst.isActive():
                self._burst.start()
        elif phase is Phase.SETTLE:  # late frames: libVLC moves on, we do not show them
            if self._vlc_index >= 0:
                self._vlc_index += 1
            self._settle_timer.start()
        elif phase is Phase.PLAY:
            if self._anchor is None:
                self._anchor = (shown, self._target)
            index = max(self._index, self._frame_at(shown))
            self._vlc_index = index
            if index <= self.last_index:
                self._show_frame(image, index)
            if index >= self.last_index:
                self._reach_out()

    def _tick(self) -> None:
        if self._phase is not Phase.PLAY:
            return
        now = time.perf_counter()
        if self._anchor is None:
            if now - self._command_at < 2.5 / self._fps:
                return  # the first frame is still coming
            self._anchor = (self._command_at, self._target)  # unchanged frames (dropped)
        estimate = frame_estimate(self._anchor, now, self._fps, self._rate)
        if estimate > self._index:
            self._set_index(min(estimate, self.last_index))
        if estimate >= self.last_index:
            self._reach_out()

    def _reach_out(self) -> None:
        if self._phase is not Phase.PLAY:
            return
        self._set_index(self.last_index)
        self._set_state(PlayerState.PAUSED)
        self._pause_vlc(("show", self.last_index))
        self.reached_out_point.emit()

    def _on_event(self, generation: int, kind: str) -> None:
        if self._closed or generation != self._core.generation:
            return
        near_end = self._next is not None and self._next[1] >= self._media_last_index() - 2
        if self._phase is Phase.OPEN and kind == "MediaPlayerEndReached" and near_end:
            self._eof = True  # opened on one of the last frames, which it has shown
            self._pause_vlc(self._next)
        elif self._phase is Phase.OPEN:
            self._fail(msg.cannot_play(self._path, msg.not_playable(kind)))
        elif kind == "MediaPlayerEncounteredError":
            self._fail(msg.cannot_play(self._path, msg.DECODING_ERROR))
        elif kind == "MediaPlayerEndReached":
            self._eof = True  # libVLC must reopen the clip to move again
            if self._phase is Phase.PLAY:
                self._ticker.stop()
                self._phase = Phase.IDLE
                self._set_index(min(self.last_index, self._media_last_index()))
                self._picture(self._index)
                self._set_state(PlayerState.PAUSED)
                self.reached_out_point.emit()
            elif self._phase is Phase.SHOW:  # the still shows the frame asked for
                self._pause_vlc(self._next)

    def _timed_out(self) -> None:
        if self._phase is Phase.OPEN:
            self._fail(msg.cannot_play(self._path, msg.no_frame_within(OPEN_TIMEOUT_MS)))
        elif self._phase is Phase.SHOW:
            # No new frame: it looks like the one shown (identical frames are not
            # delivered).  Take it as shown.
            self._vlc_index = self._target
            self._set_index(self._target)
            if self._state is PlayerState.LOADING:
                self._set_state(PlayerState.PAUSED)
            self._pause_vlc(self._next)

    def _fail(self, message: str) -> None:
        if not self._closed:
            self._stop_vlc()
        self._set_state(PlayerState.ERROR)
        self.error.emit(message)
