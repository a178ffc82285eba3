"""Notices when another program changes the open ``drama.json``.

A ``QFileSystemWatcher`` on the file (re-armed after atomic replaces, which
swap the inode) triggers a content check; ``changed_on_disk`` fires only
when the bytes differ from what the studio loaded or saved last, so the
studio's own saves never raise it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

if TYPE_CHECKING:
    from studio.app.document import Document


class DiskWatcher(QObject):
    """Emits ``changed_on_disk`` (once per change) for the document's file."""

    changed_on_disk = Signal(str)  # "changed" or "missing"

    def __init__(self, document: Document) -> None:
        super().__init__(document)
        self._doc = document
        self._watcher = QFileSystemWatcher(self)
        self._watcher.fileChanged.connect(self._schedule)
        self._watcher.directoryChanged.connect(self._schedule)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(300)
        self._timer.timeout.connect(self.check)
        self._reported: str | None = None
        document.file_changed.connect(self._rearm)
        self._rearm()

    def _rearm(self) -> None:
        self._reported = None
        paths = self._watcher.files() + self._watcher.directories()
        if paths:
            self._watcher.removePaths(paths)
        path = self._doc.path
        if path is not None:
            self._watcher.addPath(str(path.parent))
            if path.exists():
                self._watcher.addPath(str(path))

    def _schedule(self, _path: str) -> None:
        self._timer.start()

    def check(self) -> str:
        """Compare the file with the loaded bytes; emits on a new difference."""
        path = self._doc.path
        if path is not None and path.exists() and str(path) not in self._watcher.files():
            self._watcher.addPath(str(path))
        state = self._doc.disk_state()
        if state in ("changed", "missing") and state != self._reported:
            self._reported = state
            self.changed_on_disk.emit(state)
        elif state == "same":
            self._reported = None
        return state
