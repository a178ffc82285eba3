"""Fuzz of the file itself (issue #13 items 10, 12): ``drama.json`` or the bundle is not a plain file.

A named pipe, a folder, ``/dev/zero``, ``/dev/null``, a sparse 8 GiB file,
a dangling symlink, a symlink loop and an empty file, given to every command
that reads them. Each is refused with exit 2 and one line, within the per-case
bound. Endless and huge files run only as real processes (with a 1 GiB memory
limit), so a reader that forgot its bound fails alone instead of taking the
test run's memory; the others run in process under the watchdog.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.fuzz.cli_run import Outcome, check, run, run_process, snapshot
from tests.fuzz.seeds import Pool, write_project
from tests.support import SAMPLES

GIB = 1024**3


def _sparse(path: Path) -> None:
    with path.open("wb") as fh:
        fh.truncate(8 * GIB)


MAKERS: dict[str, Callable[[Path], None]] = {
    "fifo": os.mkfifo,
    "folder": Path.mkdir,
    "dev_zero": lambda p: p.symlink_to("/dev/zero"),
    "dev_null": lambda p: p.symlink_to("/dev/null"),
    "sparse_8gib": _sparse,
    "dangling_link": lambda p: p.symlink_to(p.parent / "missing.json"),
    "link_loop": lambda p: p.symlink_to(p),
    "empty": lambda p: p.write_bytes(b""),
}
OUT_OF_PROCESS = {"dev_zero", "sparse_8gib"}
READERS = [["validate"], ["info"], ["stats"], ["play"], ["export", "-o", "{work}/out.drama.zip"]]


def _runner(kind: str) -> Callable[[list[str]], Outcome]:
    return run_process if kind in OUT_OF_PROCESS else run


@pytest.fixture
def project_with(tmp_path: Path, pool: Pool) -> Callable[[str], Path]:
    def make(kind: str) -> Path:
        folder = write_project(tmp_path / kind, pool, "factory", b"{}")
        (folder / "drama.json").unlink()
        MAKERS[kind](folder / "drama.json")
        return folder

    return make


@pytest.mark.parametrize("kind", sorted(MAKERS))
def test_project_file_that_is_not_a_plain_file(
    kind: str, project_with: Callable[[str], Path], tmp_path: Path
) -> None:
    folder = project_with(kind)
    before = snapshot(tmp_path)
    slow = kind in OUT_OF_PROCESS  # about a second per real process: fewer cases
    for command in READERS[:2] + READERS[-1:] if slow else READERS:
        for target in (folder,) if slow else (folder, folder / "drama.json"):
            argv = [command[0], str(target), *(a.format(work=tmp_path) for a in command[1:])]
            check(_runner(kind)(argv), (2,))
    assert snapshot(tmp_path) == before, "a refused command wrote something"


@pytest.mark.parametrize("kind", sorted(MAKERS))
def test_bundle_that_is_not_a_plain_file(kind: str, tmp_path: Path) -> None:
    bundle = tmp_path / "in.drama.zip"
    MAKERS[kind](bundle)
    before = snapshot(tmp_path)
    check(_runner(kind)(["import", str(bundle), "-o", str(tmp_path / "imported")]), (2,))
    assert snapshot(tmp_path) == before, "a refused import wrote something"


def test_the_seed_project_is_accepted(tmp_path: Path) -> None:
    """The same commands on the plain sample succeed: the refusals above come from the file kind."""
    shutil.copytree(SAMPLES / "savings", tmp_path / "savings")
    for command in READERS:
        argv = [command[0], str(tmp_path / "savings"), *(a.format(work=tmp_path) for a in command[1:])]
        check(run(argv), (0,))
