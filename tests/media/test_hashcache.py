"""The persisted media fingerprint store: signatures, racy rule, persistence, damage, blobs."""

from __future__ import annotations

import hashlib
import json
import os
import threading
import time
import zlib
from pathlib import Path

import pytest

from studio import hashcache as hc
from studio.hashcache import Fingerprint, FingerprintStore, Signature, hash_file


def _expected(data: bytes) -> Fingerprint:
    return Fingerprint(hashlib.sha256(data).hexdigest(), zlib.crc32(data))


def test_cache_dir_precedence(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv(hc.ENV_CACHE, str(tmp_path / "explicit"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert hc.cache_dir() == tmp_path / "explicit"
    monkeypatch.delenv(hc.ENV_CACHE)
    assert hc.cache_dir() == tmp_path / "xdg" / "drama-studio"
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/ignored")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert hc.cache_dir() == tmp_path / "home" / ".cache" / "drama-studio"


@pytest.mark.parametrize("size", [0, 5, hc.CHUNK + 7, hc.THREADED_HASH_MIN + 3])
def test_hash_file_matches_hashlib_and_zlib(
    tmp_path: Path, media_cache: Path, size: int
) -> None:
    data = os.urandom(size)
    path = tmp_path / "clip.bin"
    path.write_bytes(data)
    sig, fp = hash_file(path)
    assert fp == _expected(data)
    assert (sig.size, sig.path) == (size, str(path))


def test_racy_rule_keeps_fresh_files_out(tmp_path: Path, media_cache: Path) -> None:
    path = tmp_path / "fresh.mp4"
    path.write_bytes(b"just written")
    store = FingerprintStore(media_cache / "f.json")
    sig, fp = hash_file(path, store)
    assert store.lookup(sig) is None and len(store) == 0  # modified within the window
    st = path.stat()
    assert sig.racy(time.time_ns())
    # The same signature hashed 2 s after its last change may be recorded.
    later = max(st.st_mtime_ns, st.st_ctime_ns) + hc.RACY_WINDOW_NS
    assert not sig.racy(later)
    assert store.record(sig, fp, later) and store.lookup(sig) == fp
    # mtime set into the past does not help: ctime still says "just changed".
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns - 10 * hc.RACY_WINDOW_NS))
    old_mtime = Signature.of(path, path.stat())
    assert old_mtime.racy(time.time_ns())
    assert not store.record(old_mtime, fp, time.time_ns())


def test_recorded_fingerprint_survives_a_new_process(
    tmp_path: Path, media_cache: Path, no_racy_window: None
) -> None:
    path = tmp_path / "clip.mp4"
    path.write_bytes(b"content")
    first = FingerprintStore(media_cache / "f.json")
    sig, fp = hash_file(path, first)
    assert first.lookup(sig) == fp and first.flush()
    second = FingerprintStore(media_cache / "f.json")  # what the next run sees
    assert second.lookup(Signature.of(path, path.stat())) == fp


def test_same_size_rewrite_with_restored_mtime_is_a_miss(
    tmp_path: Path, media_cache: Path, no_racy_window: None
) -> None:
    path = tmp_path / "clip.mp4"
    path.write_bytes(b"AAAA")
    store = FingerprintStore(None)
    sig, _fp = hash_file(path, store)
    st = path.stat()
    time.sleep(0.01)  # a later kernel timestamp tick
    path.write_bytes(b"BBBB")
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))
    now = Signature.of(path, path.stat())
    assert (now.size, now.mtime_ns) == (sig.size, sig.mtime_ns) and now.ctime_ns != sig.ctime_ns
    assert store.lookup(now) is None
    assert hash_file(path, store)[1] == _expected(b"BBBB")


def test_file_changing_while_hashed_is_not_recorded(
    tmp_path: Path, media_cache: Path, no_racy_window: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "clip.mp4"
    path.write_bytes(b"x" * (3 * hc.CHUNK))
    store = FingerprintStore(None)
    real = hc.chunks

    def chunks_then_append(src: object, limit: int, check: object = None) -> object:
        for n, chunk in enumerate(real(src, limit, check)):  # type: ignore[arg-type]
            if n == 1:
                with open(path, "ab") as fh:
                    fh.write(b"!")
            yield chunk

    monkeypatch.setattr(hc, "chunks", chunks_then_append)
    hash_file(path, store)
    assert len(store) == 0


@pytest.mark.parametrize("content", [b"\x00garbage{", b'{"format": "other", "entries": []}',
                                     b'{"format": "drama-studio-media-fingerprints", "version": 1,'
                                     b' "entries": [["k", "nothex", 1, 2], 7]}'])
def test_damaged_or_foreign_store_is_ignored_and_rebuilt(
    tmp_path: Path, media_cache: Path, no_racy_window: None, content: bytes
) -> None:
    media_cache.mkdir()
    file = media_cache / hc.STORE_NAME
    file.write_bytes(content)
    path = tmp_path / "clip.mp4"
    path.write_bytes(b"content")
    store = FingerprintStore(file)
    assert len(store) == 0
    sig, fp = hash_file(path, store)
    assert store.flush()
    raw = json.loads(file.read_bytes())
    assert raw["format"] == hc.FORMAT and len(raw["entries"]) == 1
    assert FingerprintStore(file).lookup(sig) == fp


def test_unwritable_cache_folder_never_raises(tmp_path: Path, no_racy_window: None) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    store = FingerprintStore(blocker / "cache" / hc.STORE_NAME)
    path = tmp_path / "clip.mp4"
    path.write_bytes(b"content")
    sig, fp = hash_file(path, store)
    assert store.flush() is False  # could not write: still works from memory
    assert store.lookup(sig) == fp


def test_store_is_bounded_least_recently_used_first(tmp_path: Path) -> None:
    store = FingerprintStore(tmp_path / "f.json", max_entries=3)
    sigs = [Signature(f"/clip{n}", 1, n, 10, 0, 0) for n in range(5)]
    fp = _expected(b"x")
    for sig in sigs[:3]:
        assert store.record(sig, fp, time.time_ns())
        time.sleep(0.001)
    assert store.lookup(sigs[0]) == fp  # used again: now the most recent
    for sig in sigs[3:]:
        time.sleep(0.001)
        store.record(sig, fp, time.time_ns())
    assert store.flush()
    again = FingerprintStore(tmp_path / "f.json", max_entries=3)
    assert [again.lookup(s) is not None for s in sigs] == [True, False, False, True, True]


def test_flush_merges_what_another_process_wrote(tmp_path: Path) -> None:
    file = tmp_path / "f.json"
    mine, theirs = FingerprintStore(file), FingerprintStore(file)
    a, b = Signature("/a", 1, 1, 1, 0, 0), Signature("/b", 1, 2, 1, 0, 0)
    assert len(mine) == 0 and len(theirs) == 0
    theirs.record(b, _expected(b"b"), time.time_ns())
    assert theirs.flush()
    mine.record(a, _expected(b"a"), time.time_ns())
    assert mine.flush()
    merged = FingerprintStore(file)
    assert merged.lookup(a) == _expected(b"a") and merged.lookup(b) == _expected(b"b")


def test_store_is_thread_safe(tmp_path: Path) -> None:
    store = FingerprintStore(tmp_path / "f.json")
    fp = _expected(b"x")

    def work(base: int) -> None:
        for n in range(200):
            sig = Signature(f"/c{base}-{n}", 1, base * 1000 + n, 1, 0, 0)
            store.record(sig, fp, time.time_ns())
            assert store.lookup(sig) == fp
            if n % 50 == 0:
                store.flush()

    threads = [threading.Thread(target=work, args=(i,)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert store.flush() and len(FingerprintStore(tmp_path / "f.json")) == 800


def test_blobs_are_checked_and_bounded(media_cache: Path) -> None:
    def ok(data: bytes) -> bool:
        return data.startswith(b"GOOD")

    assert hc.read_blob("posters", "a.jpg", ok) is None
    assert hc.write_blob("posters", "a.jpg", b"GOOD a")
    assert hc.read_blob("posters", "a.jpg", ok) == b"GOOD a"
    (media_cache / "posters" / "bad.jpg").write_bytes(b"broken")
    assert hc.read_blob("posters", "bad.jpg", ok) is None
    assert not (media_cache / "posters" / "bad.jpg").exists()  # removed: re-rendered next time
    for n in range(5):
        time.sleep(0.005)
        assert hc.write_blob("posters", f"p{n}.jpg", b"GOOD", max_files=3)
    assert sorted(p.name for p in (media_cache / "posters").iterdir()) == ["p2.jpg", "p3.jpg", "p4.jpg"]


def test_blob_write_failure_is_swallowed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv(hc.ENV_CACHE, str(blocker))
    assert hc.write_blob("posters", "a.jpg", b"data") is False
    assert hc.read_blob("posters", "a.jpg", lambda _d: True) is None


def test_media_verification_warms_the_persisted_store(
    tmp_path: Path, media_cache: Path, no_racy_window: None
) -> None:
    """Verifying media in the studio (MediaHashCache) records fingerprints for the export."""
    from studio.graph.media_checks import MediaHashCache

    data = os.urandom(5000)
    path = tmp_path / "clip.mp4"
    path.write_bytes(data)
    cache = MediaHashCache()
    assert cache.sha256(path) == hashlib.sha256(data).hexdigest() and cache.hashed == 1
    assert json.loads((media_cache / hc.STORE_NAME).read_bytes())["entries"]  # flushed at once
    hc._STORES.clear()  # as in a new process
    fresh = MediaHashCache()
    assert fresh.sha256(path) == hashlib.sha256(data).hexdigest() and fresh.hashed == 0
    sig = Signature.of(path, path.stat())
    assert hc.default_store().lookup(sig) == _expected(data)


def test_import_duplicate_check_records_the_project_clip(
    tmp_path: Path, media_cache: Path, no_racy_window: None
) -> None:
    """copy_into hashes a same-size clip already in media/ once, and remembers it."""
    from studio.app.media_import import copy_into
    from studio.app.workers import CancelToken

    data = os.urandom(3000)
    project = tmp_path / "project"
    (project / "media").mkdir(parents=True)
    inside = project / "media" / "clip.mp4"
    inside.write_bytes(data)
    outside = tmp_path / "clip.mp4"
    outside.write_bytes(data)
    sha = hashlib.sha256(data).hexdigest()
    assert copy_into(outside, project, sha, CancelToken()) == ("media/clip.mp4", False)
    hc._STORES.clear()
    assert hc.default_store().lookup(Signature.of(inside, inside.stat())) == _expected(data)
