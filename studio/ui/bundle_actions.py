"""File > Export Bundle… and File > Open Bundle…: questions, progress, results.

:class:`BundleController` asks (save first? where? web player and its host
origins? see :mod:`studio.ui.export_dialog`; the answers are remembered per
project folder by :mod:`studio.app.export_options`), then runs an
:class:`~studio.app.bundle_jobs.ExportJob` or
:class:`~studio.app.bundle_jobs.ImportJob` on a worker thread behind a
window-modal ``QProgressDialog`` whose Cancel really cancels.  Export always
works from the saved project folder: unsaved edits must be saved first.  An
imported bundle is opened through the :class:`~studio.ui.files.FileController`
(so unsaved work and project locks are handled as for File > Open).

Every question is a replaceable attribute of the controller (``ask_export``,
``ask_bundle``, ``ask_destination``, ``show_error``; yes/no questions go
through :func:`studio.ui.dialogs.choose`), so tests need no modal dialog.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale, QObject, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QMainWindow,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QWidget,
)

from studio.app import export_options
from studio.app.bundle_jobs import BundleJob, ExportJob, ImportJob
from studio.app.document import Document
from studio.app.export_options import ExportOptions
from studio.ui import dialogs
from studio.ui.export_dialog import BUNDLE_SUFFIX, ExportChoice, ExportDialog, bundle_filter, bundle_name
from studio.ui.files import FileController

if TYPE_CHECKING:
    from studio.bundle.export import ExportResult

_TITLES = {"export": QT_TRANSLATE_NOOP("BundleController", "Export Bundle"),
           "import": QT_TRANSLATE_NOOP("BundleController", "Open Bundle")}


def _title(kind: str) -> str:
    return QCoreApplication.translate("BundleController", str(_TITLES[kind]))
AskExport = Callable[[QWidget | None, Path, ExportOptions], tuple[ExportChoice, ExportOptions] | None]
__all__ = ["BundleController", "ExportChoice", "ExportDialog", "bundle_name", "slug"]


def slug(title: str, fallback: str = "drama") -> str:
    """A file-name-safe lowercase slug of a title ("Payday: a story" -> "payday-a-story")."""
    text = re.sub(r"[^\w]+", "-", title.casefold()).strip("-_")[:60].strip("-_")
    return text or fallback


def default_export_path(doc: Document) -> Path:
    folder = doc.folder or Path.home()
    return folder / f"{slug(doc.project.title, slug(folder.name))}{BUNDLE_SUFFIX}"


def default_import_folder(zip_path: Path) -> Path:
    """Next to the zip, named after it without ``.drama.zip``, made unique."""
    name = zip_path.name
    for suffix in (BUNDLE_SUFFIX, ".zip"):
        if name.lower().endswith(suffix):
            name = name[: -len(suffix)]
            break
    base = zip_path.parent / (name or "drama")
    candidate, n = base, 2
    while candidate.exists() or candidate.is_symlink():
        candidate, n = base.with_name(f"{base.name}-{n}"), n + 1
    return candidate


def ask_export(
    parent: QWidget | None, default: Path, options: ExportOptions | None = None
) -> tuple[ExportChoice, ExportOptions] | None:
    """The dialog's choice and the options to remember for the project (None: cancelled)."""
    dialog = ExportDialog(default, parent, options)
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.choice(), dialog.options()
    finally:
        dialog.deleteLater()


def ask_bundle(parent: QWidget | None, start: str) -> Path | None:
    title = QCoreApplication.translate("BundleController", "Open drama bundle")
    path, _ = QFileDialog.getOpenFileName(parent, title, start, bundle_filter())
    return Path(path) if path else None


def ask_destination(parent: QWidget | None, default: Path) -> Path | None:
    path, _ = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("BundleController", "Import into a new project folder (new or empty)"),
        str(default),
        QCoreApplication.translate("BundleController", "Project folder (*)"),
        options=QFileDialog.Option.DontConfirmOverwrite,
    )
    return Path(path) if path else None


def show_error(parent: QWidget | None, title: str, text: str) -> None:
    QMessageBox.critical(parent, title, text)


def _megabytes(n: int) -> str:
    return QCoreApplication.translate("BundleController", "{size} MB").format(
        size=QLocale().toString(n / 1_000_000, "f", 1))


class BundleController(QObject):
    """Runs bundle export/import for one main window, one job at a time."""

    job_created = Signal(object)  # the BundleJob, just before it starts (tests, diagnostics)
    job_finished = Signal(object)  # the BundleJob, after its result was shown

    def __init__(self, document: Document, files: FileController, window: QMainWindow) -> None:
        super().__init__(window)
        self.doc = document
        self.files = files
        self.window = window
        self.ask_export: AskExport = ask_export
        self.ask_bundle: Callable[[QWidget | None, str], Path | None] = ask_bundle
        self.ask_destination: Callable[[QWidget | None, Path], Path | None] = ask_destination
        self.show_error: Callable[[QWidget | None, str, str], None] = show_error
        self.job: BundleJob | None = None
        self.dialog: QProgressDialog | None = None
        self.open_folder_button = QPushButton(self.tr("Open folder"), window)
        self.open_folder_button.setObjectName("bundle.openFolder")
        self.open_folder_button.setFlat(True)
        self.open_folder_button.hide()
        self.open_folder_button.clicked.connect(self._open_folder)
        self._folder: Path | None = None
        self._exported_text = ""  # the status message the Open folder button goes with
        status = window.statusBar()
        status.addPermanentWidget(self.open_folder_button)
        status.messageChanged.connect(self._on_status_changed)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.shutdown)

    @property
    def busy(self) -> bool:
        return self.job is not None

    def _status(self, text: str, ms: int = 15000) -> None:
        self.window.statusBar().showMessage(text, ms)

    # --- File > Export Bundle… ----------------------------------------------------------------
    def export_bundle(self) -> bool:
        """Ask and start an export; True if the worker started."""
        if self.busy:
            self._status(self.tr("A bundle export or import is already running."))
            return False
        folder = self.doc.folder if self._saved_for_export() else None
        if folder is None:
            return False
        answer = self.ask_export(self.window, default_export_path(self.doc), export_options.load(folder))
        if answer is None:
            return False
        choice, remembered = answer
        export_options.remember(folder, remembered)
        job = ExportJob(folder, choice.path, choice.web_player, host_origins=choice.host_origins)
        self._run(job, self.tr("Exporting to {name}…").format(name=choice.path.name))
        return True

    def _saved_for_export(self) -> bool:
        """Export reads the saved folder: unsaved edits are saved first (or nothing happens)."""
        if self.doc.path is None or self.doc.dirty:
            if self.doc.path is None:
                text = self.tr("'{name}' has never been saved. The bundle is made from the saved "
                               "project: save it first?")
            else:
                text = self.tr("'{name}' has unsaved changes. The bundle is made from the saved "
                               "project: save it first?")
            save = self.tr("Save")
            answer = dialogs.choose(
                self.window, _title("export"), text.format(name=self.doc.display_name()),
                [save, dialogs.cancel()],
            )
            if answer != save or not self.files.save() or self.doc.dirty:
                return False
        state = self.doc.disk_state()
        if state in ("changed", "missing"):
            if state == "changed":
                text = self.tr("{file} was changed by another program since it was opened; reload or save it "
                               "before exporting.")
            else:
                text = self.tr("{file} is missing since it was opened; reload or save it before exporting.")
            self.show_error(self.window, _title("export"), text.format(file=self.doc.path))
            return False
        return self.doc.folder is not None

    def _exported(self, result: ExportResult) -> None:
        self._exported_text = self.tr("Exported {count} files ({size}) to {path}").format(
            count=result.files, size=_megabytes(result.bytes), path=result.path)
        self._status(self._exported_text, 60000)
        self._folder = result.path.parent
        self.open_folder_button.setToolTip(self.tr("Open {folder}").format(folder=self._folder))
        self.open_folder_button.show()

    def _open_folder(self) -> None:
        if self._folder is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self._folder)))

    def _on_status_changed(self, text: str) -> None:
        if text != self._exported_text:
            self.open_folder_button.hide()

    # --- File > Open Bundle… ------------------------------------------------------------------
    def open_bundle(self) -> bool:
        """Ask for a bundle and a new folder, import it, then open it; True if started."""
        if self.busy:
            self._status(self.tr("A bundle export or import is already running."))
            return False
        start = str(self.doc.folder.parent) if self.doc.folder else str(Path.home())
        zip_path = self.ask_bundle(self.window, start)
        if zip_path is None:
            return False
        dest = self.ask_destination(self.window, default_import_folder(zip_path))
        if dest is None:
            return False
        self._run(ImportJob(zip_path, dest), self.tr("Importing {name}…").format(name=zip_path.name))
        return True

    def _imported(self, folder: Path) -> None:
        if self.files.open(folder):
            self._status(self.tr("Imported the bundle into {folder}").format(folder=folder))
        else:
            self._status(self.tr("Imported the bundle into {folder} (not opened)").format(folder=folder))

    # --- the worker and its progress dialog --------------------------------------------------
    def _run(self, job: BundleJob, label: str) -> None:
        if self.dialog is not None:
            self.dialog.deleteLater()
        dialog = QProgressDialog(label, self.tr("Cancel"), 0, 100, self.window)
        dialog.setObjectName("bundleProgress")
        dialog.setWindowTitle(_title(job.kind))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.canceled.disconnect(dialog.cancel)  # stay up, saying "Cancelling…", until it stops
        dialog.canceled.connect(self.cancel)
        dialog.setValue(0)
        self.dialog = dialog
        self.job = job
        job.progress.connect(self._on_progress)
        job.finished.connect(self._on_finished)  # a bound method: disconnected if we go first
        self.job_created.emit(job)
        job.start()

    def cancel(self) -> None:
        """Cancel the running job (the progress dialog's Cancel button)."""
        if self.job is None:
            return
        self.job.cancel()
        if self.dialog is not None:
            self.dialog.setLabelText(self.tr("Cancelling…"))
            button = self.dialog.findChild(QPushButton)
            if button is not None:
                button.setEnabled(False)

    def _on_progress(self, percent: int) -> None:
        if self.dialog is not None and self.job is not None and not self.job.cancel_requested:
            self.dialog.setValue(percent)

    def _on_finished(self) -> None:
        """Report the outcome once the progress dialog is gone."""
        job = self.job
        if job is None:
            return
        self.job = None
        if self.dialog is not None:
            self.dialog.hide()  # hide, not close: closing emits canceled()
        if job.outcome == "ok" and isinstance(job, ExportJob):
            self._exported(job.result)
        elif job.outcome == "ok":
            self._imported(job.result)
        elif job.outcome == "cancelled":
            if isinstance(job, ExportJob):
                self._status(self.tr("Export cancelled; nothing was written."))
            else:
                self._status(self.tr("Import cancelled; nothing was written."))
        else:
            self.show_error(self.window, self.tr("{what} failed").format(what=_title(job.kind)), job.error)
        self.job_finished.emit(job)

    def shutdown(self, timeout: float = 30.0) -> bool:
        """Cancel a running job and wait for its thread (window close, app quit)."""
        job = self.job
        if job is None:
            return True
        job.cancel()
        return job.wait(timeout)
