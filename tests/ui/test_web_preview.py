"""Preview in Browser from the window: built off the UI thread, served, the browser asked to open it,
rebuilt into the same address keeping clips, stopped with the window or another project."""

from __future__ import annotations

import json
import urllib.request
from pathlib import Path
from typing import Any

from pytestqt.qtbot import QtBot

from studio.ui.web_preview import WebPreviewController


def _get_json(url: str) -> Any:
    with urllib.request.urlopen(url, timeout=10) as resp:
        assert resp.headers["Content-Type"] == "application/json"
        return json.load(resp)


def test_preview_in_browser_serves_the_project_and_opens_it(
    qtbot: QtBot, window: Any, media_cache: Path
) -> None:
    controller = WebPreviewController(window.doc, window.files, window)
    opened: list[str] = []
    controller.open_url = lambda url: opened.append(url) is None
    with qtbot.waitSignal(controller.opened, timeout=60_000):
        assert controller.preview()
    url = opened[0]
    assert url.startswith("http://127.0.0.1:") and url.endswith("/player/index.html")
    base = url.removesuffix("player/index.html")
    assert _get_json(base + "manifest.json")["drama"]["title"] == window.doc.project.title
    assert "in your browser at http://127.0.0.1:" in window.statusBar().currentMessage()
    root = controller.preview_state.site_root
    assert root is not None and root.is_dir()

    with qtbot.waitSignal(controller.opened, timeout=60_000):  # again: same address, clips kept
        assert controller.preview()
    assert opened[1] == url
    clips = len(window.doc.project.media)
    assert f"{clips} unchanged clips kept" in window.statusBar().currentMessage()

    controller.shutdown()
    assert controller.preview_state.url is None
    assert not root.exists()


def test_opening_another_project_stops_the_preview(
    qtbot: QtBot, window: Any, media_cache: Path, tmp_path: Path
) -> None:
    import shutil

    from tests.support import SAMPLES

    controller = WebPreviewController(window.doc, window.files, window)
    controller.open_url = lambda _url: True
    with qtbot.waitSignal(controller.opened, timeout=60_000):
        controller.preview()
    root = controller.preview_state.site_root
    assert root is not None
    other = tmp_path / "shoppable"
    shutil.copytree(SAMPLES / "shoppable", other, ignore=shutil.ignore_patterns("*.lock"))
    with qtbot.waitSignal(controller.preview_state.stopped, timeout=10_000):
        assert window.open_project(other)
    assert not root.exists()
    assert controller.preview_state.url is None


def test_cancel_stops_the_build(qtbot: QtBot, window: Any, media_cache: Path) -> None:
    controller = WebPreviewController(window.doc, window.files, window)
    opened: list[str] = []
    controller.open_url = lambda url: opened.append(url) is None

    def cancel_at_first_tick(job: Any) -> None:  # before the worker starts: no race
        job.tick_hook = lambda _done, _total: job.cancel()

    controller.preview_state.job_started.connect(cancel_at_first_tick)
    assert controller.preview()
    job = controller.preview_state.job
    assert job is not None
    with qtbot.waitSignal(job.finished, timeout=60_000):
        pass
    assert job.outcome == "cancelled"
    assert opened == []
    assert window.statusBar().currentMessage() == "Browser preview cancelled."
    controller.shutdown()
