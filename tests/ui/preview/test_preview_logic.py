"""PreviewPanel logic on the deterministic FakePlayer: transport, J/K/L, scrub, volume, time.

The same behaviours are exercised on real libVLC in test_preview_vlc.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from studio.app.playback.player import FakePlayer, PlayerState
from studio.ui.preview.canvas import fit_rect
from studio.ui.preview.controls import format_ms
from studio.ui.preview.panel import PreviewPanel

pytestmark = pytest.mark.gui

Fixture = tuple[PreviewPanel, FakePlayer, str]


def test_format_ms() -> None:
    assert format_ms(0) == "00:00.000"
    assert format_ms(61_042) == "01:01.042"
    assert format_ms(-5) == "00:00.000"


def test_fit_rect_letterboxes_a_vertical_frame() -> None:
    from PySide6.QtCore import QRect, QSize

    rect = fit_rect(QSize(360, 640), QRect(0, 0, 400, 400))
    assert (rect.width(), rect.height()) == (225, 400)
    assert rect.x() == (400 - 225) // 2 and rect.y() == 0


def test_set_clip_shows_the_in_frame_and_times(fake_panel: Fixture) -> None:
    panel, fake, clip = fake_panel
    assert fake.calls[0] == ("load", (clip, 1000, 5000, 24.0))
    assert panel.canvas.image is not None
    assert panel.canvas.image.pixelColor(0, 0) == FakePlayer.colour_at(1000)
    assert panel.time_label.text() == "00:01.000 / 00:05.000"
    assert (panel.scrub.minimum(), panel.scrub.maximum(), panel.scrub.value()) == (1000, 5000, 1000)
    assert panel.play_button.isEnabled() and panel.scrub.isEnabled()


def test_play_pause_and_position_signal(qtbot: QtBot, fake_panel: Fixture) -> None:
    panel, fake, _clip = fake_panel
    seen: list[int] = []
    panel.position_changed.connect(seen.append)
    panel.play_button.click()
    assert fake.state is PlayerState.PLAYING
    fake.advance(500)
    assert panel.time_label.text() == "00:01.500 / 00:05.000"
    assert seen[-1] == 1500 and panel.scrub.value() == 1500
    panel.play_button.click()
    assert fake.state is PlayerState.PAUSED
    fake.advance(500)
    assert seen[-1] == 1500


def test_trim_out_point_stops_playback(fake_panel: Fixture) -> None:
    panel, fake, _clip = fake_panel
    panel.play()
    for _ in range(60):
        fake.advance(100)
    assert fake.state is PlayerState.PAUSED
    assert fake.position_ms() == 4958  # the last frame starting before 5000
    assert panel.shuttle == 0
    assert panel.time_label.text() == "00:04.958 / 00:05.000"


def test_frame_step_buttons_and_arrow_keys(qtbot: QtBot, fake_panel: Fixture) -> None:
    panel, fake, _clip = fake_panel
    panel.seek(2000)
    panel.forward_button.click()
    assert fake.position_ms() == 2042
    qtbot.keyClick(panel, Qt.Key.Key_Left)
    qtbot.keyClick(panel, Qt.Key.Key_Left)
    assert fake.position_ms() == 1958
    panel.back_button.click()
    assert fake.position_ms() == 1917
    qtbot.keyClick(panel, Qt.Key.Key_Home)
    assert fake.position_ms() == 1000
    qtbot.keyClick(panel, Qt.Key.Key_End)
    assert fake.position_ms() == 4958


def test_jkl_shuttle(qtbot: QtBot, fake_panel: Fixture) -> None:
    panel, fake, _clip = fake_panel
    qtbot.keyClick(panel, Qt.Key.Key_L)
    assert fake.state is PlayerState.PLAYING and fake.rate == 1.0 and panel.shuttle == 1
    qtbot.keyClick(panel, Qt.Key.Key_L)
    assert fake.rate == 2.0 and panel.shuttle_label.text() == "▶▶ 2×"
    qtbot.keyClick(panel, Qt.Key.Key_L)
    qtbot.keyClick(panel, Qt.Key.Key_L)
    qtbot.keyClick(panel, Qt.Key.Key_L)
    assert fake.rate == 8.0  # capped
    fake.advance(250)
    assert fake.position_ms() == 3000  # 250 ms at 8x
    qtbot.keyClick(panel, Qt.Key.Key_K)
    assert fake.state is PlayerState.PAUSED and panel.shuttle == 0 and fake.rate == 1.0
    qtbot.keyClick(panel, Qt.Key.Key_J)
    assert panel.shuttle == -1 and panel.shuttle_label.text() == "◀◀ 1×"
    qtbot.keyClick(panel, Qt.Key.Key_J)
    assert panel.shuttle == -2
    qtbot.waitUntil(lambda: fake.position_ms() < 2800, timeout=3000)  # going backwards
    qtbot.waitUntil(lambda: panel.shuttle == 0, timeout=5000)  # stops at the in point
    assert fake.position_ms() == 1000
    qtbot.keyClick(panel, Qt.Key.Key_J)
    qtbot.keyClick(panel, Qt.Key.Key_K)
    assert panel.shuttle == 0 and not panel._reverse.isActive()
    qtbot.keyClick(panel, Qt.Key.Key_Space)
    assert fake.state is PlayerState.PLAYING
    qtbot.keyClick(panel, Qt.Key.Key_Space)
    assert fake.state is PlayerState.PAUSED


def test_scrubbing_pauses_and_resumes(qtbot: QtBot, fake_panel: Fixture) -> None:
    panel, fake, _clip = fake_panel
    panel.play()
    panel.scrub.sliderPressed.emit()
    assert fake.state is PlayerState.PAUSED
    panel.scrub.setSliderDown(True)
    panel.scrub.setValue(3000)
    panel.scrub.sliderMoved.emit(3000)
    assert fake.position_ms() == 3000
    assert panel.time_label.text().startswith("00:03.000")
    panel.scrub.setSliderDown(False)
    panel.scrub.sliderReleased.emit()
    assert fake.state is PlayerState.PLAYING


def test_volume_and_mute(qtbot: QtBot, fake_panel: Fixture) -> None:
    panel, fake, _clip = fake_panel
    panel.volume.setValue(35)
    assert fake.volume == 35 and ("set_volume", (35,)) in fake.calls
    panel.mute_button.click()
    assert fake.muted is True
    qtbot.keyClick(panel, Qt.Key.Key_M)
    assert fake.muted is False and not panel.mute_button.isChecked()
    panel.set_volume(80)
    assert panel.volume.value() == 80 and fake.volume == 80


def test_missing_file_shows_one_clear_line(qtbot: QtBot, tmp_path: Path) -> None:
    fake = FakePlayer()
    panel = PreviewPanel(fake)
    qtbot.addWidget(panel)
    missing = tmp_path / "media" / "x.mp4"
    panel.set_clip(str(missing), 0, None, 24.0)
    assert panel.canvas.message == f"Cannot play {missing}: file not found"
    assert panel.canvas.image is None
    assert not panel.play_button.isEnabled()
    qtbot.keyClick(panel, Qt.Key.Key_L)  # nothing to play: no crash
    assert fake.state is PlayerState.ERROR


def test_clear_and_no_player(qtbot: QtBot, fake_panel: Fixture) -> None:
    panel, fake, _clip = fake_panel
    panel.clear("Select a scene")
    assert fake.state is PlayerState.EMPTY
    assert panel.canvas.message == "Select a scene" and panel.canvas.image is None
    assert not panel.scrub.isEnabled()
    without = PreviewPanel(make_player=lambda _audio: (None, "Preview unavailable: no libVLC"))
    qtbot.addWidget(without)
    assert without.player is None and without.unavailable == "Preview unavailable: no libVLC"
    assert without.canvas.message == "Preview unavailable: no libVLC"
    without.set_clip("/nowhere.mp4")  # ignored
    qtbot.keyClick(without, Qt.Key.Key_L)
    assert not without.play_button.isEnabled()


def test_without_libvlc_the_panel_explains_how_to_install_it(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    import studio.app.playback.vlc_player as vlc_player

    monkeypatch.setattr(vlc_player, "vlc", None)
    monkeypatch.setattr(vlc_player, "_IMPORT_PROBLEM", "OSError: libvlc.so.5: not found")
    panel = PreviewPanel()
    qtbot.addWidget(panel)
    assert panel.player is None
    assert panel.canvas.message == (
        "Preview unavailable: libVLC is not available (OSError: libvlc.so.5: not found); "
        "install it: apt install libvlc5 vlc-plugin-base"
    )
    with pytest.raises(RuntimeError, match="apt install libvlc5 vlc-plugin-base"):
        vlc_player.VlcPlayer(audio=False)
