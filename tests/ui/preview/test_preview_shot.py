"""Screenshot of the preview panel playing a sample clip (saved to /tmp/shots/preview.png)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from studio.app.playback.player import PlayerState
from studio.ui.preview.canvas import BACKGROUND
from studio.ui.preview.panel import PreviewPanel
from tests.support import SAMPLES

pytestmark = [pytest.mark.gui, pytest.mark.vlc]

SHOTS = Path("/tmp/shots")
PAYDAY_RGB = (46, 125, 50)  # scripts/make_sample_media.py; outside the text band


def rgb_at(image: QImage, x: int, y: int) -> tuple[int, int, int]:
    colour = image.pixelColor(x, y)
    return colour.red(), colour.green(), colour.blue()


def test_screenshot_while_playing(qtbot: QtBot, vlc_panel: PreviewPanel) -> None:
    clip = SAMPLES / "savings" / "media" / "payday.mp4"
    assert clip.is_file(), f"sample clip {clip} is missing (scripts/make_sample_media.py)"
    panel, player = vlc_panel, vlc_panel.player
    assert player is not None
    panel.resize(420, 640)  # wider than 9:16: bars left and right
    panel.show()
    qtbot.waitExposed(panel)
    panel.set_clip(str(clip), 500, 5000, 24.0)
    qtbot.waitUntil(lambda: player.ready, timeout=8000)
    panel.play()
    qtbot.waitUntil(lambda: player.position_ms() >= 1500, timeout=8000)
    assert player.state is PlayerState.PLAYING
    shot = panel.grab().toImage()
    SHOTS.mkdir(parents=True, exist_ok=True)
    assert shot.save(str(SHOTS / "preview.png"))

    frame = panel.canvas.image_rect().translated(panel.canvas.pos())
    assert abs(frame.width() / frame.height() - 360 / 640) < 0.02  # aspect kept
    inside = rgb_at(shot, frame.center().x(), frame.top() + frame.height() // 8)
    assert all(abs(a - b) <= 24 for a, b in zip(inside, PAYDAY_RGB, strict=True)), inside
    bar = rgb_at(shot, panel.canvas.x() + 2, frame.center().y())
    assert bar == (BACKGROUND.red(), BACKGROUND.green(), BACKGROUND.blue())
    # the transport sits below the picture, inside the panel
    for widget in (panel.play_button, panel.scrub, panel.time_label, panel.volume):
        assert widget.isVisible() and widget.geometry().top() >= panel.canvas.geometry().bottom()
        assert panel.rect().contains(widget.geometry())
    assert panel.time_label.text().endswith("/ 00:05.000")
