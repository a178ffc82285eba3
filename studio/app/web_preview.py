"""Preview in Browser, widget-free: build the site and serve it off the UI thread.

:class:`WebPreview` belongs to one document.  :meth:`WebPreview.start` runs a
:class:`PreviewJob` (a :class:`~studio.app.bundle_jobs.BundleJob`: its own thread,
``progress(percent)``, a real cancel, then ``succeeded``/``failed``/``cancelled``) that
(re)builds the document's saved folder into a :class:`~studio.preview_web.site.Site` and
starts the :class:`~studio.preview_web.server.PreviewServer` on 127.0.0.1 the first time.
Starting again after an edit rebuilds into the same site, so unchanged clips are kept
and the address stays the same.  The server stops, and the site's folder is removed,
when the document's file changes (another project opened, New, Close) and at
:meth:`WebPreview.stop` (the window closing).  The dialogs live in
:mod:`studio.ui.web_preview`.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from studio.app.bundle_jobs import BundleJob
from studio.preview_web.server import PreviewServer
from studio.preview_web.site import BuildResult, Site

if TYPE_CHECKING:
    from studio.app.document import Document


@dataclass(frozen=True)
class PreviewReady:
    """A finished build being served: the player's address and what the build did."""

    url: str
    build: BuildResult


class _Served:
    """The site and server of one project folder (touched by one job at a time)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.site = Site()
        self.server: PreviewServer | None = None
        self.lock = threading.Lock()

    def close(self) -> None:
        with self.lock:
            if self.server is not None:
                self.server.stop()
                self.server = None
            self.site.close()


class PreviewJob(BundleJob):
    """Build ``served``'s site from its folder and make sure it is served; result: PreviewReady."""

    kind = "preview"

    def __init__(self, served: _Served, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.served = served

    def work(self, progress: Callable[[int, int], None], cancel: Callable[[], bool]) -> Any:
        served = self.served
        with served.lock:
            build = served.site.build(served.folder, progress, cancel)
            if served.server is None:
                served.server = PreviewServer(served.site.root).start()
            return PreviewReady(served.server.url, build)


class WebPreview(QObject):
    """The browser preview of one document (one build at a time, one server per project)."""

    job_started = Signal(object)  # the PreviewJob
    stopped = Signal()

    def __init__(self, document: Document, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.doc = document
        self.job: PreviewJob | None = None
        self._served: _Served | None = None
        document.file_changed.connect(self._on_file_changed)

    @property
    def url(self) -> str | None:
        """The player's address while serving, else None."""
        served = self._served
        return None if served is None or served.server is None else served.server.url

    @property
    def site_root(self) -> Path | None:
        return None if self._served is None else self._served.site.root

    def start(self) -> PreviewJob | None:
        """Build the saved project and serve it; None without a saved folder or while building."""
        folder = self.doc.folder
        if folder is None or self.job is not None:
            return None
        if self._served is not None and self._served.folder != folder:
            self.stop()
        if self._served is None:
            self._served = _Served(folder)
        job = PreviewJob(self._served, self)
        job.finished.connect(lambda job=job: self._on_finished(job))
        self.job = job
        self.job_started.emit(job)
        job.start()
        return job

    def cancel(self) -> None:
        if self.job is not None:
            self.job.cancel()

    def _on_finished(self, job: PreviewJob) -> None:
        if self.job is job:
            self.job = None

    def _on_file_changed(self) -> None:
        if self._served is not None and self.doc.folder != self._served.folder:
            self.stop()

    def stop(self, timeout: float = 30.0) -> None:
        """Cancel a build, stop serving and remove the site's folder (safe to call twice)."""
        if self.job is not None:
            self.job.cancel()
            self.job.wait(timeout)
            self.job = None
        served, self._served = self._served, None
        if served is not None:
            served.close()
            self.stopped.emit()
