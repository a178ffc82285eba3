"""File commands of the main window: New, Open, Close, Save, Save As, Revert, Reload.

New starts a project in a managed untitled folder (from a template, or a copy of a sample),
so Import works at once; Save (and Save As) of an untitled project asks for the folder it
should live in and moves it there.  Closing an untitled project that holds something asks
to save it.  A project is a folder: Open takes the folder (or its drama.json, standing for
it) and recent projects are folders.

:class:`FileController` asks the questions (through :mod:`studio.ui.dialogs`)
and calls :class:`~studio.app.document.Document`.  Unsaved work is never
dropped without asking; a ``drama.json`` changed by another program is never
overwritten without asking (Overwrite / Save As / Cancel).

A project locked by another studio is never edited by two studios by
accident: opening it says who holds it (pid, host, since when) and offers
Open Read-Only, Open Anyway (with the warning that two studios editing one
project overwrite each other's changes; it rewrites the lock with our
identity) or Cancel.  :meth:`FileController.take_over` is the way out later,
for a project already open read-only.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from studio.app import settings
from studio.app.autosave import AutoSaver, Recovery
from studio.app.document import DiskConflict, Document, ReadOnlyError
from studio.app.lockfile import LockInfo, ProjectLock, current_owner, read_lock, this_host
from studio.app.paths import new_untitled_folder
from studio.model.errors import ProjectError
from studio.model.io import project_file
from studio.templates import TEMPLATES, build
from studio.templates.samples import copy_project
from studio.ui import dialogs

OPEN_READ_ONLY, OPEN_ANYWAY, CANCEL = "Open Read-Only", "Open Anyway", "Cancel"
TAKE_OVER = "Take Over Editing"


def in_use_text(name: str, owner: LockInfo, action: str) -> str:
    """Who holds the project, and what ``action`` (Open Anyway / Take Over Editing) risks."""
    if owner.pid <= 0:
        who = f"'{name}' is locked by {owner.describe()}."
    else:
        who = f"'{name}' is open in another studio: {owner.describe()}."
        if owner.host != this_host():
            who += " That studio runs on another computer."
    return (
        f"{who}\n\n"
        f"Choose {action} only if that studio is no longer editing this project (it crashed, or its "
        "computer was switched off). If two studios edit one project, each save overwrites the "
        f"other's changes and work is lost. {action} makes this studio the project's editor."
    )


def folder_name(title: str) -> str:
    """A folder name offered for a new project titled ``title`` ("My savings drama" -> my-savings-drama)."""
    words = re.findall(r"\w+", title.lower())
    return "-".join(words)[:60].strip("-") or "drama"


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
        doc = self.doc
        if doc.untitled and (doc.dirty or doc.has_content()):
            return self._maybe_save_untitled()
        if not doc.dirty:
            return True
        if doc.read_only:
            return self._maybe_save_copy()
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

    def _maybe_save_untitled(self) -> bool:
        """An untitled project with something in it: Save (choose its folder), Discard, or Cancel."""
        answer = dialogs.choose(
            self.window,
            "Save new project?",
            f"'{self.doc.display_name()}' has not been saved to a folder of yours yet. Save it?",
            ["Save…", "Discard", CANCEL],
        )
        if answer == "Save…":
            return self.save_as()
        if answer == "Discard":
            self.autosaver.remove()
            self.doc.discard_untitled()
            return True
        return False

    def _maybe_save_copy(self) -> bool:
        """Unsaved work in a read-only project (recovered while locked): Save As, or drop it."""
        answer = dialogs.choose(
            self.window,
            "Unsaved changes",
            f"'{self.doc.display_name()}' is open read-only. Save your changes as a copy elsewhere?",
            ["Save As…", "Discard", CANCEL],
        )
        if answer == "Save As…":
            return self.save_as()
        if answer == "Discard":
            self.autosaver.remove()
            return True
        return False

    def _take_over_lock(self, lock: ProjectLock) -> bool:
        try:
            lock.take_over()
        except OSError as exc:
            self._error("Cannot take over the project", ProjectError(f"{lock.path}: {exc.strerror or exc}"))
            return False
        return True

    def _claim(self, path: str | Path) -> tuple[bool, ProjectLock | None]:
        """Before opening ``path`` for editing: take its lock, or ask if another studio holds it.

        Returns (go on with the open, the lock taken here: release it if the open fails).
        """
        file = project_file(path).resolve()
        if not file.is_file():
            return True, None  # nothing to lock: the open reports it
        lock = ProjectLock(file)
        before = read_lock(lock.path)
        owner = lock.acquire()
        if owner is None:
            ours_already = before is not None and before.same_process(current_owner())
            return True, lock if lock.held and not ours_already else None
        text = in_use_text(file.parent.name, owner, OPEN_ANYWAY)
        answer = dialogs.choose(self.window, "Project in use", text, [OPEN_READ_ONLY, OPEN_ANYWAY, CANCEL])
        if answer == OPEN_READ_ONLY:
            return True, None
        if answer == OPEN_ANYWAY and self._take_over_lock(lock):
            return True, lock
        return False, None

    def _error(self, title: str, exc: Exception) -> None:
        dialogs.warn(self.window, title, str(exc))

    # --- commands -----------------------------------------------------------------
    def _start_dir(self) -> str:
        """Where Open and Save As start: beside the current project, else beside the last one."""
        if self.doc.folder is not None and not self.doc.untitled:
            return str(self.doc.folder.parent)
        for recent in settings.recent_files():
            if Path(recent).parent.is_dir():
                return str(Path(recent).parent)
        return str(Path.home())

    def new(self, template: str = "blank", title: str | None = None) -> bool:
        """A new project from ``template`` (see :data:`studio.templates.TEMPLATES`) in an untitled
        folder: it is editable at once and clips can be imported into it."""
        if not self.maybe_save():
            return False
        self.autosaver.remove()
        project = build(template, title)
        try:
            self.doc.new_untitled(project, dirty=bool(project.scenes))
        except ProjectError as exc:
            self._error("Cannot start a new project", exc)
            return False
        name = TEMPLATES[template].name
        self.doc.message.emit(f"New drama from the {name} template: Save to choose its folder")
        return True

    def open_copy(self, source: str | Path) -> bool:
        """Open a copy of the project folder ``source`` (a sample) as a new untitled project."""
        if not self.maybe_save():
            return False
        folder = new_untitled_folder()
        try:
            copy_project(Path(source), folder)
            self.autosaver.remove()
            self.doc.open_untitled(folder, dirty=True)
        except (OSError, ProjectError) as exc:
            shutil.rmtree(folder, ignore_errors=True)
            self._error("Cannot open the sample", ProjectError(f"{source}: {exc}"))
            return False
        return True

    def open_draft(self, folder: str | Path) -> bool:
        """Open untitled work a studio left behind (it stays untitled: Save asks for its folder)."""
        if not self.maybe_save():
            return False
        self.autosaver.remove()
        try:
            self.doc.open_untitled(Path(folder), dirty=True)
        except ProjectError as exc:
            self._error("Cannot open the draft", exc)
            return False
        return True

    def close_project(self) -> bool:
        """Close the project (asking to save it if needed): the window shows its start screen."""
        if not self.maybe_save():
            return False
        self.autosaver.remove()
        self.doc.new()
        return True

    def open(self, path: str | Path | None = None, read_only: bool = False) -> bool:
        if not self.maybe_save():
            return False
        if path is None:
            chosen = dialogs.open_project_path(self.window, self._start_dir())
            if chosen is None:
                return False
            path = chosen
        path = dialogs.project_folder(path)
        claimed: ProjectLock | None = None
        if not read_only:
            go_on, claimed = self._claim(path)
            if not go_on:
                return False
        self.autosaver.remove()
        try:
            self.doc.open(path, read_only=read_only)
        except ProjectError as exc:
            if claimed is not None:
                claimed.release()
            self._error("Cannot open project", exc)
            settings.remove_recent(path)
            self.recent_changed.emit()
            return False
        if self.doc.path is not None:
            settings.add_recent(self.doc.path.parent)
            self.recent_changed.emit()
        return True

    def save(self) -> bool:
        if self.doc.path is None or self.doc.untitled:
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
        name = folder_name(self.doc.display_name()) if self.doc.untitled else ""
        chosen = dialogs.save_project_folder(self.window, self._start_dir(), name)
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

    def take_over(self) -> bool:
        """Edit a project open read-only: asks first if another studio still holds its lock.

        A clean project is read again (the other studio may have saved); unsaved
        (recovered) work is kept and becomes editable.
        """
        doc = self.doc
        if doc.path is None or not doc.read_only:
            return False
        lock = ProjectLock(doc.path)
        owner = lock.acquire()
        if owner is not None:
            text = in_use_text(doc.path.parent.name, owner, TAKE_OVER)
            answer = dialogs.choose(self.window, "Take over editing", text, [TAKE_OVER, CANCEL], default=1)
            if answer != TAKE_OVER or not self._take_over_lock(lock):
                return False
        if doc.dirty:
            doc.user_read_only = False
            doc.set_project(doc.project, doc.path, dirty=True, disk_hash=doc.disk_hash, lock=lock)
            return True
        try:
            doc.open(doc.path)
        except ProjectError as exc:
            lock.release()
            self._error("Cannot reopen", exc)
            return False
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
