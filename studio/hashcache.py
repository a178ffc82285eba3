"""Persisted media fingerprints: (SHA-256, CRC-32) by file stat signature.  Qt-free.

A module of its own below :mod:`studio.media` (import), :mod:`studio.graph`
(media checks) and :mod:`studio.bundle` (export), which all read clips by their
fingerprints and share this cache; it imports only :mod:`studio.model.atomic`.

Reading a clip to hash it costs far more than copying it in the kernel, so,
like git's index, a file's fingerprint is remembered under its *stat
signature*: absolute path, ``st_dev``, ``st_ino``, size, ``mtime_ns`` and
``ctime_ns``.  Users (and tools like ``touch`` or ``cp -p``) can set mtime but
not ctime: any write to the file, or any ``utime``, moves ctime to "now", so
changed content means a different signature and a cache miss.

**Racy-entry rule.**  Timestamps have a granularity (a kernel tick; 1-2 s on
some file systems), so a write landing in the same tick as the file's last
change would leave the signature unchanged.  A fingerprint is therefore only
recorded when the file's mtime *and* ctime are at least ``RACY_WINDOW_NS``
(2 s) older than the moment hashing started, and when the signature taken
before the read equals the one after it.  A freshly written or copied clip is
hashed every time until it is 2 s old *and* hashed once more.  Like git, this
trusts the file system to update mtime/ctime on every write and a local clock
(a network file system with a skewed server clock or a FUSE file system that
never updates ctime defeats it).

The store is one small JSON file, ``media-fingerprints.json`` in
:func:`cache_dir` (``$DRAMA_STUDIO_CACHE``, else ``$XDG_CACHE_HOME/drama-studio``,
else ``~/.cache/drama-studio``).  It is written atomically when new entries
were recorded (merged with what another process wrote meanwhile), holds at
most ``MAX_ENTRIES`` entries (least recently used evicted first; uses are
saved with the next write) and is thread-safe.  A missing, corrupt, oversized
or foreign file is ignored (and rebuilt on the next write); a failure to
write it is swallowed: a broken cache only ever costs a re-hash.  Entries in
a well-formed file are trusted: the file is the user's own, like the clips.

:func:`read_blob` / :func:`write_blob` keep small derived files (the bundle
exporter's poster JPEGs) in the same folder, bounded in number.
"""

from __future__ import annotations

import atexit
import contextlib
import hashlib
import json
import os
import threading
import time
import zlib
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from io import FileIO
from pathlib import Path
from typing import Any

from studio.model.atomic import atomic_write_bytes

ENV_CACHE = "DRAMA_STUDIO_CACHE"
APP_DIR = "drama-studio"
STORE_NAME = "media-fingerprints.json"
FORMAT = "drama-studio-media-fingerprints"
VERSION = 1
RACY_WINDOW_NS = 2_000_000_000
MAX_ENTRIES = 5000
MAX_STORE_BYTES = 8 << 20
MAX_BLOBS = 2000
CHUNK = 1 << 20
THREADED_HASH_MIN = 8 << 20
_HEX = frozenset("0123456789abcdef")


def cache_dir() -> Path:
    """``$DRAMA_STUDIO_CACHE``, else ``$XDG_CACHE_HOME/drama-studio``, else ``~/.cache/drama-studio``."""
    override = os.environ.get(ENV_CACHE)
    if override:
        return Path(override)
    xdg = os.environ.get("XDG_CACHE_HOME")
    base = Path(xdg) if xdg and os.path.isabs(xdg) else Path.home() / ".cache"
    return base / APP_DIR


@dataclass(frozen=True)
class Signature:
    """What ``stat`` says about a file; equal signatures mean unchanged content."""

    path: str
    dev: int
    ino: int
    size: int
    mtime_ns: int
    ctime_ns: int

    @classmethod
    def of(cls, path: str | os.PathLike[str], st: os.stat_result) -> Signature:
        return cls(os.path.abspath(path), st.st_dev, st.st_ino, st.st_size,
                   st.st_mtime_ns, st.st_ctime_ns)  # fmt: skip

    def key(self) -> str:
        return f"{self.dev}:{self.ino}:{self.size}:{self.mtime_ns}:{self.ctime_ns}:{self.path}"

    def racy(self, started_ns: int, window_ns: int | None = None) -> bool:
        """True if a write in the same timestamp tick could go unnoticed (see module doc)."""
        limit = started_ns - (RACY_WINDOW_NS if window_ns is None else window_ns)
        return self.mtime_ns > limit or self.ctime_ns > limit


@dataclass(frozen=True)
class Fingerprint:
    sha256: str
    crc32: int


def _valid(sha: object, crc: object) -> bool:
    return (
        isinstance(sha, str) and len(sha) == 64 and set(sha) <= _HEX
        and type(crc) is int and 0 <= crc <= 0xFFFFFFFF
    )  # fmt: skip


class FingerprintStore:
    """Fingerprints by signature, persisted in ``file`` (None: memory only); thread-safe."""

    def __init__(self, file: Path | None, max_entries: int = MAX_ENTRIES) -> None:
        self.file = file
        self.max_entries = max_entries
        self.hashed = 0  # files read to fingerprint them (tests, diagnostics)
        self._entries: dict[str, tuple[str, int, int]] = {}  # key -> (sha256, crc32, used_ns)
        self._lock = threading.RLock()
        self._loaded = False
        self._dirty = False
        self._disk: tuple[int, int, int] | None = None  # (ino, size, mtime_ns) last seen on disk

    def _file_state(self) -> tuple[int, int, int] | None:
        try:
            st = os.stat(self.file) if self.file is not None else None
        except OSError:
            return None
        return None if st is None else (st.st_ino, st.st_size, st.st_mtime_ns)

    def _read_disk(self) -> dict[str, tuple[str, int, int]]:
        """Entries in the file; anything unreadable or foreign counts as empty."""
        self._disk = self._file_state()
        if self.file is None or self._disk is None or self._disk[1] > MAX_STORE_BYTES:
            return {}
        try:
            raw: Any = json.loads(self.file.read_bytes())
        except (OSError, ValueError):
            return {}
        if not (isinstance(raw, dict) and raw.get("format") == FORMAT and raw.get("version") == VERSION
                and isinstance(raw.get("entries"), list)):  # fmt: skip
            return {}
        out: dict[str, tuple[str, int, int]] = {}
        for item in raw["entries"]:
            if isinstance(item, list) and len(item) == 4 and isinstance(item[0], str) \
                    and _valid(item[1], item[2]) and type(item[3]) is int:
                out[item[0]] = (item[1], item[2], item[3])
        return out

    def _load(self) -> None:
        if not self._loaded:
            self._loaded = True
            disk = self._read_disk()
            disk.update(self._entries)
            self._entries = disk

    def __len__(self) -> int:
        with self._lock:
            self._load()
            return len(self._entries)

    def lookup(self, sig: Signature) -> Fingerprint | None:
        """The recorded fingerprint of exactly this signature, or None."""
        with self._lock:
            self._load()
            key = sig.key()
            found = self._entries.get(key)
            if found is None:
                return None
            self._entries[key] = (found[0], found[1], time.time_ns())  # LRU; saved with the next write
            return Fingerprint(found[0], found[1])

    def count_read(self) -> None:
        """Note that a file was read to fingerprint it (the ``hashed`` counter)."""
        with self._lock:
            self.hashed += 1

    def record(self, sig: Signature, fp: Fingerprint, started_ns: int) -> bool:
        """Remember ``fp`` for ``sig`` unless the racy rule forbids it; True if recorded."""
        if sig.racy(started_ns) or not _valid(fp.sha256, fp.crc32):
            return False
        with self._lock:
            self._load()
            self._entries[sig.key()] = (fp.sha256, fp.crc32, time.time_ns())
            self._dirty = True
        return True

    def _evict(self) -> None:
        extra = len(self._entries) - self.max_entries
        if extra > 0:
            oldest = sorted(self._entries, key=lambda k: self._entries[k][2])[:extra]
            for key in oldest:
                del self._entries[key]

    def flush(self) -> bool:
        """Write new entries (merged with the file, bounded); never raises.  True if written."""
        with self._lock:
            if not self._dirty or self.file is None:
                return False
            if self._file_state() != self._disk:  # another process wrote: keep its entries too
                for key, value in self._read_disk().items():
                    mine = self._entries.get(key)
                    if mine is None or mine[2] < value[2]:
                        self._entries[key] = value
            self._evict()
            items = sorted(self._entries.items(), key=lambda kv: kv[1][2])
            data = {"format": FORMAT, "version": VERSION,
                    "entries": [[k, sha, crc, used] for k, (sha, crc, used) in items]}  # fmt: skip
            try:
                self.file.parent.mkdir(parents=True, exist_ok=True)
                atomic_write_bytes(self.file, json.dumps(data, separators=(",", ":")).encode())
            except (OSError, ValueError):
                return False
            self._dirty = False
            self._disk = self._file_state()
            return True

    def clear(self) -> None:
        """Forget everything in memory (the file is left alone)."""
        with self._lock:
            self._entries.clear()
            self._loaded = True
            self._dirty = False


_STORES: dict[Path, FingerprintStore] = {}
_STORES_LOCK = threading.Lock()


def default_store() -> FingerprintStore:
    """The shared store of the current :func:`cache_dir` (one per folder, per process)."""
    folder = cache_dir()
    with _STORES_LOCK:
        store = _STORES.get(folder)
        if store is None:
            store = _STORES[folder] = FingerprintStore(folder / STORE_NAME)
        return store


@atexit.register
def _flush_all() -> None:
    with _STORES_LOCK:
        stores = list(_STORES.values())
    for store in stores:
        store.flush()


class Digest:
    """SHA-256 and CRC-32 of a stream of chunks, in one pass.

    With ``threaded`` the SHA-256 runs on a worker thread (hashlib releases
    the GIL) while the caller computes the CRC and writes; ``update`` returns
    once the *previous* chunk is hashed, so callers alternate two buffers
    (see :func:`chunks`).  Use as a context manager.
    """

    def __init__(self, threaded: bool) -> None:
        self._sha = hashlib.sha256()
        self.crc32 = 0
        self.size = 0
        self._pool = ThreadPoolExecutor(1, "sha256") if threaded else None
        self._pending: Future[None] | None = None

    def update(self, chunk: memoryview) -> None:
        if self._pending is not None:
            self._pending.result()
        if self._pool is None:
            self._sha.update(chunk)
        else:
            self._pending = self._pool.submit(self._sha.update, chunk)
        self.crc32 = zlib.crc32(chunk, self.crc32)
        self.size += len(chunk)

    def result(self) -> Fingerprint:
        if self._pending is not None:
            self._pending.result()
            self._pending = None
        return Fingerprint(self._sha.hexdigest(), self.crc32)

    def __enter__(self) -> Digest:
        return self

    def __exit__(self, *exc: object) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True)


def chunks(src: FileIO, limit: int, check: Callable[[], None] | None = None) -> Iterator[memoryview]:
    """Read at most ``limit`` bytes in CHUNK pieces from two alternating buffers."""
    buffers = (bytearray(CHUNK), bytearray(CHUNK))
    turn = 0
    done = 0
    while done < limit:
        if check is not None:
            check()
        view = memoryview(buffers[turn])[: min(CHUNK, limit - done)]
        turn ^= 1
        n = src.readinto(view)
        if not n:
            return
        done += n
        yield view[:n]


def hash_file(
    path: str | os.PathLike[str], store: FingerprintStore | None = None,
    check: Callable[[], None] | None = None, progress: Callable[[int, int], None] | None = None,
) -> tuple[Signature, Fingerprint]:
    """Read ``path`` once for its fingerprint; record it in ``store`` (default: the
    shared one) when the racy rule allows.  Returns the signature taken before reading.

    ``check()`` runs before every CHUNK read (whatever it raises, a cancel, propagates
    and nothing is recorded); ``progress(done, size)`` after each chunk is hashed."""
    store = store if store is not None else default_store()
    started = time.time_ns()
    with open(path, "rb", buffering=0) as src:
        sig = Signature.of(path, os.fstat(src.fileno()))
        with Digest(sig.size >= THREADED_HASH_MIN) as digest:
            for chunk in chunks(src, sig.size + 1, check):
                digest.update(chunk)
                if progress is not None:
                    progress(digest.size, sig.size)
            fp = digest.result()
        after = Signature.of(path, os.fstat(src.fileno()))
    store.count_read()
    if after == sig and digest.size == sig.size:
        store.record(sig, fp, started)
    return sig, fp


def fingerprint(
    path: str | os.PathLike[str], store: FingerprintStore | None = None, save: bool = False,
    check: Callable[[], None] | None = None, progress: Callable[[int, int], None] | None = None,
) -> tuple[Signature, Fingerprint]:
    """The fingerprint of ``path``: from the store when its signature is known, else
    read (``check``/``progress`` as in :func:`hash_file`; with ``save``, the store is
    written to disk at once)."""
    store = store if store is not None else default_store()
    sig = Signature.of(path, os.stat(path))
    found = store.lookup(sig)
    if found is not None:
        return sig, found
    result = hash_file(path, store, check, progress)
    if save:
        store.flush()
    return result


def _blob_dir(kind: str) -> Path:
    return cache_dir() / kind


def read_blob(kind: str, name: str, ok: Callable[[bytes], bool]) -> bytes | None:
    """Cached bytes ``kind/name`` if present and ``ok(data)``; a bad file is removed."""
    path = _blob_dir(kind) / name
    try:
        data = path.read_bytes()
    except OSError:
        return None
    if not ok(data):
        with contextlib.suppress(OSError):
            path.unlink()
        return None
    with contextlib.suppress(OSError):
        os.utime(path)  # most recently used: evicted last
    return data


def write_blob(kind: str, name: str, data: bytes, max_files: int = MAX_BLOBS) -> bool:
    """Store ``kind/name`` atomically, keeping at most ``max_files``; never raises."""
    folder = _blob_dir(kind)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        atomic_write_bytes(folder / name, data)
        files = [p for p in folder.iterdir() if not p.name.startswith(".")]
        if len(files) > max_files:
            files.sort(key=lambda p: p.stat().st_mtime_ns)
            for old in files[: len(files) - max_files]:
                old.unlink()
    except (OSError, ValueError):
        return False
    return True
