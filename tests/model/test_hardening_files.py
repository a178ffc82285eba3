"""The project's files on disk (issue #13 items 3, 4, 10, 12 and 16, project-file side).

* Reading: ``drama.json`` or ``drama.review.json`` that is a FIFO without a
  writer, a link to ``/dev/zero``, to a folder or to a file that lies about its
  size, or a sparse file past the size limit: one line, exit 2, within the
  watchdog's bound, and nothing read (allocations measured) when the size alone
  refuses it.
* Modes: a save keeps the file's permission bits and the ``.bak`` gets the same
  (a private project never leaves a readable copy); a new file follows the
  umask. The same for the review file.
* Symlinks: a linked ``drama.json`` (relative, absolute, from another folder,
  a chain) is saved through to its target atomically, the link stays a link;
  a dangling link creates its target; a loop is refused in one line.
* Leftovers: stale temp files of killed saves (our exact name pattern, older
  than six hours, ours) are swept at the next save in that folder; fresh ones,
  look-alike names, folders, FIFOs, symlinks and other users' files stay.
"""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import textwrap
import time
import tracemalloc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from studio.model import ProjectError, load, save
from studio.model.io import MAX_PROJECT_BYTES
from studio.model.leftovers import STALE_AFTER_S
from studio.model.review import MAX_REVIEW_BYTES, REVIEW_FILE, Review, load_review, project_hash, save_review
from studio.model.safe_read import ReadRefused, read_regular
from tests.fuzz.cli_run import check, run, watchdog
from tests.model.hardening import (
    SAMPLE_ENTRIES,
    SAMPLE_TEXT,
    argv,
    assert_clean_line,
    project_copy,
    refused_as_process,
    refused_everywhere,
)
from tests.support import ROOT

MIB = 1024 * 1024
LIMIT_MIB = MAX_PROJECT_BYTES >> 20


@contextmanager
def umask(mask: int) -> Iterator[None]:
    old = os.umask(mask)
    try:
        yield
    finally:
        os.umask(old)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _sparse(size: int) -> Callable[[Path], None]:
    def make(path: Path) -> None:
        with path.open("wb") as fh:
            fh.truncate(size)

    return make


def _dir_link(path: Path) -> None:
    (path.parent / "a-folder").mkdir()
    path.symlink_to("a-folder")


def _fifo_elsewhere(path: Path) -> None:
    os.mkfifo(path.parent / "pipe")
    path.symlink_to(path.parent / "pipe")


# -- reading ----------------------------------------------------------------------------------

KINDS: dict[str, tuple[Callable[[Path], None], str]] = {
    # a kind of non-plain drama.json: (make it, what the one line says)
    "fifo": (os.mkfifo, "named pipe (FIFO), not a regular file"),
    "link to a fifo": (_fifo_elsewhere, "named pipe (FIFO), not a regular file"),
    "link to /dev/zero": (lambda p: p.symlink_to("/dev/zero"), "is a device, not a regular file"),
    "link to a folder": (_dir_link, "is a folder, not a regular file"),
    "sparse limit + 1": (_sparse(MAX_PROJECT_BYTES + 1), f"is larger than {LIMIT_MIB} MiB"),
    "sparse limit + 1 MiB": (_sparse(MAX_PROJECT_BYTES + MIB), f"is larger than {LIMIT_MIB} MiB"),
    "link to a file lying about its size": (lambda p: p.symlink_to("/proc/self/status"), "invalid JSON"),
}


def _project_with(tmp_path: Path, kind: str) -> Path:
    folder = project_copy(tmp_path, SAMPLE_TEXT)
    (folder / "drama.json").unlink()
    KINDS[kind][0](folder / "drama.json")
    return folder


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_a_project_file_that_is_not_plain_is_refused_by_every_command(kind: str, tmp_path: Path) -> None:
    folder = _project_with(tmp_path, kind)
    with watchdog(10.0), pytest.raises(ProjectError) as exc:
        load(folder)
    assert KINDS[kind][1] in str(exc.value) and "\n" not in str(exc.value)
    refused_everywhere(folder, tmp_path, (str(folder / "drama.json"), KINDS[kind][1]))


@pytest.mark.parametrize(("kind", "command"), [("link to a fifo", "play"), ("link to a folder", "stats"),
                                               ("sparse limit + 1 MiB", "export")])
def test_a_project_file_that_is_not_plain_as_a_real_process(kind: str, command: str, tmp_path: Path) -> None:
    folder = _project_with(tmp_path, kind)
    refused_as_process(folder, tmp_path, command, (KINDS[kind][1],))


@pytest.mark.parametrize("size", [MAX_PROJECT_BYTES + 1, 8 * 1024 * MIB])
def test_an_oversize_project_is_refused_before_a_byte_is_read(size: int, tmp_path: Path) -> None:
    folder = _project_with(tmp_path, "sparse limit + 1 MiB")
    os.truncate(folder / "drama.json", size)
    tracemalloc.start()
    try:
        with pytest.raises(ProjectError, match=f"larger than {LIMIT_MIB} MiB"):
            load(folder)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < MIB, f"refusing a {size}-byte file allocated {peak} bytes"


def test_read_regular_bounds_a_file_whose_size_lies(tmp_path: Path) -> None:
    """``/proc`` files say size 0 and hold more: the bounded read (max + 1 bytes) still refuses."""
    status = Path("/proc/self/status")
    if not status.is_file() or status.stat().st_size != 0:
        pytest.skip("needs Linux /proc (a regular file reporting size 0)")
    with pytest.raises(ReadRefused, match="larger than 100 bytes"):
        read_regular(status, 100)
    assert read_regular(status, MIB).startswith(b"Name:")


def test_read_regular_at_the_limit(tmp_path: Path) -> None:
    file = tmp_path / "x.json"
    file.write_bytes(b"7" * 1000)
    assert read_regular(file, 1000) == b"7" * 1000
    with pytest.raises(ReadRefused, match="larger than 999 bytes"):
        read_regular(file, 999)


def test_read_regular_refuses_a_socket(tmp_path: Path) -> None:
    import socket

    path = tmp_path / "drama.json"
    with socket.socket(socket.AF_UNIX) as server:
        server.bind(str(path))
        with watchdog(10.0), pytest.raises(ProjectError, match="is a socket, not a regular file"):
            load(tmp_path)


REVIEW_KINDS = {k: v for k, v in KINDS.items() if "lying" not in k and "sparse" not in k} | {
    "sparse limit + 1": (_sparse(MAX_REVIEW_BYTES + 1), f"is larger than {MAX_REVIEW_BYTES >> 20} MiB"),
    "sparse limit + 1 MiB": (_sparse(MAX_REVIEW_BYTES + MIB), f"is larger than {MAX_REVIEW_BYTES >> 20} MiB"),
}


@pytest.mark.parametrize("kind", sorted(REVIEW_KINDS))
def test_a_review_file_that_is_not_plain_is_refused_in_one_line(kind: str, tmp_path: Path) -> None:
    folder = project_copy(tmp_path, SAMPLE_TEXT)
    REVIEW_KINDS[kind][0](folder / REVIEW_FILE)
    with watchdog(10.0), pytest.raises(ProjectError) as exc:
        load_review(folder)
    message = str(exc.value)
    assert "\n" not in message and message.startswith(str(folder / REVIEW_FILE))
    assert REVIEW_KINDS[kind][1] in message


_REVIEW_CHILD = textwrap.dedent(
    """
    import sys
    sys.path.insert(0, {root!r})
    from studio.model import ProjectError
    from studio.model.review import load_review, project_hash
    try:
        load_review(sys.argv[1])
    except ProjectError as exc:
        print(exc)
    try:
        project_hash(sys.argv[2])
    except OSError as exc:
        print("hash:", exc)
    """
)


def test_fifos_never_block_the_review_as_a_real_process(tmp_path: Path) -> None:
    """A FIFO as the review file and as drama.json (hashed for approvals), in a process with a
    deadline: a blocking open or read fails the test instead of hanging it."""
    folder = project_copy(tmp_path, SAMPLE_TEXT, "review")
    os.mkfifo(folder / REVIEW_FILE)
    piped = tmp_path / "piped"
    piped.mkdir()
    os.mkfifo(piped / "drama.json")
    script = tmp_path / "child.py"
    script.write_text(_REVIEW_CHILD.format(root=str(ROOT)))
    done = subprocess.run([sys.executable, str(script), str(folder), str(piped)], capture_output=True,
                          text=True, timeout=30, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    lines = done.stdout.splitlines()
    assert len(lines) == 2, done.stdout
    assert "named pipe (FIFO)" in lines[0] and lines[1].startswith("hash: ") and "FIFO" in lines[1]


def test_project_hash_refuses_an_oversize_file(tmp_path: Path) -> None:
    with (tmp_path / "drama.json").open("wb") as fh:
        fh.truncate(MAX_PROJECT_BYTES + 1)
    with pytest.raises(OSError, match=f"larger than {LIMIT_MIB} MiB"):
        project_hash(tmp_path)


def test_play_inputs_that_are_not_plain_are_refused(tmp_path: Path) -> None:
    folder = project_copy(tmp_path, SAMPLE_TEXT)
    inputs = tmp_path / "inputs.json"
    os.mkfifo(inputs)
    o = check(run(["play", str(folder), "--inputs", str(inputs)], seconds=1.0), (2,))
    assert "not a regular file" in o.stderr


# -- modes ------------------------------------------------------------------------------------


def _saved_project(tmp_path: Path) -> Path:
    folder = project_copy(tmp_path, SAMPLE_TEXT)
    save(load(folder).project, folder, keep_backup=False)
    return folder


def _edit_and_save(folder: Path, title: str = "Edited") -> None:
    project = load(folder).project
    project.title = title
    save(project, folder)


@pytest.mark.parametrize("mode", [0o644, 0o664, 0o600, 0o640, 0o444])
def test_a_save_keeps_the_mode_and_the_backup_gets_it_too(mode: int, tmp_path: Path) -> None:
    folder = _saved_project(tmp_path)
    (folder / "drama.json").chmod(mode)
    with umask(0o022):
        _edit_and_save(folder)
        assert (_mode(folder / "drama.json"), _mode(folder / "drama.json.bak")) == (mode, mode)
        _edit_and_save(folder, "Again")  # the .bak exists now (0o644 or not): it follows the file
        assert (_mode(folder / "drama.json"), _mode(folder / "drama.json.bak")) == (mode, mode)
    assert json.loads((folder / "drama.json.bak").read_text())["title"] == "Edited"


def test_an_existing_backup_with_a_wider_mode_is_narrowed(tmp_path: Path) -> None:
    folder = _saved_project(tmp_path)
    (folder / "drama.json").chmod(0o600)
    (folder / "drama.json.bak").write_text("{}")
    (folder / "drama.json.bak").chmod(0o666)
    _edit_and_save(folder)
    assert _mode(folder / "drama.json.bak") == 0o600


@pytest.mark.parametrize("mask", [0o022, 0o027, 0o077, 0o002])
def test_a_new_project_file_follows_the_umask(mask: int, tmp_path: Path) -> None:
    folder = project_copy(tmp_path, SAMPLE_TEXT)
    project = load(folder).project
    with umask(mask):
        file = save(project, tmp_path / "new")
    assert _mode(file) == 0o666 & ~mask
    assert not (tmp_path / "new" / "drama.json.bak").exists()


@pytest.mark.parametrize("mode", [0o644, 0o664, 0o600])
def test_a_review_save_keeps_the_mode(mode: int, tmp_path: Path) -> None:
    folder = _saved_project(tmp_path)
    save_review(folder, Review())
    (folder / REVIEW_FILE).chmod(mode)
    review = Review()
    review.mark_scene("payday")
    with umask(0o022):
        save_review(folder, review)
    assert _mode(folder / REVIEW_FILE) == mode
    assert load_review(folder).watched_scenes == ["payday"]


@pytest.mark.parametrize("mask", [0o022, 0o077])
def test_a_new_review_file_follows_the_umask(mask: int, tmp_path: Path) -> None:
    folder = _saved_project(tmp_path)
    with umask(mask):
        save_review(folder, Review())
    assert _mode(folder / REVIEW_FILE) == 0o666 & ~mask


# -- symlinks ---------------------------------------------------------------------------------

LINKS: dict[str, Callable[[Path, Path], str]] = {
    # how drama.json in the project folder points at the real file: returns the link text
    "relative": lambda link, real: os.path.relpath(real, link.parent),
    "absolute": lambda link, real: str(real),
}


def _linked_project(tmp_path: Path, how: str, chain: bool = False) -> tuple[Path, Path, str]:
    shared = tmp_path / "shared"
    shared.mkdir()
    real = shared / "real.json"
    source = _saved_project(tmp_path)
    (source / "drama.json").rename(real)
    real.chmod(0o640)
    link = source / "drama.json"
    if chain:
        middle = tmp_path / "middle.json"
        middle.symlink_to(LINKS[how](middle, real))
        text = LINKS[how](link, middle)
    else:
        text = LINKS[how](link, real)
    link.symlink_to(text)
    return source, real, text


@pytest.mark.parametrize("chain", [False, True], ids=["link", "chain"])
@pytest.mark.parametrize("how", sorted(LINKS))
def test_a_symlinked_project_file_is_saved_through_to_its_target(
    how: str, chain: bool, tmp_path: Path
) -> None:
    folder, real, text = _linked_project(tmp_path, how, chain)
    before = real.read_bytes()
    _edit_and_save(folder)
    link = folder / "drama.json"
    assert link.is_symlink() and os.readlink(link) == text
    assert json.loads(real.read_text())["title"] == "Edited" and _mode(real) == 0o640
    assert (real.parent / "real.json.bak").read_bytes() == before
    assert _mode(real.parent / "real.json.bak") == 0o640
    assert sorted(p.name for p in real.parent.iterdir()) == ["real.json", "real.json.bak"]
    assert sorted(p.name for p in folder.iterdir()) == SAMPLE_ENTRIES
    assert load(folder).project.title == "Edited"
    check(run(["validate", str(folder)]), (0, 1))


def test_a_dangling_link_creates_its_target(tmp_path: Path) -> None:
    folder = project_copy(tmp_path, SAMPLE_TEXT)
    project = load(folder).project
    (folder / "drama.json").unlink()
    (folder / "drama.json").symlink_to("made.json")
    with umask(0o027):
        save(project, folder)
    assert (folder / "drama.json").is_symlink() and os.readlink(folder / "drama.json") == "made.json"
    assert _mode(folder / "made.json") == 0o640
    assert load(folder).project == project


def test_a_dangling_link_into_a_missing_folder_is_one_line(tmp_path: Path) -> None:
    folder = project_copy(tmp_path, SAMPLE_TEXT)
    project = load(folder).project
    (folder / "drama.json").unlink()
    (folder / "drama.json").symlink_to(tmp_path / "gone" / "real.json")
    with pytest.raises(ProjectError) as exc:
        save(project, folder)
    message = str(exc.value)
    assert "\n" not in message and "(link to " in message and "gone" in message
    assert "No such file or directory" in message and "previous file is unchanged" in message
    assert (folder / "drama.json").is_symlink()


@pytest.mark.parametrize("loop", ["self", "pair"])
def test_a_symlink_loop_is_refused_and_stays_a_link(loop: str, tmp_path: Path) -> None:
    folder = project_copy(tmp_path, SAMPLE_TEXT)
    project = load(folder).project
    link = folder / "drama.json"
    link.unlink()
    if loop == "self":
        link.symlink_to("drama.json")
    else:
        link.symlink_to("other.json")
        (folder / "other.json").symlink_to("drama.json")
    with pytest.raises(ProjectError) as exc:
        save(project, folder)
    message = str(exc.value)
    assert "\n" not in message and "Too many levels of symbolic links" in message
    assert link.is_symlink() and sorted(p.name for p in folder.iterdir()) == sorted(
        SAMPLE_ENTRIES + (["other.json"] if loop == "pair" else [])
    )
    refused_everywhere(folder, tmp_path, ("drama.json",), commands=("validate", "play"))


def test_a_symlinked_review_file_is_written_through(tmp_path: Path) -> None:
    folder = _saved_project(tmp_path)
    elsewhere = tmp_path / "reviews"
    elsewhere.mkdir()
    real = elsewhere / "mine.review.json"
    save_review(folder, Review())
    (folder / REVIEW_FILE).rename(real)
    real.chmod(0o600)
    (folder / REVIEW_FILE).symlink_to(real)
    review = Review()
    review.mark_scene("payday")
    save_review(folder, review)
    assert (folder / REVIEW_FILE).is_symlink() and _mode(real) == 0o600
    assert load_review(folder).watched_scenes == ["payday"]
    assert [p.name for p in elsewhere.iterdir()] == ["mine.review.json"]


# -- leftovers --------------------------------------------------------------------------------

OURS = [".drama.json.abcdefgh.tmp", ".drama.json.q1w2e3r4.tmp", ".drama.json.bak.zz_99_zz.tmp",
        ".drama.json.ABCDEFGH.tmp"]
LOOK_ALIKES = [
    ".drama.json.abcdefg.tmp",  # 7 random characters
    ".drama.json.abcdefghi.tmp",  # 9
    ".drama.json.abcd-fgh.tmp",  # a character mkstemp never uses
    "drama.json.abcdefgh.tmp",  # not hidden
    ".drama.json.abcdefgh.tmp~",
    ".drama.json.abcdefgh.TMP",
    ".drama.json.abcdefgh.part.tmp.x",
    "..abcdefgh.tmp",
    ".abcdefgh.tmp",
    "notes.txt",
]


def _age(path: Path, seconds: float) -> None:
    then = time.time() - seconds
    os.utime(path, (then, then), follow_symlinks=False)


def _leftovers(folder: Path, stale: list[str], fresh: list[str]) -> None:
    for name in stale + fresh:
        (folder / name).write_bytes(b"x" * 1000)
    for name in stale:
        _age(folder / name, STALE_AFTER_S + 60)
    for name in fresh:
        _age(folder / name, STALE_AFTER_S - 600)


def test_a_save_sweeps_stale_temp_files_and_keeps_everything_else(tmp_path: Path) -> None:
    folder = _saved_project(tmp_path)
    fresh = [".drama.json.fresh123.tmp"]
    _leftovers(folder, OURS + LOOK_ALIKES, fresh)
    # Things named like ours that we never make: a folder (with content), a FIFO, a symlink.
    (folder / ".drama.json.dirdirdi.tmp").mkdir()
    (folder / ".drama.json.dirdirdi.tmp" / "keep.txt").write_text("mine")
    os.mkfifo(folder / ".drama.json.fifofifo.tmp")
    (tmp_path / "precious.txt").write_text("precious")
    (folder / ".drama.json.linklink.tmp").symlink_to(tmp_path / "precious.txt")
    for name in (".drama.json.dirdirdi.tmp/keep.txt", ".drama.json.dirdirdi.tmp", ".drama.json.fifofifo.tmp",
                 ".drama.json.linklink.tmp"):
        _age(folder / name, STALE_AFTER_S + 60)
    _edit_and_save(folder)
    names = {p.name for p in folder.iterdir()}
    assert not names & set(OURS), names & set(OURS)
    assert names >= set(LOOK_ALIKES) | set(fresh)
    assert (folder / ".drama.json.dirdirdi.tmp" / "keep.txt").read_text() == "mine"
    assert stat.S_ISFIFO(os.lstat(folder / ".drama.json.fifofifo.tmp").st_mode)
    assert (folder / ".drama.json.linklink.tmp").is_symlink()
    assert (tmp_path / "precious.txt").read_text() == "precious"
    assert names - set(LOOK_ALIKES) - set(fresh) == {
        *SAMPLE_ENTRIES, "drama.json.bak", ".drama.json.dirdirdi.tmp",
        ".drama.json.fifofifo.tmp", ".drama.json.linklink.tmp",
    }


def test_another_users_stale_temp_file_is_kept(tmp_path: Path) -> None:
    if os.geteuid() != 0:
        pytest.skip("making a file owned by another user needs root")
    folder = _saved_project(tmp_path)
    _leftovers(folder, [".drama.json.theirs12.tmp", ".drama.json.mine1234.tmp"], [])
    os.chown(folder / ".drama.json.theirs12.tmp", 4242, 4242)
    _age(folder / ".drama.json.theirs12.tmp", STALE_AFTER_S + 60)
    _edit_and_save(folder)
    assert (folder / ".drama.json.theirs12.tmp").exists()
    assert not (folder / ".drama.json.mine1234.tmp").exists()


def test_a_save_through_a_link_sweeps_the_targets_folder(tmp_path: Path) -> None:
    folder, real, _ = _linked_project(tmp_path, "relative")
    _leftovers(real.parent, [".real.json.abcdefgh.tmp"], [".real.json.fresh123.tmp"])
    _edit_and_save(folder)
    names = {p.name for p in real.parent.iterdir()}
    assert names == {"real.json", "real.json.bak", ".real.json.fresh123.tmp"}


def test_a_review_save_sweeps_its_stale_temp_files(tmp_path: Path) -> None:
    folder = _saved_project(tmp_path)
    stale = [".drama.review.json.abcdefgh.tmp", ".drama.json.k1lled00.tmp"]
    fresh = [".drama.review.json.fresh123.tmp"]
    _leftovers(folder, stale, fresh + LOOK_ALIKES[:3])
    save_review(folder, Review())
    names = {p.name for p in folder.iterdir()}
    assert not names & set(stale) and names >= set(fresh) | set(LOOK_ALIKES[:3]) | {REVIEW_FILE}


def test_a_refused_command_sweeps_nothing(tmp_path: Path) -> None:
    """Only writes sweep: reading commands (here refused ones) leave the folder as it is."""
    folder = _saved_project(tmp_path)
    _leftovers(folder, OURS, [])
    (folder / "drama.json").write_text("{")
    for command in ("validate", "info", "play"):
        o = check(run(argv(command, folder, tmp_path)), (2,))
        assert_clean_line(o.stderr)
    assert {p.name for p in folder.iterdir()} >= set(OURS)
