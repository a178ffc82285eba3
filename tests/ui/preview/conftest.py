"""Fixtures for the preview tests: generated clips, a FakePlayer panel, a libVLC panel.

Clips come from ffmpeg (lavfi sources): solid colours with a small box moving
along the top edge, so every frame differs (the player drops unchanged frames)
while the centre keeps the clip's colour.  Without libVLC or ffmpeg the tests
that need them skip locally and fail in CI (``tests.support.require``).
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from studio.app.playback.player import FakePlayer
from studio.ui.preview.panel import PreviewPanel
from tests.support import require, require_exe

FPS = 24
COLOURS = {"red": (255, 0, 0), "green": (0, 255, 0), "blue": (0, 0, 255)}
FFMPEG_NAMES = {"red": "red", "green": "lime", "blue": "blue"}


def make_clip(out: Path, colour: str, seconds: float = 2.0, size: str = "90x160") -> Path:
    ffmpeg = require_exe("ffmpeg")
    graph = (
        f"color=c={FFMPEG_NAMES.get(colour, colour)}:s={size}:r={FPS}:d={seconds}[bg];"
        f"color=c=white:s=6x6:r={FPS}:d={seconds}[box];[bg][box]overlay=x=n*1.5:y=0"
    )
    cmd = [ffmpeg, "-nostdin", "-hide_banner", "-loglevel", "error", "-y", "-f", "lavfi",
           "-i", graph, "-c:v", "libx264", "-preset", "veryfast", "-g", str(FPS),
           "-pix_fmt", "yuv420p", str(out)]
    result = subprocess.run(cmd, capture_output=True, check=False)
    if result.returncode != 0:
        pytest.fail(f"ffmpeg failed: {result.stderr.decode(errors='replace')}")
    return out


@pytest.fixture(scope="session")
def preview_clips(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Three 2 s clips (90x160, 24 fps, B-frames) named by their colour."""
    folder = tmp_path_factory.mktemp("preview_clips")
    return {name: make_clip(folder / f"{name}.mp4", name) for name in COLOURS}


@pytest.fixture
def need_vlc() -> None:
    from studio.app.playback.vlc_player import INSTALL_HINT, vlc_problem

    require(vlc_problem() is None, f"libVLC ({INSTALL_HINT})")


@pytest.fixture
def fake_panel(qtbot: QtBot, tmp_path: Path) -> Iterator[tuple[PreviewPanel, FakePlayer, str]]:
    """A panel on a FakePlayer, with a (fake) clip file loaded 1000..5000 ms."""
    clip = tmp_path / "clip.mp4"
    clip.write_bytes(b"fake")
    fake = FakePlayer(duration=6000, fps=24.0)
    panel = PreviewPanel(fake)
    qtbot.addWidget(panel)
    panel.set_clip(str(clip), 1000, 5000, 24.0)
    yield panel, fake, str(clip)
    panel.shutdown()


@pytest.fixture
def vlc_panel(qtbot: QtBot, need_vlc: None) -> Iterator[PreviewPanel]:
    """A panel on the default (switching libVLC) player, audio off; closed after."""
    panel = PreviewPanel(audio=False)
    qtbot.addWidget(panel)
    panel.resize(360, 640)
    yield panel
    panel.shutdown()
