"""Cancelling a running hash: the fingerprint cache, the studio's clip import, the CLI.

Big files are real clips with a sparse trailing 'mdat' box (no disk cost).  Cancels
are triggered by the work itself (after N callback calls, at the first progress
report), never by timers, and the work done is read from the progress reports.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from studio import hashcache as hc
from studio.hashcache import CHUNK, FingerprintStore, fingerprint, hash_file
from studio.media.probe import MAX_MEDIA_BYTES

from .conftest import Expected
from .sparse import GIB, MIB, Calls, Stop, sha256_of, with_sparse_box

REPO = Path(__file__).resolve().parents[2]
Clips = dict[str, tuple[Path, Expected]]


@pytest.fixture
def big_file(tmp_path: Path) -> Path:
    """64 MiB of zeros (sparse)."""
    path = tmp_path / "big.bin"
    with open(path, "wb") as fh:
        fh.truncate(64 * MIB)
    return path


def test_cancelled_hash_records_nothing(
    big_file: Path, media_cache: Path, no_racy_window: None
) -> None:
    store = FingerprintStore(media_cache / hc.STORE_NAME)
    check = Calls(stop_at=4)
    done: list[int] = []
    with pytest.raises(Stop):
        hash_file(big_file, store, check=check, progress=lambda d, t: done.append(d))
    assert check.count == 4 and max(done) == 3 * CHUNK  # checked before every 1 MiB chunk
    assert len(store) == 0 and store.hashed == 0
    assert not store.flush() and not (media_cache / hc.STORE_NAME).exists()
    # The same file hashed to the end is recorded (so the cancel, not the file, kept it out).
    sig, fp = hash_file(big_file, store)
    assert store.lookup(sig) == fp and fp.sha256 == sha256_of(big_file)


def test_cancelled_fingerprint_records_nothing(
    big_file: Path, media_cache: Path, no_racy_window: None
) -> None:
    store = FingerprintStore(media_cache / hc.STORE_NAME)
    with pytest.raises(Stop):
        fingerprint(big_file, store, save=True, check=Calls(stop_at=2))
    assert len(store) == 0 and not (media_cache / hc.STORE_NAME).exists()
    sig, fp = fingerprint(big_file, store, save=True)
    assert (media_cache / hc.STORE_NAME).is_file() and store.lookup(sig) == fp


# --- the studio's clip import -----------------------------------------------------------------


@pytest.fixture
def document(qapp: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    from studio.app.document import Document
    from studio.app.paths import ENV_DATA_DIR
    from tests.support import SAMPLES

    monkeypatch.setenv(ENV_DATA_DIR, str(tmp_path / "studio-data"))
    folder = tmp_path / "savings"
    shutil.copytree(SAMPLES / "savings", folder)
    doc = Document()
    doc.open(folder)
    yield doc
    doc.close()
    doc.deleteLater()


def _import_and_cancel_at(document: Any, qtbot: Any, src: Path, step: str) -> list[tuple[str, int]]:
    """Import ``src``; the first ``step`` report cancels (in the worker thread, like a
    click would); returns the (step, per mille) reports."""
    from PySide6.QtCore import Qt

    from studio.app.media_import import MediaImporter

    importer = MediaImporter(document)
    reports: list[tuple[str, int]] = []

    def on_report(name: str, kind: str, permille: int) -> None:
        reports.append((kind, permille))
        if kind == step:
            importer.cancel()

    importer.file_progress.connect(on_report, Qt.ConnectionType.DirectConnection)
    messages: list[str] = []
    document.message.connect(messages.append)
    with qtbot.waitSignal(importer.finished, timeout=60000) as blocker:
        assert importer.import_files([src])
    assert blocker.args == [[]]
    assert messages[-1] == "Import cancelled: nothing was added."
    return reports


@pytest.mark.gui
def test_cancel_stops_a_running_hash(
    document: Any, qtbot: Any, good_clips: Clips, tmp_path: Path
) -> None:
    src = with_sparse_box(good_clips["mp4"][0], tmp_path / "long.mp4", b"mdat", GIB)
    before = [m.id for m in document.project.media]
    reports = _import_and_cancel_at(document, qtbot, src, "hashing")
    assert reports and all(kind == "hashing" for kind, _ in reports)
    assert max(p for _, p in reports) <= 10  # stopped within the first 1% of 1 GiB
    assert [m.id for m in document.project.media] == before
    assert not document.undo_stack.canUndo()
    assert not any(p.name.startswith("long") for p in (document.folder / "media").iterdir())


@pytest.mark.gui
def test_cancel_stops_a_running_copy_and_leaves_no_part_file(
    document: Any, qtbot: Any, good_clips: Clips, tmp_path: Path
) -> None:
    src = with_sparse_box(good_clips["mp4"][0], tmp_path / "medium.mp4", b"mdat", 48 * MIB)
    media_before = sorted(os.listdir(document.folder / "media"))
    reports = _import_and_cancel_at(document, qtbot, src, "copying")
    assert reports[-1][0] == "copying" and reports[-1][1] < 1000
    assert ("hashing", 1000) in reports  # probed completely first
    assert sorted(os.listdir(document.folder / "media")) == media_before  # no .part left


@pytest.mark.gui
def test_import_reports_hashing_then_copying(
    document: Any, qtbot: Any, good_clips: Clips
) -> None:
    from studio.app.media_import import MediaImporter

    importer = MediaImporter(document)
    reports: list[tuple[str, str, int]] = []
    importer.file_progress.connect(lambda *args: reports.append(args))
    with qtbot.waitSignal(importer.finished, timeout=60000) as blocker:
        assert importer.import_files([good_clips["mp4"][0]])
    assert blocker.args == [["clip"]]
    assert reports[0][:2] == ("clip.mp4", "hashing") and ("clip.mp4", "hashing", 1000) in reports
    assert reports[-1] == ("clip.mp4", "copying", 1000)
    permilles = [p for _, kind, p in reports if kind == "hashing"]
    assert permilles == sorted(set(permilles))  # one report per change, never backwards


# --- the command line ---------------------------------------------------------------------------


@pytest.mark.skipif(not Path("/proc/self/io").exists(), reason="needs Linux /proc/<pid>/io")
def test_cli_probe_is_interrupted_cleanly_while_hashing(good_clips: Clips, tmp_path: Path) -> None:
    """Ctrl-C during a long hash: one line, exit code 2, no traceback."""
    clip = good_clips["mp4"][0]
    total = MAX_MEDIA_BYTES - clip.stat().st_size - 16  # the largest clip the limit allows
    src = with_sparse_box(clip, tmp_path / "long.mp4", b"mdat", total)
    env = {**os.environ, "DRAMA_STUDIO_CACHE": str(tmp_path / "cache")}
    proc = subprocess.Popen(
        [sys.executable, "-m", "studio.cli", "probe", str(src)],
        cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        while _bytes_read(proc.pid) < 64 * MIB:  # hashing has started
            assert proc.poll() is None, proc.communicate()
            time.sleep(0.01)
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert (proc.returncode, out, err) == (2, "", "studio: interrupted\n")


def _bytes_read(pid: int) -> int:
    try:
        text = Path(f"/proc/{pid}/io").read_text()
    except OSError:
        return 0
    fields = dict(line.split(": ") for line in text.splitlines())
    return int(fields["rchar"])
