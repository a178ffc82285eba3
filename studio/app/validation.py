"""Validation after edits, without blocking typing or dragging.

:class:`ValidationRunner` collects the scenes named by each ``changed``
signal and, once edits pause for ``delay_ms``, revalidates incrementally with
``studio.graph.Validator`` on the UI thread (milliseconds even at 5,000
scenes).  Media files are checked (exists/size/hash, hashes cached) on a pool
thread when the media list changes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from studio.app.workers import run_async
from studio.graph.context import scene_titles
from studio.graph.media_checks import MediaHashCache, check_media
from studio.graph.names import SceneNames
from studio.graph.validate import Validator
from studio.model import Problem
from studio.model.ops import ChangeSet

if TYPE_CHECKING:
    from studio.app.document import Document


class ValidationRunner(QObject):
    """Keeps ``problems`` (and ``by_scene``) up to date after edits."""

    problems_changed = Signal()

    def __init__(self, document: Document, delay_ms: int = 250) -> None:
        super().__init__(document)
        self._doc = document
        self.problems: list[Problem] = []
        self.by_scene: dict[str, list[Problem]] = {}
        self._media: list[Problem] = []
        self._found: list[Problem] = []
        self._pending: set[str] = set()
        self._structure = False
        self._full = True
        self._validator = Validator(None, check_media=False)
        self._hashes = MediaHashCache()
        self._media_generation = 0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self.run_now)
        document.changed.connect(self._on_changed)
        self._timer.start()
        self._media_pending = True

    def _on_changed(self, changes: ChangeSet) -> None:
        if changes.layout_only:
            return
        self._pending |= changes.scenes
        self._structure = self._structure or changes.structure or changes.project
        self._full = self._full or changes.reset or changes.catalog or changes.media
        if changes.reset or changes.media:
            self._media_pending = True
        self._timer.start()  # restart: run once edits pause

    def run_now(self) -> None:
        """Validate pending changes immediately (tests, before export)."""
        self._timer.stop()
        if self._media_pending:
            self._media_pending = False
            self._check_media()
        project = self._doc.project
        if self._full:
            found = self._validator.validate(project)
        else:
            found = self._validator.update(project, self._pending, self._structure)
        self._pending.clear()
        self._structure = self._full = False
        self._found = list(found)
        self._publish()

    def _publish(self) -> None:
        problems = self._media + self._found
        by_scene: dict[str, list[Problem]] = {}
        for p in problems:
            if p.scene:
                by_scene.setdefault(p.scene, []).append(p)
        if problems != self.problems:
            self.problems, self.by_scene = problems, by_scene
            self.problems_changed.emit()

    def _check_media(self) -> None:
        folder = self._doc.folder
        if folder is None:
            self._media = []
            return
        self._media_generation += 1
        generation = self._media_generation
        assets = [m.model_copy() for m in self._doc.project.media]
        users: dict[str, list[str]] = {}
        for s in self._doc.project.scenes:
            if s.media is not None:
                users.setdefault(s.media, []).append(s.id)
        cache = self._hashes
        names = SceneNames((), scene_titles(self._doc.project.scenes))  # scenes named by title

        def work() -> list[Problem]:
            return list(check_media(assets, folder, lambda mid: users.get(mid, []), cache, names))

        def done(found: list[Problem]) -> None:
            if generation == self._media_generation:
                self._media = found
                self._publish()

        run_async(work, done, parent=self)
