"""Small modal questions, in one place so tests can answer them.

Every dialog the studio asks goes through these functions; tests replace
them with ``monkeypatch.setattr(dialogs, "choose", ...)``.
"""

from __future__ import annotations

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget


def choose(parent: QWidget | None, title: str, text: str, options: list[str], default: int = 0) -> str | None:
    """Ask with one button per option; returns the chosen text (None: closed)."""
    box = QMessageBox(parent)
    box.setWindowTitle(title)
    box.setText(text)
    box.setIcon(QMessageBox.Icon.Question)
    buttons = []
    for n, label in enumerate(options):
        role = QMessageBox.ButtonRole.RejectRole if label == "Cancel" else QMessageBox.ButtonRole.AcceptRole
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
    """A drama.json (or its folder) to open."""
    path, _ = QFileDialog.getOpenFileName(
        parent, "Open drama project", start, "Drama project (drama.json);;JSON files (*.json)"
    )
    return path or None


def save_project_folder(parent: QWidget | None, start: str = "") -> str | None:
    """A folder to save the project into (created if needed)."""
    path, _ = QFileDialog.getSaveFileName(
        parent, "Save project as (a folder holding drama.json and media/)", start, "Project folder (*)"
    )
    return path or None


def media_files(parent: QWidget | None, start: str = "") -> list[str]:
    files, _ = QFileDialog.getOpenFileNames(
        parent, "Import clips", start, "Video clips (*.mp4 *.mov *.m4v *.webm *.mkv);;All files (*)"
    )
    return list(files)


def media_file(parent: QWidget | None, title: str, start: str = "") -> str | None:
    path, _ = QFileDialog.getOpenFileName(
        parent, title, start, "Video clips (*.mp4 *.mov *.m4v *.webm *.mkv);;All files (*)"
    )
    return path or None
