"""Real time, real libVLC: a scripted viewer plays each sample drama in the preview.

The viewer clicks the overlay's buttons, prompt card and tag chips while the
engine runs at 4x on the wall clock (the video plays at rate 4 and is kept in
step by the controller).  The events must be exactly ``run_trace`` of the
inputs recorded at their engine clocks, and the video surface must have shown
libVLC frames of every clip on the final path.  Also renders the screenshots
under Xvfb (``tests/ui/playthrough/shots.py``) and checks what they show.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QRect
from PySide6.QtGui import QColor, QImage
from pytestqt.qtbot import QtBot

from tests.support import ROOT, require, xvfb_display
from tests.ui.playthrough.conftest import MakePanel
from tests.ui.playthrough.script import PLANS, Viewer
from tests.ui.playthrough.test_panel import clicker, trace_of

pytestmark = [pytest.mark.gui, pytest.mark.vlc, pytest.mark.slow]


def vlc_factory(switching: bool = False) -> Any:
    from studio.app.playback.vlc_player import VlcPlayer, vlc_problem
    from studio.ui.preview.switching import SwitchingPlayer

    problem = vlc_problem()
    if problem and os.environ.get("CI") == "true":
        pytest.fail(problem)
    require(problem is None, "libVLC")
    if switching:  # what the studio uses: pre-rolled next scenes
        return lambda: SwitchingPlayer(lambda: VlcPlayer(audio=False), players=3)
    return lambda: VlcPlayer(audio=False)


def _clip_stem(player: Any) -> str:
    inner = player.current if hasattr(player, "current") else player
    return Path(inner.path).stem


@pytest.mark.parametrize("switching", [False, True], ids=["vlc", "switching"])
@pytest.mark.parametrize("sample", ["savings", "shoppable"])
def test_preview_playthrough_with_libvlc(
    make_panel: MakePanel, qtbot: QtBot, sample: str, switching: bool
) -> None:
    panel = make_panel(sample, factory=vlc_factory(switching), speed=4.0, auto_tick=True)
    ctrl = panel.controller
    viewer = Viewer(PLANS[sample], clicker(panel, qtbot))
    ctrl.event_emitted.connect(viewer.on_event)
    ctrl.ticked.connect(lambda: viewer.poll(ctrl.engine.clock if ctrl.engine else 0))
    frames: dict[str, int] = {}
    assert panel.play_story()
    player = ctrl.player
    expected = "SwitchingPlayer" if switching else "VlcPlayer"
    assert player is not None and type(player).__name__ == expected

    def count(_image: object) -> None:
        stem = _clip_stem(player)
        frames[stem] = frames.get(stem, 0) + 1

    player.frame_ready.connect(count)
    qtbot.waitUntil(lambda: ctrl.engine is not None and ctrl.engine.ended, timeout=90_000)
    assert viewer.done and not viewer.refused, (viewer.index, viewer.refused)
    assert ctrl.log == trace_of(panel)
    assert panel.overlay.ending_card.isVisible()
    clips = {ctrl.scene(sid).media for sid in ctrl.engine.path}
    assert clips <= {stem for stem, n in frames.items() if n >= 3}, (clips, frames)
    image = panel.surface.image
    assert image is not None and (image.width(), image.height()) == (360, 640)


def shade(image: QImage, rect: QRect) -> str:
    """``dark`` or ``light``: the background just inside the top edge of ``rect``."""
    colour = QColor(image.pixel(rect.center().x(), rect.top() + 6))
    return "dark" if colour.value() < 80 else "light" if colour.value() > 200 else "mid"


@pytest.mark.xvfb
def test_screenshots_under_xvfb(tmp_path: Path) -> None:
    vlc_factory()
    with xvfb_display() as display:
        env = dict(os.environ, DISPLAY=display, QT_QPA_PLATFORM="xcb")
        done = subprocess.run(
            [sys.executable, "-m", "tests.ui.playthrough.shots", str(tmp_path)],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=240,
        )
        assert done.returncode == 0, done.stderr[-2000:]
    names = ["prompt", "choice", "choice_and_prompt", "product", "ending"]
    images = {n: QImage(str(tmp_path / f"playthrough_{n}.png")) for n in names}
    for name, image in images.items():
        assert (image.width(), image.height()) == (1100, 760), name
    # The script wrote where each shot's cards (dark) and option buttons (light) are.
    seen: dict[str, list[str]] = {}
    for name in names:
        for line in (tmp_path / f"playthrough_{name}.txt").read_text().splitlines():
            kind, box = line.split()
            x, y, w, h = (int(v) for v in box.split(","))
            assert shade(images[name], QRect(x, y, w, h)) == kind, (name, line)
            seen.setdefault(name, []).append(kind)
    assert seen == {
        "prompt": ["dark"],
        "choice": ["light", "light"],
        "choice_and_prompt": ["dark", "light", "light"],
        "product": ["dark"],
        "ending": ["dark"],
    }
