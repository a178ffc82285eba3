"""Document: one undo stack for every edit, clean state, saving, files changed on disk."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from studio.app.document import DiskConflict, Document, ReadOnlyError
from studio.model import Project, dumps, load_project
from studio.model import gestures as edits
from studio.model.errors import ProjectError
from studio.model.ops import PROJECT, ChangeSet, MoveScenes, OpError, SceneRef, SetField
from tests.model.test_ops import random_op
from tests.support import SAMPLES

pytestmark = pytest.mark.gui


def test_open_edit_undo_redo_and_save(document: Document, savings_copy: Path) -> None:
    seen: list[ChangeSet] = []
    document.changed.connect(seen.append)
    document.open(savings_copy)
    assert not document.dirty and document.display_name() == "savings"
    original = dumps(document.project)
    assert document.push(SetField(SceneRef("payday").title, "Pay day!"))
    assert document.dirty and seen[-1].scenes == {"payday"}
    document.undo_stack.undo()
    assert dumps(document.project) == original and not document.dirty
    document.undo_stack.redo()
    assert document.project.scene_map()["payday"].title == "Pay day!"
    file = document.save()
    assert not document.dirty and document.disk_state() == "same"
    assert load_project(file).scene_map()["payday"].title == "Pay day!"
    assert (savings_copy / "drama.json.bak").is_file()


def test_refused_edit_pushes_nothing(document: Document, savings_copy: Path) -> None:
    document.open(savings_copy)
    messages: list[str] = []
    document.message.connect(messages.append)
    assert not document.push(SetField(PROJECT.start, "nowhere"))
    assert document.undo_stack.count() == 0 and "unknown scene 'nowhere'" in messages[0]


def test_nudges_merge_but_drags_do_not(document: Document, savings_copy: Path) -> None:
    document.open(savings_copy)
    start = document.project.scene_map()["payday"].position
    for step in range(1, 4):
        document.push(MoveScenes((("payday", start.x + step, start.y),)), merge=True)
    assert document.undo_stack.count() == 1
    document.push(MoveScenes((("payday", 500.0, 500.0),)))
    assert document.undo_stack.count() == 2
    document.undo_stack.undo()
    document.undo_stack.undo()
    assert document.project.scene_map()["payday"].position == start


def test_batch_is_one_step_and_rolls_back(document: Document, savings_copy: Path) -> None:
    document.open(savings_copy)
    original = dumps(document.project)
    with document.batch("Two edits") as batch:
        batch.add(SetField(PROJECT.title, "A"))
        batch.add(edits.connect("ending_dream", "payday"))
    assert document.undo_stack.count() == 1 and document.undo_stack.undoText() == "Two edits"
    document.undo_stack.undo()
    assert dumps(document.project) == original
    with pytest.raises(OpError), document.batch("Broken") as batch:
        batch.add(SetField(PROJECT.title, "B"))
        batch.add(SetField(PROJECT.start, "nowhere"))
    assert dumps(document.project) == original


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_random_commands_undo_to_the_original(qapp: object, data: st.DataObject) -> None:
    doc = Document()
    doc.set_project(load_project(SAMPLES / "savings"), None)
    original = dumps(doc.project)
    for _ in range(data.draw(st.integers(1, 20), label="length")):
        doc.push(random_op(doc.project, data), merge=data.draw(st.booleans(), label="merge"))
    final = dumps(doc.project)
    Project.model_validate_json(final)
    while doc.undo_stack.canUndo():
        doc.undo_stack.undo()
    assert dumps(doc.project) == original
    while doc.undo_stack.canRedo():
        doc.undo_stack.redo()
    assert dumps(doc.project) == final
    doc.deleteLater()


def test_changed_on_disk_is_never_silently_overwritten(document: Document, savings_copy: Path) -> None:
    document.open(savings_copy)
    file = savings_copy / "drama.json"
    document.push(SetField(PROJECT.title, "Mine"))
    theirs = file.read_bytes().replace("发薪日：一个存钱的故事".encode(), b"Their title")
    file.write_bytes(theirs)
    assert document.disk_state() == "changed"
    with pytest.raises(DiskConflict, match="changed on disk"):
        document.save()
    assert file.read_bytes() == theirs and document.dirty
    document.save(overwrite=True)
    assert load_project(file).title == "Mine" and document.disk_state() == "same"


def test_revert_reads_the_changed_file(document: Document, savings_copy: Path) -> None:
    document.open(savings_copy)
    file = savings_copy / "drama.json"
    file.write_bytes(file.read_bytes().replace("发薪日：一个存钱的故事".encode(), b"Edited elsewhere"))
    document.push(SetField(SceneRef("payday").title, "unsaved"))
    document.revert()
    assert document.project.title == "Edited elsewhere" and not document.dirty
    assert document.undo_stack.count() == 0


def test_save_as_copies_media_and_moves_the_lock(
    document: Document, savings_copy: Path, tmp_path: Path
) -> None:
    document.open(savings_copy)
    assert (savings_copy / "drama.json.lock").is_file()
    target = tmp_path / "elsewhere" / "copy"
    document.save(target)
    assert document.path == (target / "drama.json").resolve()
    assert (target / "media" / "payday.mp4").is_file()
    assert (target / "drama.json.lock").is_file() and not (savings_copy / "drama.json.lock").exists()
    with pytest.raises(DiskConflict, match="already exists"):
        document.save(savings_copy)


def test_new_and_errors(document: Document, tmp_path: Path) -> None:
    document.new()
    assert document.path is None and document.display_name() == "Untitled drama"
    with pytest.raises(ProjectError, match="Save As"):
        document.save()
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "drama.json").write_text("{", encoding="utf-8")
    with pytest.raises(ProjectError, match=r"drama.json: invalid JSON"):
        document.open(bad)


def test_read_only_refuses_edits_and_saving(document: Document, savings_copy: Path) -> None:
    document.open(savings_copy, read_only=True)
    assert document.read_only and not (savings_copy / "drama.json.lock").exists()
    assert not document.push(SetField(PROJECT.title, "x"))
    with pytest.raises(ReadOnlyError):
        document.save()


def test_closing_drops_the_undo_history_and_commands_hold_no_document(document: Document,
                                                                      savings_copy: Path) -> None:
    import gc
    import weakref

    document.open(savings_copy)
    assert document.push(SetField(SceneRef("payday").title, "Renamed"))
    command = document.undo_stack.command(0)
    assert command is not None and not any(v is document for v in vars(command).values())
    document.close()
    assert document.undo_stack.count() == 0
    probe = Document()
    ref = weakref.ref(probe)
    probe.set_project(document.project, None)
    assert probe.push(SetField(SceneRef("payday").title, "Again"))
    del probe
    gc.collect()
    assert ref() is None  # no cycle through its commands keeps a document alive
