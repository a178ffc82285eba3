"""Finding the panels the review dock drives, without the main window knowing.

The review panel shows coverage on the branch graph (``set_coverage``),
comment flags on the timeline (``set_comments``) and starts the playthrough
panel (``play_from`` and its ``controller``).  It finds them in its window
(``window.graph``, ``window.panels[...]``, ``window.docks[...]``) unless they
were given explicitly (:class:`Peers` fields), e.g. in tests of a bare panel.
Only duck-typed hooks are used, so a missing or placeholder panel is skipped.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass
from typing import Any, Protocol

from PySide6.QtWidgets import QDockWidget, QWidget

from studio.app.playthrough import PlaythroughController
from studio.app.playthrough_steer import SteerResult
from studio.model.review import Comment


class CoverageView(Protocol):
    def set_coverage(self, scenes: Iterable[str] | None, options: Iterable[tuple[str, str]] = ()) -> None: ...


class CommentView(Protocol):
    def set_comments(self, comments: Iterable[Comment]) -> None: ...


class Player(Protocol):
    controller: PlaythroughController

    def play_from(self, scene_id: str) -> bool: ...

    def steer_to(
        self, scene_id: str, option_id: str | None, watched: Collection[str] | None = None
    ) -> SteerResult: ...

    def steer_text(self) -> str: ...


@dataclass
class Peers:
    """Explicit peers (None: look in the window)."""

    graph: CoverageView | None = None
    timeline: CommentView | None = None
    playthrough: Player | None = None


def _window_attr(widget: QWidget, name: str) -> Any:
    return getattr(widget.window(), name, None)


def _panel(widget: QWidget, panel_id: str) -> Any:
    panels = _window_attr(widget, "panels")
    return panels.get(panel_id) if isinstance(panels, dict) else None


def _has(obj: Any, *names: str) -> bool:
    return obj is not None and all(callable(getattr(obj, n, None)) for n in names)


def graph(widget: QWidget, explicit: Peers) -> CoverageView | None:
    found = explicit.graph or _window_attr(widget, "graph")
    return found if _has(found, "set_coverage") else None


def timeline(widget: QWidget, explicit: Peers) -> CommentView | None:
    found = explicit.timeline or _panel(widget, "timeline")
    return found if _has(found, "set_comments") else None


def playthrough(widget: QWidget, explicit: Peers) -> Player | None:
    found = explicit.playthrough or _panel(widget, "playthrough")
    controller = getattr(found, "controller", None)
    ok = _has(found, "play_from", "steer_to", "steer_text") and isinstance(controller, PlaythroughController)
    return found if ok else None


def raise_dock(widget: QWidget, dock_id: str) -> None:
    """Show and raise a dock of the window (no-op outside a main window)."""
    docks = _window_attr(widget, "docks")
    dock = docks.get(dock_id) if isinstance(docks, dict) else None
    if isinstance(dock, QDockWidget):
        dock.show()
        dock.raise_()


def files_open(widget: QWidget) -> Callable[..., bool] | None:
    """The window's ``files.open(path, read_only)`` (asks to save unsaved edits first)."""
    files = _window_attr(widget, "files")
    opener = getattr(files, "open", None)
    return opener if callable(opener) else None
