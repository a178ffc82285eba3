"""Clip thumbnails for the graph and the library, decoded off the UI thread.

``ThumbnailCache.image(media_id)`` returns a cached ``QImage`` or ``None``
and, on a miss, queues a decode (``studio.media.frames.extract_frame``) on a
pool thread; ``ready(media_id)`` fires when the image arrives.  Images are
keyed by the file's path and content hash, so a relinked clip is decoded
again and unchanged clips never are.  Files that cannot be decoded are
remembered and not retried until their entry changes.

Decoded thumbnails are also kept on disk (:class:`ThumbStore`, ``thumbnails/`` in the
studio's cache folder), so a clip is decoded once, not once per session or per scene
switch: entries are named by what the pixels depend on (the clip's sha256, the frame
time(s) and the height), stored as JPEG (about 5 kB a frame), at most ``MAX_BYTES`` in
all with the least recently used evicted first; a file that does not decode is ignored
and removed.  :func:`strip_images` is the timeline strip's decode through the same store.
"""

from __future__ import annotations

import contextlib
import os
import struct
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QObject, Signal
from PySide6.QtGui import QImage

from studio.app.paths import cache_dir
from studio.app.workers import CancelToken, Job
from studio.model.ops import ChangeSet

if TYPE_CHECKING:
    from studio.app.document import Document

THUMB_HEIGHT = 128
MAX_BYTES = 64 << 20
JPEG_QUALITY = 88
Key = tuple[str, str]  # (absolute path, sha256)
_MAGIC = b"DSTHUMB1"


def _jpeg(image: QImage) -> bytes:
    data = QByteArray()
    buf = QBuffer(data)
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buf, "JPEG", JPEG_QUALITY)  # type: ignore[call-overload]  # the stub says bytes
    buf.close()
    return bytes(data.data())


def _image(data: bytes) -> QImage | None:
    image = QImage()
    if not image.loadFromData(data, "JPEG") or image.isNull():
        return None
    return image.convertToFormat(QImage.Format.Format_RGB888)


class ThumbStore:
    """Thumbnails on disk: one file per (sha256, times, height), LRU-bounded; thread-safe."""

    def __init__(self, folder: Path | None = None, max_bytes: int = MAX_BYTES) -> None:
        self.folder = folder if folder is not None else cache_dir() / "thumbnails"
        self.max_bytes = max_bytes
        self.hits = self.misses = 0
        self._lock = threading.Lock()

    @staticmethod
    def name(sha256: str, times: str, height: int) -> str:
        return f"{sha256}-{times}-h{height}.thumbs"

    def get(self, name: str) -> list[QImage] | None:
        """The images stored under ``name``, or None (missing or corrupt: then removed)."""
        path = self.folder / name
        try:
            data = path.read_bytes()
        except OSError:
            with self._lock:
                self.misses += 1
            return None
        images = self._decode(data)
        with self._lock:
            if images is None:
                self.misses += 1
                with contextlib.suppress(OSError):
                    path.unlink()
                return None
            self.hits += 1
        with contextlib.suppress(OSError):
            os.utime(path)  # most recently used: evicted last
        return images

    @staticmethod
    def _decode(data: bytes) -> list[QImage] | None:
        if not data.startswith(_MAGIC) or len(data) < len(_MAGIC) + 4:
            return None
        (count,) = struct.unpack_from("<I", data, len(_MAGIC))
        pos, images = len(_MAGIC) + 4, []
        for _ in range(count):
            if pos + 4 > len(data):
                return None
            (size,) = struct.unpack_from("<I", data, pos)
            part = data[pos + 4 : pos + 4 + size]
            if len(part) != size or not (part.startswith(b"\xff\xd8") and part.endswith(b"\xff\xd9")):
                return None  # cut short or not a whole JPEG: never handed to the decoder
            image = _image(part)
            if image is None:
                return None
            images.append(image)
            pos += 4 + size
        return images if pos == len(data) and images else None

    def put(self, name: str, images: list[QImage]) -> None:
        """Store ``images`` (atomically; failures ignored: the store is only a shortcut)."""
        parts = [_jpeg(image) for image in images]
        data = _MAGIC + struct.pack("<I", len(parts)) + b"".join(struct.pack("<I", len(p)) + p for p in parts)
        with contextlib.suppress(OSError):
            self.folder.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=".", suffix=".part", dir=self.folder)
            try:
                with os.fdopen(fd, "wb") as fh:
                    fh.write(data)
                os.replace(tmp, self.folder / name)
            finally:
                with contextlib.suppress(OSError):
                    os.unlink(tmp)
            self._evict()

    def _evict(self) -> None:
        with self._lock:
            entries = []
            for path in self.folder.iterdir():
                if not path.name.startswith("."):
                    with contextlib.suppress(OSError):
                        st = path.stat()
                        entries.append((st.st_mtime_ns, st.st_size, path))
            total = sum(size for _, size, _ in entries)
            for _, size, path in sorted(entries):
                if total <= self.max_bytes:
                    break
                with contextlib.suppress(OSError):
                    path.unlink()
                total -= size


_STORE: list[ThumbStore] = []


def thumb_store() -> ThumbStore:
    """The studio's thumbnail store (its folder follows ``$DRAMA_STUDIO_DATA_DIR`` when made)."""
    folder = cache_dir() / "thumbnails"
    if not _STORE or _STORE[0].folder != folder:
        _STORE[:] = [ThumbStore(folder)]
    return _STORE[0]


def strip_images(
    path: Path, sha256: str, count: int, height: int, cancel: Callable[[], bool] | None = None,
    store: ThumbStore | None = None,
) -> list[QImage]:
    """A timeline strip (``count`` evenly spaced frames), from the disk store or decoded and stored."""
    from studio.media.frames import extract_thumbnails

    store = store or thumb_store()
    name = store.name(sha256, f"strip{count}", height)
    found = store.get(name) if sha256 else None
    if found is not None and len(found) == count:
        return found
    frames = extract_thumbnails(path, count, height, cancel=cancel)
    rgb = QImage.Format.Format_RGB888
    images = [QImage(f.rgb, f.width, f.height, f.width * 3, rgb).copy() for f in frames]
    if sha256:
        store.put(name, images)
    return images


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
        store = thumb_store()
        name = store.name(key[1], str(at_ms), THUMB_HEIGHT)
        found = store.get(name)
        if found is not None and len(found) == 1:
            return found[0]
        image = decode_thumbnail(Path(key[0]), at_ms)
        store.put(name, [image])
        return image

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
