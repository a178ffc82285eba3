"""New makes a real project at once (#15 defect 3): it lives in a managed untitled folder until Save As
moves it, Import works right after New, nothing is lost, and closing asks when it holds something."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from studio.app import autosave, settings
from studio.app.paths import is_untitled, untitled_root
from studio.model import load_project
from studio.model.ops import PROJECT, SetField
from studio.ui import dialogs
from tests.app.test_app_autosave import dead_pid
from tests.support import SAMPLES
from tests.ui.conftest import Answers

pytestmark = pytest.mark.gui
CLIP = SAMPLES / "savings" / "media" / "payday.mp4"


def import_clip(qtbot: QtBot, window: Any, clip: Path = CLIP) -> list[str]:
    importer = window.panels["library"].importer
    with qtbot.waitSignal(importer.finished, timeout=60_000) as blocker:
        assert importer.import_files([clip])
    ids: list[str] = blocker.args[0]
    return ids


def test_import_right_after_new_copies_the_clip_into_the_untitled_folder(
    qtbot: QtBot, blank_window: Any
) -> None:
    window = blank_window
    assert window.showing_start and window.doc.path is None
    assert window.trigger("file.new")
    folder = window.doc.folder
    assert not window.showing_start and window.docks["library"].isVisible()
    assert folder is not None and is_untitled(folder) and (folder / "drama.json").is_file()
    assert window.doc.untitled and not window.doc.read_only
    assert window.windowTitle().startswith("Untitled drama")
    assert window.action_map["media.import"].isEnabled()
    assert import_clip(qtbot, window) == ["payday"]
    assert (folder / "media" / "payday.mp4").is_file()
    assert [m.id for m in window.doc.project.media] == ["payday"] and window.doc.dirty


def test_save_moves_the_untitled_project_into_the_chosen_folder(
    qtbot: QtBot, blank_window: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = blank_window
    window.files.new("blank", "Rainy day")
    import_clip(qtbot, window)
    untitled = window.doc.folder
    asked: list[tuple[str, str]] = []

    def choose(_parent: object, start: str, name: str = "") -> str:
        asked.append((start, name))
        return str(tmp_path / "rainy-day" / "drama.json")  # a drama.json typed there names its folder

    monkeypatch.setattr(dialogs, "save_project_folder", choose)
    assert window.trigger("file.save")  # Save of an untitled project asks where it should live
    assert asked and asked[0][1] == "rainy-day"
    target = (tmp_path / "rainy-day").resolve()
    assert window.doc.folder == target and not window.doc.untitled and not window.doc.dirty
    assert (target / "media" / "payday.mp4").is_file() and load_project(target).title == "Rainy day"
    assert not untitled.exists()
    assert settings.recent_files()[0] == str(target)
    assert window.action_state().has_path


def test_closing_an_untitled_project_with_content_asks_and_discard_removes_it(
    qtbot: QtBot, blank_window: Any, answers: Answers
) -> None:
    window = blank_window
    window.files.new("savings")
    folder = window.doc.folder
    assert window.doc.dirty  # a template's scenes are unsaved work
    answers.append("Cancel")
    window.trigger("file.close")
    assert window.doc.folder == folder and not window.showing_start
    assert "Save new project?" in answers.asked[-1]
    answers.append("Discard")
    assert window.trigger("file.close")
    assert window.showing_start and window.doc.path is None and not folder.exists()
    assert not window.docks["library"].isVisible() and not window.toolbar.isVisible()


def test_an_empty_new_project_goes_away_without_a_question(blank_window: Any, answers: Answers) -> None:
    window = blank_window
    window.files.new()
    first = window.doc.folder
    window.files.new("blank")  # nothing in it: no question, its folder is removed
    assert answers.asked == [] and not first.exists() and window.doc.folder.exists()
    window.doc.push(SetField(PROJECT.title, "Kept"))  # an unsaved edit: asked
    answers.append("Cancel")
    assert not window.files.new()
    assert window.doc.project.title == "Kept"


def test_untitled_work_is_recovered_after_a_crash_and_saved_where_asked(
    qtbot: QtBot, blank_window: Any, answers: Answers, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = blank_window
    window.files.new("blank", "Crashed draft")
    import_clip(qtbot, window)
    folder = window.doc.folder
    window.autosaver.write_now(wait=True)
    recovery = window.autosaver.file
    data = json.loads(recovery.read_text(encoding="utf-8"))
    data["pid"] = dead_pid()  # as if this studio had been killed
    recovery.write_text(json.dumps(data), encoding="utf-8")
    window.doc.close()  # its lock goes with the process; the untitled folder stays
    assert folder.is_dir()
    found, _notes = autosave.scan()
    assert [r.project.title for r in found] == ["Crashed draft"]
    from studio.ui.launch import create_window

    answers.append("Recover")
    again = create_window(None)
    try:
        assert again.doc.untitled and again.doc.dirty and again.doc.folder == folder
        assert [m.id for m in again.doc.project.media] == ["payday"]
        target = tmp_path / "kept"
        monkeypatch.setattr(dialogs, "save_project_folder", lambda *_a: str(target))
        assert again.files.save()
        assert (target / "media" / "payday.mp4").is_file() and not folder.exists()
        assert autosave.scan() == ([], [])
    finally:
        again.close()
        again.deleteLater()


def test_sample_opens_as_a_copy_and_the_sample_is_untouched(blank_window: Any) -> None:
    window = blank_window
    sample = SAMPLES / "shoppable"
    before = (sample / "drama.json").read_bytes()
    cards = window.start_page.sample_cards
    assert [c.title_label.text() for c in cards] == [
        load_project(SAMPLES / "savings").title, load_project(sample).title]
    cards[1].click()
    assert window.doc.untitled and window.doc.project.title == load_project(sample).title
    assert window.doc.folder != sample and (window.doc.folder / "media").is_dir()
    assert window.doc.folder.parent == untitled_root()
    assert (sample / "drama.json").read_bytes() == before


def test_leftover_untitled_folders_empty_ones_go_drafts_are_offered(
    qtbot: QtBot, answers: Answers
) -> None:
    from studio.app.lockfile import ProjectLock
    from studio.model.io import save
    from studio.model.project import Project
    from studio.templates import build
    from studio.ui.launch import create_window

    root = untitled_root()
    empty, draft, held = root / "empty", root / "draft", root / "held"
    save(Project(title="Nothing"), empty / "drama.json")
    save(build("savings", "Left behind"), draft / "drama.json")
    save(Project(title="Open elsewhere"), held / "drama.json")
    lock = ProjectLock(held / "drama.json")
    assert lock.acquire() is None  # a running studio (this one) holds it
    try:
        window = create_window(None, recover=False)
        try:
            assert not empty.exists() and draft.is_dir() and held.is_dir()
            cards = window.start_page.draft_cards
            assert [c.title_label.text() for c in cards] == ["Left behind"]
            cards[0].click()
            assert window.doc.folder == draft.resolve() and window.doc.untitled and window.doc.dirty
            answers.append("Discard")
        finally:
            window.close()
            window.deleteLater()
        assert not draft.exists()  # discarded on purpose: now it goes
    finally:
        lock.release()
