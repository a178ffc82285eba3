"""Importing and exporting subtitles from the lane: a .vtt creates the track in one undo step,
in-point times are shifted to clip time, a bad file shows one line naming it and changes nothing,
an export reads back equal."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from studio.model.ops import SceneRef, SetField
from studio.subtitles import read_subtitles
from studio.ui.timeline import create
from studio.ui.timeline.subtitle_files import ImportDialog, import_subtitles, write_subtitles
from studio.ui.timeline.subtitle_lane import SubtitleLane, lane_of
from tests.ui.subtitles.conftest import CUES
from tests.ui.timeline.support import Env

pytestmark = pytest.mark.gui

VTT = """WEBVTT

00:00:01.000 --> 00:00:02.500
Payday <i>at last</i>!

00:00:03.000 --> 00:00:04.200 align:center
Put some aside
for the trip
"""


def make(qtbot: QtBot, env: Env) -> SubtitleLane:
    panel = create(env.doc, env.selection, env.playhead)
    qtbot.addWidget(panel)
    panel.resize(1000, 320)
    panel.show()
    env.selection.set(["payday"])
    QApplication.processEvents()
    lane = lane_of(panel)
    assert lane is not None
    return lane


def tracks(env: Env) -> dict[str, list[tuple[int, int, str]]]:
    scene = env.doc.project.scene_map()["payday"]
    return {t.locale: [(c.start_ms, c.end_ms, c.text) for c in t.cues] for t in scene.subtitles}


def test_import_dialog_creates_the_track_in_one_undo_step(qtbot: QtBot, env: Env, tmp_path: Path) -> None:
    lane = make(qtbot, env)
    file = tmp_path / "payday.en.vtt"
    file.write_text(VTT, encoding="utf-8")
    before = tracks(env)
    dialog = lane.open_import()
    assert dialog is not None and dialog.isVisible()
    assert dialog.picker.currentText() == "zh-CN"  # the lane's locale
    dialog.path.setText(str(file))
    dialog.picker.setCurrentText("en")
    dialog.accept()
    assert not dialog.isVisible()
    got = tracks(env)
    assert got["en"] == [(1000, 2500, "Payday at last!"), (3000, 4200, "Put some aside\nfor the trip")]
    assert got["zh-CN"] == before["zh-CN"]
    assert env.doc.undo_stack.count() == 1
    assert env.doc.undo_stack.undoText() == "Import subtitles (en)"
    env.doc.undo_stack.undo()
    assert tracks(env) == before
    # the lane offers the new locale while the track exists
    env.doc.undo_stack.redo()
    assert "en" in [lane.picker.itemText(i) for i in range(lane.picker.count())]


def test_times_from_the_in_point_are_shifted_to_clip_time(qtbot: QtBot, env: Env, tmp_path: Path) -> None:
    assert env.doc.push(SetField(SceneRef("payday").in_ms, 1000))
    lane = make(qtbot, env)
    file = tmp_path / "cut.vtt"
    file.write_text(VTT, encoding="utf-8")
    dialog = lane.open_import()
    assert dialog is not None
    dialog.path.setText(str(file))
    dialog.in_point.setChecked(True)
    assert "1" in dialog.in_point.text()  # names the in point
    dialog.accept()
    assert tracks(env)["zh-CN"][0] == (2000, 3500, "Payday at last!")  # replaced the lane's locale


def test_a_bad_file_shows_one_line_and_changes_nothing(qtbot: QtBot, env: Env, tmp_path: Path) -> None:
    lane = make(qtbot, env)
    bad = tmp_path / "broken.srt"
    bad.write_text("1\n00:00:01,000 --> 00:00:02,000\nfine\n\n2\n00:00:05,000 -> nonsense\nbroken\n",
                   encoding="utf-8")
    before = tracks(env)
    dialog = lane.open_import()
    assert dialog is not None
    dialog.path.setText(str(bad))
    dialog.accept()
    assert dialog.isVisible()  # stays open to fix the choice
    message = dialog.error.text()
    assert dialog.error.isVisible() and "broken.srt" in message and "\n" not in message
    assert ":6" in message or "line 6" in message  # the line of the bad timing
    assert tracks(env) == before
    assert env.doc.undo_stack.count() == 0
    # a file of another clip (cues after the clip's end) is refused as well
    late = tmp_path / "late.vtt"
    late.write_text("WEBVTT\n\n00:01:00.000 --> 00:01:02.000\nlate\n", encoding="utf-8")
    reason = import_subtitles(env.doc, "payday", late, "zh-CN")
    assert reason is not None and "late.vtt" in reason and "\n" not in reason
    assert tracks(env) == before and env.doc.undo_stack.count() == 0
    dialog.reject()


def test_export_reads_back_equal(tmp_path: Path) -> None:
    for name in ("out.vtt", "out.srt"):
        write_subtitles(CUES, tmp_path / name)
        assert read_subtitles(tmp_path / name) == CUES


def test_dialog_refuses_a_bad_locale(qtbot: QtBot, env: Env, tmp_path: Path) -> None:
    file = tmp_path / "ok.vtt"
    file.write_text(VTT, encoding="utf-8")
    dialog = ImportDialog(env.doc, "payday", "zh-CN")
    qtbot.addWidget(dialog)
    dialog.path.setText(str(file))
    dialog.picker.setCurrentText("not a locale!")
    dialog.accept()
    assert dialog.error.text() and "\n" not in dialog.error.text()
    assert env.doc.undo_stack.count() == 0
