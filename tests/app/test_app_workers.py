"""Workers run off the UI thread with progress, per-item failures and cancel."""

from __future__ import annotations

import threading
import time

import pytest
from pytestqt.qtbot import QtBot

from studio.app.workers import CancelToken, Job, run_async

pytestmark = pytest.mark.gui


def test_job_reports_progress_results_and_failures(qtbot: QtBot) -> None:
    main = threading.get_ident()
    threads: list[int] = []

    def work(item: int, _token: CancelToken) -> int:
        threads.append(threading.get_ident())
        if item == 2:
            raise ValueError("two is\nnot allowed")
        return item * 10

    job = Job(work, [1, 2, 3], label=str)
    results: list[tuple[int, int]] = []
    failures: list[tuple[int, str]] = []
    progress: list[tuple[int, int, str]] = []
    job.result.connect(lambda i, v: results.append((i, v)))
    job.failed.connect(lambda i, r: failures.append((i, r)))
    job.progress.connect(lambda d, n, label: progress.append((d, n, label)))
    with qtbot.waitSignal(job.finished, timeout=5000) as blocker:
        job.start()
    assert blocker.args == [False]
    assert results == [(1, 10), (3, 30)] and failures == [(2, "two is not allowed")]
    assert progress[0] == (0, 3, "1") and progress[-1] == (3, 3, "")
    assert main not in threads and not job.running


def test_cancel_stops_early(qtbot: QtBot) -> None:
    started = threading.Event()

    def work(item: int, token: CancelToken) -> int:
        started.set()
        for _ in range(200):
            token.check()
            time.sleep(0.01)
        return item

    job = Job(work, list(range(5)))
    with qtbot.waitSignal(job.finished, timeout=10000) as blocker:
        job.start()
        assert started.wait(5)
        job.cancel()
    assert blocker.args == [True]


def test_run_async(qtbot: QtBot) -> None:
    got: list[int] = []
    with qtbot.waitSignal(run_async(lambda: 41 + 1, got.append).finished, timeout=5000):
        pass
    assert got == [42]
