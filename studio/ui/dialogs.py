"""Small modal questions, in one place so tests can answer them.

Every dialog the studio asks goes through these functions; tests replace
them with ``monkeypatch.setattr(dialogs, "choose", ...)``.

One convention for files: a project IS a folder (holding ``drama.json`` and ``media/``).
Open chooses a project folder (a ``drama.json`` chosen or typed there stands for its
folder: :func:`project_folder`), Save As names a folder, recent projects are folders.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from studio.model.io import PROJECT_FILE


def cancel() -> str:
    """The Cancel option of :func:`choose` (its button rejects the question)."""
    return QCoreApplication.translate("Dialogs", "Cancel")


def project_folder(path: str | Path) -> Path:
    """The project folder ``path`` names: a ``drama.json`` (or any .json file) stands for its folder."""
    p = Path(path).expanduser()
    if p.suffix.lower() == ".json" and not p.is_dir():
        return p.parent
    return p


class ProjectFolderDialog(QFileDialog):
    """Open a project: choose its folder.  Files are listed too; choosing a drama.json opens its
    folder, and accepting a folder that holds no project steps into it instead."""

    def __init__(self, parent: QWidget | None, start: str = "") -> None:
        super().__init__(parent, self.tr("Open drama project (choose its folder)"), start)
        self.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        self.setFileMode(QFileDialog.FileMode.Directory)
        self.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
        self.setLabelText(QFileDialog.DialogLabel.FileName, self.tr("Project folder:"))
        self.setLabelText(QFileDialog.DialogLabel.Accept, self.tr("Open"))
        self.setLabelText(QFileDialog.DialogLabel.FileType, self.tr("Shows:"))
        self.setNameFilter(self.tr("Project folders (folders holding {file})").format(file=PROJECT_FILE))
        self.chosen: Path | None = None

    def accept(self) -> None:
        picked = self.selectedFiles()
        if not picked:
            return
        folder = project_folder(picked[0])
        if (folder / PROJECT_FILE).is_file():
            self.chosen = folder
            self.done(QFileDialog.DialogCode.Accepted)
        elif folder.is_dir() and folder.resolve() != Path(self.directory().absolutePath()).resolve():
            self.setDirectory(str(folder))  # a plain folder: look inside it
        else:
            text = self.tr("{folder} holds no {file}.").format(folder=folder, file=PROJECT_FILE)
            QMessageBox.information(self, self.tr("Not a drama project"), text)


def choose(parent: QWidget | None, title: str, text: str, options: list[str], default: int = 0) -> str | None:
    """Ask with one button per option; returns the chosen text (None: closed)."""
    box = QMessageBox(parent)
    box.setWindowTitle(title)
    box.setText(text)
    box.setIcon(QMessageBox.Icon.Question)
    buttons = []
    for n, label in enumerate(options):
        rejects = label in ("Cancel", cancel())
        role = QMessageBox.ButtonRole.RejectRole if rejects else QMessageBox.ButtonRole.AcceptRole
        button = box.addButton(label, role)
        buttons.append(button)
        if n == default:
            box.setDefaultButton(button)
    box.exec()
    clicked = box.clickedButton()
    return options[buttons.index(clicked)] if clicked in buttons else None


def warn(parent: QWidget | None, title: str, text: str) -> None:
    QMessageBox.warning(parent, title, text)


def inform(parent: QWidget | None, title: str, text: str) -> None:
    QMessageBox.information(parent, title, text)


def open_project_path(parent: QWidget | None, start: str = "") -> str | None:
    """A project folder to open (a drama.json chosen there stands for its folder)."""
    dialog = ProjectFolderDialog(parent, start)
    if not dialog.exec() or dialog.chosen is None:
        return None
    return str(dialog.chosen)


def save_project_folder(parent: QWidget | None, start: str = "", name: str = "") -> str | None:
    """A new project folder to save into (created if needed); ``name`` is offered in the field."""
    dialog = QFileDialog(parent, QCoreApplication.translate(
        "Dialogs", "Save project as: a new folder for drama.json and media/"), start)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    dialog.setLabelText(QFileDialog.DialogLabel.FileName,
                        QCoreApplication.translate("Dialogs", "Project folder:"))
    dialog.setLabelText(QFileDialog.DialogLabel.Accept, QCoreApplication.translate("Dialogs", "Save"))
    dialog.setLabelText(QFileDialog.DialogLabel.FileType, QCoreApplication.translate("Dialogs", "Shows:"))
    dialog.setNameFilter(QCoreApplication.translate("Dialogs", "Folders and files (*)"))
    if name:
        dialog.selectFile(name)
    if not dialog.exec() or not dialog.selectedFiles():
        return None
    return str(project_folder(dialog.selectedFiles()[0]))


def _video_filter() -> str:
    return QCoreApplication.translate(
        "Dialogs", "Video clips (*.mp4 *.mov *.m4v *.webm *.mkv);;All files (*)")


def media_files(parent: QWidget | None, start: str = "") -> list[str]:
    files, _ = QFileDialog.getOpenFileNames(
        parent, QCoreApplication.translate("Dialogs", "Import clips"), start, _video_filter()
    )
    return list(files)


def media_file(parent: QWidget | None, title: str, start: str = "") -> str | None:
    path, _ = QFileDialog.getOpenFileName(parent, title, start, _video_filter())
    return path or None
