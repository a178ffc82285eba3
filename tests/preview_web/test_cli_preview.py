"""``studio preview-web``: builds, serves on 127.0.0.1, a real Chromium plays the first scene, Ctrl-C
ends it cleanly (exit 0, temporary folder removed), a save rebuilds keeping every clip."""

from __future__ import annotations

import json
import os
import queue
import signal
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

import pytest

from tests.support import ROOT

TIMEOUT = 60.0


@dataclass
class Running:
    proc: subprocess.Popen[str]
    tmp: Path
    out: queue.Queue[str] = field(default_factory=queue.Queue)
    err: queue.Queue[str] = field(default_factory=queue.Queue)

    def line(self, which: str, contains: str) -> str:
        stream = self.out if which == "out" else self.err
        while True:
            try:
                text = stream.get(timeout=TIMEOUT)
            except queue.Empty:
                raise AssertionError(f"no {which} line with {contains!r}") from None
            if contains in text:
                return text


def _pump(pipe: IO[str], into: queue.Queue[str]) -> None:
    with pipe:
        for text in pipe:
            into.put(text)


@pytest.fixture
def start(tmp_path: Path, media_cache: Path) -> Iterator[Any]:
    started: list[tuple[Running, list[threading.Thread]]] = []

    def run(*args: str, env: dict[str, str] | None = None) -> Running:
        tmp = tmp_path / f"tmp{len(started)}"
        tmp.mkdir()
        full = {**os.environ, "TMPDIR": str(tmp), **(env or {})}
        proc = subprocess.Popen(
            [sys.executable, "-m", "studio", "preview-web", *args], cwd=ROOT, env=full, text=True,
            stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        )
        running = Running(proc, tmp)
        assert proc.stdout is not None and proc.stderr is not None
        pumps = [threading.Thread(target=_pump, args=(pipe, into), daemon=True)
                 for pipe, into in ((proc.stdout, running.out), (proc.stderr, running.err))]
        for pump in pumps:
            pump.start()
        started.append((running, pumps))
        return running

    yield run
    for running, pumps in started:
        if running.proc.poll() is None:
            running.proc.kill()
        running.proc.wait()
        for pump in pumps:
            pump.join(TIMEOUT)


def _stop(running: Running) -> None:
    running.proc.send_signal(signal.SIGINT)
    assert running.proc.wait(TIMEOUT) == 0
    assert list(running.tmp.iterdir()) == []  # the preview folder is gone


def _url(running: Running) -> str:
    line = running.line("out", "serving ")
    url = line.split()[1]
    assert url.startswith("http://127.0.0.1:") and url.endswith("/player/index.html")
    return url


@pytest.mark.browser
def test_chromium_plays_the_first_scene_from_the_served_url(start: Any, savings: Path, browser: Any) -> None:
    running = start(str(savings), "--no-browser")
    url = _url(running)
    assert "building the preview 100%" in running.line("err", "100%")
    start_scene = json.loads((savings / "drama.json").read_text("utf-8"))["start"]
    page = browser.new_page(viewport={"width": 390, "height": 844})
    try:
        errors: list[str] = []
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        page.add_init_script(
            "window.__started = [];"
            "addEventListener('drama:scene_started', (e) => window.__started.push(e.detail.scene));"
        )
        page.goto(url)
        page.wait_for_function("() => window.__started.length > 0", timeout=TIMEOUT * 1000)
        assert page.evaluate("window.__started[0]") == start_scene
        # the clip really plays: a video element advances past its first frames
        page.wait_for_function(
            "() => [...document.querySelectorAll('video')].some((v) => v.currentTime > 0.3 && !v.paused)",
            timeout=TIMEOUT * 1000,
        )
        assert errors == []
    finally:
        page.close()
    _stop(running)


def test_a_save_rebuilds_keeping_every_clip(start: Any, savings: Path) -> None:
    running = start(str(savings), "--no-browser", "--port", "0")
    url = _url(running)
    base = url.removesuffix("player/index.html")
    path = savings / "drama.json"
    data = json.loads(path.read_text("utf-8"))
    data["title"] = "Edited while served"
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2), "utf-8")
    line = running.line("err", "rebuilt ")
    clips = len(data["media"])
    assert f"{clips} clips ({clips} unchanged)" in line
    assert "0.0 MB copied" in line or "0.1 MB copied" in line
    with urllib.request.urlopen(base + "manifest.json", timeout=10) as resp:
        assert json.load(resp)["drama"]["title"] == "Edited while served"
    _stop(running)


def test_opens_the_default_browser(start: Any, savings: Path, tmp_path: Path) -> None:
    """Without --no-browser the URL goes to the browser ``webbrowser`` picks ($BROWSER here)."""
    seen = tmp_path / "opened.txt"
    fake = tmp_path / "browser"
    script = f"import sys, pathlib\npathlib.Path({str(seen)!r}).write_text(sys.argv[1])\n"
    fake.write_text(f"#!{sys.executable}\n{script}")
    fake.chmod(0o755)
    running = start(str(savings), env={"BROWSER": str(fake)})
    url = _url(running)
    deadline = time.monotonic() + TIMEOUT
    while not seen.exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    _stop(running)
    assert seen.read_text() == url


def test_a_project_that_cannot_be_exported_is_one_line(start: Any, tmp_path: Path) -> None:
    running = start(str(tmp_path / "nothing-here"), "--no-browser")
    assert running.proc.wait(TIMEOUT) == 2
    line = running.line("err", "studio: ")
    assert "nothing-here" in line and "Traceback" not in line
    assert list(running.tmp.iterdir()) == []


def test_a_port_in_use_is_one_line(start: Any, savings: Path) -> None:
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        running = start(str(savings), "--no-browser", "--port", str(taken.getsockname()[1]))
        assert running.proc.wait(TIMEOUT) == 2
        assert "cannot serve on 127.0.0.1 port" in running.line("err", "studio: ")
    assert list(running.tmp.iterdir()) == []
