"""Project files: byte-stable round trip, atomic save under faults, migrations, schema."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from studio.model import PROJECT_FILE, ProjectError, dumps, load, save
from studio.model.io import project_from_raw
from studio.model.migrations import STEPS, migrate
from studio.model.project import SCHEMA_VERSION
from studio.model.schema import SCHEMA_PATH, schema_text
from tests.model.factories import raw_project
from tests.support import ROOT, SAMPLES


def _project_dir(tmp_path: Path) -> Path:
    project, _ = project_from_raw(raw_project())
    folder = tmp_path / "drama"
    save(project, folder)
    return folder


def test_save_then_load_then_save_is_byte_identical(tmp_path: Path) -> None:
    folder = _project_dir(tmp_path)
    first = (folder / PROJECT_FILE).read_bytes()
    save(load(folder).project, folder)
    assert (folder / PROJECT_FILE).read_bytes() == first


@pytest.mark.parametrize("name", ["savings", "shoppable"])
def test_sample_projects_round_trip_byte_stable(name: str, tmp_path: Path) -> None:
    original = (SAMPLES / name / PROJECT_FILE).read_bytes()
    assert dumps(load(SAMPLES / name).project) == original


def test_previous_version_kept_as_backup(tmp_path: Path) -> None:
    folder = _project_dir(tmp_path)
    before = (folder / PROJECT_FILE).read_bytes()
    project = load(folder).project
    project.title = "Renamed"
    save(project, folder)
    assert (folder / (PROJECT_FILE + ".bak")).read_bytes() == before
    assert load(folder).project.title == "Renamed"


def test_exception_mid_write_leaves_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = _project_dir(tmp_path)
    before = (folder / PROJECT_FILE).read_bytes()
    project = load(folder).project
    project.title = "Never written"

    def boom(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", boom)
    with pytest.raises(ProjectError, match=r"not saved \(No space left on device\)"):
        save(project, folder)
    monkeypatch.undo()
    assert (folder / PROJECT_FILE).read_bytes() == before
    assert sorted(p.name for p in folder.iterdir()) == [PROJECT_FILE]  # no temp file left


def test_read_only_folder_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A folder that refuses new files (as a read-only folder does) loses nothing."""
    import tempfile

    folder = _project_dir(tmp_path)
    before = (folder / PROJECT_FILE).read_bytes()

    def refuse(*args: object, **kwargs: object) -> tuple[int, str]:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    with pytest.raises(ProjectError, match=r"not saved \(Permission denied\); the previous"):
        save(load(folder).project, folder)
    monkeypatch.undo()
    assert (folder / PROJECT_FILE).read_bytes() == before


def test_unwritable_target_refused(tmp_path: Path) -> None:
    """A save whose destination cannot be created says why in one line."""
    project, _ = project_from_raw(raw_project())
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(ProjectError) as info:
        save(project, blocker / "sub")
    assert "\n" not in str(info.value)
    assert blocker.read_text() == "not a folder"


def test_invalid_edit_is_not_saved(tmp_path: Path) -> None:
    folder = _project_dir(tmp_path)
    before = (folder / PROJECT_FILE).read_bytes()
    project = load(folder).project
    choice = project.scenes[0].choice
    assert choice is not None
    choice.options[0].target = "deleted-scene"  # a valid id, but a dangling reference
    with pytest.raises(ProjectError, match="not saved: scene 'intro' > choice > option 'save'"):
        save(project, folder)
    assert (folder / PROJECT_FILE).read_bytes() == before


_KILL_CHILD = textwrap.dedent(
    """
    import sys
    sys.path.insert(0, {root!r})
    from studio.model import load, save
    folder = sys.argv[1]
    project = load(folder).project
    project.title = "x" * 190
    project.scenes[0].title = "changed"
    print("ready", flush=True)
    save(project, folder)
    print("saved", flush=True)
    while True:
        save(project, folder)
    """
)


def test_sigkill_during_save_never_leaves_partial_file(tmp_path: Path) -> None:
    """Kill a process that saves in a loop at random moments, 60 times."""
    folder = _project_dir(tmp_path)
    # Make the file big enough that writes take a while.
    project = load(folder).project
    project.media[0].video_codec = "h264"
    for i in range(300):
        copy = project.scenes[1].model_copy(deep=True)
        copy.id = f"filler{i}"
        project.scenes.append(copy)
    save(project, folder)
    old = (folder / PROJECT_FILE).read_bytes()
    script = tmp_path / "child.py"
    script.write_text(_KILL_CHILD.format(root=str(ROOT)))
    seen_new = 0
    for round_ in range(60):
        child = subprocess.Popen(
            [sys.executable, str(script), str(folder)], stdout=subprocess.PIPE, text=True
        )
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "ready"
        # Let it save a variable number of times before the kill; every seventh round waits
        # for a completed save first, so a slow (loaded) machine still sees new files.
        if round_ % 7 == 6:
            assert child.stdout.readline().strip() == "saved"
        with contextlib.suppress(subprocess.TimeoutExpired):
            child.wait(timeout=0.002 + (round_ % 7) * 0.003)
        child.send_signal(signal.SIGKILL)
        child.wait()
        child.stdout.close()
        data = (folder / PROJECT_FILE).read_bytes()
        parsed = json.loads(data)  # never partial
        assert data == old or parsed["scenes"][0]["title"] == "changed"
        seen_new += data != old
        load(folder)  # and always loadable
    assert seen_new > 0, "the child never completed a save; the test proved nothing"


def test_migration_chain_covers_every_version() -> None:
    assert sorted(STEPS) == list(range(SCHEMA_VERSION))


def test_v0_file_migrates(tmp_path: Path) -> None:
    fixture = json.loads((ROOT / "tests" / "model" / "fixtures" / "v0.json").read_text())
    data, original = migrate(fixture)
    assert original == 0
    assert data["schema_version"] == SCHEMA_VERSION
    assert data["start"] == "intro" and "start_scene" not in data
    project, _ = project_from_raw(fixture)
    assert project.start == "intro"
    assert project.scenes[1].ending is True
    deposit = project.scenes[0].choice.options[0].deposit if project.scenes[0].choice else None
    assert deposit is not None and deposit.amount == 2000
    # Loading a migrated file reports where it came from; saving writes the new schema.
    folder = tmp_path / "old"
    folder.mkdir()
    (folder / PROJECT_FILE).write_text(json.dumps(fixture))
    loaded = load(folder)
    assert loaded.migrated_from == 0
    save(loaded.project, folder)
    assert json.loads((folder / PROJECT_FILE).read_text())["schema_version"] == SCHEMA_VERSION


def test_bad_schema_version_refused() -> None:
    raw = raw_project()
    raw["schema_version"] = "one"
    with pytest.raises(ProjectError, match="schema_version 'one'"):
        project_from_raw(raw)


def test_missing_file_one_line(tmp_path: Path) -> None:
    with pytest.raises(ProjectError, match="no such project file"):
        load(tmp_path / "nothing")


def test_committed_schema_is_current() -> None:
    assert SCHEMA_PATH.read_text(encoding="utf-8") == schema_text(), (
        "resources/schema/project.schema.json is stale: run python -m studio.model.schema"
    )


def test_save_refuses_a_project_too_big_to_open_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What save writes, load must accept: past the read limit nothing is written."""
    import studio.model.io as io_mod

    folder = tmp_path / "p"
    shutil.copytree(SAMPLES / "savings", folder)
    before = (folder / "drama.json").read_bytes()
    project = io_mod.load_project(folder)
    monkeypatch.setattr(io_mod, "MAX_PROJECT_BYTES", len(before) - 1)
    with pytest.raises(ProjectError) as exc:
        io_mod.save(project, folder)
    message = str(exc.value)
    assert "not saved: the project would take" in message and "the previous file is unchanged" in message
    assert (folder / "drama.json").read_bytes() == before and not (folder / "drama.json.bak").exists()
