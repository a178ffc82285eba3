"""The open review: coverage, comments and approvals of the document's project.

:class:`ReviewSession` (a widget-free QObject) holds the
:class:`~studio.model.review.Review` stored beside the project as
``drama.review.json``.  Every change is saved at once, atomically, through
:func:`~studio.model.review.save_review`; ``drama.json`` is never written, so
a read-only (review mode) document stays untouched.

* **Coverage.**  :meth:`watch` connects a
  :class:`~studio.app.playthrough.PlaythroughController`: while
  :attr:`recording` is on, every ``scene_started`` marks its scene watched and
  every ``choice_made`` its ``scene/option`` (:meth:`record_event` takes the
  engine contract's JSON events, e.g. from ``run_trace``).
* **Comments** are pinned to a scene and a clip time with an open/resolved
  status; **approvals** remember the project's sha256 at the time, so an
  approval given to an older version shows as stale.
* **Author** comes from the stored setting ``review/author``, else
  ``$DRAMA_STUDIO_REVIEWER``, else the login name (:meth:`set_author` stores it).
* The session follows the document: opening another project loads that
  project's review.  A damaged review file is reported in one line and never
  overwritten (changes stay in memory); an untitled project keeps its review
  in memory until it is saved.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from PySide6.QtCore import QObject, Signal

from studio.app import settings
from studio.app.reviewer import AUTHOR_KEY, ENV_REVIEWER, MAX_AUTHOR, default_author, now_iso
from studio.model.atomic import atomic_write_bytes
from studio.model.errors import ProjectError
from studio.model.review import (
    Approval,
    Comment,
    Coverage,
    Review,
    coverage,
    load_review,
    next_unwatched,
    project_hash,
    review_path,
    save_review,
)
from studio.model.review_report import report_html, report_json_text

if TYPE_CHECKING:
    from studio.app.document import Document
    from studio.app.playthrough import PlaythroughController

MAX_TEXT = 2000
Status = Literal["open", "resolved"]
ApprovalState = Literal["none", "approved", "stale"]


@dataclass(frozen=True)
class NextBranch:
    """Where "next unwatched branch" plays from, and what to choose there."""

    scene: str
    option: str | None  # None: an unwatched scene no decision leads to (play it directly)


class ReviewSession(QObject):
    """The review of the document's project, saved beside it on every change."""

    changed = Signal()  # the review's content changed (already saved, or a save failed)
    reloaded = Signal()  # another review was loaded (another project opened)
    message = Signal(str)  # one-line note: a save failed, a refused change
    recording_changed = Signal(bool)
    author_changed = Signal(str)

    def __init__(
        self,
        document: Document,
        author: str | None = None,
        recording: bool | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent if parent is not None else document)
        self._doc = document
        self._author = (author or default_author()).strip()[:MAX_AUTHOR] or "Reviewer"
        self._recording_fixed = recording
        self._recording = bool(recording) if recording is not None else document.read_only
        self._read_only = document.read_only  # recording follows changes of this (review mode)
        self.review = Review()
        self.folder: Path | None = None
        self.error: str | None = None  # the review file could not be read: never overwritten
        self._watched: list[PlaythroughController] = []
        self._suspended = 0  # steering to a branch: what it jumps through is not watched
        document.reset.connect(self._follow_document)
        document.file_changed.connect(self._follow_document)
        self._load(document.folder)

    # -- following the document ------------------------------------------------------
    @property
    def document(self) -> Document:
        return self._doc

    def _follow_document(self) -> None:
        folder = self._doc.folder
        if self._doc.read_only != self._read_only:  # entering/leaving review mode
            self._read_only = self._doc.read_only
            if self._recording_fixed is None:
                self.set_recording(self._read_only)
        if folder != self.folder:
            fresh = folder is not None and not review_path(folder).exists()
            if self.folder is None and fresh and self._has_content():
                self.folder = folder  # an untitled project was saved: its review goes along
                self.error = None
                self._save()
                return
            self._load(folder)

    def _has_content(self) -> bool:
        r = self.review
        return bool(r.watched_scenes or r.watched_options or r.comments or r.approvals)

    def _load(self, folder: Path | None) -> None:
        self.folder, self.error = folder, None
        review = Review()
        if folder is not None:
            try:
                review = load_review(folder)
            except ProjectError as exc:
                self.error = str(exc)
                self.message.emit(
                    self.tr("{problem} (not overwritten; changes stay unsaved)").format(problem=exc))
        self.review = review
        self.reloaded.emit()
        self.changed.emit()

    @property
    def path(self) -> Path | None:
        return review_path(self.folder) if self.folder is not None else None

    def _save(self) -> bool:
        """Save now; on failure say why in one line and keep the change in memory."""
        ok = False
        if self.folder is None:
            self.message.emit(self.tr("Save the project first: the review is stored beside drama.json."))
        elif self.error is not None:
            self.message.emit(self.tr("Review not saved: {reason}").format(reason=self.error))
        else:
            try:
                save_review(self.folder, self.review)
                ok = True
            except ProjectError as exc:
                self.message.emit(str(exc))
        self.changed.emit()
        return ok

    # -- author and recording -------------------------------------------------------------
    @property
    def author(self) -> str:
        return self._author

    def set_author(self, name: str, remember: bool = True) -> bool:
        """Use ``name`` for new comments and approvals (stored for next time)."""
        name = " ".join(name.split())[:MAX_AUTHOR]
        if not name:
            self.message.emit(self.tr("The reviewer name cannot be empty."))
            return False
        self._author = name
        self.author_changed.emit(name)
        if remember:
            s = settings.qsettings()
            s.setValue(AUTHOR_KEY, name)
            s.sync()
        return True

    @property
    def recording(self) -> bool:
        """Playthrough events mark scenes and options watched."""
        return self._recording

    def set_recording(self, on: bool) -> None:
        if on != self._recording:
            self._recording = on
            self.recording_changed.emit(on)

    @contextlib.contextmanager
    def suspended(self) -> Iterator[None]:
        """Record nothing meanwhile (steering jumps through the story: not watched)."""
        self._suspended += 1
        try:
            yield
        finally:
            self._suspended -= 1

    def watch(self, controller: PlaythroughController) -> None:
        """Record what ``controller`` plays (once per controller)."""
        if controller in self._watched:
            return
        self._watched.append(controller)
        controller.event_emitted.connect(self.record_event)
        controller.destroyed.connect(lambda _obj=None, c=controller: self._forget(c))

    def _forget(self, controller: PlaythroughController) -> None:
        with contextlib.suppress(ValueError):
            self._watched.remove(controller)

    def record_event(self, event: Mapping[str, Any]) -> bool:
        """Mark what one engine event shows as watched; True if the review changed."""
        if not self._recording or self._suspended:
            return False
        kind, scene = event.get("type"), event.get("scene")
        if not isinstance(scene, str):
            return False
        if kind == "scene_started":
            changed = self.review.mark_scene(scene)
        elif kind == "choice_made" and isinstance(event.get("option"), str):
            changed = self.review.mark_option(scene, str(event["option"]))
        else:
            return False
        if changed:
            self._save()
        return changed

    def record_events(self, events: Iterable[Mapping[str, Any]]) -> int:
        """Record a whole trace (e.g. ``run_trace``'s); the number of new marks."""
        return sum(self.record_event(e) for e in events)

    # -- coverage ---------------------------------------------------------------------
    def coverage(self) -> Coverage:
        return coverage(self._doc.project, self.review)

    def watched_scenes(self) -> set[str]:
        return set(self.review.watched_scenes)

    def watched_edges(self) -> set[tuple[str, str]]:
        """Watched options as ``(scene, option)`` keys."""
        pairs = (key.partition("/") for key in self.review.watched_options)
        return {(scene, option) for scene, _, option in pairs}

    def next_branch(self, from_scene: str | None = None) -> NextBranch | None:
        """The nearest decision leading to something unwatched (from ``from_scene``,
        then from the start); else an unwatched scene nothing reaches; else None."""
        project = self._doc.project
        scenes = project.scene_map()
        for origin in (from_scene, None):
            if origin is not None and origin not in scenes:
                continue
            found = next_unwatched(project, self.review, origin)
            if found is not None:
                return NextBranch(*found)
        unwatched = self.coverage().unwatched_scenes
        return NextBranch(unwatched[0], None) if unwatched else None

    # -- comments ---------------------------------------------------------------------
    def comment(self, comment_id: str) -> Comment | None:
        return next((c for c in self.review.comments if c.id == comment_id), None)

    def comments(self, scene: str | None = None, status: Status | None = None) -> list[Comment]:
        """Comments (of one scene / status), by scene order of the project, then time."""
        order = {s.id: n for n, s in enumerate(self._doc.project.scenes)}
        found = [
            c
            for c in self.review.comments
            if (scene is None or c.scene == scene) and (status is None or c.status == status)
        ]
        return sorted(found, key=lambda c: (order.get(c.scene, len(order)), c.scene, c.t_ms, c.id))

    def add_comment(self, scene: str, t_ms: int, text: str) -> Comment | None:
        """Pin a new open comment to ``scene`` at clip time ``t_ms``; None if refused."""
        text = text.strip()
        if not text:
            self.message.emit(self.tr("Write the comment first."))
            return None
        if len(text) > MAX_TEXT:
            self.message.emit(
                self.tr("A comment holds at most {max} characters (this one has {count}).").format(
                max=MAX_TEXT, count=len(text)))
            return None
        if scene not in self._doc.project.scene_map():
            self.message.emit(self.tr("scene '{scene}' does not exist: the comment was not added.").format(
                scene=scene))
            return None
        comment = Comment(
            id=self.review.next_comment_id(),
            scene=scene,
            t_ms=max(0, int(t_ms)),
            author=self._author,
            text=text,
            created=now_iso(),
        )
        self.review.comments.append(comment)
        self._save()
        return comment

    def set_status(self, comment_id: str, status: Status) -> bool:
        """Open or resolve a comment (saved); False if it does not exist or has that status."""
        comment = self.comment(comment_id)
        if comment is None or comment.status == status:
            return False
        comment.status = status
        self._save()
        return True

    def resolve(self, comment_id: str) -> bool:
        return self.set_status(comment_id, "resolved")

    def reopen(self, comment_id: str) -> bool:
        return self.set_status(comment_id, "open")

    def delete_comment(self, comment_id: str) -> bool:
        comment = self.comment(comment_id)
        if comment is None:
            return False
        self.review.comments.remove(comment)
        self._save()
        return True

    # -- approvals --------------------------------------------------------------------
    def approvals(self, scene: str | None = None) -> list[Approval]:
        return [a for a in self.review.approvals if scene is None or a.scene == scene]

    def approval_state(self, scene: str) -> ApprovalState:
        """``approved`` (of the project as it is on disk now), ``stale`` (an older version) or ``none``."""
        found = self.approvals(scene)
        if not found:
            return "none"
        current = self._current_hash()
        return "approved" if any(a.project_sha256 == current for a in found) else "stale"

    def _current_hash(self) -> str | None:
        """sha256 of the project file as the studio loaded/saved it (else as on disk)."""
        if self._doc.disk_hash is not None:
            return self._doc.disk_hash
        if self.folder is None:
            return None
        try:
            return project_hash(self.folder)
        except OSError:
            return None

    def approve(self, scene: str) -> Approval | None:
        """Approve ``scene`` as the project is on disk now (replaces this author's earlier approval)."""
        if scene not in self._doc.project.scene_map():
            self.message.emit(
                self.tr("scene '{scene}' does not exist: nothing to approve.").format(scene=scene))
            return None
        digest = self._current_hash()
        if digest is None:
            self.message.emit(
                self.tr("Save the project first: an approval records the saved project's hash."))
            return None
        approval = Approval(scene=scene, author=self._author, at=now_iso(), project_sha256=digest)
        self.review.approvals = [
            a for a in self.review.approvals if not (a.scene == scene and a.author == self._author)
        ] + [approval]
        self._save()
        return approval

    def unapprove(self, scene: str) -> bool:
        """Withdraw this author's approval of ``scene``."""
        kept = [a for a in self.review.approvals if not (a.scene == scene and a.author == self._author)]
        if len(kept) == len(self.review.approvals):
            return False
        self.review.approvals = kept
        self._save()
        return True

    # -- report -----------------------------------------------------------------------
    def export_report(
        self, html_path: str | os.PathLike[str] | None, json_path: str | os.PathLike[str] | None
    ) -> list[Path]:
        """Write the review report as HTML and/or JSON (atomically); the paths written.

        Raises ProjectError (one line naming the file) when a file cannot be written.
        """
        project = self._doc.project
        jobs: list[tuple[Path, str]] = []
        if html_path is not None:
            jobs.append((Path(html_path), report_html(project, self.review)))
        if json_path is not None:
            jobs.append((Path(json_path), report_json_text(project, self.review)))
        protected = {p.resolve() for p in (self._doc.path, self.path) if p is not None}
        for path, _ in jobs:
            if path.resolve() in protected:
                raise ProjectError(
                    self.tr("{path}: a report never replaces the project or its review file").format(
                    path=path))
        written = []
        for path, text in jobs:
            try:
                atomic_write_bytes(path, text.encode("utf-8"))
            except OSError as exc:
                raise ProjectError(self.tr("{path}: report not written ({reason})").format(
                    path=path, reason=exc.strerror or exc)) from None
            written.append(path)
        return written


__all__ = ["ENV_REVIEWER", "NextBranch", "ReviewSession", "default_author", "now_iso"]
