"""Hotspots drawn, moved and resized with the mouse on a real frame of the clip."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF, Qt
from pytestqt.qtbot import QtBot

from studio.model.types import Rect
from studio.ui.inspector.hotspot import clamp_rect, resize
from studio.ui.inspector.hotspot_editor import HotspotEditor
from studio.ui.inspector.panel import InspectorPanel
from tests.ui.inspector.conftest import make_inspector
from tests.ui.timeline.support import Env, drag

pytestmark = pytest.mark.gui
TAG = ("scene", "office", "tag", "cream_desk")
OPTION = ("scene", "morning", "option", "spa")


def hotspot_editor(qtbot: QtBot, env: Env, path: tuple[str, ...]) -> tuple[InspectorPanel, HotspotEditor]:
    panel = make_inspector(qtbot, env, path, height=900)
    assert panel.form is not None
    editor = panel.form.part(*path, "hotspot")
    assert isinstance(editor, HotspotEditor)
    editor.canvas.setFocus()
    return panel, editor


def tag_rect(env: Env) -> Rect:
    scene = env.doc.project.scene_map()["office"]
    return next(t.hotspot for t in scene.tags if t.id == "cream_desk")


def test_clamping_and_resizing_stay_inside_the_frame() -> None:
    assert clamp_rect(0.9, 0.95, 0.3, 0.2) == (0.7, 0.8, 0.3, 0.2)
    assert clamp_rect(-0.2, 0.1, 0.001, 0.5) == (0.0, 0.1, 0.02, 0.5)
    x, y, w, h = resize((0.1, 0.1, 0.2, 0.2), "se", 5.0, 5.0)
    assert (x, y) == (0.1, 0.1) and x + w <= 1.0 and y + h <= 1.0
    assert resize((0.1, 0.1, 0.2, 0.2), "w", 0.5, 0) == (0.28, 0.1, 0.02, 0.2)


def test_frame_at_playhead_letterboxed_in_the_vertical_box(qtbot: QtBot, shoppable: Env) -> None:
    shoppable.playhead.set_scene("office", 1200)
    _panel, editor = hotspot_editor(qtbot, shoppable, TAG)
    qtbot.waitUntil(lambda: editor.canvas.image is not None, timeout=20_000)
    assert "0:01.20 (playhead)" in editor.where.text()
    box = editor.canvas.box()
    assert abs(box.width() / box.height() - 9 / 16) < 0.01
    # the sample clip is 360x640, shown at the drama's 9:16 aspect
    assert editor.canvas.image is not None and editor.canvas.image.height() == 640
    shoppable.playhead.seek(2500)
    qtbot.waitUntil(lambda: "0:02.50" in editor.where.text(), timeout=5000)


def test_move_resize_and_clamp_are_one_undo_step_each(qtbot: QtBot, shoppable: Env) -> None:
    _panel, editor = hotspot_editor(qtbot, shoppable, TAG)
    canvas = editor.canvas
    stack = shoppable.doc.undo_stack
    before = tag_rect(shoppable)
    n = stack.count()
    box = canvas.box()
    # move by a tenth of the frame to the right and down
    p = canvas.handle_point("move")
    drag(canvas, p, p + QPointF(box.width() * 0.1, box.height() * 0.1))
    moved = tag_rect(shoppable)
    assert abs(moved.x - (before.x + 0.1)) < 0.01 and abs(moved.y - (before.y + 0.1)) < 0.01
    assert (moved.w, moved.h) == (before.w, before.h)
    # resize from the bottom-right corner far outside the frame: clamped to the edges
    p = canvas.handle_point("se")
    drag(canvas, p, p + QPointF(box.width() * 2, box.height() * 2))
    grown = tag_rect(shoppable)
    assert (grown.x, grown.y) == (moved.x, moved.y)
    assert abs(grown.x + grown.w - 1.0) < 1e-6 and abs(grown.y + grown.h - 1.0) < 1e-6
    # the numeric fields follow
    assert editor.fields[2].edit.text() == f"{grown.w:g}"
    assert stack.count() == n + 2
    stack.undo()
    assert tag_rect(shoppable) == moved
    stack.undo()
    assert tag_rect(shoppable) == before
    stack.redo()
    stack.redo()
    assert tag_rect(shoppable) == grown


def test_typed_coordinates_are_checked(qtbot: QtBot, shoppable: Env) -> None:
    _panel, editor = hotspot_editor(qtbot, shoppable, TAG)
    x = editor.fields[0]
    for text, reason in [("1.5", "outside 0..1"), ("abc", "not a number"), ("0.9", "inside the frame")]:
        x.edit.setFocus()
        x.edit.selectAll()
        qtbot.keyClicks(x.edit, text)
        qtbot.keyClick(x.edit, Qt.Key.Key_Return)
        assert reason in x.error_text, (text, x.error_text)
        assert tag_rect(shoppable).x == 0.1
    x.edit.selectAll()
    qtbot.keyClicks(x.edit, "0.2")
    qtbot.keyClick(x.edit, Qt.Key.Key_Return)
    assert tag_rect(shoppable).x == 0.2 and not x.error_text


def test_draw_a_new_option_hotspot_then_remove_it(qtbot: QtBot, shoppable: Env) -> None:
    _panel, editor = hotspot_editor(qtbot, shoppable, OPTION)

    def option_hotspot() -> Rect | None:
        choice = shoppable.doc.project.scene_map()["morning"].choice
        assert choice is not None
        return next(o.hotspot for o in choice.options if o.id == "spa")

    assert option_hotspot() is None and "No hotspot" in editor.canvas.note
    assert not editor.remove_button.isEnabled()
    canvas = editor.canvas
    box = canvas.box()
    start = QPointF(box.left() + box.width() * 0.2, box.top() + box.height() * 0.6)
    end = QPointF(box.left() + box.width() * 0.7, box.top() + box.height() * 0.75)
    drag(canvas, start, end)
    drawn = option_hotspot()
    assert drawn is not None
    assert abs(drawn.x - 0.2) < 0.01 and abs(drawn.w - 0.5) < 0.01 and abs(drawn.h - 0.15) < 0.01
    assert editor.remove_button.isEnabled() and not canvas.note
    editor.remove_button.click()
    assert option_hotspot() is None
    shoppable.doc.undo_stack.undo()
    assert option_hotspot() == drawn
    shoppable.doc.undo_stack.undo()
    assert option_hotspot() is None
