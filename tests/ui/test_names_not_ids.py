"""#15 defect 11: after a scene is renamed (its id stays), the studio names it by its new title
everywhere a person reads: undo texts, the Problems panel, the review's coverage list, comment
tooltips and report.  Ids show only for something that does not exist."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from studio.model.checks import Problem
from studio.model.ops import PromptRef, RemoveItem, SceneRef, SetField
from studio.model.ops.rename import rename_scene

pytestmark = pytest.mark.gui

NEW = "The reckoning"
ID = "month_end"


def _renamed(window: Any) -> None:
    assert window.doc.push(rename_scene(ID, NEW))
    assert window.doc.project.scene_map()[ID].title == NEW


def _no_id(text: str, *ids: str) -> None:
    for ident in ids:
        assert not re.search(rf"\b{re.escape(ident)}\b", text), (ident, text)


def test_undo_texts_name_the_scene_by_its_new_title(window: Any) -> None:
    _renamed(window)
    stack = window.doc.undo_stack
    window.doc.push(SetField(SceneRef(ID).position, {"x": 10.0, "y": 20.0}))
    window.doc.push(SetField(SceneRef(ID).in_ms, 100))
    assert stack.undoText() == f"Set scene “{NEW}” › in"
    texts = [stack.text(i) for i in range(stack.count())]
    assert all(NEW in t or t == "Rename scene" for t in texts), texts
    for text in texts:
        _no_id(text, ID, "in_ms")
    # a removed prompt is named by its text (the edit carries it: it is no longer in the project)
    window.doc.push(RemoveItem(PromptRef("payday", "round_up")))
    prompt = "savings prompt “从工资里拿出¥50.00存进旅行基金？”"
    assert stack.undoText() == f"Remove scene “发薪日” › {prompt}"
    _no_id(window.action_map["edit.undo"].text(), "payday", "round_up")
    stack.undo()
    assert window.action_map["edit.redo"].text().startswith("Redo Remove scene “发薪日”")


def test_problems_panel_names_scenes_and_items(qtbot: QtBot, window: Any) -> None:
    _renamed(window)
    window.doc.push(SetField(SceneRef(ID).choice, None))  # a dead end in the renamed scene
    panel = window.panels["problems"]
    runner = window.services.validation
    qtbot.waitUntil(lambda: ID in runner.by_scene, timeout=10_000)
    rows = [
        (panel.tree.topLevelItem(i).text(1), panel.tree.topLevelItem(i).text(2))
        for i in range(panel.tree.topLevelItemCount())
    ]
    mine = [r for r in rows if r[0].startswith(NEW)]
    assert mine and any("dead end" in m or "playback stops" in m for _w, m in mine), rows
    for where, message in rows:
        _no_id(where, ID)
        _no_id(message, ID)
    # an item is named by what the creator wrote: an option by its label, a prompt by its text
    assert panel._where(Problem("warning", "x", "m", "payday", "option 'save'")) == (
        "发薪日 › option “存下¥200.00去旅行”"
    )
    prompt = panel._where(Problem("warning", "x", "m", "payday", "prompt 'round_up'"))
    assert prompt.startswith("发薪日 › savings prompt “从工资里拿出¥50.00")
    # something that does not exist: its id is all there is
    assert panel._where(Problem("error", "x", "m", "gone", "option 'o'")) == "gone › option 'o'"


def test_review_lists_tooltips_and_report_use_titles(
    qtbot: QtBot, window: Any, savings_copy: Path, tmp_path: Path
) -> None:
    _renamed(window)
    panel = window.panels["review"]
    panel.refresh()
    unwatched = panel.coverage.unwatched
    items = [unwatched.item(n) for n in range(unwatched.count())]
    assert any(i.text() == f"▢ {NEW}" for i in items)
    for item in items:
        _no_id(item.text() + item.toolTip(), ID, "payday", "save", "spend")
    assert panel.session.add_comment(ID, 1500, "Too long here") is not None
    assert panel.session.approve(ID) is not None
    panel.refresh()
    lst = panel.comments.list
    tips = [lst.item(n).toolTip() for n in range(lst.count())]
    assert tips and all(f"“{NEW}”" in t for t in tips)
    for tip in tips:
        _no_id(tip, ID)
    written = panel.export_report(tmp_path / "report.html")
    page = written[0].read_text(encoding="utf-8")
    assert NEW in page
    body = page.split("<body>", 1)[1]
    _no_id(body, ID, "payday", "ending_broke")


def test_a_refused_edit_names_the_scene_in_the_status_bar(window: Any) -> None:
    _renamed(window)
    outcome = window.doc.push(SetField(SceneRef(ID).out_ms, 10**9))  # past the clip's end: refused
    assert not outcome
    message = window.statusBar().currentMessage()
    assert message and NEW in message, (str(outcome), message)
    _no_id(message, ID, "out_ms")
