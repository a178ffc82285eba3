"""A placeholder scene's clip lane says it is a storyboard card and how to give it a clip."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from studio.model.ops import links
from tests.ui.timeline.conftest import make_panel
from tests.ui.timeline.support import Env

pytestmark = pytest.mark.gui


def test_card_lane_names_the_storyboard_and_the_clip_lane_does_not(qtbot: QtBot, savings: Env) -> None:
    savings.doc.push(links.add_placeholder(0.0, 900.0, "Flashback"), "Add placeholder scene")
    card = savings.doc.project.scenes[-1]
    panel = make_panel(qtbot, savings, card.id)
    canvas = panel.canvas
    assert canvas.scene_id == card.id and canvas.storyboard_card
    assert canvas.span[1] == card.placeholder.duration_ms  # type: ignore[union-attr]
    savings.selection.set(["payday"])
    QApplication.processEvents()
    assert canvas.scene_id == "payday" and not canvas.storyboard_card
