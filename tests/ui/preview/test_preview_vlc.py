"""PreviewPanel on real libVLC (SwitchingPlayer of VlcPlayers) with generated clips."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from studio.app.playback.player import PlayerState, frame_index, frame_start_ms
from studio.ui.preview.panel import PreviewPanel

pytestmark = [pytest.mark.gui, pytest.mark.vlc]

WAIT = 8000  # ms; generous for a loaded machine, never a speed assertion
FPS = 24.0


def centre(image: QImage | None) -> tuple[int, int, int]:
    assert image is not None
    colour = image.pixelColor(image.width() // 2, image.height() // 2)
    return colour.red(), colour.green(), colour.blue()


def near(colour: tuple[int, int, int], target: tuple[int, int, int], tol: int = 48) -> bool:
    return all(abs(a - b) <= tol for a, b in zip(colour, target, strict=True))


def ready(qtbot: QtBot, panel: PreviewPanel) -> None:
    player = panel.player
    assert player is not None
    qtbot.waitUntil(lambda: player.ready, timeout=WAIT)


def test_play_pause_seek_step_and_trim(qtbot: QtBot, vlc_panel: PreviewPanel,
                                       preview_clips: dict[str, Path]) -> None:
    panel, player = vlc_panel, vlc_panel.player
    assert player is not None
    positions: list[int] = []
    panel.position_changed.connect(positions.append)
    panel.set_clip(str(preview_clips["red"]), 500, 1500, FPS)
    ready(qtbot, panel)
    assert near(centre(panel.canvas.image), (255, 0, 0))
    assert panel.time_label.text() == "00:00.500 / 00:01.500"
    assert positions and positions[-1] == 500

    panel.play()
    assert player.state is PlayerState.PLAYING
    qtbot.waitUntil(lambda: player.position_ms() >= 900, timeout=WAIT)
    panel.pause()
    ready(qtbot, panel)
    paused_at = player.position_ms()
    assert 900 <= paused_at < 1500
    assert panel.time_label.text().startswith(f"00:0{paused_at // 1000}.{paused_at % 1000:03d}")
    assert positions[-1] == paused_at

    panel.seek(700)
    ready(qtbot, panel)
    assert player.position_ms() == 667  # 700 ms is inside frame 16 (666.7-708.3 ms)
    panel.step(1)
    ready(qtbot, panel)
    assert player.position_ms() == 708
    qtbot.keyClick(panel, Qt.Key.Key_Left)
    qtbot.keyClick(panel, Qt.Key.Key_Left)
    ready(qtbot, panel)
    assert player.position_ms() == 625

    with qtbot.waitSignal(player.reached_out_point, timeout=WAIT):
        panel.play()
    ready(qtbot, panel)
    assert player.position_ms() == 1458  # last frame before the out point
    assert player.state is PlayerState.PAUSED
    assert max(positions) <= 1458 and min(positions) >= 500
    assert all(frame_start_ms(frame_index(p, FPS), FPS) == p for p in positions)


def test_missing_file_message_and_recovery(qtbot: QtBot, vlc_panel: PreviewPanel,
                                           preview_clips: dict[str, Path], tmp_path: Path) -> None:
    missing = tmp_path / "media" / "x.mp4"
    vlc_panel.set_clip(str(missing), 0, None, FPS)
    qtbot.waitUntil(lambda: bool(vlc_panel.canvas.message), timeout=WAIT)
    assert vlc_panel.canvas.message == f"Cannot play {missing}: file not found"
    assert not vlc_panel.play_button.isEnabled()
    qtbot.keyClick(vlc_panel, Qt.Key.Key_L)  # harmless
    vlc_panel.set_clip(str(preview_clips["blue"]), 0, None, FPS)
    ready(qtbot, vlc_panel)
    assert vlc_panel.canvas.message == ""
    assert near(centre(vlc_panel.canvas.image), (0, 0, 255))


def test_jkl_volume_and_mute(qtbot: QtBot, vlc_panel: PreviewPanel,
                             preview_clips: dict[str, Path]) -> None:
    player = vlc_panel.player
    assert player is not None
    vlc_panel.set_clip(str(preview_clips["green"]), 0, None, FPS)
    ready(qtbot, vlc_panel)
    qtbot.keyClick(vlc_panel, Qt.Key.Key_L)
    assert player.state is PlayerState.PLAYING and player.rate == 1.0
    qtbot.keyClick(vlc_panel, Qt.Key.Key_L)
    assert player.rate == 2.0 and vlc_panel.shuttle == 2
    qtbot.waitUntil(lambda: player.position_ms() >= 1000, timeout=WAIT)
    qtbot.keyClick(vlc_panel, Qt.Key.Key_K)
    assert player.state is PlayerState.PAUSED and player.rate == 1.0
    ready(qtbot, vlc_panel)
    before = player.position_ms()
    qtbot.keyClick(vlc_panel, Qt.Key.Key_J)
    assert vlc_panel.shuttle == -1
    qtbot.waitUntil(lambda: player.position_ms() <= before - 300, timeout=WAIT)
    qtbot.keyClick(vlc_panel, Qt.Key.Key_K)
    assert vlc_panel.shuttle == 0
    ready(qtbot, vlc_panel)
    assert near(centre(vlc_panel.canvas.image), (0, 255, 0))
    vlc_panel.volume.setValue(30)
    qtbot.keyClick(vlc_panel, Qt.Key.Key_M)
    assert (player.volume, player.muted) == (30, True)
    qtbot.keyClick(vlc_panel, Qt.Key.Key_M)
    assert player.muted is False


def test_pause_after_the_clip_ended_at_double_speed_is_normal_speed(
    qtbot: QtBot, vlc_panel: PreviewPanel, preview_clips: dict[str, Path]
) -> None:
    """The clip runs out while shuttling at 2x; K (pause) still brings the speed back to 1x."""
    player = vlc_panel.player
    assert player is not None
    vlc_panel.set_clip(str(preview_clips["green"]), 0, None, FPS)
    ready(qtbot, vlc_panel)
    qtbot.keyClick(vlc_panel, Qt.Key.Key_L)
    qtbot.keyClick(vlc_panel, Qt.Key.Key_L)
    assert player.rate == 2.0
    qtbot.waitUntil(lambda: player.state is PlayerState.PAUSED, timeout=WAIT)  # stopped at the out point
    qtbot.keyClick(vlc_panel, Qt.Key.Key_K)
    assert player.rate == 1.0 and vlc_panel.shuttle == 0
