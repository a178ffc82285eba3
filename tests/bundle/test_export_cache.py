"""Export with the fingerprint cache: warm = cold bytes, no media read when warm,
changed media still refused, damaged/unwritable caches, racy files, cancel, fsync."""

from __future__ import annotations

import errno
import os
import time
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import studio.bundle.zipout as zo
from studio import hashcache as hc
from studio.bundle import Cancelled, ExportError
from studio.bundle.export import export_project
from studio.cli import main
from tests.bundle.conftest import snapshot
from tests.support import require


@pytest.fixture
def out_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


def _forbid(monkeypatch: pytest.MonkeyPatch) -> None:
    """Any read of media bytes in Python, or poster rendering, fails the test."""

    def boom(*_args: Any, **_kwargs: Any) -> Any:
        raise AssertionError("a warm export must not read media bytes or render posters")

    monkeypatch.setattr(zo, "copy_hashed", boom)
    monkeypatch.setattr(hc, "hash_file", boom)
    monkeypatch.setattr("studio.media.frames.extract_frame", boom)


def _wait_out_racy_window(folder: Path) -> None:
    newest = max(max(p.stat().st_mtime_ns, p.stat().st_ctime_ns) for p in folder.rglob("*"))
    delay = (newest + hc.RACY_WINDOW_NS - time.time_ns()) / 1e9 + 0.05
    if delay > 0:
        time.sleep(delay)


def test_warm_export_gives_the_cold_bytes_without_reading_media(
    project_dir: Path, out_dir: Path, media_cache: Path, no_racy_window: None,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    cold = export_project(project_dir, out_dir / "cold.zip", web_player=False)
    assert hc.default_store().hashed == 3  # clips a and b, the product image
    assert len(list((media_cache / "posters").iterdir())) == 3  # intro/bad share clip a but not the time
    _forbid(monkeypatch)
    warm = export_project(project_dir, out_dir / "warm.zip")
    assert warm.path.read_bytes() == cold.path.read_bytes()
    with zipfile.ZipFile(warm.path) as zf:
        assert zf.testzip() is None


def test_warm_export_end_to_end(
    project_dir: Path, out_dir: Path, media_cache: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The real racy window, the real CLI: the second export reads no media bytes."""
    _wait_out_racy_window(project_dir)
    assert main(["export", str(project_dir), "-o", str(out_dir / "1.zip")]) == 0
    store = hc.default_store()
    assert store.hashed == 3 and (media_cache / hc.STORE_NAME).is_file()
    hc._STORES.clear()  # the next export runs as a new process would: from the file
    assert main(["export", str(project_dir), "-o", str(out_dir / "2.zip")]) == 0
    assert hc.default_store().hashed == 0
    assert (out_dir / "1.zip").read_bytes() == (out_dir / "2.zip").read_bytes()
    assert capsys.readouterr().err == ""


def test_same_size_change_with_restored_mtime_is_refused(
    project_dir: Path, out_dir: Path, media_cache: Path, no_racy_window: None
) -> None:
    export_project(project_dir, out_dir / "first.zip")
    clip = project_dir / "media" / "b.mp4"
    st = clip.stat()
    data = bytearray(clip.read_bytes())
    data[-10] ^= 0xFF
    time.sleep(0.01)  # a later timestamp tick for ctime
    clip.write_bytes(bytes(data))
    os.utime(clip, ns=(st.st_atime_ns, st.st_mtime_ns))  # mtime restored: only ctime tells
    assert clip.stat().st_size == st.st_size and clip.stat().st_mtime_ns == st.st_mtime_ns
    before = snapshot(out_dir)
    with pytest.raises(ExportError) as exc:
        export_project(project_dir, out_dir / "second.zip")
    text = str(exc.value)
    assert "\n" not in text and "media/b.mp4" in text and "changed since it was added" in text
    assert snapshot(out_dir) == before


def test_corrupt_cache_file_is_ignored_and_rebuilt(
    project_dir: Path, out_dir: Path, media_cache: Path, no_racy_window: None
) -> None:
    reference = export_project(project_dir, out_dir / "ref.zip").path.read_bytes()
    hc._STORES.clear()
    (media_cache / hc.STORE_NAME).write_bytes(b"\x00\xff not json")
    for name in os.listdir(media_cache / "posters"):
        (media_cache / "posters" / name).write_bytes(b"\xff\xd8 truncated")
    assert export_project(project_dir, out_dir / "o.zip").path.read_bytes() == reference
    assert hc.default_store().hashed == 3
    hc._STORES.clear()
    assert len(hc.default_store()) == 3  # rewritten with valid entries
    assert export_project(project_dir, out_dir / "o2.zip").path.read_bytes() == reference
    assert hc.default_store().hashed == 0


def test_unwritable_cache_folder_does_not_fail_the_export(
    project_dir: Path, out_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    no_racy_window: None,
) -> None:
    blocker = tmp_path / "plain-file"
    blocker.write_text("a file where the cache folder should be")
    monkeypatch.setenv(hc.ENV_CACHE, str(blocker / "cache"))
    first = export_project(project_dir, out_dir / "1.zip")
    second = export_project(project_dir, out_dir / "2.zip")  # warm from memory only
    assert first.path.read_bytes() == second.path.read_bytes()
    with zipfile.ZipFile(second.path) as zf:
        assert zf.testzip() is None


def test_racy_files_are_not_cached(project_dir: Path, out_dir: Path, media_cache: Path) -> None:
    """Files changed within the racy window are hashed every time, posters not cached."""
    clip = project_dir / "media" / "b.mp4"
    clip.write_bytes(clip.read_bytes())  # touched just now
    export_project(project_dir, out_dir / "1.zip")
    store = hc.default_store()
    assert store.lookup(hc.Signature.of(clip, clip.stat())) is None and len(store) == 0
    assert not (media_cache / "posters").exists()
    hashed = store.hashed
    export_project(project_dir, out_dir / "2.zip")
    assert store.hashed > hashed


def store_sha(project: Path, asset_id: str) -> str:
    from studio.model import load

    return load(project).project.media_map()[asset_id].sha256


def test_cancel_during_the_warm_copy_leaves_nothing(
    project_dir: Path, out_dir: Path, media_cache: Path, no_racy_window: None,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    export_project(project_dir, out_dir / "warmup.zip")
    out = out_dir / "o.zip"
    out.write_bytes(b"previous export")
    before = snapshot(out_dir)
    monkeypatch.setattr(zo, "RANGE_CHUNK", 4096)
    real = zo._copy_some
    copied = [0]

    def counting(*args: Any) -> int:
        copied[0] += 1
        n: int = real(*args)
        return n

    monkeypatch.setattr(zo, "_copy_some", counting)
    _forbid(monkeypatch)
    with pytest.raises(Cancelled):
        export_project(project_dir, out, cancel=lambda: copied[0] >= 3)
    assert copied[0] == 3  # stopped between chunks of the first clip
    assert snapshot(out_dir) == before
    assert out.read_bytes() == b"previous export"


def test_media_changed_during_the_warm_copy_is_refused(
    project_dir: Path, out_dir: Path, media_cache: Path, no_racy_window: None,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    export_project(project_dir, out_dir / "warmup.zip")
    before = snapshot(out_dir)
    monkeypatch.setattr(zo, "RANGE_CHUNK", 4096)
    real = zo._copy_some
    calls = [0]

    def copy_then_touch(*args: Any) -> int:
        calls[0] += 1
        n: int = real(*args)
        if calls[0] == 2:
            time.sleep(0.01)
            for clip in (project_dir / "media").iterdir():
                os.utime(clip)  # a write would do the same to ctime
        return n

    monkeypatch.setattr(zo, "_copy_some", copy_then_touch)
    with pytest.raises(ExportError, match="changed since it was added"):
        export_project(project_dir, out_dir / "o.zip")
    assert snapshot(out_dir) == before


def _fd_paths(calls: list[str]) -> Callable[[int], None]:
    real = os.fsync

    def fsync(fd: int) -> None:
        calls.append(os.readlink(f"/proc/self/fd/{fd}"))
        real(fd)

    return fsync


def test_sync_fsyncs_the_bundle_and_the_default_does_not(
    project_dir: Path, out_dir: Path, media_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    require(Path("/proc/self/fd").is_dir(), "/proc (to name the synced files)")
    synced: list[str] = []
    monkeypatch.setattr(os, "fsync", _fd_paths(synced))
    monkeypatch.setattr(os, "fdatasync", _fd_paths(synced))
    export_project(project_dir, out_dir / "plain.zip")
    assert not [p for p in synced if p.startswith(str(out_dir))]
    synced.clear()
    export_project(project_dir, out_dir / "synced.zip", sync=True)
    ours = [p for p in synced if p.startswith(str(out_dir))]
    assert str(out_dir) in ours  # the folder, after the rename
    assert any(Path(p).name.startswith(".synced.zip.") for p in ours)  # the data, before it
    synced.clear()
    assert main(["export", str(project_dir), "-o", str(out_dir / "cli.zip"), "--sync"]) == 0
    assert any(Path(p).name.startswith(".cli.zip.") for p in synced)


def test_fsync_failure_with_sync_leaves_nothing(
    project_dir: Path, out_dir: Path, media_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    require(Path("/proc/self/fd").is_dir(), "/proc (to name the synced files)")
    before = snapshot(out_dir)
    real = os.fsync

    def failing(fd: int) -> None:
        if ".part" in os.readlink(f"/proc/self/fd/{fd}"):
            raise OSError(errno.EIO, "Input/output error")
        real(fd)

    monkeypatch.setattr(os, "fsync", failing)
    with pytest.raises(ExportError, match="not written"):
        export_project(project_dir, out_dir / "o.zip", sync=True)
    assert snapshot(out_dir) == before


@pytest.mark.parametrize("broken", [("copy_file_range",), ("copy_file_range", "sendfile")])
def test_kernel_copy_fallbacks_give_the_same_bytes(
    project_dir: Path, out_dir: Path, media_cache: Path, no_racy_window: None,
    monkeypatch: pytest.MonkeyPatch, broken: tuple[str, ...],
) -> None:
    reference = export_project(project_dir, out_dir / "ref.zip").path.read_bytes()
    refused: list[str] = []
    for name in broken:
        def unsupported(*_args: Any, _name: str = name) -> int:
            refused.append(_name)
            raise OSError(errno.EXDEV if _name == "copy_file_range" else errno.EINVAL, _name)

        monkeypatch.setattr(os, name, unsupported)
    _forbid(monkeypatch)
    assert export_project(project_dir, out_dir / "o.zip").path.read_bytes() == reference
    assert set(refused) == set(broken)


def test_poster_cached_only_after_its_clip_is_verified(
    project_dir: Path, out_dir: Path, media_cache: Path, no_racy_window: None
) -> None:
    clip = project_dir / "media" / "b.mp4"
    data = bytearray(clip.read_bytes())
    data[-10] ^= 0xFF  # same size, other content: the export must fail
    clip.write_bytes(bytes(data))
    with pytest.raises(ExportError, match="changed"):
        export_project(project_dir, out_dir / "o.zip")
    sha = store_sha(project_dir, "b")
    posters = list((media_cache / "posters").iterdir()) if (media_cache / "posters").exists() else []
    assert not [p for p in posters if p.name.startswith(sha)]
