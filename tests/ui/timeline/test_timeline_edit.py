"""Timeline gestures on the real samples: add, move, resize, trim, nudge, snap, undo/redo."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from studio.model.project import Project
from studio.ui.timeline import TimelinePanel
from studio.ui.timeline import geometry as g
from studio.ui.timeline.items import Item, find_item
from tests.ui.timeline.conftest import make_panel
from tests.ui.timeline.support import Env, click, drag

pytestmark = pytest.mark.gui
ALT = Qt.KeyboardModifier.AltModifier


def item(panel: TimelinePanel, *path: str) -> Item:
    found = find_item(panel.canvas.items, tuple(path))
    assert found is not None, path
    return found


def at(panel: TimelinePanel, ms: float, y: float) -> QPointF:
    return QPointF(panel.canvas.axis().x(ms), y)


def on_frame(ms: int, fps: float) -> bool:
    return g.frame_ms(g.frame_index(ms, fps), fps) == ms


def prompt_ms(project: Project, sid: str, pid: str) -> int:
    scene = project.scene_map()[sid]
    return next(p.at_ms for p in scene.prompts if p.id == pid)


def tag_span(project: Project, sid: str, tid: str) -> tuple[int, int]:
    scene = project.scene_map()[sid]
    tag = next(t for t in scene.tags if t.id == tid)
    return tag.start_ms, tag.end_ms


def test_selecting_a_scene_opens_its_timeline(qtbot: QtBot, shoppable: Env) -> None:
    panel = make_panel(qtbot, shoppable, "office")
    canvas = panel.canvas
    assert canvas.scene_id == "office"
    assert shoppable.playhead.scene == "office"
    kinds = sorted(i.kind for i in canvas.items)
    scene = shoppable.doc.project.scene_map()["office"]
    assert kinds == sorted(["choice"] + ["tag"] * len(scene.tags) + ["prompt"] * len(scene.prompts))
    # overlapping tags are stacked on two rows
    assert canvas.tag_rows == 2
    assert panel.title.text() == scene.title
    # the thumbnail strip is decoded off the UI thread and arrives
    qtbot.waitUntil(lambda: bool(canvas.strip.images), timeout=20_000)
    assert canvas.strip.error is None


def test_click_selects_item_and_inspector_path(qtbot: QtBot, savings: Env) -> None:
    panel = make_panel(qtbot, savings, "payday")
    prompt = item(panel, "scene", "payday", "prompt", "round_up")
    click(panel.canvas, panel.canvas.item_point(prompt))
    assert savings.selection.current == ("scene", "payday", "prompt", "round_up")
    click(panel.canvas, panel.canvas.item_point(item(panel, "scene", "payday", "choice")))
    assert savings.selection.current == ("scene", "payday", "choice")


def test_drag_prompt_is_one_undoable_command_on_a_frame(qtbot: QtBot, savings: Env) -> None:
    panel = make_panel(qtbot, savings, "payday")
    doc, canvas = savings.doc, panel.canvas
    prompt = item(panel, "scene", "payday", "prompt", "round_up")
    before = doc.undo_stack.count()
    start = canvas.item_point(prompt)
    drag(canvas, start, start + QPoint(round(1000 * canvas.axis().scale), 0), steps=10)
    moved = prompt_ms(doc.project, "payday", "round_up")
    assert doc.undo_stack.count() == before + 1
    assert abs(moved - 2500) <= 42 and on_frame(moved, canvas.fps)
    doc.undo_stack.undo()
    assert prompt_ms(doc.project, "payday", "round_up") == prompt.start
    doc.undo_stack.redo()
    assert prompt_ms(doc.project, "payday", "round_up") == moved
    # the canvas redrew from the document
    assert item(panel, "scene", "payday", "prompt", "round_up").start == moved


def test_move_and_resize_a_tag(qtbot: QtBot, shoppable: Env) -> None:
    panel = make_panel(qtbot, shoppable, "office")
    doc, canvas = shoppable.doc, panel.canvas
    tag = item(panel, "scene", "office", "tag", "cream_desk")
    length = tag.end - tag.start  # type: ignore[operator]
    px = canvas.axis().scale
    # move: the body, length kept
    p = canvas.item_point(tag)
    drag(canvas, p, p + QPoint(round(600 * px), 0))
    start, end = tag_span(doc.project, "office", "cream_desk")
    assert end - start == length and start > tag.start
    # resize the end edge right
    tag = item(panel, "scene", "office", "tag", "cream_desk")
    p = canvas.item_point(tag, "end")
    drag(canvas, p, p + QPoint(round(400 * px), 0))
    s2, e2 = tag_span(doc.project, "office", "cream_desk")
    assert s2 == start and e2 > end and on_frame(e2, canvas.fps)
    # resize the start edge left
    tag = item(panel, "scene", "office", "tag", "cream_desk")
    p = canvas.item_point(tag, "start")
    drag(canvas, p, p - QPoint(round(300 * px), 0))
    s3, e3 = tag_span(doc.project, "office", "cream_desk")
    assert s3 < s2 and e3 == e2
    # three gestures, three undo steps, all reversible
    for _ in range(3):
        doc.undo_stack.undo()
    assert tag_span(doc.project, "office", "cream_desk") == (500, 3000)
    for _ in range(3):
        doc.undo_stack.redo()
    assert tag_span(doc.project, "office", "cream_desk") == (s3, e3)


def test_resize_and_move_the_choice_window(qtbot: QtBot, savings: Env) -> None:
    panel = make_panel(qtbot, savings, "payday")
    doc, canvas = savings.doc, panel.canvas
    choice = item(panel, "scene", "payday", "choice")
    px = canvas.axis().scale
    p = canvas.item_point(choice, "start")
    drag(canvas, p, p - QPoint(round(500 * px), 0))
    c = doc.project.scene_map()["payday"].choice
    assert c is not None and c.appear_ms < 3000 and c.decision_ms == 5500
    choice = item(panel, "scene", "payday", "choice")
    p = canvas.item_point(choice)
    drag(canvas, p, p - QPoint(round(200 * px), 0))
    c2 = doc.project.scene_map()["payday"].choice
    assert c2 is not None and c2.decision_ms - c2.appear_ms == 5500 - c.appear_ms
    # options survive a retime of the window
    assert [o.id for o in c2.options] == [o.id for o in c.options]
    doc.undo_stack.undo()
    doc.undo_stack.undo()
    c3 = doc.project.scene_map()["payday"].choice
    assert c3 is not None and (c3.appear_ms, c3.decision_ms) == (3000, 5500)


def test_a_refused_drag_springs_back(qtbot: QtBot, savings: Env) -> None:
    """Dragging a window edge past the other is clamped; nothing invalid is pushed."""
    panel = make_panel(qtbot, savings, "payday")
    doc, canvas = savings.doc, panel.canvas
    choice = item(panel, "scene", "payday", "choice")
    p = canvas.item_point(choice, "start")
    drag(canvas, p, p + QPoint(round(4000 * canvas.axis().scale), 0))
    c = doc.project.scene_map()["payday"].choice
    assert c is not None and c.appear_ms < c.decision_ms == 5500


def test_snaps_to_playhead_then_other_items_and_alt_frees(qtbot: QtBot, shoppable: Env) -> None:
    panel = make_panel(qtbot, shoppable, "office")
    doc, canvas = shoppable.doc, panel.canvas
    px = canvas.axis().scale
    shoppable.playhead.seek(1730)  # not on a frame: only the playhead snap can land here
    assert not on_frame(1730, canvas.fps)
    tag = item(panel, "scene", "office", "tag", "cream_desk")
    p = canvas.item_point(tag, "end")  # end 3000 -> near 1730 (within a few px)
    drag(canvas, p, QPointF(canvas.axis().x(1730 + 3 / px), p.y()))
    assert tag_span(doc.project, "office", "cream_desk") == (500, 1730)
    # the other tag's start edge snaps onto this tag's new end
    other = item(panel, "scene", "office", "tag", "mask_bag")
    p = canvas.item_point(other, "start")
    drag(canvas, p, QPointF(canvas.axis().x(1730 - 4 / px), p.y()))
    assert tag_span(doc.project, "office", "mask_bag")[0] == 1730
    # with Alt held there is no snapping at all
    free = item(panel, "scene", "office", "tag", "mask_bag")
    p = canvas.item_point(free, "start")
    drag(canvas, p, QPointF(p.x() + 170 * px, p.y()), modifiers=ALT)
    start = tag_span(doc.project, "office", "mask_bag")[0]
    assert abs(start - 1900) <= 1 / px + 1


def test_snap_toggle_off_places_freely(qtbot: QtBot, savings: Env) -> None:
    panel = make_panel(qtbot, savings, "payday")
    panel.buttons["snap"].click()
    assert not panel.canvas.snap_enabled
    canvas = panel.canvas
    prompt = item(panel, "scene", "payday", "prompt", "round_up")
    p = canvas.item_point(prompt)
    target = 2222
    drag(canvas, p, QPointF(canvas.axis().x(target), p.y()))
    moved = prompt_ms(savings.doc.project, "payday", "round_up")
    assert abs(moved - target) <= 1 / canvas.axis().scale + 1


def test_keyboard_nudge_frames_and_seconds_merge_into_one_undo(qtbot: QtBot, savings: Env) -> None:
    panel = make_panel(qtbot, savings, "payday")
    doc, canvas = savings.doc, panel.canvas
    fps = canvas.fps
    click(canvas, canvas.item_point(item(panel, "scene", "payday", "prompt", "round_up")))
    canvas.setFocus()
    before = doc.undo_stack.count()
    qtbot.keyClick(canvas, Qt.Key.Key_Right)
    one = prompt_ms(doc.project, "payday", "round_up")
    assert one == g.frame_ms(g.frame_index(1500, fps) + 1, fps)
    qtbot.keyClick(canvas, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    two = prompt_ms(doc.project, "payday", "round_up")
    assert two == g.snap_to_frame(one + 1000, fps)
    qtbot.keyClick(canvas, Qt.Key.Key_Left)
    three = prompt_ms(doc.project, "payday", "round_up")
    assert three == g.frame_ms(g.frame_index(two, fps) - 1, fps)
    assert doc.undo_stack.count() == before + 1  # one merged "nudge" step
    doc.undo_stack.undo()
    assert prompt_ms(doc.project, "payday", "round_up") == 1500
    doc.undo_stack.redo()
    assert prompt_ms(doc.project, "payday", "round_up") == three


def test_nudge_a_tag_keeps_its_length(qtbot: QtBot, shoppable: Env) -> None:
    panel = make_panel(qtbot, shoppable, "office")
    canvas = panel.canvas
    shoppable.selection.set(["office"], current=("scene", "office", "tag", "mask_bag"))
    canvas.setFocus()
    qtbot.keyClick(canvas, Qt.Key.Key_Left, Qt.KeyboardModifier.ShiftModifier)
    assert tag_span(shoppable.doc.project, "office", "mask_bag") == (1500, 4500)


def test_add_items_at_playhead_from_toolbar(qtbot: QtBot, shoppable: Env) -> None:
    panel = make_panel(qtbot, shoppable, "office")
    doc = shoppable.doc
    shoppable.playhead.seek(2000)
    n_tags = len(doc.project.scene_map()["office"].tags)
    panel.buttons["tag"].click()
    scene = doc.project.scene_map()["office"]
    assert len(scene.tags) == n_tags + 1
    new = scene.tags[-1]
    assert new.start_ms == 2000 and new.end_ms > new.start_ms
    assert shoppable.selection.current == ("scene", "office", "tag", new.id)
    # no goals in the shoppable drama: a prompt is refused with the reason
    messages: list[str] = []
    doc.message.connect(messages.append)
    assert not panel.add("prompt")
    assert messages and "savings goal" in messages[-1]
    assert "savings goal" in panel.status.text()
    # the office scene has a choice window: the button is off and adding is refused
    assert not panel.buttons["choice"].isEnabled()
    assert not panel.add("choice")
    doc.undo_stack.undo()
    assert len(doc.project.scene_map()["office"].tags) == n_tags


def test_remove_choice_then_add_it_back_at_playhead(qtbot: QtBot, savings: Env) -> None:
    panel = make_panel(qtbot, savings, "payday")
    doc, canvas = savings.doc, panel.canvas
    savings.selection.set(["payday"], current=("scene", "payday", "choice"))
    canvas.setFocus()
    qtbot.keyClick(canvas, Qt.Key.Key_Delete)
    assert doc.project.scene_map()["payday"].choice is None
    assert panel.buttons["choice"].isEnabled()
    savings.playhead.seek(1000)
    panel.buttons["choice"].click()
    c = doc.project.scene_map()["payday"].choice
    assert c is not None and c.appear_ms == 1000 and c.decision_ms > 1000
    savings.playhead.seek(4000)
    panel.buttons["prompt"].click()
    prompts = doc.project.scene_map()["payday"].prompts
    assert prompts[-1].at_ms == 4000 and prompts[-1].goal == "trip"
    for _ in range(3):
        doc.undo_stack.undo()
    restored = doc.project.scene_map()["payday"]
    assert restored.choice is not None and len(restored.choice.options) == 2
    assert [p.id for p in restored.prompts] == ["round_up"]


def test_trim_handles_and_items_outside_the_trim(qtbot: QtBot, savings: Env) -> None:
    panel = make_panel(qtbot, savings, "payday")
    doc, canvas = savings.doc, panel.canvas
    y = g.STRIP_TOP + g.STRIP_H / 2
    out_x = canvas.axis().x(canvas.span[1]) - 3
    drag(canvas, QPointF(out_x, y), at(panel, 5000, y))
    scene = doc.project.scene_map()["payday"]
    assert scene.out_ms == 5000
    choice = item(panel, "scene", "payday", "choice")
    assert choice.problem is not None and "outside" in choice.problem and "5000" in choice.problem
    assert "outside" in panel.status.text()
    assert "Invalid:" in canvas.describe(choice)
    # the in handle: drag to 2 s, the prompt at 1.5 s becomes invalid too
    in_x = canvas.axis().x(canvas.span[0]) + 3
    drag(canvas, QPointF(in_x, y), at(panel, 2000, y))
    assert doc.project.scene_map()["payday"].in_ms == 2000
    assert item(panel, "scene", "payday", "prompt", "round_up").problem is not None
    doc.undo_stack.undo()
    doc.undo_stack.undo()
    scene = doc.project.scene_map()["payday"]
    assert (scene.in_ms, scene.out_ms) == (0, None)
    assert all(i.problem is None for i in canvas.items)


def test_playhead_sync_both_ways(qtbot: QtBot, savings: Env) -> None:
    panel = make_panel(qtbot, savings, "payday")
    canvas = panel.canvas
    seen: list[tuple[int, object]] = []
    savings.playhead.moved.connect(lambda ms, origin: seen.append((ms, origin)))
    savings.playhead.seek(3210, origin=None)  # e.g. the preview playing
    assert canvas.playhead_ms == 3210
    assert panel.time_label.text().startswith("0:03.21")
    click(canvas, at(panel, 4000, 10))  # the ruler
    assert seen[-1][1] is canvas
    assert abs(savings.playhead.ms - 4000) <= 42 and on_frame(savings.playhead.ms, canvas.fps)
    # the preview moving on to another scene takes the timeline with it
    savings.playhead.set_scene("save_path")
    assert canvas.scene_id == "save_path"


def test_zoom_and_scroll(qtbot: QtBot, savings: Env) -> None:
    panel = make_panel(qtbot, savings, "payday")
    canvas = panel.canvas
    base = canvas.width()
    panel.buttons["zoom_in"].click()
    panel.buttons["zoom_in"].click()
    assert canvas.width() > base * 2
    panel.set_zoom(8.0, anchor_x=canvas.axis().x(3000))
    assert canvas.width() >= base * 7
    QApplication.processEvents()  # the scroll bars settle
    bar = panel.scroller.horizontalScrollBar()
    assert bar.maximum() > 0
    savings.playhead.seek(5900)  # out of view -> scrolled to
    QApplication.processEvents()
    x = canvas.axis().x(5900)
    assert bar.value() <= x <= bar.value() + panel.scroller.viewport().width()
    panel.buttons["fit"].click()
    QApplication.processEvents()
    assert panel.zoom == 1.0 and canvas.width() == panel.scroller.viewport().width()


def test_window_actions_while_the_timeline_has_focus(qtbot: QtBot, shoppable: Env) -> None:
    panel = make_panel(qtbot, shoppable, "office")
    doc = shoppable.doc
    assert not panel.handle_action("edit.delete")  # nothing selected on the timeline
    shoppable.selection.set(["office"], current=("scene", "office", "tag", "mask_bag"))
    assert panel.handle_action("edit.delete")
    assert [t.id for t in doc.project.scene_map()["office"].tags] == ["cream_desk"]
    assert shoppable.selection.current == ("scene", "office")
    assert panel.handle_action("view.zoom_in") and panel.zoom > 1
    assert panel.handle_action("view.zoom_fit") and panel.zoom == 1
    assert not panel.handle_action("graph.arrange")
    doc.undo_stack.undo()
    assert [t.id for t in doc.project.scene_map()["office"].tags] == ["cream_desk", "mask_bag"]


def test_context_menu_adds_at_the_clicked_time(qtbot: QtBot, savings: Env) -> None:
    panel = make_panel(qtbot, savings, "payday")
    canvas = panel.canvas
    menu = canvas.context_menu(at(panel, 4500, g.lane_top("prompt") + 5))
    assert menu is not None
    actions = {a.text(): a for a in menu.actions() if a.text()}
    assert "Add product tag at playhead" in actions and "Add choice window at playhead" in actions
    actions["Add savings prompt at playhead"].trigger()
    prompts = savings.doc.project.scene_map()["payday"].prompts
    assert len(prompts) == 2 and abs(prompts[1].at_ms - 4500) <= 10
    assert savings.selection.current == ("scene", "payday", "prompt", prompts[1].id)
    # on an item: its own actions
    item_menu = canvas.context_menu(QPointF(canvas.item_point(item(panel, "scene", "payday", "choice"))))
    assert item_menu is not None
    texts = [a.text() for a in item_menu.actions()]
    assert "Remove Choice (2 options)" in texts
    assert savings.selection.current == ("scene", "payday", "choice")
