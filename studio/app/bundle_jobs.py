"""Bundle export/import off the UI thread, with progress and a real cancel.

:class:`ExportJob` runs :func:`studio.bundle.export.export_project` and
:class:`ImportJob` runs :func:`studio.bundle.importer.import_bundle` on a
worker thread of their own (so :meth:`BundleJob.wait` can join it).  The
worker passes the bundle functions a ``cancel`` callback reading the job's
flag, so :meth:`BundleJob.cancel` stops them at their next check; they leave
nothing behind (atomic output, staging folder removed).

Signals arrive queued on the thread that owns the job (the UI thread):
``progress(percent)`` only when the percentage changes, then exactly one of
``succeeded(result)``, ``failed(one_line)`` or ``cancelled()``, then
``finished()``.  Widget-free: the dialogs live in :mod:`studio.ui.bundle_actions`.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal

from studio.app.workers import one_line
from studio.bundle.errors import Cancelled

TickHook = Callable[[int, int], None]

_RUNNING: set[BundleJob] = set()  # strong references until each job has reported


class _Relay(QObject):
    """Emitted from the worker thread; delivered queued to the job's owner thread."""

    progress = Signal(int)
    done = Signal(str, object)  # outcome ("ok", "failed", "cancelled"), value


class BundleJob(QObject):
    """One bundle operation on its own thread; runs once."""

    progress = Signal(int)  # percent, 0..100
    succeeded = Signal(object)  # the bundle function's return value
    failed = Signal(str)  # one-line reason
    cancelled = Signal()
    finished = Signal()  # always last

    kind = "bundle"

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._cancel = threading.Event()
        self._thread: threading.Thread | None = None
        self._relay = _Relay()
        self._relay.progress.connect(self._on_progress)
        self._relay.done.connect(self._on_done)
        self.running = False
        self.outcome: str | None = None  # "ok", "failed" or "cancelled" once reported
        self.result: Any = None  # the bundle function's return value (outcome "ok")
        self.error = ""  # the one-line reason (outcome "failed" or "cancelled")
        self.percent = 0
        #: Called ON THE WORKER THREAD with (done, total) at every progress tick,
        #: before the throttled ``progress`` signal (instrumentation and tests).
        self.tick_hook: TickHook | None = None

    # --- to override -------------------------------------------------------------
    def work(self, progress: Callable[[int, int], None], cancel: Callable[[], bool]) -> Any:
        raise NotImplementedError

    # --- control (UI thread) -------------------------------------------------------
    def start(self) -> BundleJob:
        if self._thread is not None:
            raise RuntimeError("a bundle job runs once")
        self.running = True
        _RUNNING.add(self)
        self._thread = threading.Thread(target=self._run, name=f"bundle-{self.kind}", daemon=True)
        self._thread.start()
        return self

    def cancel(self) -> None:
        """Ask the worker to stop at its next check (safe from any thread)."""
        self._cancel.set()

    @property
    def cancel_requested(self) -> bool:
        return self._cancel.is_set()

    def wait(self, timeout: float | None = None) -> bool:
        """Join the worker thread; True if it has ended (signals may still be queued)."""
        if self._thread is None:
            return True
        self._thread.join(timeout)
        return not self._thread.is_alive()

    # --- worker thread ---------------------------------------------------------------
    def _run(self) -> None:
        last = [-1]

        def progress(done: int, total: int) -> None:
            if self.tick_hook is not None:
                self.tick_hook(done, total)
            percent = max(0, min(100, done * 100 // max(total, 1)))
            if percent != last[0]:
                last[0] = percent
                self._relay.progress.emit(percent)

        outcome: str
        value: Any
        try:
            value, outcome = self.work(progress, self._cancel.is_set), "ok"
        except Cancelled as exc:
            value, outcome = one_line(exc), "cancelled"
        except Exception as exc:  # every failure becomes one line for the user
            value, outcome = one_line(exc), "failed"
        with contextlib.suppress(RuntimeError):  # deleted at application shutdown: nobody to tell
            self._relay.done.emit(outcome, value)

    # --- back on the owner thread ---------------------------------------------------------
    def _on_progress(self, percent: int) -> None:
        if self.outcome is None:
            self.percent = percent
            self.progress.emit(percent)

    def _on_done(self, outcome: str, value: object) -> None:
        self.running = False
        self.outcome = outcome
        if outcome == "ok":
            self.result = value
        else:
            self.error = str(value)
        if outcome == "ok":
            self.succeeded.emit(value)
        elif outcome == "cancelled":
            self.cancelled.emit()
        else:
            self.failed.emit(str(value))
        self.finished.emit()
        _RUNNING.discard(self)


class ExportJob(BundleJob):
    """Export a saved project folder to a ``.drama.zip``; result: ``ExportResult``."""

    kind = "export"

    def __init__(
        self,
        project_folder: str | Path,
        out_file: str | Path,
        web_player: bool = True,
        parent: QObject | None = None,
        host_origins: tuple[str, ...] = (),
    ) -> None:
        super().__init__(parent)
        self.project_folder = Path(project_folder)
        self.out_file = Path(out_file)
        self.web_player = web_player
        self.host_origins = host_origins  # allowed embedding origins, written into the manifest

    def work(self, progress: Callable[[int, int], None], cancel: Callable[[], bool]) -> Any:
        from studio.bundle.export import export_project

        return export_project(
            self.project_folder,
            self.out_file,
            self.web_player,
            progress=progress,
            cancel=cancel,
            host_origins=self.host_origins,
        )


class ImportJob(BundleJob):
    """Import a ``.drama.zip`` into a new (or empty) folder; result: the folder ``Path``."""

    kind = "import"

    def __init__(self, zip_path: str | Path, out_dir: str | Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.zip_path = Path(zip_path)
        self.out_dir = Path(out_dir)

    def work(self, progress: Callable[[int, int], None], cancel: Callable[[], bool]) -> Any:
        from studio.bundle.importer import import_bundle

        return import_bundle(self.zip_path, self.out_dir, progress=progress, cancel=cancel)


def wait_all(timeout: float = 30.0) -> bool:
    """Cancel and join every job still running (application shutdown, test teardown)."""
    jobs = list(_RUNNING)
    for job in jobs:
        job.cancel()
    return all(job.wait(timeout) for job in jobs)
