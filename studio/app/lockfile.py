"""A lock file beside ``drama.json`` so two studios never edit one project by accident.

The lock (``drama.json.lock``) is JSON naming its owner: pid, host name,
time, application, and - to tell the owner from an unrelated process that
got the same pid later - the boot id of the machine and the process start
time (:mod:`studio.app.process_ident`; either may be missing where the
platform does not give it, and locks written by older studios have neither).

``ProjectLock.acquire()`` writes the whole lock to a temp file and hard-links
it into place, so the lock appears atomically and complete (where hard links
are not supported it falls back to ``O_CREAT | O_EXCL``).  The lock is stale,
and is reclaimed, if its owner is on this host and the machine was rebooted
since (other boot id), or the pid is dead, or the pid is alive but started at
another time than recorded (pid reuse).  A lock of another host (a network
share) or of a live owner is respected: the caller gets the owner's
``LockInfo``, opens read-only, and may let the user :meth:`take_over`
("open anyway"), which rewrites the lock with our identity.

Lock and temp files are created with mode 0666 minus the umask; a temp file
left by a killed studio has our temp-name pattern (``.NAME.XXXXXXXX.tmp``)
and is swept with the other leftovers.  Pure Python (no Qt), so a test can
hold a lock from a second process.
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import socket
import stat
import string
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TypeGuard

from studio.app.process_ident import MAX_PID, boot_id, pid_alive, start_time

__all__ = ["LockInfo", "ProjectLock", "current_owner", "lock_path", "owner_gone", "pid_alive",
           "read_lock", "this_host"]

LOCK_SUFFIX = ".lock"
APP = "drama-studio"
CORRUPT_GRACE_S = 10.0  # an unreadable lock younger than this may still be being written
MAX_LOCK_BYTES = 4096
UNKNOWN_HOST = "unknown host"
_TEMP_CHARS = string.ascii_letters + string.digits


def printable(text: str) -> str:
    """``text`` with control characters escaped, so a message stays one line."""
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)


@dataclass(frozen=True)
class LockInfo:
    """Who holds a lock (``pid`` 0: unknown, the lock file is unreadable)."""

    pid: int
    host: str
    time: float
    app: str = APP
    boot_id: str | None = None
    started: int | None = None  # process start time, platform units (see process_ident)

    def describe(self) -> str:
        when = time.strftime("%Y-%m-%d %H:%M", time.localtime(self.time))
        if self.pid <= 0:
            return f"an unknown studio (unreadable lock file from {when})"
        return f"process {self.pid} on {printable(self.host)} since {when}"

    def same_process(self, other: LockInfo) -> bool:
        return (self.pid, self.host, self.boot_id, self.started) == (
            other.pid, other.host, other.boot_id, other.started,
        )


def this_host() -> str:
    return socket.gethostname()


def current_owner() -> LockInfo:
    """This process, as a lock names it."""
    pid = os.getpid()
    return LockInfo(pid, this_host(), time.time(), APP, boot_id(), start_time(pid))


def owner_gone(owner: LockInfo) -> bool:
    """True if ``owner`` is a process of this host that no longer runs.

    A lock of another host is never gone (we cannot see its processes).
    """
    if owner.pid <= 0 or owner.host != this_host():
        return False
    boot = boot_id()
    if owner.boot_id is not None and boot is not None and owner.boot_id != boot:
        return True  # the machine was rebooted since
    if not pid_alive(owner.pid):
        return True
    if owner.started is None:
        return False  # an older lock, or a platform without start times: the pid alone
    now = start_time(owner.pid)
    return now is not None and now != owner.started  # the pid was reused


def lock_path(project_file: Path) -> Path:
    return project_file.with_name(project_file.name + LOCK_SUFFIX)


def _is_int(value: object) -> TypeGuard[int]:
    return isinstance(value, int) and not isinstance(value, bool)


def parse_lock(raw: bytes) -> LockInfo | None:
    """The lock's owner from its bytes, None if they are not a well-formed lock."""
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        return None
    if not isinstance(data, dict):
        return None
    pid, host, when = data.get("pid"), data.get("host"), data.get("time")
    app, boot, started = data.get("app", APP), data.get("boot_id"), data.get("started")
    if not (_is_int(pid) and 0 < pid <= MAX_PID):
        return None
    if not (isinstance(when, (int, float)) and not isinstance(when, bool) and 0 <= when < 1e11):
        return None  # also refuses NaN and infinities
    if not (isinstance(host, str) and 0 < len(host) <= 255 and isinstance(app, str)):
        return None
    if boot is not None and not (isinstance(boot, str) and 0 < len(boot) <= 128):
        return None
    if started is not None and not (_is_int(started) and started >= 0):
        return None
    return LockInfo(pid, host, float(when), app, boot, started)


def read_lock(path: Path) -> LockInfo | None:
    """The lock's owner, or None if the file is missing, unreadable or not a lock.

    Only a regular file is read, at most ``MAX_LOCK_BYTES``, never blocking (a FIFO).
    """
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except OSError:
        return None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return None
        raw = os.read(fd, MAX_LOCK_BYTES + 1)
    except OSError:
        return None
    finally:
        os.close(fd)
    return parse_lock(raw) if len(raw) <= MAX_LOCK_BYTES else None


class ProjectLock:
    """The lock of one project file, held by this process once acquired."""

    def __init__(self, project_file: Path) -> None:
        self.path = lock_path(Path(project_file))
        self.held = False
        self._me: LockInfo | None = None

    def acquire(self) -> LockInfo | None:
        """Take the lock; returns None on success, else the current owner."""
        me = current_owner()
        for _ in range(3):
            try:
                created = self._create(me)
            except OSError:
                return None  # a read-only folder: nothing can be saved anyway
            if created:
                self._me, self.held = me, True
                return None
            owner = read_lock(self.path)
            if self._stale(owner):
                self._reclaim(owner)
                continue
            if owner is not None and owner.host == me.host and owner.pid == me.pid:
                self._me, self.held = owner, True  # reopened by this very process
                return None
            return owner or LockInfo(0, UNKNOWN_HOST, self._mtime())
        return read_lock(self.path) or LockInfo(0, UNKNOWN_HOST, self._mtime())

    def take_over(self) -> None:
        """Replace whatever lock is there with ours ("open anyway"); raises OSError.

        The previous owner, if it still runs, no longer removes the lock when
        it closes (it only removes a lock naming itself).
        """
        me = current_owner()
        tmp = self._write_temp(me)
        try:
            os.replace(tmp, self.path)
        except OSError:
            with contextlib.suppress(OSError):
                tmp.unlink()
            raise
        self._me, self.held = me, True

    def release(self) -> None:
        """Remove the lock if this process holds it."""
        if not self.held:
            return
        self.held = False
        owner = read_lock(self.path)
        if owner is not None and self._me is not None and owner.same_process(self._me):
            with contextlib.suppress(OSError):
                self.path.unlink()

    # --- internals ----------------------------------------------------------------------------
    def _temp_path(self) -> Path:
        tag = "".join(secrets.choice(_TEMP_CHARS) for _ in range(8))
        return self.path.with_name(f".{self.path.name}.{tag}.tmp")

    def _write_temp(self, me: LockInfo) -> Path:
        """A complete lock in a new temp file beside the lock (mode 0666 minus the umask)."""
        data = json.dumps(asdict(me)).encode("utf-8")
        for _ in range(10):
            tmp = self._temp_path()
            try:
                fd = os.open(tmp, os.O_CREAT | os.O_EXCL | os.O_WRONLY | getattr(os, "O_BINARY", 0), 0o666)
            except FileExistsError:
                continue
            try:
                with os.fdopen(fd, "wb") as fh:
                    fh.write(data)
                    fh.flush()
                    os.fsync(fh.fileno())
            except OSError:
                with contextlib.suppress(OSError):
                    tmp.unlink()
                raise
            return tmp
        raise FileExistsError(f"{self.path}: no free temp name")

    def _create(self, me: LockInfo) -> bool:
        """Put our lock in place if there is none; False if one exists."""
        tmp = self._write_temp(me)
        try:
            os.link(tmp, self.path)  # atomic, and fails if the lock exists
            return True
        except FileExistsError:
            return False
        except OSError:  # no hard links on this file system
            return self._create_exclusive(me)
        finally:
            with contextlib.suppress(OSError):
                tmp.unlink()

    def _create_exclusive(self, me: LockInfo) -> bool:
        try:
            fd = os.open(self.path, os.O_CREAT | os.O_EXCL | os.O_WRONLY | getattr(os, "O_BINARY", 0), 0o666)
        except FileExistsError:
            return False
        with os.fdopen(fd, "wb") as fh:
            fh.write(json.dumps(asdict(me)).encode("utf-8"))
        return True

    def _mtime(self) -> float:
        try:
            return self.path.stat().st_mtime
        except OSError:
            return time.time()

    def _stale(self, owner: LockInfo | None) -> bool:
        if owner is not None:
            return owner_gone(owner)
        try:  # unreadable: stale unless someone is still writing it (never a folder of that name)
            st = os.lstat(self.path)
        except FileNotFoundError:
            return True
        except OSError:
            return False
        return not stat.S_ISDIR(st.st_mode) and time.time() - st.st_mtime > CORRUPT_GRACE_S

    def _reclaim(self, owner: LockInfo | None) -> None:
        """Move the stale lock aside; put it back if it turned out to be fresh."""
        aside = self._temp_path()
        try:
            os.replace(self.path, aside)
        except OSError:
            return
        if read_lock(aside) != owner:  # another studio took the lock meanwhile
            with contextlib.suppress(OSError):
                os.link(aside, self.path)
        with contextlib.suppress(OSError):
            aside.unlink()
