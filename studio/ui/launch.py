"""Start the studio: ``run(project_path, read_only)`` (called by ``studio`` and
``studio open PATH``) and ``run_review(project_path)`` (``studio review PATH``).

:func:`create_window` and :func:`open_review_window` build the window without
running an event loop (tests call them directly).

Creates the QApplication, applies the light/dark palette, builds the main
window, offers to recover unsaved work left by a studio that stopped (a
damaged recovery file is reported and moved aside, never fatal), opens the
project if one was given, shows the window and runs the event loop.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QThreadPool
from PySide6.QtWidgets import QApplication

from studio.app import autosave, i18n, settings, untitled
from studio.app.settings import Preferences
from studio.model import ProjectError
from studio.ui import dialogs, theme
from studio.ui.main_window import APP_NAME, MainWindow
from studio.ui.review.mode import check_project, show_review_dock


def application(language: str | None = None) -> QApplication:
    """The QApplication (created once, with names, palette and translators).

    ``language`` (``en``, ``zh_CN``; ``studio open --language``) wins over the
    preference and ``STUDIO_LANGUAGE``; the translators are installed before any
    widget is built (and again when the wanted language is not the installed one).
    """
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(sys.argv[:1])
    wanted = language or i18n.resolve_language(Preferences.load().language)
    if wanted != i18n.current_language():
        i18n.install_translators(app, wanted)
    app.setOrganizationName(settings.ORGANIZATION)
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setDesktopFileName("drama-studio")
    preference = Preferences.load().theme
    theme.apply(app, preference)
    app.styleHints().colorSchemeChanged.connect(lambda _scheme: theme.apply(app, Preferences.load().theme))
    return app


def offer_recovery(window: MainWindow) -> bool:
    """Offer unsaved work from a studio that stopped; True if some was recovered."""
    found, notes = autosave.scan()
    for note in notes:
        window.statusBar().showMessage(note, 20000)
        dialogs.warn(window, QCoreApplication.translate("Launch", "Damaged recovery file"), note)
    for recovery in found:
        recover = QCoreApplication.translate("Launch", "Recover")
        discard = QCoreApplication.translate("Launch", "Discard")
        later = QCoreApplication.translate("Launch", "Later")
        answer = dialogs.choose(
            window,
            QCoreApplication.translate("Launch", "Recover unsaved work?"),
            QCoreApplication.translate(
                "Launch",
                "Drama Studio stopped with unsaved work:\n{recovery}\n\n"
                "Recover it (it opens as unsaved; the project file is not changed), "
                "discard it, or decide at the next start?").format(recovery=recovery.describe()),
            [recover, discard, later],
        )
        if answer == recover:
            window.files.recover(recovery)
            window.banner.show_message(
                QCoreApplication.translate("Launch", "Recovered unsaved work ({recovery}). Save to keep it.")
                .format(recovery=recovery.describe()), kind="info"
            )
            return True
        if answer == discard:
            autosave.discard(recovery)
    return False


def create_window(
    project_path: str | None = None, read_only: bool = False, recover: bool = True,
    language: str | None = None,
) -> MainWindow:
    """Build the main window, recover or open the project (no event loop)."""
    application(language)
    window = MainWindow()
    recovered = offer_recovery(window) if recover else False
    untitled.sweep()  # empty untitled folders of studios that stopped (drafts with content stay)
    window.start_page.refresh()
    if project_path and not recovered:
        path = Path(project_path)
        if not window.open_project(path, read_only=read_only):
            text = QCoreApplication.translate("Launch", "Could not open {path}").format(path=path)
            window.statusBar().showMessage(text, 15000)
    return window


def open_review_window(path: str | Path) -> MainWindow:
    """The studio window with ``path`` open read-only for review (not shown, no event loop).

    Unsaved work of other sessions is not offered for recovery here: a review
    never edits.  Raises ProjectError (one line) if the project cannot be opened.
    """
    problem = check_project(path)
    if problem is not None:
        raise ProjectError(problem)
    window = create_window(str(path), read_only=True, recover=False)
    if window.doc.path is None:
        window.close()
        window.deleteLater()
        raise ProjectError(
            QCoreApplication.translate("Launch", "{path}: could not be opened for review").format(path=path))
    show_review_dock(window)
    return window


def run(project_path: str | None = None, read_only: bool = False, language: str | None = None) -> int:
    """Run the studio until its window closes; returns the exit code."""
    app = application(language)
    window = create_window(project_path, read_only, language=language)
    window.show()
    code = int(app.exec())
    QThreadPool.globalInstance().waitForDone(3000)  # let background decodes finish cleanly
    return code


def run_review(project_path: str) -> int:
    """``studio review PATH``: open the project read-only with the Review dock in front.

    Coverage, comments and approvals go to ``drama.review.json`` beside the
    project; ``drama.json`` is never written.  A path that is not a readable
    project gives one line on stderr and exit code 2 (no window).
    """
    problem = check_project(project_path)
    if problem is not None:
        sys.stderr.write(f"studio review: {problem}\n")
        return 2
    app = application()
    window = open_review_window(project_path)
    window.show()
    code = int(app.exec())
    QThreadPool.globalInstance().waitForDone(3000)
    return code
