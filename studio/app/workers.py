"""Background work off the UI thread, with progress and cancel.

A :class:`Job` runs ``fn(item, token)`` for each item, in order, on a
``QThreadPool`` thread and reports ``progress``, ``result``/``failed`` per
item and ``finished`` through Qt signals, which arrive queued on the UI
thread.  ``fn`` must not touch widgets or the live project; give it plain
data (paths, snapshots).  ``cancel()`` sets the token; long steps should call
``token.check()`` to stop early.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


class Cancelled(Exception):
    """Raised by :meth:`CancelToken.check` after :meth:`Job.cancel`."""


class CancelToken:
    """Shared between the UI thread (cancel) and the worker (check)."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def check(self) -> None:
        if self._event.is_set():
            raise Cancelled("cancelled")


def one_line(exc: BaseException) -> str:
    text = str(exc) or type(exc).__name__
    return " ".join(text.split())


_RUNNING: set[Job] = set()  # strong references until each job finishes


class _Signals(QObject):
    progress = Signal(int, int, str)
    result = Signal(object, object)
    failed = Signal(object, str)
    done = Signal(bool)


class _Runnable(QRunnable):
    def __init__(
        self,
        signals: _Signals,
        fn: Callable[[Any, CancelToken], Any],
        items: Sequence[Any],
        token: CancelToken,
        label: Callable[[Any], str],
    ) -> None:
        super().__init__()
        self._signals, self._fn, self._items, self._token, self._label = (
            signals,
            fn,
            items,
            token,
            label,
        )

    def run(self) -> None:
        try:
            self._run()
        except RuntimeError:  # the receiving objects were deleted (shutdown): stop quietly
            self._token.cancel()

    def _run(self) -> None:
        n = len(self._items)
        for i, item in enumerate(self._items):
            if self._token.cancelled:
                break
            self._signals.progress.emit(i, n, self._label(item))
            try:
                value = self._fn(item, self._token)
            except Cancelled:
                break
            except Exception as exc:  # every failure becomes one line for the user
                self._signals.failed.emit(item, one_line(exc))
            else:
                self._signals.result.emit(item, value)
        if not self._token.cancelled:
            self._signals.progress.emit(n, n, "")
        self._signals.done.emit(self._token.cancelled)


class Job(QObject):
    """Items processed one after another on a pool thread."""

    progress = Signal(int, int, str)  # done, total, label of the current item
    result = Signal(object, object)  # item, value
    failed = Signal(object, str)  # item, one-line reason
    finished = Signal(bool)  # True if cancelled

    def __init__(
        self,
        fn: Callable[[Any, CancelToken], Any],
        items: Sequence[Any],
        label: Callable[[Any], str] = str,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.token = CancelToken()
        self.running = False
        self._signals = _Signals()
        self._signals.progress.connect(self.progress)
        self._signals.result.connect(self.result)
        self._signals.failed.connect(self.failed)
        self._signals.done.connect(self._done)
        self._runnable: _Runnable | None = _Runnable(self._signals, fn, list(items), self.token, label)

    def start(self, pool: QThreadPool | None = None) -> Job:
        if self._runnable is None:
            raise RuntimeError("a Job runs once")
        self.running = True
        _RUNNING.add(self)
        (pool or QThreadPool.globalInstance()).start(self._runnable)
        return self

    def cancel(self) -> None:
        self.token.cancel()

    def _done(self, cancelled: bool) -> None:
        self.running = False
        self._runnable = None
        self.finished.emit(cancelled)
        _RUNNING.discard(self)


def run_async(
    fn: Callable[[], Any],
    on_result: Callable[[Any], None],
    on_error: Callable[[str], None] | None = None,
    parent: QObject | None = None,
) -> Job:
    """Run ``fn()`` on a pool thread; call back on the UI thread."""
    job = Job(lambda _item, _token: fn(), [None], lambda _i: "", parent)
    job.result.connect(lambda _item, value: on_result(value))
    if on_error is not None:
        job.failed.connect(lambda _item, reason: on_error(reason))
    return job.start()
