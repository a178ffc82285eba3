"""Bundle export/import jobs: real zips written and read on a worker thread, cancel, errors."""

from __future__ import annotations

import json
import threading
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from studio.app.bundle_jobs import BundleJob, ExportJob, ImportJob, wait_all
from studio.bundle.export import ExportResult
from studio.model import load

pytestmark = pytest.mark.gui


@pytest.fixture(autouse=True)
def no_leaked_threads(qapp: object) -> Iterator[None]:
    yield
    assert wait_all(30), "a bundle worker thread did not stop"
    alive = [t.name for t in threading.enumerate() if t.name.startswith("bundle-")]
    assert not alive, alive


class Record:
    """Everything a job reported, plus the threads its ticks ran on."""

    def __init__(self, job: BundleJob) -> None:
        self.percents: list[int] = []
        self.succeeded: list[object] = []
        self.failed: list[str] = []
        self.cancelled = 0
        self.order: list[str] = []
        self.tick_threads: set[int] = set()
        job.progress.connect(self.percents.append)
        job.succeeded.connect(self._succeeded)
        job.failed.connect(self._failed)
        job.cancelled.connect(self._cancelled)
        job.finished.connect(lambda: self.order.append("finished"))

    def _succeeded(self, value: object) -> None:
        self.succeeded.append(value)
        self.order.append("succeeded")

    def _failed(self, text: str) -> None:
        self.failed.append(text)
        self.order.append("failed")

    def _cancelled(self) -> None:
        self.cancelled += 1
        self.order.append("cancelled")


def run(qtbot: QtBot, job: BundleJob) -> Record:
    record = Record(job)
    with qtbot.waitSignal(job.finished, timeout=60_000):
        job.start()
    assert job.wait(30) and not job.running
    return record


def entries(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_export_job_writes_a_valid_bundle_off_the_ui_thread(
    qtbot: QtBot, savings_copy: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out" / "savings.drama.zip"
    out.parent.mkdir()
    job = ExportJob(savings_copy, out, web_player=True)
    ticks: set[int] = set()
    job.tick_hook = lambda _done, _total: ticks.add(threading.get_ident())
    record = run(qtbot, job)
    assert record.order == ["succeeded", "finished"] and job.outcome == "ok"
    result = record.succeeded[0]
    assert isinstance(result, ExportResult) and result is job.result and result.path == out
    assert ticks and threading.get_ident() not in ticks
    assert record.percents == sorted(record.percents) and record.percents[-1] == 100
    assert len(record.percents) == len(set(record.percents))  # only changes are signalled
    with zipfile.ZipFile(out) as zf:
        assert zf.testzip() is None
        names = set(zf.namelist())
        manifest = json.loads(zf.read("manifest.json"))
    listed = {f["path"] for f in manifest["files"]}
    project = load(savings_copy).project
    media_paths = {m["path"] for m in manifest["drama"]["media"]}
    assert len(media_paths) == len({m.sha256 for m in project.media}) > 0
    assert media_paths <= listed <= names
    assert "player/index.html" in names
    assert result.files == len(names) and result.bytes == out.stat().st_size
    assert entries(out.parent) == ["savings.drama.zip"]


def test_export_job_cancelled_at_the_first_tick_writes_nothing(
    qtbot: QtBot, savings_copy: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out.drama.zip"
    before = entries(tmp_path)
    job = ExportJob(savings_copy, out)
    ticks: list[int] = []

    def tick(done: int, _total: int) -> None:
        ticks.append(done)
        job.cancel()

    job.tick_hook = tick
    record = run(qtbot, job)
    assert record.order == ["cancelled", "finished"] and job.outcome == "cancelled"
    assert len(ticks) == 1 and job.cancel_requested and "nothing was written" in job.error
    assert not out.exists() and entries(tmp_path) == before  # no .part file left either


def test_export_job_refused_by_validation_reports_one_line(
    qtbot: QtBot, savings_copy: Path, tmp_path: Path
) -> None:
    file = savings_copy / "drama.json"
    raw = json.loads(file.read_text("utf-8"))
    scene = next(s for s in raw["scenes"] if s["prompts"])
    scene["prompts"][0]["at_ms"] = 60_000  # far past the end of the 6 s clip
    file.write_text(json.dumps(raw), "utf-8")
    out = tmp_path / "out.drama.zip"
    record = run(qtbot, ExportJob(savings_copy, out))
    assert record.order == ["failed", "finished"]
    (text,) = record.failed
    assert "\n" not in text and "not exported" in text
    assert scene["id"] in text and scene["prompts"][0]["id"] in text
    assert not out.exists() and not list(tmp_path.glob("*.part"))


@pytest.fixture
def bundle(savings_copy: Path, tmp_path: Path) -> Path:
    from studio.bundle.export import export_project

    out = tmp_path / "savings.drama.zip"
    export_project(savings_copy, out)
    return out


def test_import_job_round_trip(qtbot: QtBot, bundle: Path, savings_copy: Path, tmp_path: Path) -> None:
    dest = tmp_path / "imported"
    record = run(qtbot, ImportJob(bundle, dest))
    assert record.order == ["succeeded", "finished"] and record.succeeded == [dest.absolute()]
    assert record.percents[-1] == 100
    imported, original = load(dest).project, load(savings_copy).project
    assert [s.id for s in imported.scenes] == [s.id for s in original.scenes]
    for asset in imported.media:
        assert (dest / asset.path).stat().st_size == asset.size


def test_import_job_cancel_and_refusal_leave_no_folder(qtbot: QtBot, bundle: Path, tmp_path: Path) -> None:
    dest = tmp_path / "cancelled"
    job = ImportJob(bundle, dest)
    job.tick_hook = lambda _d, _t: job.cancel()
    record = run(qtbot, job)
    assert record.order == ["cancelled", "finished"] and not dest.exists()

    evil = tmp_path / "evil.drama.zip"
    with zipfile.ZipFile(bundle) as src, zipfile.ZipFile(evil, "w") as dst:
        for info in src.infolist():
            dst.writestr(info, src.read(info))
        dst.writestr("../escaped.jpg", b"\xff\xd8\xff gotcha")
    before = entries(tmp_path)
    dest = tmp_path / "evil"
    record = run(qtbot, ImportJob(evil, dest))
    (text,) = record.failed
    assert "\n" not in text and "not imported" in text and "escaped.jpg" in text
    assert not dest.exists() and entries(tmp_path) == before
    assert not (tmp_path / "escaped.jpg").exists()


def test_a_job_runs_once(qtbot: QtBot, bundle: Path, tmp_path: Path) -> None:
    job = ImportJob(bundle, tmp_path / "once")
    run(qtbot, job)
    with pytest.raises(RuntimeError):
        job.start()


def test_export_job_writes_host_origins(qtbot: QtBot, savings_copy: Path, tmp_path: Path) -> None:
    out = tmp_path / "o.drama.zip"
    origins = ("https://wallet.example.com",)
    record = run(qtbot, ExportJob(savings_copy, out, web_player=False, host_origins=origins))
    assert record.order == ["succeeded", "finished"]
    with zipfile.ZipFile(out) as zf:
        assert json.loads(zf.read("manifest.json"))["host_origins"] == ["https://wallet.example.com"]


def test_export_options_survive_damage(qapp: object, tmp_path: Path) -> None:
    from studio.app import export_options
    from studio.app.export_options import ExportOptions
    from studio.app.settings import qsettings

    folder = tmp_path / "proj"
    assert export_options.load(folder) == ExportOptions()
    export_options.remember(folder, ExportOptions(False, ("https://a.example.com",)))
    assert export_options.load(folder) == ExportOptions(False, ("https://a.example.com",))
    settings = qsettings()
    for damaged in ("{not json", json.dumps({str(folder): {"web_player": 3, "host_origins": ["*"]}})):
        settings.setValue(export_options.KEY, damaged)
        settings.sync()
        assert export_options.load(folder) == ExportOptions()
    for n in range(export_options.MAX_PROJECTS + 5):
        export_options.remember(tmp_path / f"p{n}", ExportOptions())
    assert export_options.load(tmp_path / "p0") == ExportOptions()
    kept = json.loads(str(qsettings().value(export_options.KEY)))
    assert len(kept) == export_options.MAX_PROJECTS and str((tmp_path / "p0").absolute()) not in kept
