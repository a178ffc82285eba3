"""The branch graph in Simplified Chinese (the canvas catalogue, resources/translations/zh_CN/canvas.ts):
its context menus, toolbar, node badges, edit names and messages; and in English, unchanged."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QPointF
from PySide6.QtWidgets import QMenu
from pytestqt.qtbot import QtBot

from studio.ui.graph.empty_hint import EmptyHint
from studio.ui.graph.keys import graph_keys
from studio.ui.graph.style import NODE_H, NODE_W
from tests.ui.studio_language import studio_language

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("This plugin does not support")]

SCENE_MENU_ZH = [
    "分支：在此后新建场景", "重命名", "连接到…", "自动接续到…", "打开", "设为起始场景", "标记结局：好",
    "标记结局：中性", "标记结局：坏", "取消结局标记", "创建副本", "复制", "删除", "粘贴",
]
SCENE_MENU_EN = [
    "Branch: new scene after this", "Rename", "Connect to…", "Continue automatically to…", "Open",
    "Set as start", "Mark ending: good", "Mark ending: neutral", "Mark ending: bad", "Unmark ending",
    "Duplicate", "Copy", "Delete", "Paste",
]


@pytest.fixture
def chinese(qtbot: QtBot) -> Iterator[None]:
    with studio_language("zh_CN"):
        yield


def texts(menu: QMenu) -> list[str]:
    """The entries' texts without their keys (what follows a tab)."""
    return [a.text().split("\t")[0] for a in menu.actions() if not a.isSeparator()]


def scene_menu(window: Any, sid: str) -> QMenu:
    view = window.graph.view
    node = window.graph.graph.items_by_id[sid]
    centre = node.pos() + QPointF(NODE_W / 2, NODE_H / 2)
    view.centerOn(centre)
    menu = window.graph.context_menu(view.mapFromScene(centre))
    assert isinstance(menu, QMenu)
    return menu


def canvas_menu(window: Any) -> QMenu:
    view = window.graph.view
    view.centerOn(QPointF(-900.0, -900.0))
    menu = window.graph.context_menu(view.mapFromScene(QPointF(-900.0, -900.0)))
    assert isinstance(menu, QMenu)
    return menu


def test_the_graph_reads_chinese(chinese: None, window: Any) -> None:
    graph = window.graph
    menu = scene_menu(window, "payday")
    assert texts(menu) == SCENE_MENU_ZH
    entries = {a.text().split("\t")[0]: a for a in menu.actions()}
    assert entries["重命名"].text().endswith("\tF2")  # keys stay keys
    assert entries["自动接续到…"].toolTip() == "此场景有选择点：请先移除其选项"
    assert texts(canvas_menu(window)) == ["新建场景", "新建占位场景", "粘贴", "自动排列"]
    assert graph.search.placeholderText() == "按标题查找场景…（Enter：下一个）"
    payday = graph.graph.items_by_id["payday"]
    assert "2 个选项" in [text for text, _ in payday._badges]
    assert "1 个选项" in [text for text, _ in graph.graph.items_by_id["temptation"]._badges]
    assert payday._meta.split("  ·  ")[0].endswith(" 秒")
    # An edit is named in Chinese on the undo stack (Edit > Undo).
    assert graph.view.flow.branch("payday")
    title = window.doc.project.scene_map()["payday"].title
    assert window.doc.undo_stack.undoText() == f"从“{title}”分支"
    graph.view.flow.renamer.finish(commit=False)
    window.doc.undo_stack.undo()
    # Help's key table, and the empty graph's card.
    assert ("右键点击", "场景和画布菜单：新建场景、占位场景、粘贴、排列、自动接续到…") in graph_keys()
    assert ("F2", "重命名所选场景（Enter 保留，Esc 取消）") in graph_keys()
    hint = EmptyHint(graph.view.viewport(), lambda: None, lambda: None)
    assert hint.title.text() == "还没有场景"
    assert (hint.placeholder_button.text(), hint.import_button.text()) == ("新建占位场景", "导入片段…")
    hint.deleteLater()


def test_in_english_the_graph_is_unchanged(window: Any) -> None:
    graph = window.graph
    assert texts(scene_menu(window, "payday")) == SCENE_MENU_EN
    assert texts(canvas_menu(window)) == ["New scene", "New placeholder scene", "Paste", "Arrange"]
    assert graph.search.placeholderText() == "Find scene by title…  (Enter: next)"
    nodes = graph.graph.items_by_id
    assert "2 options" in [text for text, _ in nodes["payday"]._badges]
    assert "1 option" in [text for text, _ in nodes["temptation"]._badges]
    assert graph_keys()[0] == ("Arrow keys", "Select the nearest scene in that direction")
