"""The clip's thumbnail strip, decoded off the UI thread and cached.

:class:`StripLoader` asks for ``count`` evenly spaced frames of a clip
(:func:`studio.app.thumbnails.strip_images`: from the thumbnail store on disk, else decoded
and stored there) on a pool thread through :class:`studio.app.workers.Job`; asking for another
clip cancels the decode in flight.  Results are also kept in memory per (path, sha256, count,
height), so going back to a scene or zooming never reads them again, and a clip seen in an
earlier session is not decoded again.
"""

from __future__ import annotations

from collections import OrderedDict
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QImage

from studio.app.thumbnails import strip_images
from studio.app.workers import CancelToken, Job

THUMB_HEIGHT = 88  # decoded height; drawn at the strip height (crisp on HiDPI)
CACHE_CLIPS = 24
StripKey = tuple[str, str, int, int]
_CACHE: OrderedDict[StripKey, list[QImage]] = OrderedDict()


def thumb_count(duration_ms: int) -> int:
    """One thumbnail per 250 ms of clip, between 8 and 48."""
    return max(8, min(48, duration_ms // 250))


def decode_strip(key: StripKey, token: CancelToken) -> list[QImage]:
    """A strip from the thumbnail store, or decoded and stored (runs on a pool thread; touches no
    widget)."""
    path, sha, count, height = key
    return strip_images(Path(path), sha, count, height, cancel=lambda: token.cancelled)


class StripLoader(QObject):
    """Loads one clip's strip at a time; ``ready`` fires when it arrives."""

    ready = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._key: StripKey | None = None
        self._job: Job | None = None
        self.images: list[QImage] = []
        self.error: str | None = None

    def request(self, path: Path | None, sha256: str, duration_ms: int) -> None:
        """Show the strip of ``path`` (None: no clip); decodes in the background if needed."""
        key = None if path is None else (str(path), sha256, thumb_count(duration_ms), THUMB_HEIGHT)
        if key == self._key:
            return
        self.cancel()
        self._key = key
        self.error = None
        self.images = []
        if key is None:
            self.ready.emit()
            return
        cached = _CACHE.get(key)
        if cached is not None:
            _CACHE.move_to_end(key)
            self.images = cached
            self.ready.emit()
            return
        if not Path(key[0]).is_file():
            self.error = self.tr("clip not found: {path}").format(path=key[0])
            self.ready.emit()
            return
        job = Job(decode_strip, [key], lambda k: Path(k[0]).name)
        job.result.connect(self._on_result)
        job.failed.connect(self._on_failed)
        self._job = job
        job.start()

    @property
    def loading(self) -> bool:
        return self._job is not None and self._job.running

    def cancel(self) -> None:
        if self._job is not None:
            self._job.cancel()
            self._job = None

    def _on_result(self, key: StripKey, images: list[QImage]) -> None:
        _CACHE[key] = images
        while len(_CACHE) > CACHE_CLIPS:
            _CACHE.popitem(last=False)
        if key == self._key:
            self._job = None
            self.images = images
            self.ready.emit()

    def _on_failed(self, key: StripKey, reason: str) -> None:
        if key == self._key:
            self._job = None
            self.error = reason
            self.ready.emit()
