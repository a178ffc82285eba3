"""Play story shows the cue at the playthrough's clip time, in the drama's locale, under the
overlay's options and cards."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from studio.app.playback.player import FakePlayer
from studio.ui.playthrough import PlaythroughPanel
from tests.ui.subtitles.conftest import CUES
from tests.ui.timeline.support import Env

pytestmark = pytest.mark.gui


@pytest.fixture
def panel(qtbot: QtBot, env: Env) -> Iterator[PlaythroughPanel]:
    made = PlaythroughPanel(env.doc, env.selection, env.playhead, player_factory=FakePlayer, auto_tick=False)
    qtbot.addWidget(made)
    made.resize(1100, 760)
    made.show()
    qtbot.waitExposed(made)
    yield made
    made.shutdown()


def run_to(panel: PlaythroughPanel, clock: int) -> None:
    ctrl = panel.controller
    assert ctrl.engine is not None
    while ctrl.engine.clock < clock and ctrl.running:
        step = min(20, clock - ctrl.engine.clock)
        ctrl.tick(step)
        if isinstance(ctrl.player, FakePlayer):
            ctrl.player.advance(step)


def test_play_story_shows_the_cue_of_the_drama_locale(panel: PlaythroughPanel) -> None:
    overlay = panel.subtitles.overlay
    assert overlay.text == ""
    assert panel.play_story()
    assert panel.controller.engine is not None
    run_to(panel, 300)
    assert overlay.text == ""  # before the first cue
    run_to(panel, 1000)
    assert panel.controller.engine.t == 1000
    assert overlay.text == CUES[0].text
    # drawn over the video, below the playthrough's own overlay
    assert overlay.geometry() == panel.surface.rect()
    children = panel.surface.children()
    assert children.index(overlay) < children.index(panel.overlay)
    image = panel.surface.grab().toImage()
    box = panel.surface.video_rect()
    bottom = [image.pixelColor(x, y) for y in range(box.center().y(), box.bottom(), 2)
              for x in range(box.left(), box.right(), 2)]
    assert any(c.red() > 235 and c.green() > 235 and c.blue() > 235 for c in bottom)
    run_to(panel, 1600)  # the savings prompt at 1.5 s pauses the video, after the cue's end
    assert overlay.text == ""
    panel.controller.stop()
    assert overlay.text == ""


@pytest.mark.parametrize("width", [1100, 420])
def test_the_cue_stays_above_the_option_buttons(panel: PlaythroughPanel, width: int) -> None:
    from PySide6.QtCore import QPoint

    panel.resize(width, 760)
    assert panel.play_story()
    run_to(panel, 1600)
    panel.overlay.prompt_card.accept.click()  # payday's prompt waits for an answer
    ctrl = panel.controller
    assert ctrl.engine is not None
    while ctrl.engine.t < 3100:
        ctrl.tick(20)
    buttons = [b for b in panel.overlay.options if b.isVisible()]
    assert buttons and panel.subtitles.overlay.text == CUES[1].text
    panel.subtitles.refresh()
    panel.grab()  # paint
    box = panel.subtitles.overlay.box
    top = min(b.mapTo(panel.surface, QPoint(0, 0)).y() for b in buttons)
    assert not box.isEmpty() and box.bottom() <= top
