"""Autosave writes a separate recovery file; recovery survives crashes and damage."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from studio.app import autosave
from studio.app.autosave import AutoSaver
from studio.app.document import Document
from studio.app.paths import recovery_dir
from studio.model import dumps
from studio.model.ops import PROJECT, SceneRef, SetField

pytestmark = pytest.mark.gui


def dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait(timeout=30)
    return proc.pid


def test_autosave_writes_recovery_not_the_project(
    qtbot: QtBot, document: Document, savings_copy: Path
) -> None:
    document.open(savings_copy)
    original = (savings_copy / "drama.json").read_bytes()
    saver = AutoSaver(document, interval_ms=50)
    assert not saver.pending
    with qtbot.waitSignal(saver.written, timeout=5000):
        document.push(SetField(PROJECT.title, "Unsaved title"))
        assert saver.pending
    assert (savings_copy / "drama.json").read_bytes() == original
    assert saver.file.parent == recovery_dir() and saver.file.is_file()
    data = json.loads(saver.file.read_text(encoding="utf-8"))
    assert data["project"]["title"] == "Unsaved title" and data["pid"] == os.getpid()
    assert autosave.scan() == ([], [])  # our own file, we are running
    document.save()
    assert not saver.file.exists()


def test_default_interval_is_within_a_minute(document: Document) -> None:
    saver = AutoSaver(document)
    assert 0 < saver._timer.interval() <= 60_000


def test_recovery_after_a_crash_opens_as_unsaved(document: Document, savings_copy: Path) -> None:
    document.open(savings_copy)
    document.push(SetField(SceneRef("payday").title, "Recovered edit"))
    saver = AutoSaver(document)
    saver.write_now(wait=True)
    expected = dumps(document.project)
    data = json.loads(saver.file.read_text(encoding="utf-8"))
    data["pid"] = dead_pid()  # as if that studio had crashed
    saver.file.write_text(json.dumps(data), encoding="utf-8")
    found, notes = autosave.scan()
    assert notes == [] and len(found) == 1
    rec = found[0]
    assert rec.project_path == (savings_copy / "drama.json").resolve()
    assert "发薪日" in rec.describe()
    other = Document()
    other.set_project(rec.project, rec.project_path, dirty=True, disk_hash=rec.disk_hash)
    assert other.dirty and dumps(other.project) == expected
    assert other.disk_state() == "same"  # the user's file was never touched
    other_saver = AutoSaver(other)
    other_saver.adopt(rec)
    assert autosave.scan() == ([], [])  # now owned by a running studio
    other_saver.remove()
    autosave.discard(rec)
    other.deleteLater()


@pytest.mark.parametrize(
    "content",
    [b"{not json", b'{"format": "drama-studio-recovery", "project": {"title": 5}}', b"\xff\xfe", b""],
)
def test_damaged_recovery_file_is_moved_aside(content: bytes) -> None:
    folder = recovery_dir()
    bad = folder / f"bad{autosave.SUFFIX}"
    bad.write_bytes(content)
    found, notes = autosave.scan()
    assert found == [] and len(notes) == 1 and "damaged" in notes[0] and "\n" not in notes[0]
    assert not bad.exists() and len(list((folder / "damaged").iterdir())) == 1
    assert autosave.scan() == ([], [])


def test_recovery_of_a_crashed_studio_whose_pid_was_reused_is_offered(
    document: Document, savings_copy: Path
) -> None:
    """The pid now belongs to an unrelated live process: its start time tells them apart."""
    from studio.app.process_ident import start_time

    document.open(savings_copy)
    document.push(SetField(SceneRef("payday").title, "Edit before the crash"))
    saver = AutoSaver(document)
    saver.write_now(wait=True)
    stranger = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        data = json.loads(saver.file.read_text(encoding="utf-8"))
        assert data["started"] == start_time(os.getpid()) and data["boot_id"]
        data["pid"] = stranger.pid  # alive, but started at another time than the writer
        saver.file.write_text(json.dumps(data), encoding="utf-8")
        found, _ = autosave.scan()
        assert [r.project.scene_map()["payday"].title for r in found] == ["Edit before the crash"]
        data["started"] = start_time(stranger.pid)  # the same process that wrote it: still running
        saver.file.write_text(json.dumps(data), encoding="utf-8")
        assert autosave.scan() == ([], [])
        data["boot_id"] = "another-boot"  # written before a reboot: that studio is gone
        saver.file.write_text(json.dumps(data), encoding="utf-8")
        assert len(autosave.scan()[0]) == 1
    finally:
        stranger.kill()
        stranger.wait(timeout=30)
    saver.remove()
