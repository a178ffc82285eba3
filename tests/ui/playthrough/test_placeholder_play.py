"""Play story on a storyboard: each placeholder scene shows its titled colour card with the
engine's clock (no video, no "media 'None'" message), the choice over it; a scene with a clip
shows video again."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication

from studio.model.ops import PROJECT, AddItem
from studio.model.ops.clip import GiveClip
from studio.templates import build
from studio.ui.preview.card import Card
from tests.ui.playthrough.conftest import MakePanel

pytestmark = pytest.mark.gui


def test_cards_run_on_the_engine_clock(make_panel: MakePanel) -> None:
    project = build("savings", "Storyboard")
    panel = make_panel(project)
    assert panel.play_story()
    ctrl, surface = panel.controller, panel.surface
    assert surface.card == Card("Payday", "#3d5a80", 12_000) and surface.card_ms == 0
    ctrl.tick(1200)
    assert surface.card_ms == 1200
    QApplication.processEvents()
    shot = surface.grab().toImage()
    box = surface.video_rect()
    assert shot.pixelColor(box.topLeft() + QPoint(6, 6)) == QColor("#3d5a80")
    eng = ctrl.engine
    assert eng is not None
    while not eng.pausing_prompt_open:
        ctrl.tick(100)
    assert ctrl.decline_prompt()
    while eng.open_choice is None:
        ctrl.tick(100)
    QApplication.processEvents()
    surface.window().grab().save("/tmp/d_play_card_choice.png")
    assert [b.label for b in panel.overlay.options] == ["Save ¥200.00", "Spend it tonight"]
    assert all(b.isVisible() for b in panel.overlay.options)
    assert not panel.note.isVisible()  # no clips in the project: nothing to save for video
    assert ctrl.choose("save")
    assert surface.card is not None and surface.card.title == "Saving it" and surface.card_ms == 0
    while eng.scene_id == "saving_it":
        ctrl.tick(250)
    assert surface.card is not None and surface.card.title == "Month end"  # continued by itself
    assert not panel.note.isVisible() or "media" not in panel.note.text()


def test_a_clip_scene_after_a_card_shows_video(make_panel: MakePanel) -> None:
    from studio.model.io import load
    from tests.support import SAMPLES

    project = build("savings", "Storyboard")
    for asset in load(SAMPLES / "savings").project.media:
        AddItem(PROJECT.media, asset).apply(project)
    GiveClip("saving_it", "save_path").apply(project)
    panel = make_panel(project)
    assert panel.play_story()
    ctrl, surface = panel.controller, panel.surface
    eng = ctrl.engine
    assert eng is not None and surface.card is not None
    while eng.open_choice is None:
        ctrl.tick(100)
        if eng.pausing_prompt_open:
            assert ctrl.accept_prompt()
    assert ctrl.choose("save")
    assert eng.scene_id == "saving_it" and surface.card is None
