"""The panel table: which docks the main window shows and how each is built.

Every panel is imported plainly and built by a typed factory
``(document, selection, playhead, services) -> Built``: the widget, the action routes it
serves (:class:`~studio.ui.actions.Route`, bound by the main window) and how to
stop it before Qt goes away.  A panel that fails to import or to build stops
the window from starting: there is no placeholder.  The shared
:class:`~studio.app.playhead.Playhead` keeps timeline, preview, inspector,
playthrough and review in sync; without one (a bare panel in tests) the panels
that need one make their own.  The document's
:class:`~studio.app.services.Services` (validation, thumbnails, clip import)
are built by the window; each panel is handed the ones it uses.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import QDockWidget, QMainWindow, QTabBar, QWidget

from studio.app.document import Document
from studio.app.playhead import Playhead
from studio.app.selection import Selection
from studio.app.services import Services
from studio.ui import inspector, library, playthrough, preview, problems, review, timeline
from studio.ui.actions import ActionRegistry, Route
from studio.ui.timeline.subtitle_lane import lane_of

Area = Qt.DockWidgetArea


@dataclass(frozen=True)
class Built:
    """A built panel: its widget, the actions it serves and its shutdown (players, workers)."""

    widget: QWidget
    routes: tuple[Route, ...] = ()
    shutdown: Callable[[], None] | None = None


PanelFactory = Callable[[Document, Selection, Playhead | None, Services], Built]


@dataclass(frozen=True)
class PanelSpec:
    """One dock panel: id, title, dock area and its factory."""

    id: str
    title: str
    area: Area
    build: PanelFactory


def _library(
    document: Document, selection: Selection, _playhead: Playhead | None, services: Services
) -> Built:
    panel = library.create(document, selection, services.thumbnails, services.importer)
    return Built(panel, panel.routes())


def _preview(
    document: Document, selection: Selection, playhead: Playhead | None, _services: Services
) -> Built:
    panel = preview.create(document, selection, playhead)
    return Built(panel, shutdown=panel.shutdown)


def _playthrough(
    document: Document, selection: Selection, playhead: Playhead | None, _services: Services
) -> Built:
    panel = playthrough.PlaythroughPanel(document, selection, playhead)
    return Built(panel, shutdown=panel.shutdown)


def _inspector(
    document: Document, selection: Selection, playhead: Playhead | None, _services: Services
) -> Built:
    return Built(inspector.create(document, selection, playhead))


def _timeline(
    document: Document, selection: Selection, playhead: Playhead | None, _services: Services
) -> Built:
    panel = timeline.create(document, selection, playhead)
    lane = lane_of(panel)
    return Built(panel, panel.routes() + (lane.routes() if lane is not None else ()))


def _problems(
    document: Document, selection: Selection, _playhead: Playhead | None, services: Services
) -> Built:
    return Built(problems.create(document, selection, services.validation))


def _review(
    document: Document, selection: Selection, playhead: Playhead | None, _services: Services
) -> Built:
    return Built(review.create(document, selection, playhead))


PANELS: tuple[PanelSpec, ...] = (
    PanelSpec("library", str(QT_TRANSLATE_NOOP("Panels", "Media library")),
              Area.LeftDockWidgetArea, _library),
    PanelSpec("preview", str(QT_TRANSLATE_NOOP("Panels", "Preview")), Area.LeftDockWidgetArea, _preview),
    PanelSpec("playthrough", str(QT_TRANSLATE_NOOP("Panels", "Play story")),
              Area.RightDockWidgetArea, _playthrough),
    PanelSpec("inspector", str(QT_TRANSLATE_NOOP("Panels", "Inspector")),
              Area.RightDockWidgetArea, _inspector),
    PanelSpec("timeline", str(QT_TRANSLATE_NOOP("Panels", "Timeline")), Area.BottomDockWidgetArea, _timeline),
    PanelSpec("problems", str(QT_TRANSLATE_NOOP("Panels", "Problems")), Area.BottomDockWidgetArea, _problems),
    PanelSpec("review", str(QT_TRANSLATE_NOOP("Panels", "Review")), Area.RightDockWidgetArea, _review),
)


def panel_spec(panel_id: str) -> PanelSpec:
    """The spec of one panel (KeyError for an unknown id)."""
    for spec in PANELS:
        if spec.id == panel_id:
            return spec
    raise KeyError(panel_id)


def create_panel(
    spec: PanelSpec,
    document: Document,
    selection: Selection,
    playhead: Playhead | None = None,
    *,
    services: Services,
) -> QWidget:
    """Build one panel's widget (a panel that cannot be built raises)."""
    return spec.build(document, selection, playhead, services).widget


def dock_panels(
    window: QMainWindow,
    registry: ActionRegistry,
    document: Document,
    selection: Selection,
    playhead: Playhead,
    services: Services,
    panels: dict[str, QWidget],
    docks: dict[str, QDockWidget],
    shutdowns: list[Callable[[], None]],
) -> None:
    """Build every panel of :data:`PANELS` into a dock of ``window``, serve their routes, and lay
    the docks out (bottom: Timeline | Problems; right: Inspector | Play story | Review).

    ``panels``, ``docks`` (by id) and ``shutdowns`` are filled as each panel is built: when one
    fails to build, the window can still stop those built before it."""
    window.setDockNestingEnabled(True)
    for spec in PANELS:
        built = spec.build(document, selection, playhead, services)
        dock = QDockWidget(QCoreApplication.translate("Panels", spec.title), window)
        dock.setObjectName(f"dock.{spec.id}")
        dock.setWidget(built.widget)
        window.addDockWidget(spec.area, dock)
        panels[spec.id] = built.widget
        docks[spec.id] = dock
        registry.serve(built.routes)
        if built.shutdown is not None:
            shutdowns.append(built.shutdown)
    if "timeline" in docks and "problems" in docks:
        window.tabifyDockWidget(docks["timeline"], docks["problems"])
        docks["timeline"].raise_()
    if "library" in docks and "preview" in docks:
        window.splitDockWidget(docks["library"], docks["preview"], Qt.Orientation.Vertical)
    for tab in ("playthrough", "review"):
        if "inspector" in docks and tab in docks:
            window.tabifyDockWidget(docks["inspector"], docks[tab])
    if "inspector" in docks:
        docks["inspector"].raise_()
    window.resizeDocks(
        [docks[k] for k in ("library", "inspector") if k in docks], [270, 320], Qt.Orientation.Horizontal
    )
    left = [docks[k] for k in ("library", "preview") if k in docks]
    window.resizeDocks(left, [250, 400][: len(left)], Qt.Orientation.Vertical)
    bottom = [docks[k] for k in ("timeline",) if k in docks]
    # the clip strip, the choice, prompt and tag lanes and the subtitle lane, without scrolling
    window.resizeDocks(bottom, [266] * len(bottom), Qt.Orientation.Vertical)


STALE = "staleDockTabs"  # property of a dock tab bar Qt made and then forgot (hidden, no size)


def hide_stale_tab_bars(window: QMainWindow) -> list[QTabBar]:
    """Hide the dock tab bars Qt made and then forgot; returns those hidden now.

    Qt (6.11) makes two tab bars when a second group of tabbed docks is formed (tabifying, or a
    dock dropped onto another one; its ``getTabBar`` lays the window out again, which asks for
    a bar for the new group, then makes another): the first is never laid out or updated again
    and stays where it was made, drawn over the graph or the menu bar (a stray "Timeline" tab
    over File).  A dock is in one group, so two bars showing one title mean the older one is
    that forgotten bar (this runs each time Qt makes a bar, before anything else can change)."""
    bars = [b for b in window.findChildren(QTabBar) if b.parent() is window and not b.property(STALE)]
    seen: set[str] = set()
    stale: list[QTabBar] = []
    for bar in reversed(bars):  # newest first: findChildren lists children in creation order
        titles = {bar.tabText(i) for i in range(bar.count())}
        if titles & seen:
            bar.setProperty(STALE, True)
            bar.hide()
            bar.setMaximumSize(0, 0)  # Qt may show it again when it lays the window out: nothing to see
            stale.append(bar)
        seen |= titles
    return stale


def unelide_tabs(window: QMainWindow, docks: dict[str, QDockWidget]) -> None:
    """Tabbed docks show whole titles, never "Inspe…": their docks are at least as wide as the tab
    bar (scroll arrows only if the user squeezes a dock below that).  Stale tab bars are hidden
    (:func:`hide_stale_tab_bars`).

    Qt makes each dock tab bar eliding (``ElideRight``) when it creates one (tabifying,
    ``restoreState``): the window calls this again then."""
    hide_stale_tab_bars(window)
    for bar in window.findChildren(QTabBar):
        if bar.parent() is not window or bar.property(STALE):
            continue
        bar.setElideMode(Qt.TextElideMode.ElideNone)
        bar.setUsesScrollButtons(True)
        titles = {bar.tabText(i) for i in range(bar.count())}
        for dock in docks.values():
            if dock.windowTitle() in titles and not dock.isFloating():
                dock.setMinimumWidth(max(dock.minimumWidth(), bar.sizeHint().width()))
