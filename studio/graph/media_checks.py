"""Media files on disk against the project's media entries (exists, size, sha256).

Hashing a clip is slow, so ``MediaHashCache`` remembers digests by the file's
stat signature (path, device, inode, size, mtime, ctime; see
:mod:`studio.hashcache`): an unchanged file is only ``stat``-ed, and a
file whose size already differs is reported without being read.  Digests live
in memory for the cache's lifetime and, through the persisted fingerprint
store, across runs (only for files old enough to pass its racy-entry rule),
so verifying media in the studio also makes the next bundle export fast.

A media path that is not portable to Windows (a device name such as ``CON``
or ``aux.mp4``, a trailing dot or space, ``<>:"|?*``; see
:mod:`studio.model.portable`) is a warning: the project folder cannot be
copied to Windows intact (a bundle is unaffected: it names clips by hash).
"""

from __future__ import annotations

import os
import stat
import threading
from collections.abc import Callable, Sequence
from pathlib import Path

from studio.hashcache import FingerprintStore, Signature, default_store, hash_file
from studio.model import MediaAsset, Problem
from studio.model.checks import Severity, problem
from studio.model.errors import quote
from studio.model.messages import QT_TRANSLATE_NOOP
from studio.model.portable import path_problem
from studio.model.tracks import AudioAsset


class MediaHashCache:
    """sha256 digests keyed by stat signature, backed by a persisted store; thread-safe.

    ``store`` defaults to :func:`studio.hashcache.default_store` (looked
    up at each call, so it follows ``$DRAMA_STUDIO_CACHE``).
    """

    def __init__(self, max_entries: int = 4096, store: FingerprintStore | None = None) -> None:
        self._digests: dict[Signature, str] = {}
        self._lock = threading.Lock()
        self._max = max_entries
        self._store = store
        self.hashed = 0  # files actually read (for tests and diagnostics)

    def __len__(self) -> int:
        return len(self._digests)

    @property
    def store(self) -> FingerprintStore:
        return self._store if self._store is not None else default_store()

    def sha256(self, path: Path, st: os.stat_result | None = None, *, flush: bool = True) -> str:
        """Hex digest of ``path``, read only when its stat signature is not known.

        A newly read fingerprint is saved to disk at once unless ``flush`` is
        False (then call ``store.flush()`` after a batch)."""
        st = st if st is not None else path.stat()
        sig = Signature.of(path, st)
        with self._lock:
            found = self._digests.get(sig)
        if found is not None:
            return found
        store = self.store
        known = store.lookup(sig)
        if known is None:
            sig, fp = hash_file(path, store)
            digest = fp.sha256
            with self._lock:
                self.hashed += 1
            if flush:
                store.flush()
        else:
            digest = known.sha256
        with self._lock:
            if len(self._digests) >= self._max:
                self._digests.pop(next(iter(self._digests)))
            self._digests[sig] = digest
        return digest

    def clear(self) -> None:
        """Forget the digests held in memory (the persisted store is kept)."""
        with self._lock:
            self._digests.clear()


DEFAULT_CACHE = MediaHashCache()


def _names(ids: Sequence[str], name: Callable[[str], str], limit: int = 5) -> str:
    shown = ", ".join(name(i) for i in ids[:limit])
    more = f" and {len(ids) - limit} more" if len(ids) > limit else ""
    return shown + more


def asset_status(
    asset: MediaAsset | AudioAsset, folder: Path, cache: MediaHashCache
) -> tuple[str, str] | None:
    """``(code, message)`` when the file does not match its entry, else None."""
    path = folder / asset.path
    try:
        st = path.stat()
    except (FileNotFoundError, NotADirectoryError):
        return "media-missing", f"file '{asset.path}' is missing"
    except OSError as exc:
        return "media-unreadable", f"file '{asset.path}' cannot be read ({exc.strerror or exc})"
    if not stat.S_ISREG(st.st_mode):
        return "media-missing", f"'{asset.path}' is not a regular file"
    if st.st_size != asset.size:
        return "media-size-changed", (
            f"file '{asset.path}' is {st.st_size} bytes but the project expects {asset.size}: "
            "it changed since it was added"
        )
    try:
        digest = cache.sha256(path, st, flush=False)
    except OSError as exc:
        return "media-unreadable", f"file '{asset.path}' cannot be read ({exc.strerror or exc})"
    if digest != asset.sha256:
        return "media-content-changed", (
            f"file '{asset.path}' has different content (sha256 {digest[:12]}…, expected "
            f"{asset.sha256[:12]}…): it changed since it was added"
        )
    return None


def portability_problem(asset: MediaAsset | AudioAsset) -> tuple[str, str] | None:
    """``(code, message)`` when the asset's path has a component Windows cannot store."""
    found = path_problem(asset.path)
    if found is None:
        return None
    component, reason = found
    return "media-path-not-portable", (
        f"path {quote(asset.path)}: file name {quote(component)} is not portable ({reason}); "
        "rename the file so that the project can be copied to Windows"
    )


def check_media(
    assets: Sequence[MediaAsset | AudioAsset],
    folder: Path,
    users: Callable[[str], list[str]],
    cache: MediaHashCache | None = None,
    name: Callable[[str], str] | None = None,
    kind: str = "media",
) -> list[Problem]:
    """One error per asset whose file is missing or changed, naming the scenes using it, and
    a warning per asset whose path is not portable (checked first, without the disk).

    ``users(media_id)`` lists the ids of the scenes using a clip; ``name(scene_id)`` is how
    the message names one (``names.SceneNames``: its title; default: the quoted id)."""
    name = name if name is not None else quote
    cache = cache if cache is not None else DEFAULT_CACHE
    out: list[Problem] = []
    try:
        statuses = [(asset, asset_status(asset, folder, cache)) for asset in assets]
    finally:
        cache.store.flush()
    for asset, status in statuses:
        portable = portability_problem(asset)
        found: list[tuple[Severity, tuple[str, str]]] = []
        found += [("warning", portable)] if portable is not None else []
        found += [("error", status)] if status is not None else []
        if not found:
            continue
        scenes = users(asset.id)
        where = f"used by {'scene' if len(scenes) == 1 else 'scenes'} {_names(scenes, name)}" if scenes \
            else "not used by any scene"
        for severity, (code, message) in found:
            first, item = scenes[0] if scenes else None, f"{kind} '{asset.id}'"
            if message == f"file '{asset.path}' is missing":  # the common case, translatable
                out.append(problem(severity, code, _missing_template(len(scenes)), first, item,
                                   path=asset.path, scenes=_names(scenes, name)))
            else:
                out.append(Problem(severity, code, f"{message} ({where})", first, item))
    return out


def _missing_template(users: int) -> str:
    if users == 0:
        return QT_TRANSLATE_NOOP("Problems", "file '{path}' is missing (not used by any scene)")
    if users == 1:
        return QT_TRANSLATE_NOOP("Problems", "file '{path}' is missing (used by scene {scenes})")
    return QT_TRANSLATE_NOOP("Problems", "file '{path}' is missing (used by scenes {scenes})")
