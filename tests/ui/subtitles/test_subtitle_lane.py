"""The timeline's subtitle lane on a copy of the savings sample: cues shown, moved, resized,
edited, added and deleted, each one undo step; the locale picker."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from studio.model.ops import SceneRef, SetField
from studio.ui.timeline import TimelinePanel, create
from studio.ui.timeline.subtitle_lane import SubtitleLane, lane_of
from studio.ui.timeline.subtitle_strip import CueStrip
from tests.ui.subtitles.conftest import CUES
from tests.ui.timeline.support import Env, drag

pytestmark = pytest.mark.gui


def make(qtbot: QtBot, env: Env, scene: str = "payday") -> tuple[TimelinePanel, SubtitleLane]:
    panel = create(env.doc, env.selection, env.playhead)
    qtbot.addWidget(panel)
    panel.resize(1200, 320)
    panel.show()
    qtbot.waitExposed(panel)
    env.selection.set([scene])
    QApplication.processEvents()
    lane = lane_of(panel)
    assert lane is not None
    return panel, lane


def cues(env: Env, locale: str = "zh-CN") -> list[tuple[int, int, str]]:
    scene = env.doc.project.scene_map()["payday"]
    track = next((t for t in scene.subtitles if t.locale == locale), None)
    return [(c.start_ms, c.end_ms, c.text) for c in track.cues] if track else []


ORIGINAL = [(c.start_ms, c.end_ms, c.text) for c in CUES]


def test_lane_shows_the_scene_cues_in_the_drama_locale(qtbot: QtBot, env: Env) -> None:
    panel, lane = make(qtbot, env)
    strip = lane.strip
    assert lane.picker.currentText() == "zh-CN"  # the drama's locale
    assert [c.text for c in strip.cues()] == [c.text for c in CUES]
    # drawn where the canvas draws the same clip time
    axis = panel.canvas.axis()
    rect = strip.cue_rect(1)
    scroll = panel.scroller.horizontalScrollBar().value()
    assert rect.left() == pytest.approx(axis.x(2000) - scroll)
    assert rect.right() == pytest.approx(axis.x(3200) - scroll)
    assert strip.hit(rect.center()) == (1, "move")
    assert "这个月" in strip.describe(1)
    # another scene has no cues
    env.selection.set(["save_path"])
    QApplication.processEvents()
    assert strip.cues() == []


def test_drag_moves_a_cue_in_one_undo_step(qtbot: QtBot, env: Env) -> None:
    panel, lane = make(qtbot, env)
    strip = lane.strip
    panel.canvas.snap_enabled = False
    axis = panel.canvas.axis()
    start = strip.cue_point(0)
    dx = axis.x(1000) - axis.x(0)  # one second to the right
    drag(strip, start, start + QPoint(round(dx), 0))
    moved = cues(env)
    assert moved[0][2] == "发工资了！"
    assert moved[0][0] == pytest.approx(1500, abs=2 * axis.ms_per_px())
    assert moved[0][1] - moved[0][0] == 1000  # length kept
    assert env.doc.undo_stack.count() == 1
    assert env.doc.undo_stack.undoText() == "Move subtitle"
    env.doc.undo_stack.undo()
    assert cues(env) == ORIGINAL


def test_moving_a_cue_past_another_keeps_them_in_order(qtbot: QtBot, env: Env) -> None:
    _panel, lane = make(qtbot, env)
    assert lane.retime(0, 4500, 5500, resize=False)
    assert [c[2] for c in cues(env)] == ["这个月\n要存一点", "先存五百", "发工资了！"]
    assert lane.strip.selected == 2  # the moved cue stays selected
    assert lane.retime(0, -500, 100, resize=True)  # a start before the clip stops at 0
    assert cues(env)[0] == (0, 100, "这个月\n要存一点")


def test_drag_an_edge_changes_the_end_only(qtbot: QtBot, env: Env) -> None:
    panel, lane = make(qtbot, env)
    strip = lane.strip
    panel.canvas.snap_enabled = False
    axis = panel.canvas.axis()
    edge = strip.cue_point(2, "end")
    assert strip.hit(edge.toPointF()) == (2, "end")
    drag(strip, edge, edge + QPoint(round(axis.x(500) - axis.x(0)), 0))
    start, end, _ = cues(env)[2]
    assert start == 4000 and end == pytest.approx(5500, abs=2 * axis.ms_per_px())
    assert env.doc.undo_stack.undoText() == "Resize subtitle"
    # an end dragged before the start stops just after it
    edge = strip.cue_point(2, "end")
    drag(strip, edge, edge - QPoint(round(axis.x(3000) - axis.x(0)), 0))
    start, end, _ = cues(env)[2]
    assert start == 4000 and end > start


def test_edit_text_in_the_dialog(qtbot: QtBot, env: Env) -> None:
    _panel, lane = make(qtbot, env)
    strip = lane.strip
    strip.setFocus()
    strip.select(1)
    qtbot.keyClick(strip, Qt.Key.Key_Return)
    dialog = lane.dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.value() == "这个月\n要存一点"  # type: ignore[attr-defined]
    dialog.text.setPlainText("这个月\n一定要存")  # type: ignore[attr-defined]
    dialog.accept()
    assert cues(env)[1] == (2000, 3200, "这个月\n一定要存")
    assert env.doc.undo_stack.count() == 1
    assert env.doc.undo_stack.undoText() == "Edit subtitle"
    env.doc.undo_stack.undo()
    assert cues(env) == ORIGINAL


def test_add_at_playhead_and_delete(qtbot: QtBot, env: Env) -> None:
    _panel, lane = make(qtbot, env)
    env.playhead.seek(3500)
    dialog = lane.add_at()
    assert dialog is not None
    dialog.text.setPlainText("新的一句")
    dialog.accept()
    assert (3500, 4000, "新的一句") in cues(env)  # ends where the next cue starts
    assert env.doc.undo_stack.undoText() == "Add subtitle"
    strip = lane.strip
    assert strip.selected == 2
    strip.setFocus()
    qtbot.keyClick(strip, Qt.Key.Key_Delete)
    assert cues(env) == ORIGINAL
    assert env.doc.undo_stack.undoText() == "Delete subtitle"
    assert env.doc.undo_stack.count() == 2
    env.doc.undo_stack.undo()
    assert len(cues(env)) == 4


def test_keyboard_selects_and_nudges(qtbot: QtBot, env: Env) -> None:
    _panel, lane = make(qtbot, env)
    strip = lane.strip
    strip.setFocus()
    env.playhead.seek(1800)
    qtbot.keyClick(strip, Qt.Key.Key_Right)  # none selected: the next cue
    assert strip.selected == 1 and env.playhead.ms == 2000
    qtbot.keyClick(strip, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(strip, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    start, end, _ = cues(env)[1]
    assert start > 3000 and end - start == 1200
    assert env.doc.undo_stack.count() == 1  # nudges merge
    qtbot.keyClick(strip, Qt.Key.Key_Left, Qt.KeyboardModifier.ControlModifier)
    assert strip.selected == 0


def test_locale_picker_offers_targets_and_adds_to_that_track(qtbot: QtBot, env: Env) -> None:
    from studio.model.ops import PROJECT

    assert env.doc.push(SetField(PROJECT.target_locales, ["en"]))
    _panel, lane = make(qtbot, env)
    items = [lane.picker.itemText(i) for i in range(lane.picker.count())]
    assert items == ["zh-CN", "en"]
    lane.picker.setCurrentIndex(1)
    assert lane.strip.cues() == []
    assert lane.add_cue(1000, "Payday!")
    assert cues(env, "en") == [(1000, 3000, "Payday!")]
    assert cues(env) == ORIGINAL
    scene = env.doc.project.scene_map()["payday"]
    assert [t.locale for t in scene.subtitles] == ["en", "zh-CN"]
    # deleting its last cue removes the track
    assert lane.remove(0)
    assert [t.locale for t in env.doc.project.scene_map()["payday"].subtitles] == ["zh-CN"]


def test_cues_outside_the_trim_are_dimmed_but_kept(qtbot: QtBot, env: Env) -> None:
    assert env.doc.push(SetField(SceneRef("payday").in_ms, 1800))
    _panel, lane = make(qtbot, env)
    strip: CueStrip = lane.strip
    assert "never shown" in strip.describe(0)
    assert "never shown" not in strip.describe(1)
    image = strip.grab().toImage()
    inside = image.pixelColor(strip.cue_rect(1).center().toPoint())
    outside = image.pixelColor(strip.cue_rect(0).center().toPoint() + QPoint(0, 8))
    assert inside != outside


def test_lane_routes_import_and_export(qtbot: QtBot, env: Env, tmp_path: Path,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QFileDialog

    from studio.subtitles import read_subtitles

    _panel, lane = make(qtbot, env)
    routes = {r.action: r.handler for r in lane.routes()}
    assert routes["subtitles.import"]()
    assert lane.dialog is not None and lane.dialog.isVisible()
    lane.dialog.reject()
    target = tmp_path / "payday.zh-CN.srt"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a: (str(target), "SubRip (*.srt)"))
    assert routes["subtitles.export"]()
    assert target.read_text(encoding="utf-8").startswith("1\n00:00:00,500 --> 00:00:01,500\n")
    assert read_subtitles(target) == CUES
