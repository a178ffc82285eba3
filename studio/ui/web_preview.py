"""Preview in Browser (the toolbar button): save first if needed, progress, open the browser.

:class:`WebPreviewController` is made once per main window; its :meth:`preview`
is the action's handler.  The preview is built from the saved project (like Export
Bundle: unsaved edits are saved first, or nothing happens) on a worker thread
(:class:`studio.app.web_preview.WebPreview`) behind a window-modal progress dialog whose
Cancel really cancels; when it is served, the default browser opens on the player
(``QDesktopServices``) and the status bar says where.  Pressing it again after an edit
rebuilds into the same address, keeping unchanged clips.  :meth:`shutdown` stops the
server (the window closing); another project opened stops it by itself.

The questions and the browser are replaceable attributes (``choose``, ``show_error``,
``open_url``), so tests need no modal dialog and no browser.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMainWindow, QMessageBox, QProgressDialog, QWidget

from studio.app.document import Document
from studio.app.web_preview import PreviewJob, PreviewReady, WebPreview
from studio.ui import dialogs
from studio.ui.files import FileController

TITLE = QT_TRANSLATE_NOOP("WebPreviewController", "Preview in Browser")


def title() -> str:
    return QCoreApplication.translate("WebPreviewController", str(TITLE))


def open_in_browser(url: str) -> bool:
    return QDesktopServices.openUrl(QUrl(url))


def show_error(parent: QWidget | None, title: str, text: str) -> None:
    QMessageBox.critical(parent, title, text)


class WebPreviewController(QObject):
    """Runs Preview in Browser for one main window."""

    opened = Signal(str)  # the address the browser was asked to open

    def __init__(self, document: Document, files: FileController, window: QMainWindow) -> None:
        super().__init__(window)
        self.doc = document
        self.files = files
        self.window = window
        self.preview_state = WebPreview(document, self)
        self.choose: Callable[[QWidget | None, str, str, list[str]], str | None] = dialogs.choose
        self.show_error: Callable[[QWidget | None, str, str], None] = show_error
        self.open_url: Callable[[str], bool] = open_in_browser
        self.dialog: QProgressDialog | None = None

    def preview(self) -> bool:
        """Save if needed, then build and serve; True if a build started."""
        if self.preview_state.job is not None:
            self._status(self.tr("The browser preview is being built…"))
            return False
        if not self._saved():
            return False
        job = self.preview_state.start()
        if job is None:
            return False
        dialog = QProgressDialog(self.tr("Building the browser preview…"), self.tr("Cancel"), 0, 100,
                                 self.window)
        dialog.setWindowTitle(title())
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)  # a rebuild with every clip unchanged does not flash a dialog
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.canceled.connect(job.cancel)
        job.progress.connect(dialog.setValue)
        job.succeeded.connect(self._ready)
        job.failed.connect(lambda text: self.show_error(self.window, title(), text))
        job.cancelled.connect(lambda: self._status(self.tr("Browser preview cancelled.")))
        job.finished.connect(lambda job=job: self._done(job))
        self.dialog = dialog
        return True

    def _saved(self) -> bool:
        if self.doc.path is None or self.doc.dirty:
            if self.doc.path is None:
                text = self.tr("'{name}' has never been saved. The browser plays the saved project: "
                               "save it first?")
            else:
                text = self.tr("'{name}' has unsaved changes. The browser plays the saved project: "
                               "save it first?")
            save = self.tr("Save")
            answer = self.choose(
                self.window, title(), text.format(name=self.doc.display_name()), [save, dialogs.cancel()],
            )
            if answer != save or not self.files.save() or self.doc.dirty:
                return False
        return self.doc.folder is not None

    def _ready(self, ready: PreviewReady) -> None:
        build = ready.build
        if build.reused == 1:
            kept = self.tr(", 1 unchanged clip kept")
        else:
            kept = self.tr(", {count} unchanged clips kept").format(count=build.reused)
        if not build.reused:
            kept = ""
        if self.open_url(ready.url):
            text = self.tr("Playing '{title}' in your browser at {url}{kept}")
            self._status(text.format(title=build.title, url=ready.url, kept=kept), 60000)
        else:
            text = self.tr("Open {url} in a browser to play '{title}'{kept}")
            self._status(text.format(title=build.title, url=ready.url, kept=kept), 0)
        self.opened.emit(ready.url)

    def _done(self, _job: PreviewJob) -> None:
        if self.dialog is not None:
            self.dialog.close()
            self.dialog.deleteLater()
            self.dialog = None

    def _status(self, text: str, ms: int = 15000) -> None:
        self.window.statusBar().showMessage(text, ms)

    def shutdown(self) -> None:
        """Stop serving and remove the preview's folder (the window is closing)."""
        self.preview_state.stop()
