"""Lock file: a second studio (another process) opens the project read-only.

The owner is a pid plus the boot id and the process start time, so a lock whose
pid now names an unrelated process (pid reuse, a reboot) is reclaimed, while a
live owner - on this host or another - is respected until taken over.
"""

from __future__ import annotations

import json
import os
import re
import stat
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from studio.app import lockfile
from studio.app.document import Document
from studio.app.lockfile import (
    LockInfo,
    ProjectLock,
    current_owner,
    lock_path,
    owner_gone,
    pid_alive,
    read_lock,
    this_host,
)
from studio.app.process_ident import boot_id, start_time
from tests.support import ROOT

LINUX = sys.platform.startswith("linux")
TEMP_NAME = re.compile(r"^\..+\.[A-Za-z0-9_]{8}\.tmp$")  # the leftovers sweep's pattern for our temp files

HOLDER = """
import sys, time
sys.path.insert(0, {root!r})
from pathlib import Path
from studio.app.lockfile import ProjectLock
lock = ProjectLock(Path({file!r}))
print("owner" if lock.acquire() is None else "refused", flush=True)
sys.stdin.readline()
lock.release()
print("released", flush=True)
"""


def hold_lock(file: Path) -> subprocess.Popen[str]:
    code = HOLDER.format(root=str(ROOT), file=str(file))
    proc = subprocess.Popen(
        [sys.executable, "-c", code], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    assert proc.stdout is not None and proc.stdout.readline().strip() == "owner"
    return proc


def close(proc: subprocess.Popen[str]) -> None:
    proc.wait(timeout=10)
    for pipe in (proc.stdin, proc.stdout):
        if pipe is not None:
            pipe.close()


@pytest.mark.gui
def test_second_process_opens_read_only_then_reclaims_stale_lock(
    document: Document, savings_copy: Path
) -> None:
    file = savings_copy / "drama.json"
    proc = hold_lock(file)
    try:
        document.open(savings_copy)
        assert document.read_only and document.lock_owner is not None
        assert document.lock_owner.pid == proc.pid
        assert f"process {proc.pid}" in document.lock_owner.describe()
    finally:
        proc.kill()  # dies without releasing: the lock goes stale
        close(proc)
    assert lock_path(file).exists() and not pid_alive(proc.pid)
    document.open(savings_copy)
    assert not document.read_only
    owner = read_lock(lock_path(file))
    assert owner is not None and owner.pid == os.getpid()
    document.close()
    assert not lock_path(file).exists()


def test_released_lock_is_free_for_the_next_process(tmp_path: Path) -> None:
    file = tmp_path / "drama.json"
    proc = hold_lock(file)
    assert ProjectLock(file).acquire() is not None
    assert proc.stdin is not None and proc.stdout is not None
    proc.stdin.write("\n")
    proc.stdin.flush()
    assert proc.stdout.readline().strip() == "released"
    close(proc)
    lock = ProjectLock(file)
    assert lock.acquire() is None
    lock.release()


def test_unreadable_lock_is_held_until_it_is_old(tmp_path: Path) -> None:
    file = tmp_path / "drama.json"
    path = lock_path(file)
    path.write_text("garbage", encoding="utf-8")
    owner = ProjectLock(file).acquire()
    assert owner is not None and owner.host == "unknown host"
    old = time.time() - 3600
    os.utime(path, (old, old))
    lock = ProjectLock(file)
    assert lock.acquire() is None
    assert json.loads(path.read_text(encoding="utf-8"))["pid"] == os.getpid()
    lock.release()


def test_lock_from_another_host_is_respected(tmp_path: Path) -> None:
    file = tmp_path / "drama.json"
    record = {"pid": 1, "host": "some-other-machine", "time": time.time(), "app": "drama-studio"}
    lock_path(file).write_text(json.dumps(record), encoding="utf-8")
    owner = ProjectLock(file).acquire()
    assert owner is not None and owner.host == "some-other-machine"


def release_holder(proc: subprocess.Popen[str]) -> None:
    assert proc.stdin is not None and proc.stdout is not None
    proc.stdin.write("\n")
    proc.stdin.flush()
    assert proc.stdout.readline().strip() == "released"
    close(proc)


@pytest.fixture
def sleeper() -> Iterator[subprocess.Popen[bytes]]:
    """A live process that is not a studio: its pid stands for a reused pid."""
    proc = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(600)"])
    yield proc
    proc.kill()
    proc.wait(timeout=10)


def write_lock(file: Path, **fields: Any) -> Path:
    record: dict[str, Any] = {"pid": 1, "host": this_host(), "time": time.time(), "app": "drama-studio"}
    record.update(fields)
    path = lock_path(file)
    path.write_text(json.dumps({k: v for k, v in record.items() if v is not None}), encoding="utf-8")
    return path


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if TEMP_NAME.match(p.name))


def test_lock_names_pid_host_boot_and_start_time_with_the_umask_mode(tmp_path: Path) -> None:
    file = tmp_path / "drama.json"
    for umask, mode in ((0o027, 0o640), (0o002, 0o664)):
        old = os.umask(umask)
        try:
            lock = ProjectLock(file)
            assert lock.acquire() is None and lock.held
        finally:
            os.umask(old)
        assert stat.S_IMODE(lock_path(file).stat().st_mode) == mode
        data = json.loads(lock_path(file).read_text(encoding="utf-8"))
        assert data["pid"] == os.getpid() and data["host"] == this_host()
        if LINUX:
            assert data["boot_id"] == Path("/proc/sys/kernel/random/boot_id").read_text().strip()
            stat_line = Path("/proc/self/stat").read_text()
            assert data["started"] == int(stat_line[stat_line.rindex(")") + 2 :].split()[19])
        lock.release()
        assert not lock_path(file).exists()
    assert leftovers(tmp_path) == []


def test_second_process_lock_carries_its_start_time(tmp_path: Path) -> None:
    file = tmp_path / "drama.json"
    proc = hold_lock(file)
    try:
        owner = read_lock(lock_path(file))
        assert owner is not None and owner.pid == proc.pid
        assert owner.started == start_time(proc.pid) and owner.boot_id == boot_id()
        if LINUX:
            assert owner.started is not None and owner.boot_id is not None
        assert not owner_gone(owner)
        assert ProjectLock(file).acquire() == owner
    finally:
        release_holder(proc)
    assert not lock_path(file).exists()


@pytest.mark.skipif(not LINUX, reason="start times and boot ids are read from /proc here")
def test_reused_pid_with_another_start_time_is_reclaimed(
    tmp_path: Path, sleeper: subprocess.Popen[bytes]
) -> None:
    file = tmp_path / "drama.json"
    started = start_time(sleeper.pid)
    assert started is not None and pid_alive(sleeper.pid)
    write_lock(file, pid=sleeper.pid, boot_id=boot_id(), started=started + 1)
    lock = ProjectLock(file)
    assert lock.acquire() is None
    owner = read_lock(lock_path(file))
    assert owner is not None and owner.same_process(current_owner())
    lock.release()
    assert leftovers(tmp_path) == []


@pytest.mark.skipif(not LINUX, reason="pid 1 and its start time are read from /proc here")
def test_pid_one_with_a_wrong_start_time_is_reclaimed(tmp_path: Path) -> None:
    file = tmp_path / "drama.json"
    started = start_time(1)
    assert started is not None
    write_lock(file, pid=1, boot_id=boot_id(), started=started + 12345)
    lock = ProjectLock(file)
    assert lock.acquire() is None
    lock.release()


def test_live_owner_with_its_own_start_time_is_respected(
    tmp_path: Path, sleeper: subprocess.Popen[bytes]
) -> None:
    file = tmp_path / "drama.json"
    write_lock(file, pid=sleeper.pid, boot_id=boot_id(), started=start_time(sleeper.pid))
    owner = ProjectLock(file).acquire()
    assert owner is not None and owner.pid == sleeper.pid
    assert f"process {sleeper.pid} on {this_host()} since" in owner.describe()


def test_old_lock_without_identity_keeps_the_pid_check(
    tmp_path: Path, sleeper: subprocess.Popen[bytes]
) -> None:
    """A lock written by an older studio: a live pid holds it, a dead one does not."""
    file = tmp_path / "drama.json"
    write_lock(file, pid=sleeper.pid)
    owner = ProjectLock(file).acquire()
    assert owner is not None and owner.pid == sleeper.pid and owner.started is None
    sleeper.kill()
    sleeper.wait(timeout=10)
    lock = ProjectLock(file)
    assert lock.acquire() is None
    lock.release()


@pytest.mark.skipif(not LINUX, reason="boot ids are read from /proc here")
def test_lock_from_before_a_reboot_is_reclaimed(tmp_path: Path, sleeper: subprocess.Popen[bytes]) -> None:
    """Same host, live pid and even the same start time, but another boot: not our process."""
    file = tmp_path / "drama.json"
    write_lock(file, pid=sleeper.pid, boot_id="another-boot", started=start_time(sleeper.pid))
    lock = ProjectLock(file)
    assert lock.acquire() is None
    lock.release()


@pytest.mark.skipif(not LINUX, reason="start times are read from /proc here")
def test_stale_lock_naming_our_own_pid_is_rewritten(tmp_path: Path) -> None:
    """A previous process had our pid: the lock is replaced, and our release removes it."""
    file = tmp_path / "drama.json"
    mine = current_owner()
    assert mine.started is not None
    write_lock(file, pid=os.getpid(), boot_id=mine.boot_id, started=mine.started + 1)
    lock = ProjectLock(file)
    assert lock.acquire() is None
    owner = read_lock(lock_path(file))
    assert owner is not None and owner.started == mine.started
    lock.release()
    assert not lock_path(file).exists()


CORRUPT = {
    "garbage": b"garbage",
    "not an object": b"[1, 2]",
    "pid as text": b'{"pid": "12", "host": "h", "time": 1.0, "app": "drama-studio"}',
    "pid true": b'{"pid": true, "host": "h", "time": 1.0}',
    "pid beyond any pid": b'{"pid": 1180591620717411303424, "host": "h", "time": 1.0}',
    "infinite time": b'{"pid": 5, "host": "h", "time": Infinity}',
    "NaN time": b'{"pid": 5, "host": "h", "time": NaN}',
    "empty host": b'{"pid": 5, "host": "", "time": 1.0}',
    "start time as text": b'{"pid": 5, "host": "h", "time": 1.0, "started": "soon"}',
    "boot id number": b'{"pid": 5, "host": "h", "time": 1.0, "boot_id": 7}',
    "deep nesting": b"[" * 4000,
    "not utf-8": b'{"pid": 5, "host": "\xff\xfe", "time": 1.0}',
    "too big": b'{"pid": 5, "host": "h", "time": 1.0, "pad": "' + b"x" * 5000 + b'"}',
    "empty": b"",
}


@pytest.mark.parametrize("raw", CORRUPT.values(), ids=CORRUPT.keys())
def test_corrupt_lock_is_held_until_it_is_old(tmp_path: Path, raw: bytes) -> None:
    file = tmp_path / "drama.json"
    path = lock_path(file)
    path.write_bytes(raw)
    assert read_lock(path) is None
    owner = ProjectLock(file).acquire()
    assert owner is not None and owner.pid == 0
    assert owner.describe().startswith("an unknown studio (unreadable lock file from ")
    old = time.time() - 3600
    os.utime(path, (old, old))
    lock = ProjectLock(file)
    assert lock.acquire() is None
    assert json.loads(path.read_text(encoding="utf-8"))["pid"] == os.getpid()
    lock.release()
    assert leftovers(tmp_path) == []


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_fifo_lock_never_blocks(tmp_path: Path) -> None:
    file = tmp_path / "drama.json"
    os.mkfifo(lock_path(file))
    assert read_lock(lock_path(file)) is None
    owner = ProjectLock(file).acquire()
    assert owner is not None and owner.pid == 0
    old = time.time() - 3600
    os.utime(lock_path(file), (old, old))
    lock = ProjectLock(file)
    assert lock.acquire() is None and lock_path(file).is_file()
    lock.release()


def test_folder_named_like_the_lock_is_never_removed(tmp_path: Path) -> None:
    file = tmp_path / "drama.json"
    folder = lock_path(file)
    folder.mkdir()
    (folder / "keep.txt").write_text("mine", encoding="utf-8")
    old = time.time() - 3600
    os.utime(folder, (old, old))
    lock = ProjectLock(file)
    owner = lock.acquire()
    assert owner is not None and owner.pid == 0
    with pytest.raises(OSError):
        lock.take_over()
    assert (folder / "keep.txt").read_text(encoding="utf-8") == "mine"
    assert leftovers(tmp_path) == []


def test_owner_description_stays_one_line() -> None:
    text = LockInfo(5, "evil\nhost\r", time.time()).describe()
    assert "\n" not in text and "\r" not in text and "evil\\nhost" in text


def test_take_over_from_a_live_holder(tmp_path: Path) -> None:
    """'Open anyway': our identity replaces the lock; the old owner no longer removes it."""
    file = tmp_path / "drama.json"
    proc = hold_lock(file)
    lock = ProjectLock(file)
    try:
        assert lock.acquire() is not None and not lock.held
        lock.take_over()
        assert lock.held
        owner = read_lock(lock_path(file))
        assert owner is not None and owner.same_process(current_owner())
    finally:
        release_holder(proc)  # the other studio closes: it must leave our lock alone
    owner = read_lock(lock_path(file))
    assert owner is not None and owner.pid == os.getpid()
    assert leftovers(tmp_path) == []
    lock.release()
    assert not lock_path(file).exists()


def test_take_over_from_another_host(tmp_path: Path) -> None:
    file = tmp_path / "drama.json"
    write_lock(file, pid=4242, host="some-other-machine", boot_id="x", started=1)
    lock = ProjectLock(file)
    owner = lock.acquire()
    assert owner is not None and owner.host == "some-other-machine" and not owner_gone(owner)
    lock.take_over()
    mode = stat.S_IMODE(lock_path(file).stat().st_mode)
    umask = os.umask(0o022)
    os.umask(umask)
    assert mode == 0o666 & ~umask
    lock.release()
    assert not lock_path(file).exists()


def test_file_system_without_hard_links_still_locks(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Some network shares refuse hard links: the lock is then created with O_EXCL."""
    file = tmp_path / "drama.json"

    def no_links(_src: object, _dst: object) -> None:
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr(lockfile.os, "link", no_links)
    first = ProjectLock(file)
    assert first.acquire() is None
    proc_owner = read_lock(lock_path(file))
    assert proc_owner is not None and proc_owner.pid == os.getpid()
    write_lock(file, pid=4242, host="some-other-machine")
    assert ProjectLock(file).acquire() is not None
    assert leftovers(tmp_path) == []
