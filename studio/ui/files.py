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

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QWidget

from studio.app import lock_text, settings
from studio.app.autosave import AutoSaver, Recovery
from studio.app.document import DiskConflict, Document, ReadOnlyError
from studio.app.lockfile import LockInfo, ProjectLock, current_owner, read_lock, this_host
from studio.app.paths import new_untitled_folder
from studio.model.errors import ProjectError
from studio.model.io import project_file
from studio.templates import TEMPLATES, build
from studio.templates.samples import copy_project
from studio.ui import dialogs


def in_use_text(name: str, owner: LockInfo, action: str) -> str:
    """Who holds the project, and what ``action`` (Open Anyway / Take Over Editing) risks."""
    if owner.pid <= 0:
        who = QCoreApplication.translate("FileController", "'{name}' is locked by {owner}.")
    else:
        who = QCoreApplication.translate("FileController", "'{name}' is open in another studio: {owner}.")
        if owner.host != this_host():
            who += QCoreApplication.translate("FileController", " That studio runs on another computer.")
    risk = QCoreApplication.translate(
        "FileController",
        "Choose {action} only if that studio is no longer editing this project (it crashed, or its "
        "computer was switched off). If two studios edit one project, each save overwrites the "
        "other's changes and work is lost. {action} makes this studio the project's editor.")
    return who.format(name=name, owner=lock_text.describe(owner)) + "\n\n" + risk.format(action=action)


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
        save, discard, cancel = self.tr("Save"), self.tr("Discard"), dialogs.cancel()
        answer = dialogs.choose(
            self.window,
            self.tr("Unsaved changes"),
            self.tr("Save the changes to '{name}'?").format(name=self.doc.display_name()),
            [save, discard, cancel],
        )
        if answer == save:
            return self.save()
        if answer == discard:
            self.autosaver.remove()
            return True
        return False

    def _maybe_save_untitled(self) -> bool:
        """An untitled project with something in it: Save (choose its folder), Discard, or Cancel."""
        save, discard, cancel = self.tr("Save…"), self.tr("Discard"), dialogs.cancel()
        answer = dialogs.choose(
            self.window,
            self.tr("Save new project?"),
            self.tr("'{name}' has not been saved to a folder of yours yet. Save it?").format(
                name=self.doc.display_name()),
            [save, discard, cancel],
        )
        if answer == save:
            return self.save_as()
        if answer == discard:
            self.autosaver.remove()
            self.doc.discard_untitled()
            return True
        return False

    def _maybe_save_copy(self) -> bool:
        """Unsaved work in a read-only project (recovered while locked): Save As, or drop it."""
        save_as, discard, cancel = self.tr("Save As…"), self.tr("Discard"), dialogs.cancel()
        answer = dialogs.choose(
            self.window,
            self.tr("Unsaved changes"),
            self.tr("'{name}' is open read-only. Save your changes as a copy elsewhere?").format(
                name=self.doc.display_name()),
            [save_as, discard, cancel],
        )
        if answer == save_as:
            return self.save_as()
        if answer == discard:
            self.autosaver.remove()
            return True
        return False

    def _take_over_lock(self, lock: ProjectLock) -> bool:
        try:
            lock.take_over()
        except OSError as exc:
            problem = ProjectError(f"{lock.path}: {exc.strerror or exc}")
            self._error(self.tr("Cannot take over the project"), problem)
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
        read_only, anyway, cancel = self.tr("Open Read-Only"), self.tr("Open Anyway"), dialogs.cancel()
        text = in_use_text(file.parent.name, owner, anyway)
        answer = dialogs.choose(self.window, self.tr("Project in use"), text, [read_only, anyway, cancel])
        if answer == read_only:
            return True, None
        if answer == anyway and self._take_over_lock(lock):
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
            self._error(self.tr("Cannot start a new project"), exc)
            return False
        name = QCoreApplication.translate("Templates", TEMPLATES[template].name)
        self.doc.message.emit(
            self.tr("New drama from the {name} template: Save to choose its folder").format(name=name))
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
            self._error(self.tr("Cannot open the sample"), ProjectError(f"{source}: {exc}"))
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
            self._error(self.tr("Cannot open the draft"), exc)
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
            self._error(self.tr("Cannot open project"), exc)
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
            overwrite, save_as, cancel = self.tr("Overwrite"), self.tr("Save As…"), dialogs.cancel()
            answer = dialogs.choose(
                self.window,
                self.tr("Changed on disk"),
                self.tr("{problem}.\nOverwrite it with your version, save yours elsewhere, or cancel?")
                .format(problem=exc),
                [overwrite, save_as, cancel],
                default=2,
            )
            if answer == overwrite:
                return self._save_forced()
            if answer == save_as:
                return self.save_as()
            return False
        except ReadOnlyError:
            return self.save_as()
        except ProjectError as exc:
            self._error(self.tr("Not saved"), exc)
            return False
        self.doc.message.emit(self.tr("Saved {path}").format(path=self.doc.path))
        return True

    def _save_forced(self) -> bool:
        try:
            self.doc.save(overwrite=True)
        except ProjectError as exc:
            self._error(self.tr("Not saved"), exc)
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
            replace, cancel = self.tr("Replace"), dialogs.cancel()
            answer = dialogs.choose(
                self.window, self.tr("Replace project?"),
                self.tr("{problem}. Replace it?").format(problem=exc), [replace, cancel], 1,
            )
            if answer != replace or not self._save_forced_to(chosen):
                return False
        except ProjectError as exc:
            self._error(self.tr("Not saved"), exc)
            return False
        if self.doc.path is not None:
            settings.add_recent(self.doc.path.parent)
            self.recent_changed.emit()
        return True

    def _save_forced_to(self, path: str) -> bool:
        try:
            self.doc.save(path, overwrite=True)
        except ProjectError as exc:
            self._error(self.tr("Not saved"), exc)
            return False
        return True

    def revert(self) -> bool:
        if self.doc.path is None:
            return False
        if self.doc.dirty:
            revert = self.tr("Revert")
            answer = dialogs.choose(
                self.window,
                self.tr("Revert to saved"),
                self.tr("Drop all unsaved changes and reload the saved project?"),
                [revert, dialogs.cancel()],
                1,
            )
            if answer != revert:
                return False
        return self.reload()

    def reload(self) -> bool:
        """Read drama.json again (after it changed on disk)."""
        try:
            self.doc.revert()
        except ProjectError as exc:
            self._error(self.tr("Cannot reload"), exc)
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
            take_over = self.tr("Take Over Editing")
            text = in_use_text(doc.path.parent.name, owner, take_over)
            answer = dialogs.choose(self.window, self.tr("Take over editing"), text,
                                    [take_over, dialogs.cancel()], default=1)
            if answer != take_over or not self._take_over_lock(lock):
                return False
        if doc.dirty:
            doc.user_read_only = False
            doc.set_project(doc.project, doc.path, dirty=True, disk_hash=doc.disk_hash, lock=lock)
            return True
        try:
            doc.open(doc.path)
        except ProjectError as exc:
            lock.release()
            self._error(self.tr("Cannot reopen"), exc)
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
