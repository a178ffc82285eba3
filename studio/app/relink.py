"""Relinking missing clips: find a moved file, or take one the user picks.

:func:`find_moved` walks search folders for a file with the missing clip's
size and sha256 (names matching first).  :class:`Relinker` does the search
and the probe/copy off the UI thread, then pushes one undoable edit that
replaces the media entry (same id, so every scene using it follows).
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from studio.app.media_import import Imported, asset_for, import_file
from studio.app.workers import CancelToken, Job
from studio.media.probe import sha256_file
from studio.model.ops import MediaRef, SetField
from studio.model.project import MediaAsset

if TYPE_CHECKING:
    from studio.app.document import Document

MAX_FILES = 50_000


def find_moved(asset: MediaAsset, roots: Sequence[Path], token: CancelToken) -> Path | None:
    """A file under ``roots`` with the clip's size and content, or None."""
    name = Path(asset.path).name
    candidates: list[Path] = []
    seen = 0
    for root in roots:
        for folder, dirs, files in os.walk(root):
            dirs[:] = [d for d in dirs if not d.startswith(".")]
            for f in files:
                seen += 1
                if seen > MAX_FILES:
                    break
                path = Path(folder) / f
                try:
                    if path.stat().st_size == asset.size:
                        candidates.append(path)
                except OSError:
                    continue
            token.check()
    candidates.sort(key=lambda p: p.name != name)
    for path in candidates:
        token.check()
        try:
            if sha256_file(path, check=token.check) == asset.sha256:
                return path
        except OSError:
            continue
    return None


class Relinker(QObject):
    """Relinks one clip at a time, in the background."""

    finished = Signal(str, bool, str)  # media id, relinked?, one-line message

    def __init__(self, document: Document) -> None:
        super().__init__(document)
        self._doc = document
        self._job: Job | None = None
        self.not_found: str | None = None  # the clip whose last search found no file

    @property
    def busy(self) -> bool:
        return self._job is not None

    def search(self, media_id: str, roots: Sequence[Path]) -> bool:
        """Look for the moved file under ``roots`` and relink it if found."""
        return self._start(media_id, None, list(roots))

    def relink_to(self, media_id: str, file: Path) -> bool:
        """Use ``file`` for the clip (copied into media/ if outside the project)."""
        return self._start(media_id, file, [])

    def _start(self, media_id: str, file: Path | None, roots: list[Path]) -> bool:
        asset = self._doc.project.media_map().get(media_id)
        folder = self._doc.folder
        if asset is None or folder is None or self._job is not None or self._doc.read_only:
            return False

        def work(_item: object, token: CancelToken) -> Imported | None:
            found = file or find_moved(asset, roots, token)
            return import_file(found, folder, token) if found else None

        self.not_found = None
        job = Job(work, [media_id], parent=self)
        job.result.connect(lambda _i, imported: self._done(asset, imported))
        job.failed.connect(lambda _i, reason: self.finished.emit(asset.id, False, reason))
        job.finished.connect(self._clear)
        self._job = job
        job.start()
        return True

    def cancel(self) -> None:
        if self._job is not None:
            self._job.cancel()

    def _clear(self, _cancelled: bool) -> None:
        self._job = None

    def _done(self, asset: MediaAsset, imported: Imported | None) -> None:
        if imported is None:
            missing = self.tr("'{name}' was not found").format(name=Path(asset.path).name)
            self.not_found = asset.id
            self.finished.emit(asset.id, False, missing)
            return
        new = asset_for(imported, asset.id)
        text = self.tr("Relink '{id}'").format(id=asset.id)
        outcome = self._doc.push(SetField(MediaRef(asset.id), new), text)
        if new.sha256 == asset.sha256:
            done = self.tr("'{id}' now uses {path}")
        else:
            done = self.tr("'{id}' now uses {path} (different content: check the scenes' timing)")
        text = done.format(id=asset.id, path=new.path) if outcome else outcome.reason or ""
        self.finished.emit(asset.id, bool(outcome), text)
