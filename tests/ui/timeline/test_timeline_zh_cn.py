"""The timeline in Simplified Chinese: toolbar buttons and tooltips, lane titles, item labels,
tooltips, the context menu and undo texts come from resources/translations/zh_CN/editors.ts;
in English they are the source texts, unchanged."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import QCoreApplication, QPointF
from pytestqt.qtbot import QtBot

from studio.model.review import Comment
from studio.ui.timeline import geometry as g
from studio.ui.timeline.items import LANE_TITLES
from studio.ui.timeline.paint import describe_comments
from tests.ui.inspector.test_inspector_zh_cn import chinese  # noqa: F401 (the fixture)
from tests.ui.timeline.conftest import make_panel
from tests.ui.timeline.support import Env

pytestmark = pytest.mark.gui


def toolbar(panel: object) -> dict[str, tuple[str, str]]:
    return {k: (b.text(), b.toolTip()) for k, b in panel.buttons.items()}  # type: ignore[attr-defined]


@pytest.mark.usefixtures("chinese")
def test_the_toolbar_and_the_items_read_chinese(qtbot: QtBot, savings: Env) -> None:
    panel = make_panel(qtbot, savings, "payday")
    bar = toolbar(panel)
    assert bar["prompt"] == ("+ 提示", "在播放头处添加存钱提示")
    assert bar["tag"] == ("+ 标签", "在播放头处添加商品标签")
    assert bar["choice"] == ("+ 选择", "在播放头处添加选择窗口")
    assert bar["snap"] == ("吸附", "吸附到帧、播放头和其他条目（按住 Alt：关闭吸附）")
    assert bar["fit"] == ("适应", "显示整个片段")
    assert bar["zoom_in"] == ("+", "放大（Ctrl+滚轮）")
    assert panel.time_label.toolTip() == "裁剪 0:00.00 – 0:06.00，24 fps"
    lanes = [QCoreApplication.translate("Timeline", LANE_TITLES[k]) for k in LANE_TITLES]
    assert lanes == ["选择", "提示", "标签"]
    choice = next(i for i in panel.canvas.items if i.kind == "choice")
    assert choice.label == "选择（2 个选项）"
    assert panel.canvas.describe(choice) == "选择（2 个选项）\n0:03.00 – 0:05.50"
    menu = panel.canvas.context_menu(QPointF(panel.canvas.item_point(choice)))
    assert menu is not None
    texts = [a.text() for a in menu.actions() if a.text()]
    assert texts == ["将播放头移到此处", "删除 选择（2 个选项）", "在播放头处添加存钱提示",
                     "在播放头处添加商品标签", "在播放头处添加选择窗口"]
    menu.deleteLater()
    assert panel.canvas.nudge(1, seconds=False)
    assert savings.doc.undo_stack.undoText() == "微移 选择（2 个选项）"
    # a reason from the model stays English (studio.model speaks English); the UI's words around it do not
    bad = replace(choice, problem="outside the trim", warning="close to the end")
    assert g.describe(bad).splitlines()[2:] == ["无效：outside the trim", "警告：close to the end"]
    flag = Comment(id="c1", scene="payday", t_ms=1500, author="Mei", text="太快了", created="2026-01-01")
    assert describe_comments([flag]) == "💬 0:01.50  Mei（未解决）：太快了"


@pytest.mark.usefixtures("chinese")
def test_no_scene_reads_chinese(qtbot: QtBot, savings: Env) -> None:
    panel = make_panel(qtbot, savings, "payday")
    panel.show_scene(None)
    assert panel.title.text() == "无场景"
    assert not panel.buttons["prompt"].isEnabled()


def test_english_is_the_source_text(qtbot: QtBot, savings: Env) -> None:
    panel = make_panel(qtbot, savings, "payday")
    bar = toolbar(panel)
    assert bar["prompt"] == ("+ Prompt", "Add a savings prompt at the playhead")
    assert bar["snap"][0] == "Snap" and bar["fit"] == ("Fit", "Show the whole clip")
    assert panel.time_label.toolTip() == "trim 0:00.00 – 0:06.00 at 24 fps"
    choice = next(i for i in panel.canvas.items if i.kind == "choice")
    assert choice.label == "Choice (2 options)"
    menu = panel.canvas.context_menu(QPointF(panel.canvas.item_point(choice)))
    assert menu is not None
    texts = [a.text() for a in menu.actions() if a.text()]
    assert texts[:2] == ["Move playhead here", "Remove Choice (2 options)"]
    menu.deleteLater()
    assert panel.canvas.nudge(1, seconds=False)
    assert savings.doc.undo_stack.undoText() == "Nudge Choice (2 options)"
