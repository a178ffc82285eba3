"""Screenshot of the studio at 1280x800 under a real X server (Xvfb)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from tests.support import ROOT, SAMPLES, xvfb_display

SHOTS = Path("/tmp/shots")


@pytest.mark.xvfb
@pytest.mark.slow
def test_window_screenshot_under_xvfb(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with xvfb_display() as display:
        project = tmp_path / "savings"
        shutil.copytree(SAMPLES / "savings", project)
        SHOTS.mkdir(exist_ok=True)
        out = SHOTS / "studio-xvfb-1280x800.png"
        env = dict(os.environ, DISPLAY=display, QT_QPA_PLATFORM="xcb")
        env["DRAMA_STUDIO_DATA_DIR"] = str(tmp_path / "data")
        proc = subprocess.run(
            [sys.executable, "-m", "tests.ui.xvfb_shot", str(project), str(out)],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        assert proc.returncode == 0, proc.stdout + proc.stderr
        assert "savings" in proc.stdout
        image = QImage(str(out))
        assert (image.width(), image.height()) == (1280, 800)
        colours = {image.pixel(x, y) for x in range(0, 1280, 16) for y in range(0, 800, 16)}
        assert len(colours) > 20  # a real window, not a blank screen
