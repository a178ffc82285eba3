"""Autosave to a recovery file (never the user's file) and crash recovery.

While a document has unsaved changes, :class:`AutoSaver` writes a snapshot
within ``interval_ms`` (30 s by default) of the first unsaved change, to
``<data dir>/recovery/<session>.recovery.json``, atomically.  Saving,
reverting or closing normally removes the file, so a file left behind
means the studio stopped with unsaved work.  At the next start
:func:`scan` lists those whose owner process is gone; a file that cannot
be read is moved to ``recovery/damaged/`` and reported in one line, never
stopping the studio.  Recovered work opens as *unsaved*.
"""

from __future__ import annotations

import contextlib
import json
import os
import time
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

from studio.app.lockfile import LockInfo, current_owner, owner_gone, this_host
from studio.app.paths import recovery_dir
from studio.app.workers import run_async
from studio.model.atomic import atomic_write_bytes
from studio.model.errors import ProjectError
from studio.model.io import parse_json, project_from_raw
from studio.model.ops import ChangeSet
from studio.model.project import Project

if TYPE_CHECKING:
    from studio.app.document import Document

FORMAT = "drama-studio-recovery"
VERSION = 1
SUFFIX = ".recovery.json"
DEFAULT_INTERVAL_MS = 30_000


@dataclass
class Recovery:
    """Unsaved work found at start-up."""

    file: Path
    project: Project
    project_path: Path | None
    disk_hash: str | None
    saved_at: float
    pid: int
    host: str

    def describe(self) -> str:
        when = time.strftime("%Y-%m-%d %H:%M", time.localtime(self.saved_at))
        where = str(self.project_path) if self.project_path else QCoreApplication.translate(
            "Autosave", "never saved")
        return QCoreApplication.translate("Autosave", "'{title}' ({where}), autosaved {when}").format(
            title=self.project.title, where=where, when=when)


def payload(document: Document) -> dict[str, Any]:
    """A JSON-ready snapshot of the document (taken on the UI thread)."""
    me = current_owner()
    return {
        "format": FORMAT,
        "version": VERSION,
        "pid": me.pid,
        "host": me.host,
        "boot_id": me.boot_id,
        "started": me.started,
        "saved_at": time.time(),
        "project_path": str(document.path) if document.path else None,
        "disk_hash": document.disk_hash,
        "project": document.project.model_dump(mode="json"),
    }


def write(file: Path, data: dict[str, Any]) -> Path:
    """Write a recovery file atomically (any thread)."""
    atomic_write_bytes(file, json.dumps(data, ensure_ascii=False).encode("utf-8"))
    return file


def read(file: Path) -> Recovery:
    """Parse a recovery file; raises ProjectError (one line) if it is damaged."""
    try:
        raw = parse_json(file.read_bytes())
    except OSError as exc:
        raise ProjectError(QCoreApplication.translate("Autosave", "cannot read ({reason})").format(
            reason=exc.strerror or exc)) from None
    if not isinstance(raw, dict) or raw.get("format") != FORMAT:
        raise ProjectError(QCoreApplication.translate("Autosave", "not a Drama Studio recovery file"))
    try:
        project, _ = project_from_raw(raw["project"])
        path = raw.get("project_path")
        return Recovery(
            file=file,
            project=project,
            project_path=Path(path) if isinstance(path, str) else None,
            disk_hash=raw.get("disk_hash") if isinstance(raw.get("disk_hash"), str) else None,
            saved_at=float(raw.get("saved_at", 0.0)),
            pid=int(raw.get("pid", 0)),
            host=str(raw.get("host", "")),
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise ProjectError(QCoreApplication.translate("Autosave", "damaged ({reason})").format(
            reason=exc)) from None


def _owner_running(file: Path) -> bool:
    """True if the file belongs to a studio that is still running (or to us).

    The writer is named like a lock owner (pid, host, boot id, process start
    time), so a reused pid or a reboot does not hide a crashed studio's work.
    """
    try:
        head = json.loads(file.read_text(encoding="utf-8"))
        boot, started = head.get("boot_id"), head.get("started")
        owner = LockInfo(
            pid=int(head["pid"]), host=str(head["host"]), time=0.0,
            boot_id=boot if isinstance(boot, str) else None,
            started=started if isinstance(started, int) and not isinstance(started, bool) else None,
        )
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return False
    if owner.host != this_host():
        return False
    return owner.pid == os.getpid() or not owner_gone(owner)


def quarantine(file: Path) -> Path:
    """Move a damaged recovery file aside (``recovery/damaged/``)."""
    damaged = file.parent / "damaged"
    damaged.mkdir(exist_ok=True)
    target = damaged / f"{file.name}.{int(time.time())}"
    os.replace(file, target)
    return target


def scan(folder: Path | None = None) -> tuple[list[Recovery], list[str]]:
    """Recoverable work from studios that stopped, and one line per damaged file."""
    folder = folder or recovery_dir()
    found: list[Recovery] = []
    notes: list[str] = []
    for file in sorted(folder.glob(f"*{SUFFIX}")):
        if _owner_running(file):
            continue
        try:
            found.append(read(file))
        except ProjectError as exc:
            try:
                moved = quarantine(file)
                notes.append(f"Recovery file {file.name} is damaged ({exc}); moved to {moved}")
            except OSError as err:
                notes.append(f"Recovery file {file} is damaged ({exc}) and cannot be moved ({err})")
    found.sort(key=lambda r: r.saved_at, reverse=True)
    return found, notes


def discard(recovery: Recovery) -> None:
    with contextlib.suppress(OSError):
        recovery.file.unlink()


class AutoSaver(QObject):
    """Writes the document's recovery file while it has unsaved changes."""

    written = Signal(str)
    failed = Signal(str)

    def __init__(
        self, document: Document, interval_ms: int = DEFAULT_INTERVAL_MS, folder: Path | None = None
    ) -> None:
        super().__init__(document)
        self._doc = document
        self.file = (folder or recovery_dir()) / f"{uuid.uuid4().hex}{SUFFIX}"
        self._generation = 0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.write_now)
        document.changed.connect(self._on_changed)
        document.clean_changed.connect(self._on_clean_changed)

    @property
    def pending(self) -> bool:
        return self._timer.isActive()

    def set_interval(self, ms: int) -> None:
        self._timer.setInterval(max(1000, min(ms, 60_000)))

    def _on_changed(self, _changes: ChangeSet) -> None:
        if self._doc.dirty and not self._doc.read_only and not self._timer.isActive():
            self._timer.start()

    def _on_clean_changed(self, clean: bool) -> None:
        if clean:
            self.remove()
        elif not self._doc.read_only:
            self._timer.start()

    def write_now(self, wait: bool = False) -> None:
        """Write the recovery file now (in the background unless ``wait``)."""
        self._timer.stop()
        if not self._doc.dirty:
            return
        self._generation += 1
        generation, data, file = self._generation, payload(self._doc), self.file
        if wait:
            try:
                self._written(generation, write(file, data))
            except OSError as exc:
                self.failed.emit(self.tr("Autosave failed: {file}: {reason}").format(
                    file=file, reason=exc.strerror or exc))
            return
        run_async(
            lambda: write(file, data),
            lambda path: self._written(generation, path),
            lambda reason: self.failed.emit(self.tr("Autosave failed: {reason}").format(reason=reason)),
            parent=self,
        )

    def _written(self, generation: int, path: Path) -> None:
        if not self._doc.dirty and generation == self._generation:
            self.remove()  # saved while the snapshot was being written
            return
        self.written.emit(str(path))

    def adopt(self, recovery: Recovery) -> None:
        """Continue a recovered session in its recovery file (rewritten now)."""
        self.file = recovery.file
        self.write_now(wait=True)

    def remove(self) -> None:
        """Drop the recovery file (after a save, revert or a deliberate discard)."""
        self._timer.stop()
        self._generation += 1
        with contextlib.suppress(OSError):
            self.file.unlink()
