"""Opening a project for review: read-only document, the Review dock in front.

:func:`open_review_window` builds the main window without running an event
loop (``studio.ui.launch.run_review`` shows it and runs the loop; tests call
it directly).  :func:`check_project` gives the one-line reason a path cannot
be reviewed before any window appears.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt

from studio.model import ProjectError, load

if TYPE_CHECKING:
    from studio.ui.main_window import MainWindow

REVIEW_BANNER = (
    "Review mode: the project is read-only. Coverage, comments and approvals are saved "
    "beside it in drama.review.json."
)


def check_project(path: str | Path) -> str | None:
    """None if ``path`` is a readable project, else one line saying why not."""
    try:
        load(path)
    except ProjectError as exc:
        return str(exc)
    except OSError as exc:
        return f"{path}: cannot read ({exc.strerror or exc})"
    return None


def show_review_dock(window: MainWindow) -> None:
    """Put the Review dock in front: tabbed with the inspector (read-only now), full height."""
    docks = window.docks
    review = docks.get("review")
    if review is None:
        return
    # the right-hand docks reach down to the status bar: the review gets the full height
    window.setCorner(Qt.Corner.BottomRightCorner, Qt.DockWidgetArea.RightDockWidgetArea)
    inspector = docks.get("inspector")
    if inspector is not None and not inspector.isHidden() and not window.tabifiedDockWidgets(review):
        window.tabifyDockWidget(inspector, review)
    review.show()
    review.raise_()
    window.banner.show_message(REVIEW_BANNER, kind="info")


def open_review_window(path: str | Path) -> MainWindow:
    """The studio window with ``path`` open read-only for review (not shown, no event loop).

    Unsaved work of other sessions is not offered for recovery here: a review
    never edits.  Raises ProjectError (one line) if the project cannot be opened.
    """
    from studio.ui.launch import create_window

    problem = check_project(path)
    if problem is not None:
        raise ProjectError(problem)
    window = create_window(str(path), read_only=True, recover=False)
    if window.doc.path is None:
        window.close()
        window.deleteLater()
        raise ProjectError(f"{path}: could not be opened for review")
    show_review_dock(window)
    return window
