"""#15 defect 10: in read-only review every control that cannot work is disabled (or a read-only
text field) with a tooltip saying why, and Save explains itself instead of an unexplained dialog."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSlider,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QScrollBar,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from studio.ui.actions import ACTIONS
from studio.ui.review.read_only import REVIEW_REASON
from tests.ui.conftest import Answers

pytestmark = pytest.mark.gui

WHY = "Read-only review:"
# what still works in review: it changes the view, not the project (named here, not taken from the guard)
WORKS_BY_NAME = {
    "fieldHelp", "navButton", "timeline_snap", "timeline_zoom_out", "timeline_zoom_in", "timeline_fit",
    "qt_dockwidget_floatbutton", "qt_dockwidget_closebutton",
}
KINDS = (QAbstractButton, QComboBox, QAbstractSpinBox, QAbstractSlider, QLineEdit, QPlainTextEdit, QTextEdit)
TEXT = (QLineEdit, QPlainTextEdit, QTextEdit)


def _works_in_review(window: Any, widget: QWidget) -> bool:
    if isinstance(widget, QScrollBar) or widget.objectName() in WORKS_BY_NAME:
        return True
    if widget is window.graph.search:  # finding a scene
        return True
    if isinstance(widget, QAbstractButton) and widget.parent() is window.graph and widget.text() == "Fit":
        return True
    return isinstance(widget, QLineEdit) and isinstance(widget.parentWidget(), (QComboBox, QAbstractSpinBox))


def _editing_controls(window: Any) -> list[QWidget]:
    roots = [window.graph, *(window.panels[k] for k in ("inspector", "timeline", "library"))]
    return [
        w for root in roots for w in root.findChildren(QWidget)
        if isinstance(w, KINDS) and not _works_in_review(window, w)
    ]


def _locked(widget: QWidget) -> bool:
    usable = not widget.isReadOnly() if isinstance(widget, TEXT) else widget.isEnabled()
    return not usable and widget.toolTip().startswith(WHY)


def _assert_all_locked(qtbot: QtBot, window: Any) -> list[QWidget]:
    controls = _editing_controls(window)
    assert controls
    qtbot.waitUntil(lambda: all(_locked(w) for w in _editing_controls(window)), timeout=3000)
    return controls


def test_every_editing_control_is_disabled_with_a_reason(qtbot: QtBot, review_window: Any) -> None:
    win = review_window
    # actions: the ones that edit are disabled, their tooltips (menus and toolbar) say why
    for spec in ACTIONS:
        action = win.action_map[spec.id]
        if spec.read_only == "disabled":
            assert not action.isEnabled() and action.toolTip().startswith(WHY), spec.id
        elif spec.read_only == "explains":
            assert action.isEnabled() and action.toolTip().startswith(WHY), spec.id
        else:
            assert not action.toolTip().startswith(WHY), spec.id
    for item in win.menuBar().actions():  # a disabled menu item shows its reason too
        assert item.menu().toolTipsVisible(), item.text()
    for action in win.toolbar.actions():
        if action.isEnabled() and not action.isSeparator():
            spec = next(s for s in ACTIONS if s.id == action.objectName())
            assert spec.read_only != "disabled", spec.id

    # the panels, with a scene, then a prompt, then a savings goal in the inspector
    win.selection.set(["payday"])
    texts = {w.text() for w in _assert_all_locked(qtbot, win) if isinstance(w, QAbstractButton)}
    assert {"+ Prompt", "+ Tag", "Arrange", "Import…", "Start scene"} <= texts
    field = next(w for w in _editing_controls(win) if isinstance(w, QLineEdit) and w.text() == "发薪日")
    assert field.isEnabled() and field.isReadOnly()  # the title stays readable
    assert REVIEW_REASON in field.toolTip()
    win.selection.set(["payday"], current=("scene", "payday", "prompt", "round_up"))
    _assert_all_locked(qtbot, win)
    goal = win.doc.project.goals[0].id  # the inspector's Project tab
    win.selection.set(current=("goal", goal))
    _assert_all_locked(qtbot, win)
    # a locked control keeps what it does after the reason
    prompt = win.panels["timeline"].findChild(QAbstractButton, "timeline_prompt")
    assert prompt.toolTip().startswith(REVIEW_REASON) and "savings prompt" in prompt.toolTip()
    # pressing a disabled control changes nothing
    prompt.click()
    assert win.doc.undo_stack.count() == 0 and not win.doc.dirty


def test_save_in_review_says_where_review_notes_go(
    review_window: Any, answers: Answers, savings_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from studio.ui import dialogs

    win = review_window
    before = (savings_copy / "drama.json").read_bytes()
    answers.append("OK")
    win.trigger("file.save")
    (asked,) = answers.asked
    assert asked.startswith("Nothing to save: read-only:")
    assert "drama.review.json" in asked and "Leave review mode" in asked and "Save As" in asked
    chosen: list[str] = []
    monkeypatch.setattr(
        dialogs, "save_project_folder", lambda *_a, **_k: chosen.append("asked") and None
    )
    answers.append("Save As…")  # the way to an editable copy: the folder dialog, now explained
    assert not win.save()
    assert chosen == ["asked"]
    assert (savings_copy / "drama.json").read_bytes() == before


def test_leaving_review_mode_gives_the_controls_back(qtbot: QtBot, review_window: Any) -> None:
    win = review_window
    win.selection.set(["payday"])
    _assert_all_locked(qtbot, win)
    prompt = win.panels["timeline"].findChild(QAbstractButton, "timeline_prompt")
    assert win.panels["review"].toggle_review_mode()
    assert not win.doc.read_only
    qtbot.wait(20)
    assert not any(w.toolTip().startswith("Read-only") for w in _editing_controls(win))
    assert not win.action_map["edit.delete"].toolTip().startswith("Read-only")
    assert win.action_map["file.save"].toolTip() == "Save the project"
    win.selection.set(["payday"])
    qtbot.waitUntil(prompt.isEnabled, timeout=2000)
    title = next(w for w in _editing_controls(win) if isinstance(w, QLineEdit) and w.text() == "发薪日")
    assert not title.isReadOnly()
    assert win.action_map["graph.arrange"].isEnabled()
