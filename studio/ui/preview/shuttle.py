"""The preview's J/K/L shuttle: the speed it plays at, and reverse play.

:class:`Shuttle` owns the shuttle speed of one player (0 stopped, >0 forward rate,
<0 reverse speed) and the timer that emulates reverse play with paused seeks (the
player cannot play backwards).  The panel decides when a key may act (a clip is open)
and repaints its controls afterwards.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QElapsedTimer, QObject, QTimer

from studio.app.playback.player import PlayerBackend

__all__ = ["MAX_SHUTTLE", "REVERSE_TICK_MS", "Shuttle"]

MAX_SHUTTLE = 8
REVERSE_TICK_MS = 80


class Shuttle:
    """J/K/L speed of ``player``; ``ended`` is called when reverse play stops at the in point."""

    def __init__(self, player: PlayerBackend | None, parent: QObject, ended: Callable[[], None]) -> None:
        self._player = player
        self._ended = ended
        self.speed = 0  # 0 stopped, >0 forward rate, <0 reverse speed
        self._reverse_pos = 0.0
        self._reverse_clock = QElapsedTimer()
        self.timer = QTimer(parent)  # reverse play's ticks
        self.timer.setInterval(REVERSE_TICK_MS)
        self.timer.timeout.connect(self._reverse_tick)

    def use(self, player: PlayerBackend | None) -> None:
        """Drive ``player`` from now on (stopped)."""
        self.stop()
        self._player = player

    def forward(self) -> None:
        """L: play forward; again: 2x, 4x, 8x."""
        player = self._player
        if player is None:
            return
        self.timer.stop()
        if self.speed <= 0:
            self.speed = 1
            player.set_rate(1.0)
            player.play()
        else:
            self.speed = min(MAX_SHUTTLE, self.speed * 2)
            player.set_rate(float(self.speed))

    def back(self) -> None:
        """J: play backwards (emulated with paused seeks); again: 2x, 4x, 8x."""
        player = self._player
        if player is None:
            return
        if self.speed >= 0:
            player.pause()
            player.set_rate(1.0)
            self.speed = -1
            self._reverse_pos = float(player.position_ms())
            self._reverse_clock.start()
            self.timer.start()
        else:
            self.speed = max(-MAX_SHUTTLE, self.speed * 2)

    def stop(self) -> None:
        """Stopped, at normal speed."""
        self.timer.stop()
        # Back to normal speed whatever happened meanwhile (the clip may have ended at 2x).
        if self._player is not None and (self.speed > 1 or self._player.rate != 1.0):
            self._player.set_rate(1.0)
        self.speed = 0

    def _reverse_tick(self) -> None:
        player = self._player
        if player is None or self.speed >= 0:
            self.timer.stop()
            return
        elapsed = self._reverse_clock.restart()
        self._reverse_pos -= elapsed * -self.speed
        if self._reverse_pos <= player.in_ms:
            player.seek_ms(player.in_ms)
            self.stop()
            self._ended()
            return
        player.seek_ms(int(self._reverse_pos))
