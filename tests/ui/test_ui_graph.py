"""Branch graph editing through real gestures: drops, port drags, node drags, actions."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, QUrl
from pytestqt.qtbot import QtBot

from studio.model import dumps
from studio.ui.graph.items import IN_PORT, OUT_PORT
from studio.ui.graph.style import NODE_H, NODE_W
from tests.support import SAMPLES
from tests.ui.helpers import click, drag, drop

pytestmark = pytest.mark.gui


def node_point(win: Any, sid: str, local: QPointF | None = None) -> QPoint:
    item = win.graph.graph.items_by_id[sid]
    point = item.pos() + (local if local is not None else QPointF(NODE_W / 2, NODE_H / 2))
    win.graph.view.centerOn(point)
    return win.graph.view.mapFromScene(point)


def test_dragging_a_clip_from_the_library_creates_a_scene(window: Any) -> None:
    library = window.panels["library"]
    row = next(
        r
        for r in range(library.model.rowCount())
        if library.model.asset(library.model.index(r)).id == "payday"
    )
    mime = library.model.mimeData([library.model.index(row)])
    view = window.graph.view
    target = QPoint(view.viewport().width() // 2, view.viewport().height() // 2)
    before = {s.id for s in window.doc.project.scenes}
    assert drop(view, mime, target)
    new = [s for s in window.doc.project.scenes if s.id not in before]
    assert len(new) == 1 and new[0].media == "payday"
    expected = view.mapToScene(target)
    assert (new[0].position.x, new[0].position.y) == (expected.x(), expected.y())
    assert new[0].id in window.graph.graph.items_by_id
    assert window.doc.undo_stack.count() == 1
    window.doc.undo_stack.undo()
    assert new[0].id not in window.graph.graph.items_by_id


def test_dropping_files_from_the_desktop_imports_and_creates_scenes(qtbot: QtBot, window: Any) -> None:
    clip = SAMPLES / "shoppable" / "media" / "office.mp4"
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(clip))])
    view = window.graph.view
    with qtbot.waitSignal(window.services.importer.finished, timeout=20000):
        assert drop(view, mime, QPoint(100, 100))
    scene = next(s for s in window.doc.project.scenes if s.media == "office")
    assert scene.id in window.graph.graph.items_by_id
    assert (window.doc.folder / "media" / "office.mp4").is_file()
    assert window.doc.undo_stack.undoText() == "Import 1 clip"


def test_dragging_from_a_port_to_a_scene_connects_them(window: Any) -> None:
    view = window.graph.view
    before = dumps(window.doc.project)
    start = node_point(window, "ending_dream", OUT_PORT)
    end = view.mapFromScene(window.graph.graph.items_by_id["payday"].pos() + QPointF(NODE_W / 2, NODE_H / 2))
    drag(view, start, end)
    scene = window.doc.project.scene_map()["ending_dream"]
    assert scene.choice is not None and scene.choice.options[0].target == "payday"
    assert ("ending_dream", scene.choice.options[0].id) in window.graph.graph.edges
    assert window.doc.undo_stack.count() == 1
    window.doc.undo_stack.undo()
    assert dumps(window.doc.project) == before
    assert not any(k[0] == "ending_dream" for k in window.graph.graph.edges)


def test_a_node_drag_is_one_undo_step(window: Any) -> None:
    view = window.graph.view
    item = window.graph.graph.items_by_id["temptation"]
    start_pos = item.pos()
    start = node_point(window, "temptation")
    drag(view, start, start + QPoint(120, 60), steps=10)
    moved = window.doc.project.scene_map()["temptation"].position
    assert (moved.x, moved.y) != (start_pos.x(), start_pos.y())
    assert (moved.x, moved.y) == (item.pos().x(), item.pos().y())
    assert window.doc.undo_stack.count() == 1
    edge = next(e for e in window.graph.graph.edges.values() if e.target is item)
    assert edge.boundingRect().contains(item.pos() + IN_PORT)
    window.doc.undo_stack.undo()
    assert item.pos() == start_pos


def test_keyboard_nudges_merge(qtbot: QtBot, window: Any) -> None:
    """Alt+arrows nudge (Shift+arrows further); consecutive nudges are one undo step."""
    from PySide6.QtCore import Qt

    view = window.graph.view
    click(view, node_point(window, "payday"))
    before = window.doc.project.scene_map()["payday"].position
    for _ in range(3):
        qtbot.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    qtbot.keyClick(view, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    after = window.doc.project.scene_map()["payday"].position
    assert (after.x, after.y) == (before.x + 30, before.y + 50)
    assert window.doc.undo_stack.count() == 1
    assert window.selection.scenes == {"payday"}


def test_every_graph_action_is_one_undoable_step(qtbot: QtBot, window: Any) -> None:
    original = dumps(window.doc.project)
    sel = window.selection
    steps = [
        (["payday", "save_path"], "edit.duplicate"),
        (["month_end"], "graph.set_start"),
        (["temptation"], "graph.ending_bad"),
        (["ending_dream"], "graph.unmark_ending"),
        (["spend_path", "temptation"], "edit.delete"),
        ([], "graph.arrange"),
    ]
    for ids, action in steps:
        sel.set(ids)
        count = window.doc.undo_stack.count()
        assert window.trigger(action)
        assert window.doc.undo_stack.count() == count + 1, action
    sel.set(["month_end"])
    window.trigger("edit.copy")
    window.trigger("edit.paste")
    assert window.doc.undo_stack.count() == len(steps) + 1
    assert len(window.graph.graph.items_by_id) == len(window.doc.project.scenes)
    assert len(window.graph.graph.edges) == sum(
        len(s.choice.options) for s in window.doc.project.scenes if s.choice
    )
    while window.doc.undo_stack.canUndo():
        window.doc.undo_stack.undo()
    assert dumps(window.doc.project) == original
    assert set(window.graph.graph.items_by_id) == {s.id for s in window.doc.project.scenes}
    while window.doc.undo_stack.canRedo():
        window.doc.undo_stack.redo()
    assert window.doc.dirty


def test_select_all_and_delete_edge(window: Any) -> None:
    window.trigger("edit.select_all")
    assert window.selection.scenes == set(window.graph.graph.items_by_id)
    window.selection.set([], [("month_end", "party")])
    assert window.graph.graph.edges[("month_end", "party")].isSelected()
    window.trigger("edit.delete")
    assert ("month_end", "party") not in window.graph.graph.edges


def test_problems_show_on_scenes_and_clicking_one_centres_it(
    qtbot: QtBot, window: Any, savings_copy: Path
) -> None:
    from studio.model.ops import SceneRef, SetField

    window.doc.push(SetField(SceneRef("ending_broke").out_ms, 10000))  # past the clip's end
    runner = window.services.validation
    assert runner._timer.isActive()  # validation waits: edits are never blocked
    qtbot.waitUntil(lambda: "ending_broke" in runner.by_scene, timeout=5000)
    item = window.graph.graph.items_by_id["ending_broke"]
    assert item.problem == "error" and "exceeds the clip" in item.toolTip()
    panel = window.panels["problems"]
    row = next(
        panel.tree.topLevelItem(i)
        for i in range(panel.tree.topLevelItemCount())
        if "exceeds" in panel.tree.topLevelItem(i).text(2)
    )
    window.graph.view.centerOn(0, 0)
    panel._go(row)
    assert window.selection.scenes == {"ending_broke"}
    centre = window.graph.view.mapToScene(window.graph.view.viewport().rect().center())
    assert item.sceneBoundingRect().adjusted(-5, -5, 5, 5).contains(centre)


def test_find_by_title(window: Any) -> None:
    window.graph.search.setText("month")
    assert window.graph.find_next()
    assert window.selection.scenes == {"month_end"}
    window.graph.search.setText("no such title")
    assert not window.graph.find_next()


def test_read_only_canvas_refuses_gestures(qtbot: QtBot, window: Any, savings_copy: Path) -> None:
    window.open_project(savings_copy, read_only=True)
    item = window.graph.graph.items_by_id["payday"]
    assert not item.flags() & item.GraphicsItemFlag.ItemIsMovable
    start = node_point(window, "ending_dream", OUT_PORT)
    drag(window.graph.view, start, start + QPoint(-300, 0))
    assert window.doc.undo_stack.count() == 0


def test_big_project_builds_progressively_and_draws_an_overview(
    qtbot: QtBot, qapp: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from studio.app.document import Document
    from studio.app.selection import Selection
    from studio.app.services import Services
    from studio.model.ops import MoveScenes
    from studio.ui.graph import GraphPanel
    from studio.ui.graph.scene import NO_CONTENTS, PROGRESSIVE
    from tests.support import ROOT

    monkeypatch.syspath_prepend(str(ROOT / "bench"))
    from gen_project import generate

    doc = Document()
    doc.set_project(generate(PROGRESSIVE + 500, 3), None)
    panel = GraphPanel(doc, Selection(), Services.build(doc))
    panel.resize(1000, 700)
    panel.show()
    graph = panel.graph
    assert not graph.complete  # first paint does not wait for every item
    qtbot.waitUntil(lambda: panel.view.frames > 0, timeout=10000)
    assert graph.overview and panel.view.zoom < 0.3
    lines, groups = graph.overview_geometry()  # drawn from the model meanwhile
    n_edges = sum(len({o.id for o in s.choice.options}) for s in doc.project.scenes if s.choice)
    assert len(lines) == n_edges and sum(len(r) for _, r in groups) == len(doc.project.scenes)
    first = doc.project.scenes[0]
    doc.push(MoveScenes(((first.id, -500.0, -500.0),)))  # an edit finishes the build first
    assert graph.complete and len(graph.nodes) == len(doc.project.scenes)
    assert len(graph.edges) == n_edges
    assert all(item.flags() & NO_CONTENTS for item in graph.nodes.values())
    assert graph.nodes[first.id].pos().x() == -500.0
    panel.view.set_zoom(1.0)
    assert not graph.overview and not graph.nodes[first.id].flags() & NO_CONTENTS
    panel.close()
    panel.deleteLater()
    doc.deleteLater()
