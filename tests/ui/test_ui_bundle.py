"""File > Export Bundle… and File > Open Bundle… in the main window, with real zips."""

from __future__ import annotations

import json
import threading
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from studio.app import export_options
from studio.app.bundle_jobs import BundleJob, wait_all
from studio.app.export_options import ExportOptions
from studio.bundle.export import export_project
from studio.model import load
from studio.model.ops import PROJECT, SetField
from studio.ui.bundle_actions import ExportChoice, ExportDialog, bundle_name, default_import_folder, slug
from tests.ui.conftest import Answers

pytestmark = pytest.mark.gui


@pytest.fixture(autouse=True)
def no_leaked_threads() -> Iterator[None]:
    yield
    assert wait_all(30), "a bundle worker thread did not stop"
    alive = [t.name for t in threading.enumerate() if t.name.startswith("bundle-")]
    assert not alive, alive


class Asked:
    """Stands in for the controller's path questions and error box."""

    def __init__(
        self,
        window: Any,
        export_to: Path | None = None,
        web_player: bool = True,
        origins: tuple[str, ...] = (),
    ) -> None:
        self.defaults: list[Path] = []
        self.options: list[ExportOptions] = []
        self.errors: list[tuple[str, str]] = []
        self.export_to = export_to
        self.web_player = web_player
        self.origins = origins
        bundles = window.bundles
        bundles.ask_export = self.ask_export
        bundles.show_error = lambda _p, title, text: self.errors.append((title, text))

    def ask_export(
        self, _parent: Any, default: Path, options: ExportOptions
    ) -> tuple[ExportChoice, ExportOptions] | None:
        self.defaults.append(default)
        self.options.append(options)
        if self.export_to is None:
            return None
        choice = ExportChoice(self.export_to, self.web_player, self.origins)
        return choice, ExportOptions(self.web_player, self.origins)


def finish(qtbot: QtBot, window: Any, action_id: str) -> BundleJob:
    jobs: list[BundleJob] = []
    window.bundles.job_finished.connect(jobs.append)
    with qtbot.waitSignal(window.bundles.job_finished, timeout=60_000):
        assert window.trigger(action_id)
        assert window.bundles.busy
    assert not window.bundles.busy and not window.bundles.dialog.isVisible()
    return jobs[0]


def test_actions_are_in_the_file_menu(window: Any) -> None:
    export = window.action_map["file.export_bundle"]
    assert export.shortcut() == QKeySequence("Ctrl+E")
    file_menu = window.menuBar().actions()[0].menu()
    names = [a.objectName() for a in file_menu.actions()]
    assert "file.export_bundle" in names and "file.open_bundle" in names


def test_export_through_the_action(qtbot: QtBot, window: Any, savings_copy: Path, tmp_path: Path) -> None:
    out = tmp_path / "exports" / "savings.drama.zip"
    out.parent.mkdir()
    asked = Asked(window, out)
    job = finish(qtbot, window, "file.export_bundle")
    assert job.outcome == "ok" and not asked.errors
    assert asked.defaults == [savings_copy / f"{slug(window.doc.project.title)}.drama.zip"]
    with zipfile.ZipFile(out) as zf:
        assert zf.testzip() is None
        names = zf.namelist()
        manifest = json.loads(zf.read("manifest.json"))
    listed = {f["path"] for f in manifest["files"]}
    media = [m["path"] for m in manifest["drama"]["media"]]
    assert media and set(media) <= listed and all(p in names for p in media)
    assert "player/index.html" in names
    assert [s["id"] for s in manifest["drama"]["scenes"]] == [s.id for s in window.doc.project.scenes]
    text = window.statusBar().currentMessage()
    assert text.startswith(f"Exported {len(names)} files (") and text.endswith(f" MB) to {out}")
    assert window.bundles.open_folder_button.isVisible()
    window.statusBar().showMessage("something else")
    assert not window.bundles.open_folder_button.isVisible()


def test_export_saves_unsaved_changes_first(
    qtbot: QtBot, window: Any, answers: Answers, tmp_path: Path
) -> None:
    out = tmp_path / "edited.drama.zip"
    asked = Asked(window, out)
    window.doc.push(SetField(PROJECT.title, "Edited before export"))
    answers.append("Cancel")
    assert not window.trigger("file.export_bundle") or not window.bundles.busy
    assert not asked.defaults and not out.exists() and window.doc.dirty  # nothing asked or written
    answers.append("Save")
    job = finish(qtbot, window, "file.export_bundle")
    assert job.outcome == "ok" and not window.doc.dirty
    assert any("unsaved changes" in q for q in answers.asked)
    with zipfile.ZipFile(out) as zf:
        assert json.loads(zf.read("manifest.json"))["drama"]["title"] == "Edited before export"


def test_cancel_button_stops_the_export_at_the_first_tick(
    qtbot: QtBot, window: Any, tmp_path: Path
) -> None:
    out = tmp_path / "cancelled.drama.zip"
    out.write_bytes(b"previous export")
    Asked(window, out)
    ticked, go_on = threading.Event(), threading.Event()
    ticks: list[int] = []

    def hook(job: BundleJob) -> None:
        def tick(done: int, _total: int) -> None:  # on the worker thread
            ticks.append(done)
            if len(ticks) == 1:
                ticked.set()
                assert go_on.wait(30)

        job.tick_hook = tick

    window.bundles.job_created.connect(hook)
    jobs: list[BundleJob] = []
    window.bundles.job_finished.connect(jobs.append)
    assert window.trigger("file.export_bundle")
    qtbot.waitUntil(ticked.is_set, timeout=30_000)
    dialog = window.bundles.dialog
    dialog.show()  # it would appear by itself after its minimum duration
    qtbot.waitExposed(dialog)
    button = dialog.findChild(QPushButton)
    assert button is not None and button.text() == "Cancel"
    button.click()
    assert dialog.isVisible() and dialog.labelText() == "Cancelling…" and not button.isEnabled()
    go_on.set()
    qtbot.waitUntil(lambda: bool(jobs), timeout=30_000)
    assert jobs[0].outcome == "cancelled" and len(ticks) == 1
    assert out.read_bytes() == b"previous export"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.endswith(".part")) == []
    assert "Export cancelled" in window.statusBar().currentMessage()
    assert not dialog.isVisible()


def test_shutdown_cancels_and_joins_a_running_export(qtbot: QtBot, window: Any, tmp_path: Path) -> None:
    out = tmp_path / "quit.drama.zip"
    Asked(window, out)
    ticked = threading.Event()

    def hook(job: BundleJob) -> None:
        def tick(_done: int, _total: int) -> None:  # hold the worker until cancel is asked
            ticked.set()
            for _ in range(3000):
                if job.cancel_requested:
                    return
                time.sleep(0.01)

        job.tick_hook = tick

    window.bundles.job_created.connect(hook)
    assert window.trigger("file.export_bundle")
    qtbot.waitUntil(ticked.is_set, timeout=30_000)
    job = window.bundles.job
    assert job is not None and window.bundles.shutdown(30)  # what quitting the application does
    assert not [t for t in threading.enumerate() if t.name.startswith("bundle-")]
    qtbot.waitUntil(lambda: not window.bundles.busy, timeout=30_000)
    assert job.outcome == "cancelled" and not out.exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")] == []


def test_export_refused_for_a_validation_error(
    qtbot: QtBot, window: Any, savings_copy: Path, tmp_path: Path
) -> None:
    file = savings_copy / "drama.json"
    raw = json.loads(file.read_text("utf-8"))
    scene = next(s for s in raw["scenes"] if s["prompts"])
    scene["prompts"][0]["at_ms"] = 60_000  # outside the trimmed 6 s clip
    file.write_text(json.dumps(raw), "utf-8")
    assert window.files.reload()
    out_dir = tmp_path / "exports"
    out_dir.mkdir()
    asked = Asked(window, out_dir / "broken.drama.zip")
    job = finish(qtbot, window, "file.export_bundle")
    assert job.outcome == "failed"
    ((title, text),) = asked.errors
    assert title == "Export Bundle failed" and "\n" not in text
    assert "not exported" in text and scene["id"] in text and scene["prompts"][0]["id"] in text
    assert list(out_dir.iterdir()) == []


@pytest.fixture
def bundle(savings_copy: Path, tmp_path: Path) -> Path:
    out = tmp_path / "bundles" / "payday.drama.zip"
    out.parent.mkdir()
    export_project(savings_copy, out)
    return out


def test_open_bundle_imports_and_opens_it(qtbot: QtBot, window: Any, bundle: Path) -> None:
    (bundle.parent / "payday").mkdir()  # taken: the default destination becomes unique
    asked = Asked(window)
    dests: list[Path] = []
    window.bundles.ask_bundle = lambda _p, _start: bundle

    def ask_destination(_parent: Any, default: Path) -> Path:
        dests.append(default)
        return default

    window.bundles.ask_destination = ask_destination
    job = finish(qtbot, window, "file.open_bundle")
    assert job.outcome == "ok" and not asked.errors
    assert dests == [bundle.parent / "payday-2"]
    dest = dests[0]
    assert window.doc.path == (dest / "drama.json").resolve() and not window.doc.dirty
    expected = load(dest).project
    assert len(window.doc.project.scenes) == len(expected.scenes) > 0
    assert len(window.graph.graph.items_by_id) == len(expected.scenes)
    assert window.windowTitle().startswith("payday-2")
    assert f"Imported the bundle into {dest}" in window.statusBar().currentMessage()


def test_open_malicious_bundle_is_refused(qtbot: QtBot, window: Any, bundle: Path, tmp_path: Path) -> None:
    evil = tmp_path / "evil.drama.zip"
    with zipfile.ZipFile(bundle) as src, zipfile.ZipFile(evil, "w") as dst:
        for info in src.infolist():
            dst.writestr(info, src.read(info))
        dst.writestr("../../escaped.mp4", b"\x00\x00\x00\x18ftypmp42 gotcha")
    before = window.doc.path
    asked = Asked(window)
    window.bundles.ask_bundle = lambda _p, _start: evil
    window.bundles.ask_destination = lambda _p, default: default
    job = finish(qtbot, window, "file.open_bundle")
    assert job.outcome == "failed"
    ((title, text),) = asked.errors
    assert title == "Open Bundle failed" and "\n" not in text
    assert "not imported" in text and "escaped.mp4" in text
    assert not (tmp_path / "evil").exists() and not (tmp_path.parent / "escaped.mp4").exists()
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".evil")) == []
    assert window.doc.path == before


def test_export_dialog_defaults(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = ExportDialog(tmp_path / "my-drama.drama.zip")
    qtbot.addWidget(dialog)
    assert dialog.web_player.isChecked()
    assert dialog.choice() == ExportChoice(tmp_path / "my-drama.drama.zip", True)
    dialog.path_edit.setText(str(tmp_path / "other"))
    dialog.web_player.setChecked(False)
    assert dialog.choice() == ExportChoice(tmp_path / "other.drama.zip", False)
    dialog.path_edit.setText(str(tmp_path / "missing" / "x.zip"))
    dialog.accept()  # refused: the folder does not exist
    assert dialog.result() == 0 and "does not exist" in dialog.note.text()


def test_names() -> None:
    assert slug("Payday: a savings story") == "payday-a-savings-story"
    assert slug("?!", "fallback") == "fallback"
    assert bundle_name("a/b.ZIP") == Path("a/b.ZIP") and bundle_name("a/b") == Path("a/b.drama.zip")
    assert default_import_folder(Path("/nonexistent/x/show.drama.zip")) == Path("/nonexistent/x/show")


def test_export_dialog_host_origins(qtbot: QtBot, tmp_path: Path) -> None:
    remembered = ExportOptions(True, ("https://wallet.example.com",))
    dialog = ExportDialog(tmp_path / "d.drama.zip", options=remembered)
    qtbot.addWidget(dialog)
    dialog.show()
    field, error, ok = dialog.origins, dialog.origins_error, dialog.ok_button
    assert field.isEnabled() and field.toPlainText() == "https://wallet.example.com"
    field.setPlainText("HTTPS://Shop.example.com:443/\n\nhttps://wallet.example.com\nhttp://localhost:8000")
    assert not error.isVisible() and ok.isEnabled()
    assert dialog.choice().host_origins == (
        "http://localhost:8000", "https://shop.example.com", "https://wallet.example.com",
    )  # fmt: skip
    field.setPlainText("https://wallet.example.com\nhttp://shop.example.com")
    assert error.isVisible() and not ok.isEnabled()
    assert error.text() == (
        "line 2: host origin 'http://shop.example.com': http is only allowed for localhost, "
        "127.0.0.1 and [::1]: use https"
    )
    dialog.accept()
    assert dialog.result() == 0 and dialog.isVisible()  # not accepted
    field.setPlainText("\n".join(f"https://h{i}.example.com" for i in range(21)))
    assert error.text() == "at most 20 host origins, got 21"
    field.setPlainText("https://*.example.com")
    dialog.web_player.setChecked(False)  # the origins only go with the web player
    assert not field.isEnabled() and not error.isVisible() and ok.isEnabled()
    assert dialog.choice().host_origins == ()
    field.setPlainText("https://shop.example.com")
    assert dialog.options() == ExportOptions(False, ("https://shop.example.com",))  # still remembered
    dialog.web_player.setChecked(True)
    assert dialog.choice() == ExportChoice(tmp_path / "d.drama.zip", True, ("https://shop.example.com",))


def test_host_origins_exported_and_remembered_per_project(
    qtbot: QtBot, window: Any, savings_copy: Path, tmp_path: Path
) -> None:
    out = tmp_path / "o.drama.zip"
    origins = ("http://localhost:8000", "https://wallet.example.com")
    asked = Asked(window, out, origins=origins)
    job = finish(qtbot, window, "file.export_bundle")
    assert job.outcome == "ok"
    assert asked.options == [ExportOptions()]  # never exported: player on, no origins
    with zipfile.ZipFile(out) as zf:
        assert json.loads(zf.read("manifest.json"))["host_origins"] == list(origins)
    assert export_options.load(savings_copy) == ExportOptions(True, origins)
    assert export_options.load(tmp_path) == ExportOptions()  # another folder
    finish(qtbot, window, "file.export_bundle")
    assert asked.options[-1] == ExportOptions(True, origins)  # the dialog starts from them
