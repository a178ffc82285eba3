"""The scene Inspector's "Subtitles and dubs" section: tracks listed and removed, a dub added from
a real audio file (probed, copied into media/, one undo step) and removed."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QLabel, QToolButton
from pytestqt.qtbot import QtBot

from studio.ui.inspector import InspectorPanel, create
from studio.ui.inspector.tracks_section import TracksSection, add_dub
from tests.support import require_exe
from tests.ui.timeline.support import Env

pytestmark = pytest.mark.gui


def make(qtbot: QtBot, env: Env) -> tuple[InspectorPanel, TracksSection]:
    panel = create(env.doc, env.selection, env.playhead)
    qtbot.addWidget(panel)
    panel.resize(360, 900)
    panel.show()
    qtbot.waitExposed(panel)
    env.selection.set(["payday"])
    QApplication.processEvents()
    section = panel.findChild(TracksSection)
    assert section is not None
    return panel, section


def texts(section: TracksSection) -> list[str]:
    return [w.toolTip() for w in section.findChildren(QLabel) if w.isVisibleTo(section) and w.toolTip()]


def tone(path: Path) -> Path:
    ffmpeg = require_exe("ffmpeg")
    subprocess.run([ffmpeg, "-nostdin", "-loglevel", "error", "-y", "-f", "lavfi", "-i",
                    "sine=frequency=440:duration=2", "-c:a", "aac", str(path)], check=True)
    return path


def test_tracks_are_listed_and_removed_in_one_step(qtbot: QtBot, env: Env) -> None:
    _panel, section = make(qtbot, env)
    assert "zh-CN · 3 subtitles" in texts(section)
    remove = [b for b in section.findChildren(QToolButton) if b.text() == "Remove"]
    assert len(remove) == 1  # the track's (no dub yet)
    remove[0].click()
    QApplication.processEvents()
    assert env.doc.project.scene_map()["payday"].subtitles == []
    assert env.doc.undo_stack.undoText() == "Remove zh-CN subtitles"
    env.doc.undo_stack.undo()
    QApplication.processEvents()
    section = _panel.findChild(TracksSection)
    assert section is not None and "zh-CN · 3 subtitles" in texts(section)


def test_import_button_opens_the_dialog_on_the_scene(qtbot: QtBot, env: Env) -> None:
    _panel, section = make(qtbot, env)
    dialog = section.open_import()
    assert dialog.isVisible() and dialog.scene_id == "payday"
    assert dialog.picker.currentText() == "zh-CN"
    dialog.reject()


def test_a_dub_is_added_in_one_undo_step_and_removed(qtbot: QtBot, env: Env, tmp_path: Path) -> None:
    _panel, section = make(qtbot, env)
    folder = env.doc.folder
    assert folder is not None
    audio = tone(tmp_path / "payday_en.m4a")  # outside the project: copied into media/
    assert add_dub(env.doc, "payday", "en", audio) is None
    project = env.doc.project
    assert [(d.locale, d.audio) for d in project.scene_map()["payday"].dubs] == [("en", "payday_en")]
    asset = project.audio[0]
    assert asset.path == "media/payday_en.m4a" and (folder / asset.path).is_file()
    assert 1900 <= asset.duration_ms <= 2100 and asset.container == "m4a"
    assert env.doc.undo_stack.count() == 1
    assert env.doc.undo_stack.undoText() == "Add en dub"
    QApplication.processEvents()
    section = _panel.findChild(TracksSection)
    assert section is not None
    assert any(t.startswith("en · payday_en.m4a") for t in texts(section))
    env.doc.undo_stack.undo()
    assert env.doc.project.audio == [] and env.doc.project.scene_map()["payday"].dubs == []
    env.doc.undo_stack.redo()
    # a file that is not audio: one line, nothing changes
    bad = tmp_path / "notes.mp3"
    bad.write_text("not audio")
    reason = add_dub(env.doc, "payday", "ja", bad)
    assert reason is not None and "notes.mp3" in reason and "\n" not in reason
    assert env.doc.undo_stack.count() == 1
    # removing the dub removes the audio file nobody uses any more
    from studio.ui.inspector.tracks_section import remove_dub

    assert remove_dub(env.doc, "payday", "en") is None
    assert env.doc.project.audio == [] and env.doc.project.scene_map()["payday"].dubs == []
    assert env.doc.undo_stack.undoText() == "Remove en dub"
