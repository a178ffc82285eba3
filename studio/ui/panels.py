"""The panel registry: which docks the main window shows and who builds them.

Each panel is a package ``studio.ui.<name>`` exposing
``create(document, selection) -> QWidget``; a factory that also takes a
``playhead`` parameter receives the window's shared
:class:`~studio.app.playhead.Playhead`, so timeline, preview and inspector
stay in sync.  The main window builds every
:data:`PANELS` entry through :func:`create_panel`; a panel whose package is
missing (not written yet) or fails to import gets a clear placeholder, so
later work adds a panel by adding its package, without touching the main
window.  A panel widget may implement ``handle_action(action_id) -> bool``
to answer menu actions while it has focus.
"""

from __future__ import annotations

import importlib
import inspect
import logging
from dataclasses import dataclass
from typing import Protocol

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from studio.app.document import Document
from studio.app.playhead import Playhead
from studio.app.selection import Selection

log = logging.getLogger(__name__)
Area = Qt.DockWidgetArea


class ActionHandler(Protocol):
    def handle_action(self, action_id: str) -> bool: ...


@dataclass(frozen=True)
class PanelSpec:
    """One dock panel: id, title, package, dock area and the 'coming' note."""

    id: str
    title: str
    module: str
    area: Area
    coming: str = ""


PANELS: tuple[PanelSpec, ...] = (
    PanelSpec("library", "Media library", "studio.ui.library", Area.LeftDockWidgetArea),
    PanelSpec(
        "preview",
        "Preview",
        "studio.ui.preview",
        Area.LeftDockWidgetArea,
        "Preview playback (libVLC) is coming.",
    ),
    PanelSpec(
        "playthrough",
        "Play story",
        "studio.ui.playthrough",
        Area.RightDockWidgetArea,
        "Story playthrough with overlays is coming.",
    ),
    PanelSpec(
        "inspector",
        "Inspector",
        "studio.ui.inspector",
        Area.RightDockWidgetArea,
        "The inspector (scene, option, prompt and tag fields) is coming.",
    ),
    PanelSpec(
        "timeline",
        "Timeline",
        "studio.ui.timeline",
        Area.BottomDockWidgetArea,
        "The timeline (trim, choice window, prompts and product tags) is coming.",
    ),
    PanelSpec("problems", "Problems", "studio.ui.problems", Area.BottomDockWidgetArea),
    PanelSpec(
        "review",
        "Review",
        "studio.ui.review",
        Area.RightDockWidgetArea,
        "Review mode (coverage, comments, approvals) is coming.",
    ),
)


def placeholder(title: str, note: str) -> QWidget:
    """A panel saying what will be here."""
    widget = QWidget()
    widget.setObjectName("placeholder")
    label = QLabel(f"<b>{title}</b><br>{note}")
    label.setObjectName("comingLabel")
    label.setWordWrap(True)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    layout = QVBoxLayout(widget)
    layout.addWidget(label)
    return widget


def _wants_playhead(factory: object) -> bool:
    try:
        return "playhead" in inspect.signature(factory).parameters  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return False


def create_panel(
    spec: PanelSpec, document: Document, selection: Selection, playhead: Playhead | None = None
) -> QWidget:
    """Build a panel with its package's ``create``, or a placeholder."""
    try:
        module = importlib.import_module(spec.module)
    except ModuleNotFoundError as exc:
        if exc.name and spec.module.startswith(exc.name):
            return placeholder(spec.title, spec.coming or "Coming soon.")
        log.exception("panel %s failed to import", spec.id)
        return placeholder(spec.title, f"This panel failed to load: {exc}")
    except Exception as exc:  # a broken panel must not stop the studio
        log.exception("panel %s failed to import", spec.id)
        return placeholder(spec.title, f"This panel failed to load: {exc}")
    factory = getattr(module, "create", None)
    if factory is None:
        return placeholder(spec.title, spec.coming or "Coming soon.")
    try:
        if playhead is not None and _wants_playhead(factory):
            widget: QWidget = factory(document, selection, playhead=playhead)
        else:
            widget = factory(document, selection)
    except Exception as exc:
        log.exception("panel %s failed to start", spec.id)
        return placeholder(spec.title, f"This panel failed to start: {exc}")
    return widget
