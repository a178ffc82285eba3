"""Clip thumbnails for the graph and the library, decoded off the UI thread.

``ThumbnailCache.image(media_id)`` returns a cached ``QImage`` or ``None``
and, on a miss, queues a decode (``studio.media.frames.extract_frame``) on a
pool thread; ``ready(media_id)`` fires when the image arrives.  Images are
keyed by the file's path and content hash, so a relinked clip is decoded
again and unchanged clips never are.  Files that cannot be decoded are
remembered and not retried until their entry changes.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QImage

from studio.app.workers import CancelToken, Job
from studio.model.ops import ChangeSet

if TYPE_CHECKING:
    from studio.app.document import Document

THUMB_HEIGHT = 128
Key = tuple[str, str]  # (absolute path, sha256)


def decode_thumbnail(path: Path, at_ms: int, height: int = THUMB_HEIGHT) -> QImage:
    """One frame as an RGB888 QImage (safe to call on any thread)."""
    from studio.media.frames import extract_frame

    frame = extract_frame(path, at_ms, height)
    image = QImage(frame.rgb, frame.width, frame.height, frame.width * 3, QImage.Format.Format_RGB888)
    return image.copy()  # own the pixels: frame.rgb is released after this call


class ThumbnailCache(QObject):
    """Per-clip poster frames, decoded in the background and kept in memory."""

    ready = Signal(str)  # media id

    def __init__(self, document: Document) -> None:
        super().__init__(document)
        self._doc = document
        self._images: dict[Key, QImage] = {}
        self._failed: set[Key] = set()
        self._pending: set[Key] = set()
        self._jobs: list[Job] = []
        document.changed.connect(self._on_changed)

    def _key(self, media_id: str) -> tuple[Key, int] | None:
        asset = self._doc.project.media_map().get(media_id)
        folder = self._doc.folder
        if asset is None or folder is None:
            return None
        at_ms = min(asset.duration_ms // 3, 1500)
        return (str(folder / asset.path), asset.sha256), at_ms

    def image(self, media_id: str) -> QImage | None:
        """The clip's thumbnail if decoded; otherwise queue it and return None."""
        found = self._key(media_id)
        if found is None:
            return None
        key, at_ms = found
        image = self._images.get(key)
        if image is not None or key in self._failed or key in self._pending:
            return image
        self._pending.add(key)
        job = Job(self._decode, [(media_id, key, at_ms)], lambda item: str(item[0]), self)
        job.result.connect(self._on_result)
        job.failed.connect(self._on_failed)
        job.finished.connect(lambda _c, job=job: self._jobs.remove(job))
        self._jobs.append(job)
        job.start()
        return None

    def failed(self, media_id: str) -> bool:
        found = self._key(media_id)
        return found is not None and found[0] in self._failed

    @staticmethod
    def _decode(item: tuple[str, Key, int], token: CancelToken) -> QImage:
        _media_id, key, at_ms = item
        token.check()
        return decode_thumbnail(Path(key[0]), at_ms)

    def _on_result(self, item: tuple[str, Key, int], image: QImage) -> None:
        media_id, key, _ = item
        self._pending.discard(key)
        self._images[key] = image
        self.ready.emit(media_id)

    def _on_failed(self, item: tuple[str, Key, int], _reason: str) -> None:
        media_id, key, _ = item
        self._pending.discard(key)
        self._failed.add(key)
        self.ready.emit(media_id)

    def _on_changed(self, changes: ChangeSet) -> None:
        if changes.reset:
            self._failed.clear()  # files may have appeared since

    def shutdown(self) -> None:
        for job in self._jobs:
            job.cancel()
