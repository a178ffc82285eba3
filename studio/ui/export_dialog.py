"""File > Export Bundle…'s dialog: the bundle file, the web player and its allowed host origins.

“Allowed host origins” takes one origin per line (``https://wallet.example.com``):
the host pages that may embed the web player (docs/bundle-format.md).  It is
enabled only with “Include the web player”; every line is checked as it is
typed (the first bad line is named, with the reason) and the list is written
into the manifest normalised, deduplicated and sorted.  The dialog starts from
the options last used for the project (:mod:`studio.app.export_options`).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGridLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from studio.app.export_options import ExportOptions
from studio.bundle.origins import MAX_HOST_ORIGINS, normalize_origin
from studio.ui.inspector.fields import ERROR_STYLE
from studio.ui.text import plain_label

BUNDLE_SUFFIX = ".drama.zip"


def bundle_filter() -> str:
    """The file dialogs' filter for bundles (in the studio's language)."""
    return QCoreApplication.translate("ExportDialog", "Drama bundle (*.drama.zip *.zip);;All files (*)")


@dataclass(frozen=True)
class ExportChoice:
    path: Path
    web_player: bool = True
    host_origins: tuple[str, ...] = ()  # normalised; () without the web player


def bundle_name(path: str | Path) -> Path:
    """``path`` with ``.drama.zip`` added unless it already ends in ``.zip``."""
    p = Path(path)
    return p if p.name.lower().endswith(".zip") else p.with_name(p.name + BUNDLE_SUFFIX)


def parse_origins(text: str) -> tuple[str, ...]:
    """One origin per line (blank lines skipped): normalised, deduplicated, sorted.

    Raises ValueError naming the first bad line: ``line 2: host origin 'x': reason``.
    """
    found: set[str] = set()
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip():
            try:
                found.add(normalize_origin(line))
            except ValueError as exc:
                raise ValueError(QCoreApplication.translate("ExportDialog", "line {number}: {reason}").format(
                    number=number, reason=exc)) from None
    if len(found) > MAX_HOST_ORIGINS:
        raise ValueError(QCoreApplication.translate("ExportDialog", "at most {max} host origins, got {count}")
                         .format(max=MAX_HOST_ORIGINS, count=len(found)))
    return tuple(sorted(found))


class ExportDialog(QDialog):
    """Where to write the bundle, whether to include the web player, and its host origins."""

    def __init__(
        self, default: Path, parent: QWidget | None = None, options: ExportOptions | None = None
    ) -> None:
        super().__init__(parent)
        options = options or ExportOptions()
        self.setWindowTitle(self.tr("Export Bundle"))
        self.setObjectName("exportDialog")
        self._confirmed: Path | None = None
        self.path_edit = QLineEdit(str(default), self)
        self.path_edit.setMinimumWidth(420)
        browse = QPushButton(self.tr("Browse…"), self)
        browse.clicked.connect(self._browse)
        self.web_player = QCheckBox(self.tr("Include the web player (player/index.html)"), self)
        self.web_player.setChecked(options.web_player)
        self.origins_label = QLabel(self.tr("Allowed host origins:"), self)
        self.origins = QPlainTextEdit("\n".join(options.host_origins), self)
        self.origins.setObjectName("hostOrigins")
        self.origins.setPlaceholderText(self.tr("https://wallet.example.com\n(one per line; empty: none)"))
        self.origins.setTabChangesFocus(True)
        self.origins.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 14)
        self.origins.setToolTip(self.tr(
            "The host pages (wallet, shop) allowed to embed the web player, one per line, e.g. "
            "https://wallet.example.com. The player sends its events only to them and takes commands "
            "only from them. https only (http for localhost, 127.0.0.1 and [::1]); no path, no "
            "wildcard. Empty: the player talks to no embedding page."))
        self.origins_label.setBuddy(self.origins)
        self.origins_error = plain_label("", "hostOriginsError")
        self.origins_error.setStyleSheet(ERROR_STYLE)
        self.origins_error.hide()
        self.note = QLabel(
            self.tr("The bundle holds the saved project, its clips (stored once) and posters."), self)
        self.note.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Export"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        grid = QGridLayout(self)
        grid.addWidget(QLabel(self.tr("Bundle file:"), self), 0, 0)
        grid.addWidget(self.path_edit, 0, 1)
        grid.addWidget(browse, 0, 2)
        grid.addWidget(self.web_player, 1, 1, 1, 2)
        grid.addWidget(self.origins_label, 2, 0)
        grid.addWidget(self.origins, 2, 1, 1, 2)
        grid.addWidget(self.origins_error, 3, 1, 1, 2)
        grid.addWidget(self.note, 4, 0, 1, 3)
        grid.addWidget(buttons, 5, 0, 1, 3)
        self.web_player.toggled.connect(lambda _on: self._check_origins())
        self.origins.textChanged.connect(self._check_origins)
        self._check_origins()

    def _check_origins(self) -> tuple[str, ...] | None:
        """The typed origins (None: a line is bad; the reason is shown). Only with the player."""
        enabled = self.web_player.isChecked()
        self.origins.setEnabled(enabled)
        self.origins_label.setEnabled(enabled)
        reason = None
        origins: tuple[str, ...] | None = ()
        try:
            origins = parse_origins(self.origins.toPlainText())
        except ValueError as exc:
            reason, origins = str(exc), None
        shown = reason is not None and enabled
        self.origins_error.setText(reason or "")
        self.origins_error.setVisible(shown)
        self.ok_button.setEnabled(not shown)
        return origins if enabled else ()

    def options(self) -> ExportOptions:
        """What to remember for the project: the origins are kept even with the player off."""
        try:
            origins = parse_origins(self.origins.toPlainText())
        except ValueError:
            origins = ()
        return ExportOptions(self.web_player.isChecked(), origins)

    def choice(self) -> ExportChoice:
        origins = self._check_origins() or ()
        path = bundle_name(self.path_edit.text().strip())
        return ExportChoice(path, self.web_player.isChecked(), origins)

    def _browse(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export bundle"), self.path_edit.text(),
                                              bundle_filter())
        if path:
            self._confirmed = bundle_name(path)  # the file dialog asked about replacing it
            self.path_edit.setText(str(self._confirmed))

    def accept(self) -> None:
        if self._check_origins() is None:
            self.origins.setFocus()
            return
        text = self.path_edit.text().strip()
        if not text:
            self.note.setText(self.tr("Choose a file name for the bundle."))
            return
        path = bundle_name(text)
        if not path.parent.is_dir():
            self.note.setText(self.tr("The folder {folder} does not exist.").format(folder=path.parent))
            return
        if path.exists() and path != self._confirmed:
            answer = QMessageBox.question(self, self.tr("Replace bundle?"),
                                          self.tr("{path} exists. Replace it?").format(path=path))
            if answer != QMessageBox.StandardButton.Yes:
                return
        super().accept()
