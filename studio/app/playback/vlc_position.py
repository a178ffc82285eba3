"""Position bookkeeping of the libVLC preview player: its state, queries and frame index.

:class:`PositionKeeper` is the libVLC-independent base of
:class:`studio.app.playback.vlc_player.VlcPlayer`: it holds the player's fields (frame
reported, frame libVLC holds, pending command, timing anchor, in/out points, audio
settings), answers the :class:`PlayerBackend` queries, keeps the out point (the last
frame that starts before ``out_ms``) and reports position and state changes.  The
commands that move libVLC live in :mod:`studio.app.playback.vlc_control`.  No ``vlc`` here.
"""

from __future__ import annotations

import math
import sys

from PySide6.QtCore import QObject
from PySide6.QtGui import QImage

from studio.app.playback.player import PlayerBackend, PlayerState, frame_index, frame_start_ms
from studio.app.playback.vlc_timing import Phase, frame_at, last_index_before

__all__ = ["PositionKeeper"]


class PositionKeeper(PlayerBackend):
    """State and position of a seek-and-run player (see the module docstring)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._closed = False
        self._state = PlayerState.EMPTY
        self._phase = Phase.IDLE
        self._path = ""
        self._in_ms = 0
        self._out_req: int | None = None
        self._fps = 25.0
        self._length = 0
        self._index = 0  # frame reported (shown, or about to be shown)
        self._vlc_index = -1  # frame libVLC holds while paused (-1: unknown)
        self._target = 0  # frame a SHOW/PLAY command started from
        self._next: tuple[str, int] | None = None  # ("show"|"play", frame) after SETTLE
        self._anchor: tuple[float, int] | None = None  # (display time, frame index)
        self._command_at = 0.0
        self._eof = False
        self._rate = 1.0
        self._volume = 100
        self._muted = False
        self._still_index: int | None = None  # the still shown (None: a libVLC frame)
        self._show_forward = False  # show libVLC's frame of a SHOW (no still)
        self._exact_seek = True  # no B-frames: libVLC lands exactly where asked
        self._size = (0, 0)

    # -- queries --------------------------------------------------------------------
    @property
    def state(self) -> PlayerState:
        return self._state

    @property
    def fps(self) -> float:
        return self._fps

    @property
    def in_ms(self) -> int:
        return self._in_ms

    @property
    def out_ms(self) -> int:
        if self._out_req is not None:
            return min(self._out_req, self._length) if self._length else self._out_req
        return self._length

    @property
    def volume(self) -> int:
        return self._volume

    @property
    def muted(self) -> bool:
        return self._muted

    @property
    def rate(self) -> float:
        return self._rate

    @property
    def path(self) -> str:
        return self._path

    @property
    def ready(self) -> bool:
        """Paused on the frame reported, with nothing pending in libVLC."""
        return self._state is PlayerState.PAUSED and self._phase is Phase.IDLE

    def position_ms(self) -> int:
        return max(self._in_ms, frame_start_ms(self._index, self._fps))

    def duration_ms(self) -> int:
        return self._length

    @property
    def first_index(self) -> int:
        return frame_index(self._in_ms, self._fps)

    @property
    def last_index(self) -> int:
        """Index of the last frame that starts before the out point."""
        out = self.out_ms
        if out <= 0:
            return sys.maxsize
        return max(self.first_index, math.ceil(out * self._fps / 1000.0 - 1e-6) - 1)

    def _clamp(self, index: int) -> int:
        return max(self.first_index, min(index, self.last_index))

    def _pending_index(self) -> int:
        """The frame the player is heading to (the last one asked for)."""
        if self._next is not None:
            return self._next[1]
        return self._index

    def _media_last_index(self) -> int:
        return last_index_before(self._length, self._fps)

    # -- bookkeeping ----------------------------------------------------------------
    def _frame_at(self, shown: float) -> int:
        """Frame shown at display time ``shown`` (see :func:`vlc_timing.frame_at`)."""
        assert self._anchor is not None
        index, self._anchor = frame_at(self._anchor, shown, self._fps, self._rate)
        return index

    def _show_frame(self, image: QImage, index: int) -> None:
        changed = index != self._index or self._state is PlayerState.LOADING
        self._index = index
        self._still_index = None
        if self._state is PlayerState.LOADING:
            self._set_state(PlayerState.PAUSED)
        self.frame_ready.emit(image)
        if changed:
            self.position_changed.emit(self.position_ms())

    def _set_index(self, index: int) -> None:
        if index != self._index:
            self._index = index
            self.position_changed.emit(self.position_ms())

    def _set_state(self, state: PlayerState) -> None:
        if state is not self._state:
            self._state = state
            self.state_changed.emit(state)
