"""The action registry and the panel table (#14 items 3 and 6).

Every declared action is served after assembly and enabled by its predicate;
focus routes go first; a panel that cannot be built, or an action nobody runs,
stops the window from starting.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path
from typing import Any, ClassVar

import pytest
from PySide6.QtCore import QItemSelectionModel
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from studio.app.document import Document
from studio.model.ops import PROJECT, SetField
from studio.ui import actions, library, main_window, timeline
from studio.ui.actions import ACTIONS, MENUS, SPECS, ActionRegistry, ActionSpec, ActionState, Route
from studio.ui.main_window import MainWindow
from studio.ui.panels import PANELS
from tests.ui.conftest import Answers

pytestmark = pytest.mark.gui


def assert_enabled_by_predicates(window: Any) -> ActionState:
    state: ActionState = window.action_state()
    for spec in ACTIONS:
        assert window.action_map[spec.id].isEnabled() == spec.enabled_when(state), (spec.id, state)
    return state


def enabled(window: Any) -> set[str]:
    return {aid for aid, action in window.action_map.items() if action.isEnabled()}


def test_every_declared_action_is_served_and_shown_once(window: Any) -> None:
    assert set(window.action_map) == set(SPECS) and len(SPECS) == len(ACTIONS)
    assert window.registry.unserved() == []
    for spec in ACTIONS:
        action = window.action_map[spec.id]
        assert action.objectName() == spec.id and action.text() == spec.text, spec.id
        assert window.registry.routes(spec.id), spec.id  # something runs it whatever has the focus
    menus = {m.text(): m.menu() for m in window.menuBar().actions()}
    assert list(menus) == list(MENUS)
    for spec in ACTIONS:
        shown = [a for m in menus.values() for a in m.actions() if a.objectName() == spec.id]
        assert shown == [window.action_map[spec.id]] and shown[0] in menus[spec.menu].actions()
    bar = [a for a in window.toolbar.actions() if not a.isSeparator()]
    assert [a.objectName() for a in bar] == [s.id for s in ACTIONS if s.toolbar]
    assert [a.iconText() for a in bar] == [s.toolbar for s in ACTIONS if s.toolbar]
    assert [a.iconText() for a in bar] == [
        "New", "Open", "Save", "Preview", "Undo", "Redo", "Delete", "Import", "Set as Start", "Zoom to Fit",
    ]
    file_menu = [a.text() for a in menus["&File"].actions()]
    assert file_menu.index("Open &Recent") == file_menu.index("&Open…") + 1


def test_actions_are_enabled_by_their_predicates(
    window: Any, savings_copy: Path, answers: Answers
) -> None:
    edits = (actions.writable, actions.writable_selection)
    writable_only = {s.id for s in ACTIONS if s.enabled_when in edits}
    assert {"edit.delete", "edit.paste", "media.import", "graph.set_start", "graph.arrange"} <= writable_only
    # writable, saved, nothing selected, nothing to undo
    window.selection.clear()
    state = assert_enabled_by_predicates(window)
    assert state == ActionState(writable=True, has_path=True, has_selection=False)
    assert {"edit.delete", "edit.paste", "graph.set_start", "file.revert", "file.reload"} <= enabled(window)
    needs_selection = {"edit.cut", "edit.copy", "edit.duplicate", "graph.ending_good", "graph.ending_neutral",
                       "graph.ending_bad", "graph.unmark_ending", "graph.arrange_selected"}
    assert not needs_selection & enabled(window)
    assert not {"edit.undo", "edit.redo"} & enabled(window)
    assert not window.trigger("graph.unmark_ending") and window.doc.undo_stack.count() == 0  # disabled

    window.selection.set(["ending_dream"])
    assert assert_enabled_by_predicates(window).has_selection
    assert needs_selection <= enabled(window)
    assert window.trigger("graph.unmark_ending") and not window.doc.project.scene_map()["ending_dream"].ending
    assert assert_enabled_by_predicates(window).can_undo and "edit.undo" in enabled(window)
    assert window.trigger("edit.undo") and window.doc.project.scene_map()["ending_dream"].ending
    state = assert_enabled_by_predicates(window)
    assert state.can_redo and not state.can_undo and "edit.redo" in enabled(window)
    assert not window.trigger("edit.undo")

    # read-only: no edit runs, copying still does
    assert window.files.open(savings_copy, read_only=True) and window.doc.read_only
    window.selection.set(["payday"])
    state = assert_enabled_by_predicates(window)
    assert not state.writable and state.has_path and state.has_selection
    assert not writable_only & enabled(window)
    assert {"edit.copy", "edit.select_all", "file.save_as", "view.zoom_in"} <= enabled(window)
    before = window.doc.project
    for action_id in ("edit.delete", "edit.duplicate", "graph.ending_bad", "graph.arrange", "edit.paste"):
        assert not window.trigger(action_id), action_id
    assert window.doc.project is before and window.doc.undo_stack.count() == 0

    # a new drama (in its untitled folder) has no file of the creator's to revert to or reload
    assert window.trigger("file.new") and window.doc.untitled
    state = assert_enabled_by_predicates(window)
    assert state.writable and not state.has_path and state.has_project
    assert not {"file.revert", "file.reload"} & enabled(window) and "file.save" in enabled(window)
    assert not window.trigger("file.revert")


def test_focused_panel_routes_go_first(qtbot: QtBot, window: Any) -> None:
    panel, view = window.panels["timeline"], window.graph.view
    window.selection.set(["payday"])
    QApplication.processEvents()
    graph_zoom = view.zoom
    panel.canvas.setFocus()
    assert window.focusWidget() is panel.canvas
    assert window.trigger("view.zoom_in")
    assert panel.zoom > 1 and view.zoom == graph_zoom  # the timeline's axis, not the graph
    view.setFocus()
    assert window.trigger("view.zoom_in")
    assert view.zoom > graph_zoom and panel.zoom > 1
    panel_zoom = panel.zoom
    assert window.trigger("view.zoom_reset") and view.zoom == pytest.approx(1.0) and panel.zoom == panel_zoom

    # the timeline has nothing selected: Delete falls through to the graph's selection
    window.selection.set(["spend_path"])
    panel.canvas.setFocus()
    assert window.trigger("edit.delete") and "spend_path" not in window.doc.project.scene_map()

    # Delete in the clip list acts on the clip (used by a scene: refused), not on the graph
    lib = window.panels["library"]
    window.selection.set(["payday"])
    lib.list.setFocus()
    rows = [i for i in range(lib.model.rowCount()) if lib.model.asset(lib.model.index(i, 0)).id == "payday"]
    select = QItemSelectionModel.SelectionFlag.ClearAndSelect
    lib.list.selectionModel().select(lib.model.index(rows[0], 0), select)
    with qtbot.waitSignal(window.doc.message) as said:
        assert window.trigger("edit.delete")
    assert "is used by scenes" in said.args[0] and "payday" in window.doc.project.scene_map()


def test_registry_refuses_undeclared_ids_and_reports_unserved_ones(qtbot: QtBot) -> None:
    host = QWidget()
    qtbot.addWidget(host)
    extra = ActionSpec("help.tour", "&Tour", "&Help")
    registry = ActionRegistry(host, specs=(*ACTIONS, extra))
    with pytest.raises(KeyError, match=r"edit\.nope"):
        registry.serve([Route("edit.nope", lambda: True)])
    assert registry.unserved() == [*SPECS, "help.tour"]
    ran: list[str] = []
    registry.serve([Route("help.tour", lambda: bool(ran.append("focus")), focus=host)])
    assert "help.tour" in registry.unserved()  # a focus-only route does not serve it everywhere
    registry.serve([Route("help.tour", lambda: bool(ran.append("global")) or True)])
    assert "help.tour" not in registry.unserved()
    assert registry.trigger("help.tour") and ran == ["global"]  # the host has no focus child
    registry.update(ActionState())
    registry.actions["help.tour"].setEnabled(False)
    assert not registry.trigger("help.tour") and ran == ["global"]


class Probe(MainWindow):
    """Keeps the half-built window so the test can stop what its panels started."""

    made: ClassVar[list[MainWindow]] = []

    def _build_docks(self) -> None:
        Probe.made.append(self)
        super()._build_docks()


def _stop(window: MainWindow) -> None:
    window.closeEvent(QCloseEvent())


@pytest.fixture
def probe(savings_copy: Path) -> Any:
    from studio.ui.launch import application

    application()
    Probe.made.clear()
    doc = Document()
    doc.open(savings_copy)
    yield doc
    for window in Probe.made:
        _stop(window)
    doc.close()


@pytest.mark.parametrize("module", [library, timeline], ids=["first panel", "later panel"])
def test_a_panel_that_fails_to_build_stops_the_window(
    monkeypatch: pytest.MonkeyPatch, probe: Document, module: Any
) -> None:
    def broken(*_args: object) -> QWidget:
        raise RuntimeError(f"{module.__name__} is broken")

    monkeypatch.setattr(module, "create", broken)
    with pytest.raises(RuntimeError, match=re.escape(f"{module.__name__} is broken")):
        Probe(probe)
    (half,) = Probe.made
    assert not any(w.objectName() == "placeholder" for w in half.panels.values())
    assert len(half.panels) == [s.id for s in PANELS].index(module.__name__.rsplit(".", 1)[1])


def test_an_action_nobody_runs_stops_the_window(monkeypatch: pytest.MonkeyPatch, probe: Document) -> None:
    extra = ActionSpec("help.tour", "&Tour", "&Help")
    with_extra = functools.partial(ActionRegistry, specs=(*ACTIONS, extra))
    monkeypatch.setattr(main_window, "ActionRegistry", with_extra)
    with pytest.raises(RuntimeError, match=r"actions without a handler: help\.tour$"):
        Probe(probe)


def test_window_serves_an_action_declared_with_a_handler(probe: Document) -> None:
    window = Probe(probe)
    assert window.registry.unserved() == [] and window.trigger("view.zoom_reset")
    window.doc.push(SetField(PROJECT.title, "Edited"))
    assert window.action_map["edit.undo"].isEnabled() and window.trigger("edit.undo")
    assert window.doc.project.title != "Edited"
