"""An empty graph says how to begin (#15 newcomer walkthrough): a card with the two ways to a first
scene, gone once there is one, never in read-only review, and staying put when the canvas scrolls."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.ui.conftest import Answers

pytestmark = pytest.mark.gui


def test_blank_project_shows_the_hint_and_its_button_makes_the_first_scene(
    blank_window: Any, answers: Answers, qtbot: QtBot
) -> None:
    window = blank_window
    window.start_page.template_cards["blank"].click()
    QApplication.processEvents()
    hint = window.graph.empty_hint
    assert hint.isVisible() and "No scenes yet" in hint.title.text()
    area = window.graph.view.viewport().geometry()
    assert area.contains(hint.geometry()), (area, hint.geometry())  # whole, inside the canvas
    before = hint.pos()
    window.graph.view.horizontalScrollBar().setValue(window.graph.view.horizontalScrollBar().value() + 200)
    QApplication.processEvents()
    assert hint.pos() == before  # the canvas scrolls under it
    hint.placeholder_button.click()
    project = window.doc.project
    assert len(project.scenes) == 1 and project.scenes[0].placeholder is not None
    assert project.start == project.scenes[0].id
    assert not hint.isVisible() and window.doc.undo_stack.count() == 1
    window.graph.view.flow.renamer.finish(commit=False)
    window.doc.undo_stack.undo()  # back to no scenes: the hint is back
    assert hint.isVisible()


def test_import_button_asks_for_clips(
    blank_window: Any, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    from studio.ui import dialogs

    window = blank_window
    window.start_page.template_cards["blank"].click()
    asked: list[str] = []
    monkeypatch.setattr(dialogs, "media_files", lambda _parent, start: asked.append(start) or [])
    with qtbot.waitSignal(window.graph.import_requested, timeout=1000):
        window.graph.empty_hint.import_button.click()
    assert len(asked) == 1  # the same file dialog as Scene > Import Clips


def test_a_project_with_scenes_has_no_hint(blank_window: Any) -> None:
    window = blank_window
    window.start_page.template_cards["savings"].click()
    QApplication.processEvents()
    assert window.doc.project.scenes and not window.graph.empty_hint.isVisible()
