"""The preview panel: frame canvas, transport, scrub bar, J/K/L shuttle, volume and time.

:class:`PreviewPanel` plays one scene's clip between its trim points through any
:class:`~studio.app.playback.player.PlayerBackend` (by default a
:class:`~studio.ui.preview.switching.SwitchingPlayer` of two libVLC players, so
clips announced with :meth:`PreviewPanel.preload` switch in without a black frame).

A storyboard placeholder scene (no footage yet) is shown with :meth:`set_card`: its titled
colour card plays on a :class:`~studio.ui.preview.card.CardPlayer` (its clock on the same
transport), while :attr:`player` stays the clips' player.

Integration API: :meth:`set_clip`, :meth:`set_card`, :meth:`seek` (from the timeline),
:meth:`preload`, :meth:`clear`, the ``position_changed(int)`` signal (clip ms of the
frame shown, for the timeline's playhead) and :meth:`shutdown` (closes the player;
call it before the QApplication goes away -- it is also connected to
``aboutToQuit``).

Keys (panel focused): Space play/pause; J/K/L shuttle (J back, K pause, L forward;
pressing L or J again doubles the speed up to 8x; reverse is emulated with paused
seeks); Left/Right one frame; Home/End the trim points; M mute.

The panel routes input and player feedback; its widgets are built and updated by
:class:`~studio.ui.preview.controls.Controls`, the shuttle speed and reverse play
are :class:`~studio.ui.preview.shuttle.Shuttle`'s, and the default player comes
from :mod:`studio.ui.preview.backend`.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QImage, QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QApplication, QWidget

from studio.app.playback.player import PlayerBackend, PlayerState
from studio.ui.preview.backend import closer, default_player, silent_reason
from studio.ui.preview.canvas import FrameCanvas
from studio.ui.preview.card import Card, CardPlayer
from studio.ui.preview.controls import Controls
from studio.ui.preview.shuttle import Shuttle

__all__ = ["PreviewPanel"]


class PreviewPanel(QWidget):
    """Plays a trimmed clip; see the module docstring."""

    position_changed = Signal(int)

    def __init__(
        self,
        player: PlayerBackend | None = None,
        parent: QWidget | None = None,
        *,
        audio: bool = True,
        make_player: Callable[[bool], tuple[PlayerBackend | None, str]] = default_player,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("previewPanel")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._unavailable = ""
        self.binding: QObject | None = None  # what keeps it on the selection (create())
        if player is None:
            player, self._unavailable = make_player(audio)
        self._media = player  # the clips' player (None without libVLC)
        self._card = CardPlayer(self)  # a placeholder scene's card
        self._player: PlayerBackend | None = player  # the one shown: the media's or the card's
        self._clip: tuple[str, int, int | None, float | None] | None = None
        self._resume_after_scrub = False
        self._scrubbing = False
        self._jkl = Shuttle(self._player, self, self._refresh)
        self._reverse = self._jkl.timer  # reverse play's ticks
        self._build()
        silent = silent_reason(audio)
        if silent:  # no sound device: say so where sound is controlled
            for control in (self._controls.volume, self._controls.mute_button):
                control.setEnabled(False)
                control.setToolTip(silent)
        self._connect(self._card)
        if self._player is not None:
            self._connect(self._player)
            self.canvas.clear(self.tr("No clip selected"))
        else:
            self.canvas.clear(self._unavailable)
        self._refresh()
        app = QApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.shutdown)
        if self._media is not None:  # a panel deleted without shutdown() still closes it
            self.destroyed.connect(closer(self._media))

    # -- layout ---------------------------------------------------------------------
    def _build(self) -> None:
        self.canvas = FrameCanvas(self)
        self.canvas.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._controls = c = Controls(self, self.canvas)
        self.back_button, self.play_button = c.back_button, c.play_button
        self.forward_button, self.mute_button = c.forward_button, c.mute_button
        self.scrub, self.volume = c.scrub, c.volume
        self.time_label, self.shuttle_label = c.time_label, c.shuttle_label

        self.play_button.clicked.connect(self.toggle_play)
        self.back_button.clicked.connect(lambda: self.step(-1))
        self.forward_button.clicked.connect(lambda: self.step(1))
        self.mute_button.toggled.connect(self.set_muted)
        self.volume.valueChanged.connect(self.set_volume)
        self.scrub.sliderPressed.connect(self._scrub_pressed)
        self.scrub.sliderMoved.connect(self._scrub_moved)
        self.scrub.sliderReleased.connect(self._scrub_released)

    def _connect(self, player: PlayerBackend) -> None:
        """Route ``player``'s signals here while it is the one shown."""

        def routed(slot: Callable[..., None]) -> Callable[..., None]:
            def call(*args: object) -> None:
                if player is self._player:
                    slot(*args)

            return call

        player.frame_ready.connect(routed(self._on_frame))
        player.position_changed.connect(routed(self._on_position))
        player.state_changed.connect(routed(self._on_state))
        player.reached_out_point.connect(routed(self._on_out_point))
        player.error.connect(routed(self._on_error))

    # -- integration API ------------------------------------------------------------
    @property
    def player(self) -> PlayerBackend | None:
        """The clips' player (None without libVLC)."""
        return self._media

    @property
    def card_player(self) -> CardPlayer:
        """The player of a placeholder scene's card."""
        return self._card

    @property
    def active_player(self) -> PlayerBackend | None:
        """The player shown now: the card's for a placeholder scene, else the clips'."""
        return self._player

    @property
    def card(self) -> Card | None:
        """The placeholder card shown (None when a clip, or nothing, is shown)."""
        return self._card.card if self._player is self._card else None

    @property
    def unavailable(self) -> str:
        """Why there is no player ("" when there is one)."""
        return self._unavailable

    @property
    def shuttle(self) -> int:
        """The J/K/L speed: 0 stopped, >0 forward rate, <0 reverse speed."""
        return self._jkl.speed

    def set_clip(
        self, path: str, in_ms: int = 0, out_ms: int | None = None, fps: float | None = None
    ) -> None:
        """Show ``path`` trimmed to ``[in_ms, out_ms)``, paused on its first frame.

        The previous frame stays on screen until the new clip's first frame arrives.
        """
        self._clip = (path, int(in_ms), out_ms, fps)
        self._jkl.stop()
        self._use(self._media)
        if self._player is None:
            return
        self.canvas.set_message("")
        self._player.load(path, int(in_ms), out_ms, fps)
        self._refresh()

    def preload(
        self, path: str, in_ms: int = 0, out_ms: int | None = None, fps: float | None = None
    ) -> None:
        """Pre-roll a clip that may come next (no-op if the player cannot)."""
        preload = getattr(self._media, "preload", None)
        if callable(preload):
            preload(path, in_ms, out_ms, fps)

    def set_card(self, card: Card, ms: int = 0) -> None:
        """Show a placeholder scene's ``card``, paused at ``ms``, its clock on the transport."""
        self._clip = None
        self._jkl.stop()
        if self._media is not None and self._player is self._media:
            self._media.pause()  # kept open: going back to the clip is quick
        self._use(self._card)
        self.canvas.set_message("")
        self._card.set_card(card, ms)
        self._refresh()

    def _use(self, player: PlayerBackend | None) -> None:
        if player is self._player:
            return
        if self._player is self._card:
            self._card.unload()
        self._player = player
        self._jkl.use(player)

    def seek(self, ms: int) -> None:
        """Show the frame at clip time ``ms`` (clamped to the trim)."""
        if self._player is not None:
            self._player.seek_ms(int(ms))

    def clear(self, message: str = "") -> None:
        """Unload the clip and show ``message`` instead of a frame."""
        self._clip = None
        self._jkl.stop()
        self._use(self._media)
        if self._player is not None:
            self._player.unload()
        self.canvas.clear(message or self._unavailable)
        self._refresh()

    def shutdown(self) -> None:
        """Close the player (idempotent)."""
        self._jkl.timer.stop()
        self._card.close()
        if self._media is not None:
            self._media.close()

    # -- transport ------------------------------------------------------------------
    def _playable(self) -> bool:
        """A clip is open (commands given while it loads are queued by the player)."""
        return self._player is not None and self._player.state in (
            PlayerState.PAUSED, PlayerState.PLAYING, PlayerState.LOADING,
        )

    def play(self) -> None:
        self._jkl.stop()
        if self._player is not None:
            self._player.set_rate(1.0)
            self._player.play()
            self._jkl.speed = 1
            self._refresh()

    def pause(self) -> None:
        self._jkl.stop()
        if self._player is not None:
            self._player.pause()
        self._refresh()

    def toggle_play(self) -> None:
        if self._player is None:
            return
        if self._player.state is PlayerState.PLAYING or self._jkl.speed < 0:
            self.pause()
        else:
            self.play()

    def step(self, frames: int) -> None:
        self._jkl.stop()
        if self._playable():
            assert self._player is not None
            self._player.step_frame(frames)
        self._refresh()

    def set_volume(self, volume: int) -> None:
        if self.volume.value() != volume:
            self.volume.setValue(volume)  # calls back here once
            return
        if self._media is not None:
            self._media.set_volume(volume)

    def set_muted(self, muted: bool) -> None:
        if self.mute_button.isChecked() != muted:
            self.mute_button.setChecked(muted)  # calls back here once
            return
        self._controls.show_muted(muted)
        if self._media is not None:
            self._media.set_muted(muted)

    # -- J/K/L shuttle --------------------------------------------------------------
    def shuttle_forward(self) -> None:
        """L: play forward; again: 2x, 4x, 8x."""
        if self._playable():
            self._jkl.forward()
            self._refresh()

    def shuttle_back(self) -> None:
        """J: play backwards (emulated with paused seeks); again: 2x, 4x, 8x."""
        if self._playable():
            self._jkl.back()
            self._refresh()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = Qt.Key(event.key())
        actions: dict[Qt.Key, Callable[[], None]] = {
            Qt.Key.Key_Space: self.toggle_play,
            Qt.Key.Key_K: self.pause,
            Qt.Key.Key_L: self.shuttle_forward,
            Qt.Key.Key_J: self.shuttle_back,
            Qt.Key.Key_Left: lambda: self.step(-1),
            Qt.Key.Key_Right: lambda: self.step(1),
            Qt.Key.Key_Home: lambda: self._jump(start=True),
            Qt.Key.Key_End: lambda: self._jump(start=False),
            Qt.Key.Key_M: lambda: self.set_muted(not self.mute_button.isChecked()),
        }
        action = actions.get(key)
        if action is None or event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            super().keyPressEvent(event)
            return
        action()
        event.accept()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        super().mousePressEvent(event)

    def _jump(self, start: bool) -> None:
        if self._player is not None:
            self._jkl.stop()
            self._player.pause()
            self._player.seek_ms(self._player.in_ms if start else self._player.out_ms)

    # -- scrubbing ------------------------------------------------------------------
    def _scrub_pressed(self) -> None:
        if self._player is None or self._scrubbing:
            return
        self._scrubbing = True
        self._resume_after_scrub = self._player.state is PlayerState.PLAYING
        self._jkl.stop()
        self._player.pause()

    def _scrub_moved(self, value: int) -> None:
        if self._player is not None:
            self._player.seek_ms(value)
        self._show_time(value)

    def _scrub_released(self) -> None:
        if not self._scrubbing:
            return
        self._scrubbing = False
        if self._player is not None:
            self._player.seek_ms(self.scrub.value())
            if self._resume_after_scrub:
                self.play()
        self._resume_after_scrub = False

    # -- player feedback ------------------------------------------------------------
    def _on_frame(self, image: QImage) -> None:
        self.canvas.set_image(image)

    def _on_position(self, ms: int) -> None:
        if not self.scrub.isSliderDown():
            self.scrub.blockSignals(True)
            self.scrub.setValue(ms)
            self.scrub.blockSignals(False)
        self._show_time(ms)
        self.position_changed.emit(ms)

    def _on_state(self, _state: object) -> None:
        self._refresh()

    def _on_out_point(self) -> None:
        self._jkl.stop()
        self._refresh()

    def _on_error(self, message: str) -> None:
        self._jkl.stop()
        self.canvas.clear(message)
        self._refresh()

    def _show_time(self, ms: int) -> None:
        self._controls.show_time(ms, self._player.out_ms if self._player is not None else 0)

    def _refresh(self) -> None:
        player = self._player
        playing = player is not None and player.state is PlayerState.PLAYING
        if not playing and self._jkl.speed > 0:
            self._jkl.speed = 0
        self._controls.show(player, self._playable(), self._jkl.speed)
        if self._media is None:  # a card plays without libVLC, but there is no sound to control
            self.mute_button.setEnabled(False)
            self.volume.setEnabled(False)
