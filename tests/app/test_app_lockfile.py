"""Lock file: a second studio (another process) opens the project read-only."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from studio.app.document import Document
from studio.app.lockfile import ProjectLock, lock_path, pid_alive, read_lock
from tests.support import ROOT

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
