"""File attributes around export and import (issue #13 items 3 and 16, bundle side).

A new bundle follows the umask, a replaced one keeps its mode, a symlinked
output is written through (the link stays a link); imported files and folders
follow the umask; stale leftovers of killed runs are swept, fresh ones and
other names stay.
"""

from __future__ import annotations

import os
import stat
import time
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from studio.bundle.export import export_project
from studio.bundle.importer import import_bundle
from studio.model.leftovers import STALE_AFTER_S


@contextmanager
def umask(mask: int) -> Iterator[None]:
    old = os.umask(mask)
    try:
        yield
    finally:
        os.umask(old)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.parametrize("mask", [0o022, 0o027, 0o002, 0o077])
def test_new_bundle_follows_the_umask(project_dir: Path, tmp_path: Path, mask: int) -> None:
    out = tmp_path / "x.drama.zip"
    with umask(mask):
        export_project(project_dir, out)
    assert _mode(out) == 0o666 & ~mask


@pytest.mark.parametrize("mode", [0o600, 0o640, 0o664, 0o444])
def test_replaced_bundle_keeps_its_mode(project_dir: Path, tmp_path: Path, mode: int) -> None:
    out = tmp_path / "x.drama.zip"
    out.write_bytes(b"old")
    out.chmod(mode)
    with umask(0o022):
        export_project(project_dir, out)
    assert _mode(out) == mode and zipfile.is_zipfile(out)


def test_export_writes_through_a_symlink(project_dir: Path, tmp_path: Path) -> None:
    real_dir = tmp_path / "shared"
    real_dir.mkdir()
    real = real_dir / "real.drama.zip"
    real.write_bytes(b"old")
    real.chmod(0o640)
    link = tmp_path / "x.drama.zip"
    link.symlink_to(real)
    export_project(project_dir, link)
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert zipfile.is_zipfile(real) and _mode(real) == 0o640
    assert sorted(p.name for p in real_dir.iterdir()) == ["real.drama.zip"]  # no temp file left


def test_export_through_a_dangling_symlink_creates_its_target(project_dir: Path, tmp_path: Path) -> None:
    link = tmp_path / "x.drama.zip"
    link.symlink_to("made.drama.zip")
    export_project(project_dir, link)
    assert link.is_symlink() and zipfile.is_zipfile(tmp_path / "made.drama.zip")


@pytest.mark.parametrize("mask", [0o022, 0o027, 0o002])
def test_imported_files_follow_the_umask(good_bundle: Path, tmp_path: Path, mask: int) -> None:
    with umask(mask):
        project = import_bundle(good_bundle, tmp_path / "p")
    files = [p for p in project.rglob("*") if p.is_file()]
    folders = [project, *(p for p in project.rglob("*") if p.is_dir())]
    assert {p.name for p in folders} >= {"p", "media", "posters", "images"}
    assert {_mode(p) for p in files} == {0o666 & ~mask}
    assert {_mode(p) for p in folders} == {0o777 & ~mask}


STALE = [".x.drama.zip.abc_1234.part", ".old.drama.zip.ZZZZZZZZ.part", ".proj.import-q1w2e3r4",
         ".drama.json.abcdefgh.tmp"]  # fmt: skip
KEPT = [".x.drama.zip.part", ".x.drama.zip.abc.part", "notes.part", ".proj.import-short",
        "proj.import-q1w2e3r4", "old.drama.zip", ".hidden", "stuff"]  # fmt: skip


def _leftovers(folder: Path) -> None:
    """Stale and fresh leftovers (files and a staging folder with contents) and look-alikes."""
    old = time.time() - STALE_AFTER_S - 60
    for name in STALE + KEPT:
        path = folder / name
        if "import-" in name or name == "stuff":
            (path / "media").mkdir(parents=True)
            (path / "media" / "clip.mp4").write_bytes(b"x" * 1000)
            for p in (path / "media" / "clip.mp4", path / "media", path):
                os.utime(p, (old, old))
        else:
            path.write_bytes(b"x" * 1000)
            os.utime(path, (old, old))
    for name in (".x.drama.zip.fresh123.part", ".proj.import-fresh123"):
        (folder / name).mkdir() if "import" in name else (folder / name).write_bytes(b"x")


def _assert_swept(folder: Path, made: str) -> None:
    names = {p.name for p in folder.iterdir()}
    assert not names & set(STALE)
    assert names >= {*KEPT, ".x.drama.zip.fresh123.part", ".proj.import-fresh123", made}


def test_export_sweeps_stale_leftovers(project_dir: Path, tmp_path: Path) -> None:
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    _leftovers(out_dir)
    export_project(project_dir, out_dir / "x.drama.zip")
    _assert_swept(out_dir, "x.drama.zip")


def test_import_sweeps_stale_leftovers(good_bundle: Path, tmp_path: Path) -> None:
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    _leftovers(out_dir)
    import_bundle(good_bundle, out_dir / "proj")
    _assert_swept(out_dir, "proj")


def test_a_staging_folder_still_being_written_is_kept(good_bundle: Path, tmp_path: Path) -> None:
    """An old staging folder with a fresh file inside is an import in progress."""
    out_dir = tmp_path / "out"
    staging = out_dir / ".proj.import-busy1234" / "media"
    staging.mkdir(parents=True)
    (staging / "clip.mp4").write_bytes(b"x")
    old = time.time() - STALE_AFTER_S - 60
    os.utime(staging, (old, old))
    os.utime(staging.parent, (old, old))
    import_bundle(good_bundle, out_dir / "other")
    assert (staging / "clip.mp4").is_file()
