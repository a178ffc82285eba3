"""The main window: panels, title, files, recovery, locks and changes on disk."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from studio.app import autosave, settings
from studio.app.autosave import AutoSaver
from studio.app.document import Document
from studio.model import dumps, load_project
from studio.model.ops import PROJECT, SceneRef, SetField
from studio.ui.panels import PANELS
from tests.app.test_app_autosave import dead_pid
from tests.app.test_app_lockfile import close, hold_lock
from tests.ui.conftest import Answers

pytestmark = pytest.mark.gui


def test_panels_menus_and_shortcuts(window: Any) -> None:
    expected = {"library", "preview", "playthrough", "inspector", "review", "timeline", "problems"}
    assert set(window.docks) == expected
    for dock in window.docks.values():
        assert dock.widget() is not None and dock.windowTitle()
    menus = [a.text() for a in window.menuBar().actions()]
    assert menus == ["&File", "&Edit", "&Scene", "&View", "&Help"]
    shortcuts = {
        "file.new": QKeySequence.StandardKey.New,
        "file.open": QKeySequence.StandardKey.Open,
        "file.save": QKeySequence.StandardKey.Save,
        "edit.undo": QKeySequence.StandardKey.Undo,
        "edit.redo": QKeySequence.StandardKey.Redo,
        "edit.delete": QKeySequence.StandardKey.Delete,
        "edit.select_all": QKeySequence.StandardKey.SelectAll,
        "view.zoom_in": QKeySequence.StandardKey.ZoomIn,
    }
    for action_id, key in shortcuts.items():
        assert window.action_map[action_id].shortcut() == QKeySequence(key), action_id
    labels = [a.iconText() for a in window.toolbar.actions() if not a.isSeparator()]
    assert "Save" in labels and "Undo" in labels and all(labels)


def test_every_panel_is_built_by_its_factory_no_placeholders(window: Any) -> None:
    """#14 item 3: every panel exists, so none is a 'coming soon' placeholder any more (a broken
    panel stops the window from starting: tests/ui/test_ui_actions.py)."""
    for spec in PANELS:
        widget = window.panels[spec.id]
        assert widget.objectName() != "placeholder" and not widget.findChildren(QLabel, "comingLabel")
        assert window.docks[spec.id].widget() is widget
        built = spec.build(window.doc, window.selection, None, window.services)  # no playhead: its own
        assert type(built.widget) is type(widget)
        if built.shutdown is not None:
            built.shutdown()


def test_title_shows_unsaved_state(window: Any) -> None:
    assert window.windowTitle().startswith("savings[*]") and not window.isWindowModified()
    window.doc.push(SetField(PROJECT.title, "Edited"))
    assert window.isWindowModified()
    assert window.trigger("file.save")
    assert not window.isWindowModified() and load_project(window.doc.path).title == "Edited"


def test_changed_on_disk_banner_reload_and_save_conflict(qtbot: QtBot, window: Any, answers: Answers) -> None:
    file = window.doc.path
    window.doc.push(SetField(SceneRef("payday").title, "Mine"))
    theirs = file.read_bytes().replace("发薪日：一个存钱的故事".encode(), b"Theirs")
    file.write_bytes(theirs)
    qtbot.waitUntil(lambda: window.disk_banner.isVisible(), timeout=5000)
    assert "changed by another program" in window.disk_banner.text
    answers.append("Cancel")
    assert not window.files.save()
    assert file.read_bytes() == theirs  # never silently overwritten
    answers.append("Overwrite")
    assert window.files.save()
    assert load_project(file).scene_map()["payday"].title == "Mine"
    file.write_bytes(theirs)
    qtbot.waitUntil(lambda: window.disk_banner.isVisible(), timeout=5000)
    window.disk_banner.button("Reload").click()
    assert window.doc.project.title == "Theirs" and not window.doc.dirty


def test_second_studio_opens_read_only_with_banner(
    qtbot: QtBot, window: Any, savings_copy: Path, answers: Answers
) -> None:
    window.doc.close()  # this window lets go of the project
    holder = hold_lock(savings_copy / "drama.json")
    try:
        answers.append("Open Read-Only")
        assert window.open_project(savings_copy)
        assert any("another studio" in line or str(holder.pid) in line for line in answers.asked)
        assert window.doc.read_only and window.banner.isVisible()
        assert "open in another studio" in window.banner.text and str(holder.pid) in window.banner.text
        assert "(read-only)" in window.windowTitle()
        assert not window.action_map["edit.delete"].isEnabled()
    finally:
        holder.kill()
        close(holder)
    window.banner.button("Reopen").click()
    assert not window.doc.read_only and not window.banner.isVisible()


def crashed_session(project_dir: Path) -> Path:
    """Leave a recovery file as a crashed studio would."""
    doc = Document()
    doc.open(project_dir)
    doc.push(SetField(SceneRef("payday").title, "Recovered title"))
    saver = AutoSaver(doc)
    saver.write_now(wait=True)
    data = json.loads(saver.file.read_text(encoding="utf-8"))
    data["pid"] = dead_pid()
    saver.file.write_text(json.dumps(data), encoding="utf-8")
    doc.close()
    return saver.file


def test_start_offers_recovery_and_opens_it_unsaved(
    qtbot: QtBot, savings_copy: Path, answers: Answers
) -> None:
    from studio.ui.launch import create_window

    original = (savings_copy / "drama.json").read_bytes()
    crashed_session(savings_copy)
    answers.append("Recover")
    win = create_window(str(savings_copy))
    try:
        assert win.doc.dirty and win.isWindowModified()
        assert win.doc.project.scene_map()["payday"].title == "Recovered title"
        assert win.doc.path == (savings_copy / "drama.json").resolve()
        assert (savings_copy / "drama.json").read_bytes() == original
        assert "Recovered unsaved work" in win.banner.text
        assert win.files.save()
        assert load_project(savings_copy).scene_map()["payday"].title == "Recovered title"
        assert autosave.scan() == ([], [])
    finally:
        win.close()
        win.deleteLater()


def test_discarded_recovery_is_not_offered_again(qtbot: QtBot, savings_copy: Path, answers: Answers) -> None:
    from studio.ui.launch import create_window

    crashed_session(savings_copy)
    answers.append("Discard")
    win = create_window(str(savings_copy))
    assert not win.doc.dirty
    win.close()
    win.deleteLater()
    assert autosave.scan() == ([], [])


def test_damaged_recovery_never_stops_the_studio(qtbot: QtBot, savings_copy: Path, answers: Answers) -> None:
    from studio.app.paths import recovery_dir
    from studio.ui.launch import create_window

    (recovery_dir() / f"junk{autosave.SUFFIX}").write_bytes(b"\x00garbage{")
    win = create_window(str(savings_copy))
    try:
        assert win.doc.path is not None and not win.doc.dirty
        assert any("damaged" in line for line in answers.asked)
        assert list((recovery_dir() / "damaged").iterdir())
    finally:
        win.close()
        win.deleteLater()


def test_layout_and_recent_files_persist(qtbot: QtBot, window: Any, savings_copy: Path) -> None:
    assert settings.recent_files()[0] == str(savings_copy.resolve())
    window.docks["timeline"].hide()
    window.close()
    geometry, state = settings.window_state()
    assert geometry is not None and state is not None


def test_crash_leaves_recovery_for_the_next_start(savings_copy: Path, data_dir: Path, tmp_path: Path) -> None:
    """A real studio process is killed with unsaved work; its recovery file is found."""
    script = tmp_path / "crash.py"
    script.write_text(
        "import os, sys\n"
        f"sys.path.insert(0, {str(Path(__file__).resolve().parents[2])!r})\n"
        "os.environ['QT_QPA_PLATFORM'] = 'offscreen'\n"
        "from studio.ui.launch import create_window\n"
        "from studio.model.ops import PROJECT, SceneRef, SetField\n"
        f"w = create_window({str(savings_copy)!r}, recover=False)\n"
        "w.doc.push(SetField(PROJECT.title, 'Crash me'))\n"
        "w.autosaver.write_now(wait=True)\n"
        "os._exit(9)\n",
        encoding="utf-8",
    )
    proc = subprocess.run(
        [sys.executable, str(script)], capture_output=True, text=True, timeout=120, check=False
    )
    assert proc.returncode == 9, proc.stderr
    found, notes = autosave.scan()
    assert notes == [] and [r.project.title for r in found] == ["Crash me"]
    assert dumps(load_project(savings_copy)) == (savings_copy / "drama.json").read_bytes()
