"""A project locked by another studio: who holds it, Open Read-Only / Open Anyway / Cancel,
and Take Over Editing later for a project already open read-only."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from studio.app import autosave
from studio.app.lockfile import current_owner, lock_path, read_lock, this_host
from studio.model import load_project
from studio.model.ops import PROJECT, SetField
from tests.app.test_app_lockfile import close, hold_lock, release_holder
from tests.ui.conftest import Answers
from tests.ui.test_ui_window import crashed_session

pytestmark = pytest.mark.gui


@pytest.fixture
def other(savings_copy: Path) -> Path:
    """A second project folder, not open in the window."""
    target = savings_copy.parent / "other"
    shutil.copytree(savings_copy, target, ignore=shutil.ignore_patterns("*.lock"))
    return target


@pytest.fixture
def holder(other: Path) -> Any:
    """Another studio (a real second process) holding the lock of ``other``."""
    proc = hold_lock(other / "drama.json")
    yield proc
    if proc.poll() is None:
        release_holder(proc)


def ours(folder: Path) -> bool:
    owner = read_lock(lock_path((folder / "drama.json").resolve()))
    return owner is not None and owner.same_process(current_owner())


def test_locked_project_says_who_and_cancel_keeps_the_open_one(
    window: Any, answers: Answers, other: Path, holder: subprocess.Popen[str], savings_copy: Path
) -> None:
    answers.append("Cancel")
    assert not window.files.open(other)
    question = answers.asked[-1]
    assert question.startswith("Project in use: 'other' is open in another studio: ")
    assert f"process {holder.pid} on {this_host()} since " in question
    assert "overwrites the other's changes" in question and "Open Anyway" in question
    assert window.doc.path == (savings_copy / "drama.json").resolve() and not window.doc.read_only
    assert ours(savings_copy)


def test_open_read_only_then_take_over_editing(
    window: Any, answers: Answers, other: Path, holder: subprocess.Popen[str]
) -> None:
    answers.append("Open Read-Only")
    assert window.files.open(other)
    assert window.doc.read_only and window.doc.lock_owner.pid == holder.pid
    assert window.banner.isVisible() and str(holder.pid) in window.banner.text
    answers.append("Cancel")
    assert not window.files.take_over()
    assert window.doc.read_only and not ours(other)
    answers.append("Take Over Editing")
    window.banner.button("Take Over Editing…").click()  # the way out shown on screen
    assert "Take over editing: 'other' is open in another studio" in answers.asked[-1]
    assert not window.doc.read_only and window.doc.lock_owner is None and ours(other)
    assert window.action_map["edit.delete"].isEnabled()
    release_holder(holder)  # the other studio closes: our lock stays
    assert ours(other)


def test_open_anyway_edits_and_saves(
    window: Any, answers: Answers, other: Path, holder: subprocess.Popen[str]
) -> None:
    answers.append("Open Anyway")
    assert window.files.open(other)
    assert not window.doc.read_only and ours(other)
    window.doc.push(SetField(PROJECT.title, "Taken over"))
    assert window.files.save()
    assert load_project(other).title == "Taken over"
    release_holder(holder)
    assert ours(other)
    window.doc.close()
    assert not lock_path(other / "drama.json").exists()


def test_reopen_after_the_holder_died_asks_nothing(
    window: Any, answers: Answers, other: Path, holder: subprocess.Popen[str]
) -> None:
    answers.append("Open Read-Only")
    assert window.files.open(other) and window.doc.read_only
    holder.kill()
    close(holder)
    assert window.files.take_over()  # the stale lock is reclaimed: no question
    assert not window.doc.read_only and ours(other) and answers.queue == []


def test_open_anyway_that_cannot_write_the_lock_keeps_the_open_project(
    window: Any, answers: Answers, other: Path, savings_copy: Path
) -> None:
    folder = lock_path(other / "drama.json")
    folder.mkdir()  # not a lock file: unreadable, and never replaced
    answers.append("Open Anyway")
    assert not window.files.open(other)
    assert answers.asked[-1].startswith("Cannot take over the project: ")
    assert "'other' is locked by an unknown studio (unreadable lock file from " in answers.asked[-2]
    assert window.doc.path == (savings_copy / "drama.json").resolve() and folder.is_dir()


def test_recovered_work_of_a_locked_project_is_kept(
    window: Any, answers: Answers, other: Path, holder: subprocess.Popen[str]
) -> None:
    """Recovered while another studio holds the project: read-only but never silently dropped."""
    release_holder(holder)
    crashed_session(other)
    recoveries, _ = autosave.scan()
    proc = hold_lock(other / "drama.json")
    try:
        window.files.recover(recoveries[0])
        assert window.doc.read_only and window.doc.dirty
        answers.append("Cancel")
        assert not window.files.maybe_save()  # asked, not dropped
        assert "is open read-only. Save your changes as a copy elsewhere?" in answers.asked[-1]
        answers.append("Take Over Editing")
        assert window.files.take_over()
        assert not window.doc.read_only and window.doc.dirty and ours(other)
        assert window.doc.project.scene_map()["payday"].title == "Recovered title"
        assert window.files.save()
        assert load_project(other).scene_map()["payday"].title == "Recovered title"
    finally:
        release_holder(proc)
    assert ours(other)  # the other studio's release left our lock alone


def test_a_project_locked_elsewhere_says_why_its_controls_are_off_and_what_save_does(
    qtbot: Any, window: Any, answers: Answers, other: Path, holder: subprocess.Popen[str]
) -> None:
    """#15 defect 10 for a locked (not review) project: the reason names the other studio."""
    from PySide6.QtWidgets import QAbstractButton

    answers.append("Open Read-Only")
    assert window.files.open(other)
    delete = window.action_map["edit.delete"]
    assert not delete.isEnabled()
    assert delete.toolTip().startswith("Read-only: this project is open in another studio")
    assert str(holder.pid) in delete.toolTip()
    window.selection.set(["payday"])
    prompt = window.panels["timeline"].findChild(QAbstractButton, "timeline_prompt")
    qtbot.waitUntil(lambda: not prompt.isEnabled(), timeout=2000)
    assert prompt.toolTip().startswith("Read-only: this project is open in another studio")
    answers.append("OK")
    assert not window.save()
    assert "is open in another studio" in answers.asked[-1] and "Save As" in answers.asked[-1]
