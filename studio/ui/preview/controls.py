"""The preview's controls: transport buttons, scrub bar, time, shuttle speed, mute and volume.

:class:`Controls` builds these widgets (children of the panel, laid out under its
frame canvas) and shows a player's state on them (:meth:`Controls.show`); the panel
connects them to what they do.  :func:`format_ms` writes the times they show.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSlider, QStyle, QToolButton, QVBoxLayout, QWidget

from studio.app.playback.player import PlayerBackend, PlayerState

__all__ = ["Controls", "format_ms"]


def format_ms(ms: int) -> str:
    """``mm:ss.mmm`` (minutes are not wrapped)."""
    ms = max(0, int(ms))
    return f"{ms // 60000:02d}:{ms // 1000 % 60:02d}.{ms % 1000:03d}"


class Controls:
    """The widgets under ``panel``'s ``canvas``, and the layout holding all of them."""

    def __init__(self, panel: QWidget, canvas: QWidget) -> None:
        self._panel = panel
        style = panel.style()
        icon = QStyle.StandardPixmap

        def button(name: str, pixmap: QStyle.StandardPixmap, tip: str) -> QToolButton:
            widget = QToolButton(panel)
            widget.setObjectName(name)
            widget.setIcon(style.standardIcon(pixmap))
            widget.setToolTip(tip)
            widget.setAutoRaise(True)
            widget.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            return widget

        self.back_button = button("previewStepBack", icon.SP_MediaSkipBackward,
                                  QCoreApplication.translate("PreviewControls", "Previous frame (Left)"))
        self.play_button = button("previewPlay", icon.SP_MediaPlay,
                                  QCoreApplication.translate("PreviewControls", "Play / pause (Space, K)"))
        self.forward_button = button("previewStepForward", icon.SP_MediaSkipForward,
                                     QCoreApplication.translate("PreviewControls", "Next frame (Right)"))
        self.mute_button = button("previewMute", icon.SP_MediaVolume,
                                  QCoreApplication.translate("PreviewControls", "Mute (M)"))
        self.mute_button.setCheckable(True)
        self.scrub = QSlider(Qt.Orientation.Horizontal, panel)
        self.scrub.setObjectName("previewScrub")
        self.scrub.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.scrub.setToolTip(QCoreApplication.translate("PreviewControls", "Scrub within the scene's trim"))
        self.volume = QSlider(Qt.Orientation.Horizontal, panel)
        self.volume.setObjectName("previewVolume")
        self.volume.setRange(0, 100)
        self.volume.setValue(100)
        self.volume.setMaximumWidth(90)
        self.volume.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.volume.setToolTip(QCoreApplication.translate("PreviewControls", "Volume"))
        self.time_label = QLabel(panel)
        self.time_label.setObjectName("previewTime")
        self.time_label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.shuttle_label = QLabel(panel)
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
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(2)
        layout.addWidget(canvas, 1)
        layout.addLayout(transport)
        layout.addLayout(info)

    def show_muted(self, muted: bool) -> None:
        icon = QStyle.StandardPixmap.SP_MediaVolumeMuted if muted else (
            QStyle.StandardPixmap.SP_MediaVolume)
        self.mute_button.setIcon(self._panel.style().standardIcon(icon))

    def show_time(self, ms: int, out_ms: int) -> None:
        self.time_label.setText(f"{format_ms(ms)} / {format_ms(out_ms)}")

    def show(self, player: PlayerBackend | None, playable: bool, shuttle: int) -> None:
        """Enable what ``player`` allows; show play/pause, the shuttle speed, the position and time."""
        for widget in (self.back_button, self.forward_button, self.scrub):
            widget.setEnabled(playable)
        self.play_button.setEnabled(playable)
        self.mute_button.setEnabled(player is not None)
        self.volume.setEnabled(player is not None)
        playing = player is not None and player.state is PlayerState.PLAYING
        pixmap = QStyle.StandardPixmap.SP_MediaPause if playing or shuttle < 0 else (
            QStyle.StandardPixmap.SP_MediaPlay)
        self.play_button.setIcon(self._panel.style().standardIcon(pixmap))
        if shuttle < 0:
            self.shuttle_label.setText(f"◀◀ {-shuttle}×")
        elif shuttle > 1:
            self.shuttle_label.setText(f"▶▶ {shuttle}×")
        else:
            self.shuttle_label.setText("")
        if player is not None and playable:
            self.scrub.blockSignals(True)
            self.scrub.setRange(player.in_ms, max(player.in_ms, player.out_ms))
            self.scrub.setValue(player.position_ms())
            self.scrub.blockSignals(False)
            self.show_time(player.position_ms(), player.out_ms)
        elif player is None or player.state in (PlayerState.EMPTY, PlayerState.ERROR):
            self.time_label.setText(f"{format_ms(0)} / {format_ms(0)}")
