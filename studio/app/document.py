"""The open project: model, file, undo stack and one change signal.

A :class:`Document` lives as long as its window.  Opening, reverting or
starting a new project swaps its content (``reset`` is emitted) so panels
built once keep working.  Every edit is an op from :mod:`studio.model.ops`
pushed through :meth:`Document.push` as one QUndoCommand; the document
applies it and emits ``changed(ChangeSet)``.  Views redraw from that signal
whether the change came from a user gesture, undo, redo or a load; they
never write the project themselves.

Saving goes through :func:`studio.model.io.save` (atomic, keeps a backup)
and refuses to overwrite a ``drama.json`` that another program changed since
it was loaded (:class:`DiskConflict`) unless told to.

A new project lives in a managed *untitled* folder (:func:`studio.app.paths.new_untitled_folder`)
from New until its first Save As, so clips can be imported into its ``media/`` at once and
autosave/recovery work as for any project; Save As moves it (clips hard-linked or copied) and
removes the untitled folder.  An untitled folder is also removed when the document leaves it
empty, or after :meth:`Document.discard_untitled`; otherwise it is kept (nothing is lost).
"""

from __future__ import annotations

import hashlib
import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Literal

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from studio.app import lock_text
from studio.app.commands import OpCommand
from studio.app.lockfile import LockInfo, ProjectLock
from studio.app.paths import is_untitled, new_untitled_folder
from studio.model.errors import ProjectError
from studio.model.io import (
    PROJECT_FILE,
    project_file,
    project_from_bytes,
    read_project_bytes,
    save,
)
from studio.model.ops import Applied, Batch, ChangeSet, Op, OpError, Outcome
from studio.model.project import Project

DiskState = Literal["same", "changed", "missing", "unsaved"]
UNTITLED = "Untitled drama"


class DiskConflict(ProjectError):
    """``drama.json`` was changed by another program since it was loaded."""


class ReadOnlyError(ProjectError):
    """The document is read-only (another studio holds the project's lock)."""


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def file_sha256(path: Path) -> str | None:
    try:
        return sha256_of(path.read_bytes())
    except OSError:
        return None


def _target_file(path: str | Path) -> Path:
    """A folder (existing or to be created) or a .json file -> the JSON file to write."""
    p = Path(path)
    if p.suffix.lower() != ".json":
        p = p / PROJECT_FILE
    return p.resolve()


def carry_media(project: Project, old: Path, new: Path) -> None:
    """Save As to another folder: bring the clips along (hard link, else copy)."""
    for asset in project.media:
        src, dst = old / asset.path, new / asset.path
        if dst.exists() or not src.is_file():
            continue
        dst.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.link(src, dst)
        except OSError:
            shutil.copy2(src, dst)


class Batcher:
    """Collects ops inside :meth:`Document.batch`; each is applied at once."""

    def __init__(self, document: Document) -> None:
        self._doc = document
        self.ops: list[Op] = []
        self.inverses: list[Op] = []

    def add(self, op: Op) -> Applied:
        applied = self._doc.apply_op(op)
        self.ops.append(op)
        self.inverses.append(applied.inverse)
        return applied


class Document(QObject):
    """One open project (or an untitled one) and its edit history."""

    changed = Signal(object)  # ChangeSet
    reset = Signal()  # the whole project was replaced (open/new/revert/recover)
    file_changed = Signal()  # path, read-only state or lock changed
    clean_changed = Signal(bool)
    message = Signal(str)  # one-line note for the user (refused edit, save result)

    def __init__(self, project: Project | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._project = project or Project(title=UNTITLED)
        self.path: Path | None = None
        self.read_only = False
        self.lock_owner: LockInfo | None = None
        self.disk_hash: str | None = None
        self.migrated_from: int | None = None
        self.user_read_only = False  # asked for read-only (not just locked out)
        self._lock: ProjectLock | None = None
        self._discard_untitled = False
        self.undo_stack = QUndoStack(self)
        self.undo_stack.cleanChanged.connect(self.clean_changed)

    # --- state ---------------------------------------------------------------
    @property
    def project(self) -> Project:
        return self._project

    @property
    def folder(self) -> Path | None:
        """The project folder (holding drama.json and media/), None if untitled."""
        return self.path.parent if self.path else None

    @property
    def dirty(self) -> bool:
        return not self.undo_stack.isClean()

    @property
    def untitled(self) -> bool:
        """The project lives in the studio's managed untitled folder (never saved by the user)."""
        return is_untitled(self.path)

    def has_content(self) -> bool:
        """Something a creator made: scenes or clips (an empty new project has none)."""
        return bool(self._project.scenes or self._project.media)

    def display_name(self) -> str:
        if self.path is None or self.untitled:
            return self._project.title or self.tr("Untitled drama")
        return self.path.parent.name if self.path.name == PROJECT_FILE else self.path.name

    # --- edits ---------------------------------------------------------------
    def apply_op(self, op: Op) -> Applied:
        """Apply ``op`` now and announce it (commands and batches call this)."""
        applied = op.apply(self._project)
        self.changed.emit(applied.changes)
        return applied

    def push(self, op: Op, text: str | None = None, merge: bool = False) -> Outcome:
        """Apply ``op`` as one undoable command.  The outcome is true when it was applied, else
        it holds the one-line reason it was refused (also announced on ``message``).

        ``merge`` lets consecutive ops with the same ``merge_key`` (keyboard
        nudges, typing in one field) collapse into one undo step.
        """
        if self.read_only:
            return self._refuse("This project is open read-only: edits are not possible.")
        try:
            applied = self.apply_op(op)
        except OpError as exc:
            return self._refuse(str(exc))
        self.undo_stack.push(OpCommand(self, op, applied.inverse, text or op.text, merge))
        return Outcome()

    def _refuse(self, reason: str) -> Outcome:
        self.message.emit(reason)
        return Outcome(reason)

    @contextmanager
    def batch(self, text: str) -> Iterator[Batcher]:
        """Several ops as ONE undo step; an exception rolls all of them back."""
        if self.read_only:
            raise ReadOnlyError(self.tr("This project is open read-only: edits are not possible."))
        batcher = Batcher(self)
        try:
            yield batcher
        except BaseException:
            for inverse in reversed(batcher.inverses):
                self.apply_op(inverse)
            raise
        if batcher.ops:
            op = Batch(tuple(batcher.ops), text)
            inverse = Batch(tuple(reversed(batcher.inverses)), text)
            self.undo_stack.push(OpCommand(self, op, inverse, text, False))

    # --- files ---------------------------------------------------------------
    def set_project(
        self,
        project: Project,
        path: Path | None,
        *,
        dirty: bool = False,
        disk_hash: str | None = None,
        read_only: bool = False,
        lock: ProjectLock | None = None,
        lock_owner: LockInfo | None = None,
    ) -> None:
        """Replace the whole content; the undo history starts afresh."""
        left = self.path if self.path != path else None
        if self._lock is not None and self._lock is not lock:
            self._lock.release()
        self._lock = lock
        if left is not None:
            self._leave_untitled(left)
        self._project = project
        self.path = path
        self.disk_hash = disk_hash
        self.read_only = read_only
        self.lock_owner = lock_owner
        self.undo_stack.clear()
        if dirty:
            self.undo_stack.resetClean()
        else:
            self.undo_stack.setClean()
        self.clean_changed.emit(not dirty)
        self.reset.emit()
        self.changed.emit(ChangeSet.everything())
        self.file_changed.emit()

    def new(self, title: str = UNTITLED) -> None:
        """No file at all (the window's "no project open" state); see :meth:`new_untitled`."""
        self.migrated_from = None
        self.set_project(Project(title=title), None)

    def new_untitled(self, project: Project | None = None, *, dirty: bool = False) -> Path:
        """Start ``project`` (default: an empty one) in a fresh untitled folder; returns the folder."""
        folder = new_untitled_folder()
        try:
            save(project or Project(title=self.tr("Untitled drama")), folder / PROJECT_FILE)
        except (ProjectError, OSError) as exc:
            shutil.rmtree(folder, ignore_errors=True)
            raise ProjectError(self.tr("{folder}: cannot start a new project ({problem})").format(
                folder=folder, problem=exc)) from None
        self.open_untitled(folder, dirty=dirty)
        return folder

    def open_untitled(self, folder: Path, *, dirty: bool = False) -> None:
        """Open a project built in an untitled folder (a template, a sample's copy).

        ``dirty``: it holds content the creator has not saved anywhere yet, so autosave covers it
        and closing asks to save it.
        """
        self.open(folder)
        if dirty:
            self.undo_stack.resetClean()
            self.clean_changed.emit(False)

    def discard_untitled(self) -> None:
        """The creator chose to drop this untitled project: its folder goes when the document leaves it."""
        self._discard_untitled = self.untitled

    def _leave_untitled(self, path: Path) -> None:
        """The document no longer shows ``path``: remove it if it was an untitled folder that was
        discarded or left empty and clean."""
        discard, self._discard_untitled = self._discard_untitled, False
        if not is_untitled(path):
            return
        folder = path.parent if path.name == PROJECT_FILE else path
        if discard or not (self.has_content() or self.dirty):
            shutil.rmtree(folder, ignore_errors=True)

    def open(self, path: str | Path, read_only: bool = False) -> None:
        """Load a project folder (or its drama.json); raises ProjectError (one line).

        If another studio holds the project's lock, it opens read-only and
        ``lock_owner`` says who holds it.
        """
        file = project_file(path).resolve()
        self.user_read_only = read_only
        data = read_project_bytes(file)
        project, original = project_from_bytes(file, data)
        lock: ProjectLock | None = None
        owner: LockInfo | None = None
        if not read_only:
            lock = self._lock if self._lock and self._lock.path.parent == file.parent else None
            lock = lock or ProjectLock(file)
            owner = lock.acquire()
            if owner is not None:
                lock, read_only = None, True
        self.migrated_from = original if original != project.schema_version else None
        self.set_project(
            project,
            file,
            disk_hash=sha256_of(data),
            read_only=read_only,
            lock=lock,
            lock_owner=owner,
        )

    def disk_state(self) -> DiskState:
        """Whether drama.json on disk still matches what was loaded/saved."""
        if self.path is None:
            return "unsaved"
        current = file_sha256(self.path)
        if current is None:
            return "missing"
        return "same" if current == self.disk_hash else "changed"

    def save(self, path: str | Path | None = None, *, overwrite: bool = False) -> Path:
        """Save (to ``path`` for Save As); marks the undo stack clean.

        Raises :class:`DiskConflict` if the file changed on disk since it was
        loaded and ``overwrite`` is False, :class:`ReadOnlyError` for a
        read-only document saved in place, ProjectError otherwise.
        """
        target = _target_file(path) if path is not None else self.path
        if target is None:
            raise ProjectError(self.tr("choose where to save this new project (Save As)"))
        same_file = self.path is not None and target == self.path
        if same_file and self.read_only:
            raise ReadOnlyError(
                self.tr("{file}: open read-only; use Save As to save a copy").format(file=target))
        lock = self._lock
        if not same_file:
            if target.exists() and not overwrite:
                raise DiskConflict(self.tr("{file}: a project already exists there").format(file=target))
            try:
                target.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise ProjectError(self._not_saved(target, exc)) from None
            lock = ProjectLock(target)
            owner = lock.acquire()
            if owner is not None:
                raise ProjectError(self.tr("{file}: open in another studio ({owner})").format(
                    file=target, owner=lock_text.describe(owner)))
        elif not overwrite and self.disk_state() == "changed":
            raise DiskConflict(
                self.tr("{file}: changed on disk by another program since it was opened").format(file=target))
        try:
            if self.folder is not None and target.parent != self.folder:
                carry_media(self._project, self.folder, target.parent)
            written = save(self._project, target)
        except (ProjectError, OSError) as exc:
            if lock is not self._lock and lock is not None:
                lock.release()
            if isinstance(exc, OSError):
                raise ProjectError(self._not_saved(target, exc)) from None
            raise
        if lock is not self._lock and self._lock is not None:
            self._lock.release()
        self._lock = lock
        moved_from = self.folder if self.untitled and self.folder != written.parent else None
        self.path = written
        self.disk_hash = file_sha256(written)
        self.read_only = False
        self.lock_owner = None
        self.migrated_from = None
        self.undo_stack.setClean()
        if moved_from is not None:  # Save As of an untitled project: it now lives where the creator chose
            shutil.rmtree(moved_from, ignore_errors=True)
        self.file_changed.emit()
        return written

    def _not_saved(self, target: Path, exc: OSError) -> str:
        return self.tr("{file}: not saved ({reason})").format(file=target, reason=exc.strerror or exc)

    def revert(self) -> None:
        """Reload drama.json from disk, dropping unsaved edits."""
        if self.path is None:
            raise ProjectError(self.tr("this project has never been saved"))
        self.open(self.path, read_only=self.user_read_only)

    def close(self) -> None:
        """Release the lock (call when the window closes); an empty or discarded untitled folder goes.

        The undo history goes too, here rather than whenever the garbage collector frees the
        document: PySide keeps pushed commands alive through the stack's wrapper, and a cycle
        through a widget holding the document let the collector free a command before
        QUndoStack::clear() deleted it again (a crash at exit)."""
        blocked = self.undo_stack.blockSignals(True)  # closing is not saving: nobody hears "clean"
        self.undo_stack.clear()
        self.undo_stack.blockSignals(blocked)
        if self._lock is not None:
            self._lock.release()
            self._lock = None
        if self.path is not None:
            self._leave_untitled(self.path)
