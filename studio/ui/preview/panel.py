"""The preview panel: frame canvas, transport, scrub bar, J/K/L shuttle, volume and time.

:class:`PreviewPanel` plays one scene's clip between its trim points through any
:class:`~studio.app.playback.player.PlayerBackend` (by default a
:class:`~studio.ui.preview.switching.SwitchingPlayer` of two libVLC players, so
clips announced with :meth:`PreviewPanel.preload` switch in without a black frame).

Integration API: :meth:`set_clip`, :meth:`seek` (from the timeline),
:meth:`preload`, :meth:`clear`, the ``position_changed(int)`` signal (clip ms of the
frame shown, for the timeline's playhead) and :meth:`shutdown` (closes the player;
call it before the QApplication goes away -- it is also connected to
``aboutToQuit``).

Keys (panel focused): Space play/pause; J/K/L shuttle (J back, K pause, L forward;
pressing L or J again doubles the speed up to 8x; reverse is emulated with paused
seeks); Left/Right one frame; Home/End the trim points; M mute.
"""

from __future__ import annotations

import contextlib
import os
import warnings
from collections.abc import Callable

from PySide6.QtCore import QElapsedTimer, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QImage, QKeyEvent, QMouseEvent
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QSlider,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from studio.app.playback.player import PlayerBackend, PlayerState
from studio.ui.preview.canvas import FrameCanvas
from studio.ui.preview.switching import SwitchingPlayer

__all__ = ["MAX_SHUTTLE", "PreviewPanel", "default_player", "format_ms"]

MAX_SHUTTLE = 8
_REVERSE_TICK_MS = 80


def format_ms(ms: int) -> str:
    """``mm:ss.mmm`` (minutes are not wrapped)."""
    ms = max(0, int(ms))
    return f"{ms // 60000:02d}:{ms // 1000 % 60:02d}.{ms % 1000:03d}"


def audio_wanted(audio: bool) -> bool:
    """Audio unless asked off, headless (``QT_QPA_PLATFORM=offscreen``, as in tests) or
    ``STUDIO_PREVIEW_AUDIO=0``."""
    if os.environ.get("STUDIO_PREVIEW_AUDIO") == "0":
        return False
    return audio and os.environ.get("QT_QPA_PLATFORM") != "offscreen"


def default_player(audio: bool = True) -> tuple[PlayerBackend | None, str]:
    """A switching libVLC player, or None and the one-line reason libVLC is unusable."""
    from studio.app.playback.vlc_player import VlcPlayer, vlc_problem

    audio = audio_wanted(audio)
    problem = vlc_problem()
    if problem:
        return None, f"Preview unavailable: {problem}"
    return SwitchingPlayer(lambda: VlcPlayer(audio=audio)), ""


def _closer(player: PlayerBackend) -> Callable[..., None]:
    """Closes ``player`` once its panel is gone (its signals no longer reach the panel)."""

    def close(*_args: object) -> None:
        with warnings.catch_warnings():  # "nothing to disconnect" is fine here
            warnings.simplefilter("ignore", RuntimeWarning)
            for signal in (player.frame_ready, player.position_changed, player.state_changed,
                           player.reached_out_point, player.error):
                with contextlib.suppress(RuntimeError, TypeError):
                    signal.disconnect()
        player.close()

    return close


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
        self._player = player
        self._clip: tuple[str, int, int | None, float | None] | None = None
        self._shuttle = 0  # 0 stopped, >0 forward rate, <0 reverse speed
        self._resume_after_scrub = False
        self._scrubbing = False
        self._reverse_pos = 0.0
        self._reverse_clock = QElapsedTimer()
        self._reverse = QTimer(self)
        self._reverse.setInterval(_REVERSE_TICK_MS)
        self._reverse.timeout.connect(self._reverse_tick)
        self._build()
        if self._player is not None:
            self._connect(self._player)
            self.canvas.clear("No clip selected")
        else:
            self.canvas.clear(self._unavailable)
        self._refresh()
        app = QApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.shutdown)
        if self._player is not None:  # a panel deleted without shutdown() still closes it
            self.destroyed.connect(_closer(self._player))

    # -- layout ---------------------------------------------------------------------
    def _build(self) -> None:
        self.canvas = FrameCanvas(self)
        self.canvas.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        style = self.style()
        icon = QStyle.StandardPixmap

        def button(name: str, pixmap: QStyle.StandardPixmap, tip: str) -> QToolButton:
            widget = QToolButton(self)
            widget.setObjectName(name)
            widget.setIcon(style.standardIcon(pixmap))
            widget.setToolTip(tip)
            widget.setAutoRaise(True)
            widget.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            return widget

        self.back_button = button("previewStepBack", icon.SP_MediaSkipBackward,
                                  "Previous frame (Left)")
        self.play_button = button("previewPlay", icon.SP_MediaPlay, "Play / pause (Space, K)")
        self.forward_button = button("previewStepForward", icon.SP_MediaSkipForward,
                                     "Next frame (Right)")
        self.mute_button = button("previewMute", icon.SP_MediaVolume, "Mute (M)")
        self.mute_button.setCheckable(True)
        self.scrub = QSlider(Qt.Orientation.Horizontal, self)
        self.scrub.setObjectName("previewScrub")
        self.scrub.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.scrub.setToolTip("Scrub within the scene's trim")
        self.volume = QSlider(Qt.Orientation.Horizontal, self)
        self.volume.setObjectName("previewVolume")
        self.volume.setRange(0, 100)
        self.volume.setValue(100)
        self.volume.setMaximumWidth(90)
        self.volume.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.volume.setToolTip("Volume")
        self.time_label = QLabel(self)
        self.time_label.setObjectName("previewTime")
        self.time_label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.shuttle_label = QLabel(self)
        self.shuttle_label.setObjectName("previewShuttle")

        transport = QHBoxLayout()
        transport.setContentsMargins(0, 0, 0, 0)
        transport.setSpacing(2)
        for widget in (self.back_button, self.play_button, self.forward_button):
            transport.addWidget(widget)
        transport.addWidget(self.scrub, 1)
        info = QHBoxLayout()
        info.setContentsMargins(4, 0, 0, 0)
        info.addWidget(self.time_label)
        info.addWidget(self.shuttle_label)
        info.addStretch(1)
        info.addWidget(self.mute_button)
        info.addWidget(self.volume)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(2)
        layout.addWidget(self.canvas, 1)
        layout.addLayout(transport)
        layout.addLayout(info)

        self.play_button.clicked.connect(self.toggle_play)
        self.back_button.clicked.connect(lambda: self.step(-1))
        self.forward_button.clicked.connect(lambda: self.step(1))
        self.mute_button.toggled.connect(self.set_muted)
        self.volume.valueChanged.connect(self.set_volume)
        self.scrub.sliderPressed.connect(self._scrub_pressed)
        self.scrub.sliderMoved.connect(self._scrub_moved)
        self.scrub.sliderReleased.connect(self._scrub_released)

    def _connect(self, player: PlayerBackend) -> None:
        player.frame_ready.connect(self._on_frame)
        player.position_changed.connect(self._on_position)
        player.state_changed.connect(self._on_state)
        player.reached_out_point.connect(self._on_out_point)
        player.error.connect(self._on_error)

    # -- integration API ------------------------------------------------------------
    @property
    def player(self) -> PlayerBackend | None:
        return self._player

    @property
    def unavailable(self) -> str:
        """Why there is no player ("" when there is one)."""
        return self._unavailable

    @property
    def shuttle(self) -> int:
        return self._shuttle

    def set_clip(
        self, path: str, in_ms: int = 0, out_ms: int | None = None, fps: float | None = None
    ) -> None:
        """Show ``path`` trimmed to ``[in_ms, out_ms)``, paused on its first frame.

        The previous frame stays on screen until the new clip's first frame arrives.
        """
        self._clip = (path, int(in_ms), out_ms, fps)
        self._stop_shuttle()
        if self._player is None:
            return
        self.canvas.set_message("")
        self._player.load(path, int(in_ms), out_ms, fps)
        self._refresh()

    def preload(
        self, path: str, in_ms: int = 0, out_ms: int | None = None, fps: float | None = None
    ) -> None:
        """Pre-roll a clip that may come next (no-op if the player cannot)."""
        preload = getattr(self._player, "preload", None)
        if callable(preload):
            preload(path, in_ms, out_ms, fps)

    def seek(self, ms: int) -> None:
        """Show the frame at clip time ``ms`` (clamped to the trim)."""
        if self._player is not None:
            self._player.seek_ms(int(ms))

    def clear(self, message: str = "") -> None:
        """Unload the clip and show ``message`` instead of a frame."""
        self._clip = None
        self._stop_shuttle()
        if self._player is not None:
            self._player.unload()
        self.canvas.clear(message or self._unavailable)
        self._refresh()

    def shutdown(self) -> None:
        """Close the player (idempotent)."""
        self._reverse.stop()
        if self._player is not None:
            self._player.close()

    # -- transport ------------------------------------------------------------------
    def _playable(self) -> bool:
        """A clip is open (commands given while it loads are queued by the player)."""
        return self._player is not None and self._player.state in (
            PlayerState.PAUSED, PlayerState.PLAYING, PlayerState.LOADING,
        )

    def play(self) -> None:
        self._stop_shuttle()
        if self._player is not None:
            self._player.set_rate(1.0)
            self._player.play()
            self._shuttle = 1
            self._refresh()

    def pause(self) -> None:
        self._stop_shuttle()
        if self._player is not None:
            self._player.pause()
        self._refresh()

    def toggle_play(self) -> None:
        if self._player is None:
            return
        if self._player.state is PlayerState.PLAYING or self._shuttle < 0:
            self.pause()
        else:
            self.play()

    def step(self, frames: int) -> None:
        self._stop_shuttle()
        if self._playable():
            assert self._player is not None
            self._player.step_frame(frames)
        self._refresh()

    def set_volume(self, volume: int) -> None:
        if self.volume.value() != volume:
            self.volume.setValue(volume)  # calls back here once
            return
        if self._player is not None:
            self._player.set_volume(volume)

    def set_muted(self, muted: bool) -> None:
        if self.mute_button.isChecked() != muted:
            self.mute_button.setChecked(muted)  # calls back here once
            return
        icon = QStyle.StandardPixmap.SP_MediaVolumeMuted if muted else (
            QStyle.StandardPixmap.SP_MediaVolume)
        self.mute_button.setIcon(self.style().standardIcon(icon))
        if self._player is not None:
            self._player.set_muted(muted)

    # -- J/K/L shuttle --------------------------------------------------------------
    def shuttle_forward(self) -> None:
        """L: play forward; again: 2x, 4x, 8x."""
        if not self._playable():
            return
        assert self._player is not None
        self._reverse.stop()
        if self._shuttle <= 0:
            self._shuttle = 1
            self._player.set_rate(1.0)
            self._player.play()
        else:
            self._shuttle = min(MAX_SHUTTLE, self._shuttle * 2)
            self._player.set_rate(float(self._shuttle))
        self._refresh()

    def shuttle_back(self) -> None:
        """J: play backwards (emulated with paused seeks); again: 2x, 4x, 8x."""
        if not self._playable():
            return
        assert self._player is not None
        if self._shuttle >= 0:
            self._player.pause()
            self._player.set_rate(1.0)
            self._shuttle = -1
            self._reverse_pos = float(self._player.position_ms())
            self._reverse_clock.start()
            self._reverse.start()
        else:
            self._shuttle = max(-MAX_SHUTTLE, self._shuttle * 2)
        self._refresh()

    def _reverse_tick(self) -> None:
        if self._player is None or self._shuttle >= 0:
            self._reverse.stop()
            return
        elapsed = self._reverse_clock.restart()
        self._reverse_pos -= elapsed * -self._shuttle
        if self._reverse_pos <= self._player.in_ms:
            self._player.seek_ms(self._player.in_ms)
            self._stop_shuttle()
            self._refresh()
            return
        self._player.seek_ms(int(self._reverse_pos))

    def _stop_shuttle(self) -> None:
        self._reverse.stop()
        # Back to normal speed whatever happened meanwhile (the clip may have ended at 2x).
        if self._player is not None and (self._shuttle > 1 or self._player.rate != 1.0):
            self._player.set_rate(1.0)
        self._shuttle = 0

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
            self._stop_shuttle()
            self._player.pause()
            self._player.seek_ms(self._player.in_ms if start else self._player.out_ms)

    # -- scrubbing ------------------------------------------------------------------
    def _scrub_pressed(self) -> None:
        if self._player is None or self._scrubbing:
            return
        self._scrubbing = True
        self._resume_after_scrub = self._player.state is PlayerState.PLAYING
        self._stop_shuttle()
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
        self._stop_shuttle()
        self._refresh()

    def _on_error(self, message: str) -> None:
        self._stop_shuttle()
        self.canvas.clear(message)
        self._refresh()

    def _show_time(self, ms: int) -> None:
        out = self._player.out_ms if self._player is not None else 0
        self.time_label.setText(f"{format_ms(ms)} / {format_ms(out)}")

    def _refresh(self) -> None:
        player = self._player
        playable = self._playable()
        for widget in (self.back_button, self.forward_button, self.scrub):
            widget.setEnabled(playable)
        self.play_button.setEnabled(playable)
        self.mute_button.setEnabled(player is not None)
        self.volume.setEnabled(player is not None)
        playing = player is not None and player.state is PlayerState.PLAYING
        if not playing and self._shuttle > 0:
            self._shuttle = 0
        pixmap = QStyle.StandardPixmap.SP_MediaPause if playing or self._shuttle < 0 else (
            QStyle.StandardPixmap.SP_MediaPlay)
        self.play_button.setIcon(self.style().standardIcon(pixmap))
        if self._shuttle < 0:
            self.shuttle_label.setText(f"◀◀ {-self._shuttle}×")
        elif self._shuttle > 1:
            self.shuttle_label.setText(f"▶▶ {self._shuttle}×")
        else:
            self.shuttle_label.setText("")
        if player is not None and playable:
            self.scrub.blockSignals(True)
            self.scrub.setRange(player.in_ms, max(player.in_ms, player.out_ms))
            self.scrub.setValue(player.position_ms())
            self.scrub.blockSignals(False)
            self._show_time(player.position_ms())
        elif player is None or player.state in (PlayerState.EMPTY, PlayerState.ERROR):
            self.time_label.setText(f"{format_ms(0)} / {format_ms(0)}")
