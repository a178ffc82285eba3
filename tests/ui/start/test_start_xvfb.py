"""The start screen at 1280x800 and 1024x700 on a real X server (Xvfb), and a project from it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from tests.support import ROOT, xvfb_display

SHOTS = Path("/tmp/shots")


@pytest.mark.xvfb
@pytest.mark.slow
def test_start_screen_screenshots_under_xvfb(tmp_path: Path) -> None:
    with xvfb_display() as display:
        env = dict(os.environ, DISPLAY=display, QT_QPA_PLATFORM="xcb", STUDIO_PREVIEW_AUDIO="0")
        env["DRAMA_STUDIO_DATA_DIR"] = str(tmp_path / "data")
        proc = subprocess.run(
            [sys.executable, "-m", "tests.ui.start.shot", str(SHOTS), "1280x800", "1024x700"],
            cwd=ROOT, env=env, capture_output=True, text=True, timeout=180, check=False,
        )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert proc.stdout.count("start=True") == 2 and "title='My savings drama" in proc.stdout
    for name, size in (("start-1280x800", (1280, 800)), ("start-1024x700", (1024, 700)),
                       ("after-savings-template", (1280, 800))):
        image = QImage(str(SHOTS / f"{name}.png"))
        assert (image.width(), image.height()) == size, name
        colours = {image.pixel(x, y) for x in range(0, size[0], 16) for y in range(0, size[1], 16)}
        assert len(colours) > 8, name  # a drawn page, not a blank screen
    assert not list((tmp_path / "data" / "untitled").iterdir())  # the discarded project left nothing
