"""Review mode in a window: the Review dock in front, and whether a path can be reviewed.

:func:`show_review_dock` arranges any window that has the studio's docks and
banner (:class:`ReviewWindow`; the main window is one) for review; the review
panel calls it when it switches to review mode, and
:func:`studio.ui.launch.open_review_window` when ``studio review PATH`` opens
a window.  :func:`check_project` gives the one-line reason a path cannot be
reviewed before any window appears.  Nothing here builds a window.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Protocol, runtime_checkable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import QDockWidget

from studio.model import ProjectError, load
from studio.ui.banner import Banner

REVIEW_BANNER = QT_TRANSLATE_NOOP(
    "ReviewMode",
    "Review mode: the project is read-only. Coverage, comments and approvals are saved "
    "beside it in drama.review.json.")


@runtime_checkable
class ReviewWindow(Protocol):
    """A window with the studio's docks (by panel id) and its banner (the main window)."""

    @property
    def docks(self) -> Mapping[str, QDockWidget]: ...

    @property
    def banner(self) -> Banner: ...

    def setCorner(self, corner: Qt.Corner, area: Qt.DockWidgetArea, /) -> None: ...

    def tabifiedDockWidgets(self, dockwidget: QDockWidget, /) -> list[QDockWidget]: ...

    def tabifyDockWidget(self, first: QDockWidget, second: QDockWidget, /) -> None: ...


def check_project(path: str | Path) -> str | None:
    """None if ``path`` is a readable project, else one line saying why not."""
    try:
        load(path)
    except ProjectError as exc:
        return str(exc)
    except OSError as exc:
        return f"{path}: cannot read ({exc.strerror or exc})"
    return None


def show_review_dock(window: ReviewWindow) -> None:
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
    window.banner.show_message(QCoreApplication.translate("ReviewMode", str(REVIEW_BANNER)), kind="info")
