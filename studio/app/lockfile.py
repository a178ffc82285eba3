"""A lock file beside ``drama.json`` so two studios never edit one project.

The lock (``drama.json.lock``) is JSON with the owner's pid, host name, time
and application.  ``ProjectLock.acquire()`` creates it atomically
(``O_CREAT | O_EXCL``); if it exists and its owner is a dead process on this
host, the stale lock is reclaimed.  Otherwise the caller gets the owner's
``LockInfo`` and opens the project read-only.  Pure Python (no Qt), so a test
can hold a lock from a second process.
"""

from __future__ import annotations

import contextlib
import json
import os
import socket
import time
from dataclasses import asdict, dataclass
from pathlib import Path

LOCK_SUFFIX = ".lock"
APP = "drama-studio"
CORRUPT_GRACE_S = 10.0


@dataclass(frozen=True)
class LockInfo:
    """Who holds a lock."""

    pid: int
    host: str
    time: float
    app: str = APP

    def describe(self) -> str:
        when = time.strftime("%Y-%m-%d %H:%M", time.localtime(self.time))
        return f"process {self.pid} on {self.host} since {when}"


def this_host() -> str:
    return socket.gethostname()


def pid_alive(pid: int) -> bool:
    """True if a process with ``pid`` exists on this host."""
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def lock_path(project_file: Path) -> Path:
    return project_file.with_name(project_file.name + LOCK_SUFFIX)


def read_lock(path: Path) -> LockInfo | None:
    """The lock's owner, or None if the file is unreadable or not a lock."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return LockInfo(int(data["pid"]), str(data["host"]), float(data["time"]), str(data["app"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None


class ProjectLock:
    """The lock of one project file, held by this process once acquired."""

    def __init__(self, project_file: Path) -> None:
        self.path = lock_path(Path(project_file))
        self.held = False

    def acquire(self) -> LockInfo | None:
        """Take the lock; returns None on success, else the current owner."""
        me = LockInfo(os.getpid(), this_host(), time.time())
        for _ in range(3):
            try:
                fd = os.open(self.path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
            except FileExistsError:
                owner = read_lock(self.path)
                if owner is not None and owner.host == me.host and owner.pid == me.pid:
                    self.held = True  # reopened by this very process
                    return None
                if not self._stale(owner):
                    return owner or LockInfo(0, "unknown host", self._mtime())
                self._reclaim(owner)
                continue
            except OSError:
                return None  # a read-only folder: nothing can be saved anyway
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump(asdict(me), fh)
            self.held = True
            return None
        return read_lock(self.path)

    def release(self) -> None:
        """Remove the lock if this process holds it."""
        if not self.held:
            return
        self.held = False
        owner = read_lock(self.path)
        if owner is not None and owner.pid == os.getpid() and owner.host == this_host():
            with contextlib.suppress(OSError):
                self.path.unlink()

    def _mtime(self) -> float:
        try:
            return self.path.stat().st_mtime
        except OSError:
            return time.time()

    def _stale(self, owner: LockInfo | None) -> bool:
        if owner is None:  # unreadable: stale unless someone is still writing it
            return time.time() - self._mtime() > CORRUPT_GRACE_S
        return owner.host == this_host() and not pid_alive(owner.pid)

    def _reclaim(self, owner: LockInfo | None) -> None:
        """Move the stale lock aside; put it back if it turned out to be fresh."""
        aside = self.path.with_name(f"{self.path.name}.stale.{os.getpid()}")
        try:
            os.replace(self.path, aside)
        except OSError:
            return
        if read_lock(aside) != owner:  # another studio took the lock meanwhile
            with contextlib.suppress(OSError):
                os.link(aside, self.path)
        with contextlib.suppress(OSError):
            aside.unlink()
