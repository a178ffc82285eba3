"""The media library panel: import, drag clips to the canvas, relink, remove.

Clips are imported by the Import button or by dropping files on the panel;
probing and copying run in the background with a progress bar and Cancel.
Files that are not usable clips are listed with the reason.  Clips from
outside the project are copied into its ``media/`` folder (the panel says
so).  Missing clips are flagged; Relink searches the project folder for the
moved file and otherwise asks for it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from studio.app.document import Document
from studio.app.media_import import MediaImporter
from studio.app.relink import Relinker
from studio.app.selection import Selection
from studio.app.thumbnails import ThumbnailCache
from studio.model.ops import Batch, MediaRef, RemoveItem
from studio.ui import dialogs
from studio.ui.actions import Route, done
from studio.ui.icons import icon
from studio.ui.library.model import ClipDelegate, MediaListModel

NOTE = QT_TRANSLATE_NOOP(
    "LibraryPanel",
    "Clips from outside the project are copied into its media/ folder, so the folder stays portable.")


class LibraryPanel(QWidget):
    """Clip list with import, progress, rejections and relink."""

    def __init__(
        self,
        document: Document,
        selection: Selection,
        thumbnails: ThumbnailCache,
        importer: MediaImporter,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.doc = document
        self.selection = selection
        self.importer = importer
        self.relinker = Relinker(document)
        self.model = MediaListModel(document, thumbnails)
        self.setAcceptDrops(True)

        self.note = QLabel(QCoreApplication.translate("LibraryPanel", str(NOTE)), self)
        self.note.setObjectName("panelNote")
        self.note.setWordWrap(True)
        self.import_button = QPushButton(icon("import"), self.tr("Import…"), self)
        self.import_button.setToolTip(self.tr("Import video clips (or drop files here)"))
        self.import_button.clicked.connect(self.import_dialog)
        self.relink_button = QPushButton(icon("relink"), self.tr("Relink…"), self)
        self.relink_button.setToolTip(self.tr("Find a moved clip, or choose its new file"))
        self.relink_button.clicked.connect(self.relink_selected)
        self.remove_button = QPushButton(icon("delete"), self.tr("Remove"), self)
        self.remove_button.setToolTip(self.tr("Remove clips no scene uses"))
        self.remove_button.clicked.connect(self.remove_selected)
        buttons = QHBoxLayout()
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.relink_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)

        self.list = QListView(self)
        self.list.setModel(self.model)
        self.list.setItemDelegate(ClipDelegate(self.list))
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list.setDragEnabled(True)
        self.list.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.list.setUniformItemSizes(True)
        self.list.setToolTip(self.tr("Drag clips onto the branch graph to create scenes"))

        self._files: tuple[int, int] = (0, 1)  # files done, files in this import
        self.progress = QProgressBar(self)
        self.progress_label = QLabel(self)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.clicked.connect(self.importer.cancel)
        progress_row = QHBoxLayout()
        progress_row.addWidget(self.progress, 1)
        progress_row.addWidget(self.cancel_button)
        self.progress_box = QWidget(self)
        box = QVBoxLayout(self.progress_box)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.progress_label)
        box.addLayout(progress_row)
        self.progress_box.hide()

        self.rejected_label = QLabel(self.tr("Rejected files:"), self)
        self.rejected = QListWidget(self)
        self.rejected.setObjectName("rejected")
        self.rejected.setWordWrap(True)
        self.clear_rejected = QPushButton(self.tr("Clear"), self)
        self.clear_rejected.clicked.connect(self._clear_rejected)
        self._show_rejected(False)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(buttons)
        layout.addWidget(self.note)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.progress_box)
        layout.addWidget(self.rejected_label)
        layout.addWidget(self.rejected)
        layout.addWidget(self.clear_rejected, 0, Qt.AlignmentFlag.AlignRight)

        self.importer.started.connect(self._on_started)
        self.importer.progress.connect(self._on_progress)
        self.importer.file_progress.connect(self._on_file_progress)
        self.importer.rejected.connect(self._on_rejected)
        self.importer.finished.connect(self._on_finished)
        self.relinker.finished.connect(self._on_relinked)
        document.file_changed.connect(self._update_enabled)
        self._update_enabled()

    # --- actions ----------------------------------------------------------------
    def routes(self) -> tuple[Route, ...]:
        """Window actions: import and relink from anywhere, Delete while the clip list has focus."""
        return (
            Route("media.import", done(self.import_dialog)),
            Route("media.relink", done(self.relink_selected)),
            Route("edit.delete", done(self.remove_selected), focus=self.list),
        )

    def _update_enabled(self) -> None:
        writable = not self.doc.read_only
        for button in (self.import_button, self.relink_button, self.remove_button):
            button.setEnabled(writable)

    def import_dialog(self) -> None:
        start = str(self.doc.folder or Path.home())
        files = dialogs.media_files(self, start)
        if files:
            self.importer.import_files(files)

    def selected_ids(self) -> list[str]:
        return [
            a.id
            for i in self.list.selectionModel().selectedIndexes()
            if (a := self.model.asset(i)) is not None
        ]

    def remove_selected(self) -> None:
        ids = self.selected_ids()
        used = [i for i in ids if self.model.uses(i)]
        if used:
            self.doc.message.emit(
                self.tr("Clip '{id}' is used by scenes: delete those scenes first.").format(id=used[0]))
            return
        if ids:
            self.doc.push(Batch(tuple(RemoveItem(MediaRef(i)) for i in ids), self.tr("Remove clips")))

    def relink_selected(self) -> None:
        ids = self.selected_ids()
        folder = self.doc.folder
        if len(ids) != 1 or folder is None:
            self.doc.message.emit(self.tr("Select one clip to relink."))
            return
        mid = ids[0]
        if self.model.is_missing(mid):
            self.relinker.search(mid, [folder, folder.parent])
        else:
            self._ask_file(mid)

    def _ask_file(self, media_id: str) -> None:
        title = self.tr("Choose the file for clip '{id}'").format(id=media_id)
        file = dialogs.media_file(self, title, str(self.doc.folder or ""))
        if file:
            self.relinker.relink_to(media_id, Path(file))

    def _on_relinked(self, media_id: str, ok: bool, message: str) -> None:
        if ok:
            self.doc.message.emit(message)
            self.model.refresh()
        elif self.relinker.not_found == media_id:
            self.doc.message.emit(self.tr("{problem}: choose it yourself.").format(problem=message))
            self._ask_file(media_id)
        elif message:
            self.doc.message.emit(message)

    # --- import progress ---------------------------------------------------------
    def _on_started(self, count: int) -> None:
        self.progress.setRange(0, count)
        self.progress.setValue(0)
        text = self.tr("Importing 1 file…") if count == 1 else self.tr("Importing {count} files…")
        self.progress_label.setText(text.format(count=count))
        self.progress_box.show()

    def _on_progress(self, done: int, total: int, name: str) -> None:
        self._files = (done, total)
        self.progress.setRange(0, total * 1000)  # per mille of each file: hashing, then copying
        self.progress.setValue(done * 1000)
        if name:
            self.progress_label.setText(
                self.tr("Probing {name} ({number}/{total})…").format(name=name, number=done + 1, total=total))

    def _on_file_progress(self, name: str, step: str, permille: int) -> None:
        done, total = self._files
        half = 0 if step == "hashing" else 500
        self.progress.setValue(min(total * 1000, done * 1000 + half + permille // 2))
        if step == "hashing":
            text = self.tr("Checking {name} ({number}/{total}) {percent}%…")
        else:
            text = self.tr("Copying {name} ({number}/{total}) {percent}%…")
        percent = permille // 10
        self.progress_label.setText(text.format(name=name, number=done + 1, total=total, percent=percent))

    def _on_rejected(self, line: str) -> None:
        self.rejected.addItem(line)
        self._show_rejected(True)

    def _on_finished(self, ids: list[str]) -> None:
        self.progress_box.hide()
        if ids:
            n = len(set(ids))
            if n == 1:
                text = self.tr("Imported 1 clip into media/.")
            else:
                text = self.tr("Imported {n} clips into media/.")
            self.doc.message.emit(text.format(n=n))

    def _clear_rejected(self) -> None:
        self.rejected.clear()
        self._show_rejected(False)

    def _show_rejected(self, visible: bool) -> None:
        for widget in (self.rejected_label, self.rejected, self.clear_rejected):
            widget.setVisible(visible)

    # --- drops from the desktop ----------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and not self.doc.read_only:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        files = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if files:
            self.importer.import_files(files)
            event.acceptProposedAction()
