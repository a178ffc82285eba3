"""File commands of the main window: New, Open, Save, Save As, Revert, Reload.

:class:`FileController` asks the questions (through :mod:`studio.ui.dialogs`)
and calls :class:`~studio.app.document.Document`.  Unsaved work is never
dropped without asking; a ``drama.json`` changed by another program is never
overwritten without asking (Overwrite / Save As / Cancel); a project locked
by another studio opens read-only with a banner.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from studio.app import settings
from studio.app.autosave import AutoSaver, Recovery
from studio.app.document import DiskConflict, Document, ReadOnlyError
from studio.app.lockfile import ProjectLock
from studio.model.errors import ProjectError
from studio.ui import dialogs


class FileController(QObject):
    """Opens and saves the window's document, with the needed questions."""

    recent_changed = Signal()

    def __init__(self, document: Document, autosaver: AutoSaver, window: QWidget) -> None:
        super().__init__(window)
        self.doc = document
        self.autosaver = autosaver
        self.window = window

    # --- questions ----------------------------------------------------------------
    def maybe_save(self) -> bool:
        """True if it is fine to drop the current content (saved or discarded)."""
        if not self.doc.dirty or self.doc.read_only:
            return True
        answer = dialogs.choose(
            self.window,
            "Unsaved changes",
            f"Save the changes to '{self.doc.display_name()}'?",
            ["Save", "Discard", "Cancel"],
        )
        if answer == "Save":
            return self.save()
        if answer == "Discard":
            self.autosaver.remove()
            return True
        return False

    def _error(self, title: str, exc: Exception) -> None:
        dialogs.warn(self.window, title, str(exc))

    # --- commands -----------------------------------------------------------------
    def new(self) -> bool:
        if not self.maybe_save():
            return False
        self.autosaver.remove()
        self.doc.new()
        return True

    def open(self, path: str | Path | None = None, read_only: bool = False) -> bool:
        if not self.maybe_save():
            return False
        if path is None:
            start = str(self.doc.folder.parent) if self.doc.folder else str(Path.home())
            chosen = dialogs.open_project_path(self.window, start)
            if chosen is None:
                return False
            path = chosen
        self.autosaver.remove()
        try:
            self.doc.open(path, read_only=read_only)
        except ProjectError as exc:
            self._error("Cannot open project", exc)
            settings.remove_recent(path)
            self.recent_changed.emit()
            return False
        if self.doc.path is not None:
            settings.add_recent(self.doc.path.parent)
            self.recent_changed.emit()
        return True

    def save(self) -> bool:
        if self.doc.path is None:
            return self.save_as()
        try:
            self.doc.save()
        except DiskConflict as exc:
            answer = dialogs.choose(
                self.window,
                "Changed on disk",
                f"{exc}.\nOverwrite it with your version, save yours elsewhere, or cancel?",
                ["Overwrite", "Save As…", "Cancel"],
                default=2,
            )
            if answer == "Overwrite":
                return self._save_forced()
            if answer == "Save As…":
                return self.save_as()
            return False
        except ReadOnlyError:
            return self.save_as()
        except ProjectError as exc:
            self._error("Not saved", exc)
            return False
        self.doc.message.emit(f"Saved {self.doc.path}")
        return True

    def _save_forced(self) -> bool:
        try:
            self.doc.save(overwrite=True)
        except ProjectError as exc:
            self._error("Not saved", exc)
            return False
        return True

    def save_as(self) -> bool:
        start = str(self.doc.folder.parent if self.doc.folder else Path.home())
        chosen = dialogs.save_project_folder(self.window, start)
        if chosen is None:
            return False
        try:
            self.doc.save(chosen)
        except DiskConflict as exc:
            answer = dialogs.choose(
                self.window, "Replace project?", f"{exc}. Replace it?", ["Replace", "Cancel"], 1
            )
            if answer != "Replace" or not self._save_forced_to(chosen):
                return False
        except ProjectError as exc:
            self._error("Not saved", exc)
            return False
        if self.doc.path is not None:
            settings.add_recent(self.doc.path.parent)
            self.recent_changed.emit()
        return True

    def _save_forced_to(self, path: str) -> bool:
        try:
            self.doc.save(path, overwrite=True)
        except ProjectError as exc:
            self._error("Not saved", exc)
            return False
        return True

    def revert(self) -> bool:
        if self.doc.path is None:
            return False
        if self.doc.dirty:
            answer = dialogs.choose(
                self.window,
                "Revert to saved",
                "Drop all unsaved changes and reload the saved project?",
                ["Revert", "Cancel"],
                1,
            )
            if answer != "Revert":
                return False
        return self.reload()

    def reload(self) -> bool:
        """Read drama.json again (after it changed on disk)."""
        try:
            self.doc.revert()
        except ProjectError as exc:
            self._error("Cannot reload", exc)
            return False
        self.autosaver.remove()
        return True

    def recover(self, recovery: Recovery) -> None:
        """Open recovered work as unsaved (locking its project file if free)."""
        path = recovery.project_path
        if path is not None and not path.parent.is_dir():
            path = None
        lock = ProjectLock(path) if path is not None else None
        owner = lock.acquire() if lock is not None else None
        if owner is not None:
            lock = None
        self.doc.set_project(
            recovery.project,
            path,
            dirty=True,
            disk_hash=recovery.disk_hash,
            read_only=owner is not None,
            lock=lock,
            lock_owner=owner,
        )
        self.autosaver.adopt(recovery)
