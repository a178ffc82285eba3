"""Importing clips (probe off the UI thread, copy into media/), relinking, thumbnails."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from studio.app.document import Document
from studio.app.media_import import MediaImporter
from studio.app.relink import Relinker
from studio.app.thumbnails import ThumbnailCache
from studio.app.validation import ValidationRunner
from studio.model import dumps
from tests.support import SAMPLES

pytestmark = pytest.mark.gui
CLIP = SAMPLES / "shoppable" / "media" / "morning.mp4"


def test_import_copies_outside_clips_and_lists_rejections(
    qtbot: QtBot, document: Document, savings_copy: Path, tmp_path: Path
) -> None:
    document.open(savings_copy)
    before = dumps(document.project)
    junk = tmp_path / "notes.txt"
    junk.write_text("hello, not a video\n", encoding="utf-8")
    importer = MediaImporter(document)
    progress: list[tuple[int, int, str]] = []
    importer.progress.connect(lambda d, n, label: progress.append((d, n, label)))
    with qtbot.waitSignal(importer.finished, timeout=20000) as blocker:
        assert importer.import_files([CLIP, junk, CLIP])
        assert importer.busy
    assert blocker.args == [["morning", "morning"]]  # same content is imported once
    asset = document.project.media_map()["morning"]
    assert asset.path == "media/morning.mp4" and asset.duration_ms > 0 and asset.width == 360
    assert (savings_copy / "media" / "morning.mp4").read_bytes() == CLIP.read_bytes()
    assert len(importer.rejections) == 1
    assert importer.rejections[0].startswith(str(junk)) and "not a video file" in importer.rejections[0]
    assert progress[-1] == (3, 3, "")
    assert document.undo_stack.count() == 1 and document.undo_stack.undoText() == "Import 2 clips"
    document.undo_stack.undo()
    assert dumps(document.project) == before


def test_import_with_drop_point_creates_scenes_in_one_step(
    qtbot: QtBot, document: Document, savings_copy: Path
) -> None:
    document.open(savings_copy)
    inside = savings_copy / "media" / "payday.mp4"
    importer = MediaImporter(document)
    with qtbot.waitSignal(importer.finished, timeout=20000) as blocker:
        importer.import_files([CLIP, inside], at=(100.0, 200.0))
    assert blocker.args == [["morning", "payday"]]  # payday.mp4 is already the 'payday' clip
    new = [s for s in document.project.scenes if s.media == "morning"]
    assert len(new) == 1 and (new[0].position.x, new[0].position.y) == (100.0, 200.0)
    assert document.undo_stack.count() == 1


def test_untitled_project_asks_to_save_first(document: Document) -> None:
    messages: list[str] = []
    document.message.connect(messages.append)
    assert not MediaImporter(document).import_files([CLIP])
    assert "Save the project first" in messages[0]


def test_relink_finds_a_moved_clip(qtbot: QtBot, document: Document, savings_copy: Path) -> None:
    moved = savings_copy / "old takes" / "payday.mp4"
    moved.parent.mkdir()
    shutil.move(savings_copy / "media" / "payday.mp4", moved)
    document.open(savings_copy)
    relinker = Relinker(document)
    with qtbot.waitSignal(relinker.finished, timeout=20000) as blocker:
        assert relinker.search("payday", [savings_copy])
    assert blocker.args[:2] == ["payday", True]
    assert document.project.media_map()["payday"].path == "old takes/payday.mp4"
    document.undo_stack.undo()
    assert document.project.media_map()["payday"].path == "media/payday.mp4"


def test_relink_reports_not_found(
    qtbot: QtBot, document: Document, savings_copy: Path, tmp_path: Path
) -> None:
    (savings_copy / "media" / "payday.mp4").unlink()
    document.open(savings_copy)
    relinker = Relinker(document)
    empty = tmp_path / "empty"
    empty.mkdir()
    with qtbot.waitSignal(relinker.finished, timeout=20000) as blocker:
        relinker.search("payday", [empty])
    assert blocker.args == ["payday", False, "'payday.mp4' was not found"]


def test_thumbnails_decode_in_background(qtbot: QtBot, document: Document, savings_copy: Path) -> None:
    document.open(savings_copy)
    thumbs = ThumbnailCache(document)
    assert thumbs.image("payday") is None  # queued
    with qtbot.waitSignal(thumbs.ready, timeout=20000) as blocker:
        pass
    assert blocker.args == ["payday"]
    image = thumbs.image("payday")
    assert image is not None and image.height() == 128 and image.width() == 72
    (savings_copy / "media" / "month_end.mp4").unlink()
    with qtbot.waitSignal(thumbs.ready, timeout=20000):
        assert thumbs.image("month_end") is None
    assert thumbs.failed("month_end") and thumbs.image("month_end") is None


def test_validation_reruns_after_edits(qtbot: QtBot, document: Document, savings_copy: Path) -> None:
    from studio.model.ops import SceneRef, SetField

    (savings_copy / "media" / "temptation.mp4").unlink()
    document.open(savings_copy)
    runner = ValidationRunner(document)
    with qtbot.waitSignal(runner.problems_changed, timeout=10000):
        pass
    qtbot.waitUntil(lambda: any(p.code == "media-missing" for p in runner.problems), timeout=10000)
    assert "temptation" in runner.by_scene
    document.push(SetField(SceneRef("payday").out_ms, 2000))  # prompt/choice now outside
    with qtbot.waitSignal(runner.problems_changed, timeout=10000):
        pass
    codes = {p.code for p in runner.by_scene.get("payday", [])}
    assert "choice-outside-trim" in codes
    document.undo_stack.undo()
    with qtbot.waitSignal(runner.problems_changed, timeout=10000):
        pass
    assert "choice-outside-trim" not in {p.code for p in runner.by_scene.get("payday", [])}
