"""Seamless branch switching: :class:`SwitchingPlayer` pre-rolls the clips that can come next.

Issue 7 part 3: "pre-roll the scenes that can come next in a second player and hold
the last frame until the next clip's first frame is ready, so a branch switch shows
no black frame".

A :class:`SwitchingPlayer` is itself a :class:`~studio.app.playback.player.PlayerBackend`
built from several backends (two by default, made by a factory: ``VlcPlayer`` in the
app, ``FakePlayer`` in unit tests).  One is *current*: only its signals are passed
on.  :meth:`preload` opens a clip in a spare player, which shows (to nobody) its first
frame and waits paused.  :meth:`switch` -- or :meth:`load` of a clip that was
preloaded -- makes that player current: its held first frame is emitted at once,
then it resumes (``resume_fast``: libVLC re-shows that frame and plays on), and the
old player is paused and becomes a spare.  If the clip was not pre-rolled (or is
still opening) nothing is emitted until its first frame arrives, so the screen
keeps the old clip's last frame: never black.

This module has no widget; it lives in ``studio/ui/preview`` because that package is
the preview's home (move it to ``studio/media`` if preferred: it only needs QtCore
and QtGui).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject
from PySide6.QtGui import QImage

from studio.app.playback.player import PlayerBackend, PlayerState

__all__ = ["ClipKey", "SwitchingPlayer"]


@dataclass(frozen=True)
class ClipKey:
    """What a player has open: path and trim (out None = to the end)."""

    path: str
    in_ms: int
    out_ms: int | None


class SwitchingPlayer(PlayerBackend):
    """A current player plus pre-rolled spares (see the module docstring)."""

    def __init__(
        self, factory: Callable[[], PlayerBackend], players: int = 2,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        if players < 2:
            raise ValueError("a switching player needs at least two players")
        self._players = [factory() for _ in range(players)]
        self._keys: dict[int, ClipKey | None] = {id(p): None for p in self._players}
        self._images: dict[int, QImage | None] = {id(p): None for p in self._players}
        self._current = self._players[0]
        self._fresh = False  # current was switched in and not started yet
        self._closed = False
        for player in self._players:
            self._wire(player)
        self.switches = 0  # how many switches used a pre-rolled player

    # -- wiring ---------------------------------------------------------------------
    def _wire(self, player: PlayerBackend) -> None:
        def on_frame(image: QImage) -> None:
            self._images[id(player)] = image
            if player is self._current:
                self.frame_ready.emit(image)

        def forward(signal_name: str) -> Callable[..., None]:
            def slot(*args: object) -> None:
                if player is self._current:
                    getattr(self, signal_name).emit(*args)

            return slot

        player.frame_ready.connect(on_frame)
        player.position_changed.connect(forward("position_changed"))
        player.state_changed.connect(forward("state_changed"))
        player.reached_out_point.connect(forward("reached_out_point"))
        player.error.connect(forward("error"))

    @property
    def current(self) -> PlayerBackend:
        return self._current

    @property
    def players(self) -> list[PlayerBackend]:
        return list(self._players)

    # -- switching ------------------------------------------------------------------
    def preload(
        self, path: str, in_ms: int = 0, out_ms: int | None = None, fps: float | None = None
    ) -> None:
        """Pre-roll a clip that may come next in a spare player (no-op if already)."""
        if self._closed:
            return
        key = ClipKey(path, int(in_ms), None if out_ms is None else int(out_ms))
        if self._find(key) is not None:
            return
        spare = self._spare()
        self._keys[id(spare)] = key
        self._images[id(spare)] = None
        spare.set_volume(self.volume)
        spare.set_muted(self.muted)
        spare.load(path, in_ms, out_ms, fps)

    def preloaded(self) -> list[ClipKey]:
        return [k for p in self._players if p is not self._current
                if (k := self._keys[id(p)]) is not None]

    def switch(self, key: ClipKey | None = None, play: bool = True) -> bool:
        """Make a pre-rolled clip current (``key`` None: the last preloaded one).

        Returns False when no such clip was preloaded (nothing changes).
        """
        if self._closed:
            return False
        target = self._find(key) if key is not None else self._last_spare()
        if target is None or target is self._current:
            return False
        old, self._current = self._current, target
        if old.state is PlayerState.PLAYING:
            old.pause()
        self._keys[id(old)] = None  # reusable for the next preload
        self.switches += 1
        self._fresh = True
        image = self._images[id(target)]
        if target.state in (PlayerState.PAUSED, PlayerState.PLAYING) and image is not None:
            self.frame_ready.emit(image)  # the held first frame, at once
            self.position_changed.emit(target.position_ms())
        self.state_changed.emit(target.state)
        if play:
            self.play()
        return True

    def _find(self, key: ClipKey) -> PlayerBackend | None:
        for player in self._players:
            if self._keys[id(player)] == key and player.state is not PlayerState.ERROR:
                return player
        return None

    def _last_spare(self) -> PlayerBackend | None:
        spares = [p for p in self._players if p is not self._current and self._keys[id(p)]]
        return spares[-1] if spares else None

    def _spare(self) -> PlayerBackend:
        """A non-current player, preferring one holding nothing; rotate otherwise."""
        spares = [p for p in self._players if p is not self._current]
        for player in spares:
            if self._keys[id(player)] is None:
                return player
        # Every spare holds a clip: reuse the oldest (move it to the end of the list).
        oldest = spares[0]
        self._players.remove(oldest)
        self._players.append(oldest)
        return oldest

    # -- PlayerBackend --------------------------------------------------------------
    def load(
        self, path: str, in_ms: int = 0, out_ms: int | None = None, fps: float | None = None
    ) -> None:
        key = ClipKey(path, int(in_ms), None if out_ms is None else int(out_ms))
        if self._keys[id(self._current)] == key and self._current.state in (
            PlayerState.PAUSED, PlayerState.PLAYING
        ):
            self._current.pause()
            self._current.seek_ms(in_ms)
            return
        if self.switch(key, play=False):
            return
        self._fresh = False
        self._keys[id(self._current)] = key
        self._current.load(path, in_ms, out_ms, fps)

    def play(self) -> None:
        if self._fresh and self._current.ready:
            self._current.resume_fast()
        else:
            self._current.play()
        self._fresh = False

    def resume_fast(self) -> None:
        self.play()

    def pause(self) -> None:
        self._fresh = False
        self._current.pause()

    def seek_ms(self, ms: int) -> None:
        if self._fresh and ms == self._current.position_ms():
            return  # keep the pre-rolled player's fast start
        self._fresh = False
        self._current.seek_ms(ms)

    def step_frame(self, frames: int = 1) -> None:
        self._fresh = False
        self._current.step_frame(frames)

    def set_rate(self, rate: float) -> None:
        for player in self._players:
            player.set_rate(rate)

    def set_volume(self, volume: int) -> None:
        for player in self._players:
            player.set_volume(volume)

    def set_muted(self, muted: bool) -> None:
        for player in self._players:
            player.set_muted(muted)

    def unload(self) -> None:
        for player in self._players:
            player.unload()
            self._keys[id(player)] = None
        self._fresh = False

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        for player in self._players:
            player.close()

    def position_ms(self) -> int:
        return self._current.position_ms()

    def duration_ms(self) -> int:
        return self._current.duration_ms()

    @property
    def ready(self) -> bool:
        return self._current.ready

    @property
    def state(self) -> PlayerState:
        return self._current.state

    @property
    def fps(self) -> float:
        return self._current.fps

    @property
    def in_ms(self) -> int:
        return self._current.in_ms

    @property
    def out_ms(self) -> int:
        return self._current.out_ms

    @property
    def volume(self) -> int:
        return self._current.volume

    @property
    def muted(self) -> bool:
        return self._current.muted

    @property
    def rate(self) -> float:
        return self._current.rate
