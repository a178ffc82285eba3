"""Branch from the node ("+"), the canvas and scene context menus, placeholder scenes and
"continues" links, through real clicks on the savings sample."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QPointF
from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.qtbot import QtBot

from studio.model import dumps
from studio.ui.graph.edges import NEXT
from studio.ui.graph.style import NODE_H, NODE_W
from tests.ui.helpers import click

pytestmark = pytest.mark.gui


def entry(menu: QMenu, text: str) -> Any:
    for action in menu.actions():
        if action.text().split("\t")[0] == text:
            return action
        if action.menu() is not None and action.text() == text:
            return action
    raise AssertionError(f"no '{text}' in {[a.text() for a in menu.actions()]}")


def rects_overlap(window: Any, sid: str) -> list[str]:
    nodes = window.graph.graph.items_by_id
    me = nodes[sid].sceneBoundingRect()
    return [o for o, item in nodes.items() if o != sid and item.sceneBoundingRect().intersects(me)]


def test_the_plus_on_the_selected_scene_branches_into_a_new_scene(qtbot: QtBot, window: Any) -> None:
    view = window.graph.view
    original = dumps(window.doc.project)
    view.set_zoom(1.0)
    window.selection.set(["payday"])
    rect = view.flow.plus_rect()
    assert not rect.isEmpty()
    view.centerOn(rect.center())
    click(view, view.mapFromScene(rect.center()))
    new = window.doc.project.scenes[-1]
    payday = window.doc.project.scene_map()["payday"]
    assert new.placeholder is not None and payday.choice is not None
    assert payday.choice.options[-1].target == new.id and window.selection.scenes == {new.id}
    assert new.position.x > payday.position.x + NODE_W and not rects_overlap(window, new.id)
    assert window.doc.undo_stack.count() == 1 and window.doc.undo_stack.undoText() == "Branch from '发薪日'"
    assert view.flow.renamer.editor is not None  # ready to rename
    view.flow.renamer.finish(commit=False)
    window.selection.set(["payday", "month_end"])
    assert view.flow.plus_rect().isEmpty()  # only on one selected scene
    window.doc.undo_stack.undo()
    assert dumps(window.doc.project) == original


def test_canvas_menu_new_placeholder_paste_and_arrange(qtbot: QtBot, window: Any) -> None:
    view = window.graph.view
    original = dumps(window.doc.project)
    QApplication.clipboard().clear()
    view.centerOn(QPointF(-900.0, -900.0))
    empty = view.mapFromScene(QPointF(-900.0, -900.0))
    menu = window.graph.context_menu(empty)
    texts = [a.text() for a in menu.actions() if not a.isSeparator()]
    assert texts == ["New scene", "New placeholder scene", "Paste", "Arrange"]
    clips = entry(menu, "New scene").menu()
    assert "payday.mp4" in [a.text() for a in clips.actions()]
    assert not entry(menu, "Paste").isEnabled()  # nothing copied yet
    at = view.mapToScene(empty)
    entry(menu, "New placeholder scene").trigger()
    card = window.doc.project.scenes[-1]
    assert card.placeholder is not None and card.media is None
    assert (card.position.x, card.position.y) == (at.x(), at.y())
    item = window.graph.graph.items_by_id[card.id]
    assert item.card is not None and item.card.name() == card.placeholder.colour
    view.flow.renamer.finish(commit=False)
    window.selection.set(["month_end"])
    window.trigger("edit.copy")
    view.centerOn(at + QPointF(0.0, 150.0))
    empty = view.mapFromScene(at + QPointF(0.0, 300.0))  # below the new card
    at = view.mapToScene(empty)
    menu = window.graph.context_menu(empty)
    entry(menu, "Paste").trigger()
    pasted = window.doc.project.scenes[-1]
    assert pasted.title == "月底"
    assert (pasted.position.x, pasted.position.y) == pytest.approx((at.x(), at.y()))
    far = QPointF(-3000.0, -3000.0)  # Arrange puts every scene right and below the origin
    view.centerOn(far)
    entry(window.graph.context_menu(view.mapFromScene(far)), "Arrange").trigger()
    assert window.doc.undo_stack.undoText() == "Arrange scenes"
    view.centerOn(far)
    clips = entry(window.graph.context_menu(view.mapFromScene(far)), "New scene").menu()
    entry(clips, "payday.mp4").trigger()
    assert window.doc.project.scenes[-1].media == "payday"
    assert window.doc.undo_stack.count() == 4  # each entry one undo step
    while window.doc.undo_stack.canUndo():
        window.doc.undo_stack.undo()
    assert dumps(window.doc.project) == original


def test_continue_automatically_from_the_scene_menu_draws_a_continues_edge(
    qtbot: QtBot, window: Any
) -> None:
    view = window.graph.view
    original = dumps(window.doc.project)
    node = window.graph.graph.items_by_id["ending_broke"]
    view.centerOn(node.pos() + QPointF(NODE_W / 2, NODE_H / 2))
    menu = window.graph.context_menu(view.mapFromScene(node.pos() + QPointF(NODE_W / 2, NODE_H / 2)))
    assert window.selection.scenes == {"ending_broke"}
    entry(menu, "Continue automatically to…").trigger()
    target = view.flow.pick_target()
    assert target is not None
    payday = window.graph.graph.items_by_id["payday"]
    view.centerOn(payday.pos())
    click(view, view.mapFromScene(payday.pos() + QPointF(NODE_W / 2, NODE_H / 2)))  # pick by clicking
    broke = window.doc.project.scene_map()["ending_broke"]
    assert broke.next == "payday" and not broke.ending and broke.choice is None
    edge = window.graph.graph.edges[("ending_broke", NEXT)]
    assert edge.continues and edge.label == "continues" and edge.target is payday
    assert not edge.flags() & edge.GraphicsItemFlag.ItemIsSelectable
    assert window.doc.undo_stack.count() == 1
    assert window.doc.undo_stack.undoText() == "Continue '囊中羞涩' automatically to '发薪日'"
    menu = window.graph.context_menu(view.mapFromScene(node.pos() + QPointF(NODE_W / 2, NODE_H / 2)))
    entry(menu, "Stop continuing to '发薪日'").trigger()
    assert ("ending_broke", NEXT) not in window.graph.graph.edges
    menu = window.graph.context_menu(view.mapFromScene(window.graph.graph.items_by_id["payday"].pos()
                                                       + QPointF(20, 20)))
    assert not entry(menu, "Continue automatically to…").isEnabled()  # Payday has a choice
    window.doc.undo_stack.undo()
    window.doc.undo_stack.undo()
    assert dumps(window.doc.project) == original


def test_double_click_opens_a_scene(qtbot: QtBot, window: Any) -> None:
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QMouseEvent

    view = window.graph.view
    node = window.graph.graph.items_by_id["temptation"]
    view.centerOn(node.pos())
    pos = view.mapFromScene(node.pos() + QPointF(NODE_W / 2, NODE_H / 2))
    left = Qt.MouseButton.LeftButton
    with qtbot.waitSignal(window.graph.scene_opened, timeout=1000) as opened:
        where = QPointF(view.viewport().mapToGlobal(pos))
        kind = QEvent.Type.MouseButtonDblClick
        event = QMouseEvent(kind, QPointF(pos), where, left, left, Qt.KeyboardModifier.NoModifier)
        QApplication.sendEvent(view.viewport(), event)
    assert opened.args == ["temptation"] and window.selection.scenes == {"temptation"}
