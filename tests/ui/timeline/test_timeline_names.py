"""Timeline items and the scene form list timed items by what the creator wrote, not ids (#15 defect 11)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from studio.ui.timeline.items import build_items
from tests.ui.inspector.conftest import make_inspector
from tests.ui.timeline.support import Env

pytestmark = pytest.mark.gui


def test_prompt_marker_and_scene_form_show_the_prompt_words(qtbot: QtBot, savings: Env) -> None:
    project = savings.doc.project
    payday = project.scene_map()["payday"]
    prompt = next(i for i in build_items(project, payday) if i.kind == "prompt")
    assert prompt.label == "¥50.00 “从工资里拿出¥50.00存进旅行基金？”"  # the sample's Chinese text
    assert "round_up" not in prompt.label
    panel = make_inspector(qtbot, savings, ("scene", "payday"))
    texts = [b.text() for b in panel.form.findChildren(QPushButton)]  # type: ignore[union-attr]
    assert any(t.startswith("Savings prompt “从工资里拿出¥50.00") for t in texts), texts
    assert not any("round_up" in t for t in texts)
