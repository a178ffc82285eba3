"""The graph's keyboard flow through real key events on the canvas (savings sample)."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from studio.model import dumps
from studio.ui.graph.keys import GRAPH_KEYS
from studio.ui.graph.navigate import nearest, story_order

pytestmark = pytest.mark.gui
Mod = Qt.KeyboardModifier
ALT, SHIFT, CTRL, NONE = Mod.AltModifier, Mod.ShiftModifier, Mod.ControlModifier, Mod.NoModifier

# savings: payday (0,220) -> save_path (440,0), spend_path (440,440); month_end (880,220),
# temptation (880,440); endings dream (1320,0), steady (1320,220), broke (1320,660)


def key(qtbot: QtBot, window: Any, k: Qt.Key, mods: Qt.KeyboardModifier = NONE) -> None:
    qtbot.keyClick(window.graph.view, k, mods)


def test_arrow_keys_move_the_selection_not_the_scenes(qtbot: QtBot, window: Any) -> None:
    before = dumps(window.doc.project)
    window.graph.view.setFocus()
    key(qtbot, window, Qt.Key.Key_Right)  # nothing selected: the start
    assert window.selection.scenes == {"payday"}
    walk = [
        (Qt.Key.Key_Right, "month_end"),  # straight ahead beats the nearer one up or down
        (Qt.Key.Key_Down, "temptation"),
        (Qt.Key.Key_Left, "spend_path"),
        (Qt.Key.Key_Up, "save_path"),  # straight up, past Payday off to the side
        (Qt.Key.Key_Left, "payday"),
        (Qt.Key.Key_Right, "month_end"),
        (Qt.Key.Key_Up, "month_end"),  # nothing above within 60 degrees: stays
        (Qt.Key.Key_Right, "ending_steady"),
        (Qt.Key.Key_Up, "ending_dream"),
        (Qt.Key.Key_Right, "ending_dream"),
    ]
    for k, expected in walk:
        key(qtbot, window, k)
        assert window.selection.scenes == {expected}, (k, expected)
        assert window.selection.current == ("scene", expected)  # the inspector follows
    assert dumps(window.doc.project) == before and window.doc.undo_stack.count() == 0


def test_tab_walks_the_story_order_and_back(qtbot: QtBot, window: Any) -> None:
    order = story_order(window.doc.project)
    assert order[:3] == ["payday", "save_path", "month_end"] and len(order) == 8
    window.graph.view.setFocus()
    seen = []
    for _ in range(len(order)):
        key(qtbot, window, Qt.Key.Key_Tab)
        (sid,) = window.selection.scenes
        seen.append(sid)
    assert seen == order
    assert window.graph.view.hasFocus()  # Tab did not move the focus to another widget
    key(qtbot, window, Qt.Key.Key_Tab)
    assert window.selection.scenes == {order[0]}  # wraps
    key(qtbot, window, Qt.Key.Key_Backtab, SHIFT)
    assert window.selection.scenes == {order[-1]}


def test_f2_renames_in_place_as_one_undo_step_and_esc_cancels(qtbot: QtBot, window: Any) -> None:
    view = window.graph.view
    window.selection.set(["month_end"])
    view.setFocus()
    key(qtbot, window, Qt.Key.Key_F2)
    editor = view.flow.renamer.editor
    assert editor is not None and editor.isVisible() and editor.text() == "月底"
    qtbot.keyClicks(editor, "Half way")  # the text was selected: typing replaces it
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert view.flow.renamer.editor is None
    assert window.doc.project.scene_map()["month_end"].title == "月底"
    assert window.doc.undo_stack.count() == 0
    key(qtbot, window, Qt.Key.Key_F2)
    editor = view.flow.renamer.editor
    qtbot.keyClicks(editor, "Half way")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert window.doc.project.scene_map()["month_end"].title == "Half way"
    assert window.doc.undo_stack.count() == 1
    assert window.doc.undo_stack.undoText() == "Rename '月底' to 'Half way'"
    assert window.graph.graph.items_by_id["month_end"].title == "Half way"
    assert view.hasFocus()  # back on the canvas: the keys go on working
    window.doc.undo_stack.undo()
    assert window.doc.project.scene_map()["month_end"].title == "月底"


def test_enter_opens_the_scene_like_a_double_click(qtbot: QtBot, window: Any) -> None:
    view = window.graph.view
    window.selection.set(["temptation"])
    view.setFocus()
    with qtbot.waitSignal(window.graph.scene_opened, timeout=1000) as opened:
        key(qtbot, window, Qt.Key.Key_Return)
    assert opened.args == ["temptation"]
    assert window.selection.current == ("scene", "temptation")
    assert window.doc.undo_stack.count() == 0


def test_ctrl_enter_adds_a_connected_scene_selected_and_in_rename(qtbot: QtBot, window: Any) -> None:
    view = window.graph.view
    original = dumps(window.doc.project)
    window.selection.set(["temptation"])
    view.setFocus()
    key(qtbot, window, Qt.Key.Key_Return, CTRL)
    new = window.doc.project.scenes[-1]
    assert new.placeholder is not None and window.selection.scenes == {new.id}
    temptation = window.doc.project.scene_map()["temptation"]
    assert temptation.choice is not None and temptation.choice.options[-1].target == new.id
    editor = view.flow.renamer.editor
    assert editor is not None and editor.text() == "New scene"
    qtbot.keyClicks(editor, "Second thoughts")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert window.doc.project.scene_map()[new.id].title == "Second thoughts"
    assert window.doc.undo_stack.count() == 2  # the branch, then the rename
    key(qtbot, window, Qt.Key.Key_Insert)  # Insert does the same, from the new scene
    assert window.doc.undo_stack.count() == 3
    assert view.flow.renamer.editor is not None
    qtbot.keyClick(view.flow.renamer.editor, Qt.Key.Key_Escape)
    while window.doc.undo_stack.canUndo():
        window.doc.undo_stack.undo()
    assert dumps(window.doc.project) == original


def test_c_connects_to_a_scene_picked_with_the_arrows(qtbot: QtBot, window: Any) -> None:
    view = window.graph.view
    original = dumps(window.doc.project)
    window.selection.set(["ending_broke"])
    view.setFocus()
    key(qtbot, window, Qt.Key.Key_C)
    assert view.flow.pick_target() is not None
    key(qtbot, window, Qt.Key.Key_Escape)  # cancel: nothing changes
    assert view.flow.pick_target() is None and dumps(window.doc.project) == original
    key(qtbot, window, Qt.Key.Key_C)
    first = view.flow.pick_target()
    assert first is not None and first != "ending_broke"
    centres = view.flow.node_centres()
    expected = nearest(centres, first, (0, -1))
    key(qtbot, window, Qt.Key.Key_Up)  # moves the pick, not the selection
    assert view.flow.pick_target() == expected and window.selection.scenes == {"ending_broke"}
    key(qtbot, window, Qt.Key.Key_Return)
    broke = window.doc.project.scene_map()["ending_broke"]
    assert broke.choice is not None and [o.target for o in broke.choice.options] == [expected]
    assert window.doc.undo_stack.count() == 1
    title = window.doc.project.scene_map()[expected].title
    assert window.doc.undo_stack.undoText() == f"Connect '囊中羞涩' to '{title}'"
    assert ("ending_broke", broke.choice.options[0].id) in window.graph.graph.edges
    window.doc.undo_stack.undo()
    assert dumps(window.doc.project) == original


def test_read_only_keys_navigate_but_never_edit(qtbot: QtBot, window: Any, savings_copy: Any) -> None:
    window.open_project(savings_copy, read_only=True)
    view = window.graph.view
    window.selection.set(["payday"])
    view.setFocus()
    for k, mods in [
        (Qt.Key.Key_Right, ALT),
        (Qt.Key.Key_Insert, Qt.KeyboardModifier.NoModifier),
        (Qt.Key.Key_C, Qt.KeyboardModifier.NoModifier),
        (Qt.Key.Key_F2, Qt.KeyboardModifier.NoModifier),
    ]:
        key(qtbot, window, k, mods)
    assert view.flow.renamer.editor is None and view.flow.pick_target() is None
    key(qtbot, window, Qt.Key.Key_Right)
    assert window.selection.scenes == {"month_end"} and window.doc.undo_stack.count() == 0


def test_the_key_table_names_every_key_the_flow_handles() -> None:
    text = " ".join(k for k, _ in GRAPH_KEYS)
    for name in ("Arrow", "Tab", "Enter", "F2", "Ctrl+Enter", "Insert", "C", "Alt+Arrow", "Esc"):
        assert name in text
    assert all(k and what for k, what in GRAPH_KEYS)
