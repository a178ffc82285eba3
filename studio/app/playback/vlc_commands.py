"""The public commands of the libVLC preview player (no ``vlc`` import here).

:class:`SeekRunPlayer` is the :class:`PlayerBackend` command surface (load, play,
pause, seek, step, rate, audio, unload, close) on top of the seek-and-run state
machine of :mod:`studio.app.playback.vlc_control`: each command updates the reported
position at once and turns into "show frame k" or "play from frame k", done now if
libVLC is idle or queued until it has settled.  :class:`studio.app.playback.vlc_player.VlcPlayer`
binds it to libVLC.
"""

from __future__ import annotations

import time

from studio.app.playback import vlc_messages as msg
from studio.app.playback.paused_frames import probe_clip
from studio.app.playback.player import PlayerState, frame_index, missing_file_message
from studio.app.playback.vlc_control import SeekRunControl
from studio.app.playback.vlc_timing import SETTLE_MS, Phase, fit_size
from studio.media.probe import ProbeError

__all__ = ["SeekRunPlayer"]


class SeekRunPlayer(SeekRunControl):
    """:class:`PlayerBackend` commands on a seek-and-run libVLC player (module docstring)."""

    # -- commands -------------------------------------------------------------------
    def load(
        self, path: str, in_ms: int = 0, out_ms: int | None = None, fps: float | None = None
    ) -> None:
        if self._closed:
            return
        self._path = path
        self._in_ms = max(0, int(in_ms))
        self._out_req = int(out_ms) if out_ms is not None else None
        self._rate = 1.0
        problem = missing_file_message(path)
        if problem:
            self._fail(problem)
            return
        try:
            width, height, fps_probed, length, reordered = probe_clip(path)
        except ProbeError as exc:
            self._fail(msg.cannot_play(path, exc.reason))
            return
        self._core.want_size((width, height))
        self._size = fit_size(width, height)
        self._exact_seek = not reordered
        self._fps = fps if fps and fps > 0 else (fps_probed if 0 < fps_probed <= 1000 else 25.0)
        self._length = length
        self._settle_timer.setInterval(max(SETTLE_MS, round(2500 / self._fps)))
        self._open(self.first_index, play=False)
        self._still_index = None
        self._picture(self.first_index)  # the exact first frame at once
        self.position_changed.emit(self.position_ms())

    def play(self) -> None:
        """Play from the frame after the one shown (from the in point at the out point)."""
        if self._closed or self._state not in (PlayerState.PAUSED, PlayerState.LOADING):
            return
        index = self._pending_index()
        if self._state is PlayerState.LOADING:
            start = index  # not shown yet: play from it
        else:
            start = self.first_index if index >= self.last_index else index + 1
        self._start(start)

    def resume_fast(self) -> None:
        """Like :meth:`play`; without a seek when libVLC holds exactly the frame shown."""
        exact = (self.ready and not self._eof and self._exact_seek
                 and self._vlc_index == self._index)
        if exact and self._index < self.last_index:
            self._set_state(PlayerState.PLAYING)
            self._begin_play(self._index + 1, seek=False)
        elif self._state is PlayerState.PAUSED and self._index < self.last_index:
            self._start(self._index)  # re-shows the frame on screen (~1 ms), then on
        else:
            self.play()

    def pause(self) -> None:
        if self._closed or self._state is not PlayerState.PLAYING:
            return
        self._set_state(PlayerState.PAUSED)
        if self._phase is Phase.PLAY:
            self._pause_vlc(("show", self._index))  # re-show it exactly once settled
        elif self._next is not None:
            self._next = ("show", self._next[1])

    def seek_ms(self, ms: int) -> None:
        if self._closed or self._state not in (
            PlayerState.PAUSED, PlayerState.PLAYING, PlayerState.LOADING
        ):
            return
        self._go(self._clamp(frame_index(ms, self._fps)))

    def step_frame(self, frames: int = 1) -> None:
        if self._closed or self._state not in (
            PlayerState.PAUSED, PlayerState.PLAYING, PlayerState.LOADING
        ):
            return
        if self._state is PlayerState.PLAYING:
            self.pause()
        self._go(self._clamp(self._pending_index() + frames))

    def set_rate(self, rate: float) -> None:
        if self._closed or rate <= 0:
            return
        self._rate = rate
        self._core.set_rate(rate)
        if self._phase is Phase.PLAY and self._anchor is not None:
            self._anchor = (time.perf_counter(), self._index)  # re-anchor at the new rate

    def set_volume(self, volume: int) -> None:
        self._volume = max(0, min(100, int(volume)))
        if not self._closed:
            self._core.audio_set_volume(self._volume)

    def set_muted(self, muted: bool) -> None:
        self._muted = bool(muted)
        if not self._closed:
            self._core.audio_set_mute(self._muted)

    def unload(self) -> None:
        if self._closed:
            return
        self._stop_vlc()
        self._path = ""
        self._set_state(PlayerState.EMPTY)

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        for timer in (self._ticker, self._settle_timer, self._watchdog, self._burst):
            timer.stop()
        self._core.release()
        self._state = PlayerState.EMPTY

    # -- moving libVLC ----------------------------------------------------------------
    def _go(self, index: int) -> None:
        """Show frame ``index`` (keep playing from it if playing)."""
        mode = "play" if self._state is PlayerState.PLAYING else "show"
        self._set_index(index)
        if mode == "show":
            self._picture(index)
        if self._eof:
            self._open(index, play=mode == "play")
        elif self._phase in (Phase.OPEN, Phase.SHOW, Phase.SETTLE):
            self._next = (mode, index)  # done once libVLC has settled
        elif self._phase is Phase.PLAY:
            self._pause_vlc((mode, index))  # frames on their way would mislabel it
        else:
            self._show(index)

    def _start(self, index: int) -> None:
        if index < self._index:  # from the in point again
            self._set_index(index)
        self._set_state(PlayerState.PLAYING)
        if self._eof:
            self._open(index, play=True)
        elif self._phase is Phase.IDLE:
            self._begin_play(index, seek=True)
        else:
            self._next = ("play", index)
