"""The Inspector in Simplified Chinese: labels, sections, choices, help and breadcrumb come from
resources/translations/zh_CN/editors.ts once the translators are installed; in English they are
the source texts, unchanged.  At the default dock widths nothing Chinese is clipped."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication, QCheckBox, QFormLayout, QLabel, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from studio.app import i18n
from studio.ui.inspector.field_help import HelpButton
from studio.ui.inspector.fields import ComboField
from studio.ui.inspector.forms import Form
from studio.ui.inspector.panel import InspectorPanel
from tests.ui.inspector.conftest import make_inspector
from tests.ui.inspector.test_inspector_render import layout_problems
from tests.ui.inspector.test_inspector_storyboard import storyboard_env
from tests.ui.timeline.support import Env

pytestmark = pytest.mark.gui


@pytest.fixture
def chinese(qtbot: QtBot) -> Iterator[None]:
    """The studio's zh_CN catalogue (and Qt's) installed; English again afterwards."""
    app = QApplication.instance()
    assert app is not None
    locale = QLocale()
    installed = i18n.install_translators(app, "zh_CN")
    assert installed, "the zh_CN catalogue did not load"
    yield
    i18n.install_translators(app, "en")  # removes them: English, the source language
    QLocale.setDefault(locale)


def row_labels(form: Form) -> list[str]:
    """The texts of the form's row labels (a label with a "?" included), top to bottom."""
    found = []
    layout = form.form
    for row in range(layout.rowCount()):
        item = layout.itemAt(row, QFormLayout.ItemRole.LabelRole)
        widget = item.widget() if item is not None else None
        if isinstance(widget, QLabel):
            found.append(widget.text())
        elif isinstance(widget, QWidget):
            found += [label.text() for label in widget.findChildren(QLabel)]
    return found


def sections(form: Form) -> list[str]:
    return [w.text() for w in form.findChildren(QLabel) if w.objectName() == "sectionTitle"]


def checkboxes(form: Form) -> list[str]:
    return [w.text() for w in form.findChildren(QCheckBox)]


def buttons(form: Form) -> list[str]:
    return [w.text() for w in form.findChildren(QPushButton) if w.text()]


def combo_items(field: ComboField) -> list[str]:
    return [field.combo.itemText(i) for i in range(field.combo.count())]


def scene_title(env: Env, sid: str = "payday") -> str:
    return env.doc.project.scene_map()[sid].title


def option_label(env: Env) -> str:
    choice = env.doc.project.scene_map()["payday"].choice
    assert choice is not None
    return next(o.label for o in choice.options if o.id == "save")


def shown(qtbot: QtBot, env: Env, path: tuple[str, ...]) -> tuple[InspectorPanel, Form]:
    panel = make_inspector(qtbot, env, path, width=320, height=700)
    assert panel.form is not None and panel.form.path == path
    return panel, panel.form


def test_a_scene_reads_chinese(qtbot: QtBot, savings: Env, chinese: None) -> None:
    panel, form = shown(qtbot, savings, ("scene", "payday"))
    assert row_labels(form)[:6] == ["ID", "标题", "片段", "入点", "出点", "结局"]
    assert sections(form) == ["进入时", "计时项目", "字幕与配音"]
    assert checkboxes(form) == ["起始场景"]
    assert combo_items(form.part("scene", "payday", "ending"))[:2] == ["不是结局", "结局（好）"]
    assert form.part("scene", "payday", "out_ms").suffix.text() == "毫秒"
    assert form.part("scene", "payday", "out_ms").edit.placeholderText() == "片段结尾（6000）"
    assert [panel.tabs.tabText(i) for i in range(2)] == ["当前项", "项目"]
    title = savings.doc.project.scene_map()["payday"].title  # the author's own text: not translated
    assert panel.crumb.full_text == f"场景“{title}”"
    timed = [b for b in buttons(form) if b.startswith(("选择窗口", "存钱提示"))]
    assert timed[0] == "选择窗口  0:03.00 – 0:05.50"
    help_in = {b.title: b for b in form.findChildren(HelpButton)}["入点"]
    assert help_in.toolTip() == "“入点”是什么？"
    assert "裁剪不会移动它们" in help_in.text_shown()


def test_a_choice_and_an_option_read_chinese(qtbot: QtBot, savings: Env, chinese: None) -> None:
    _panel, choice = shown(qtbot, savings, ("scene", "payday", "choice"))
    assert row_labels(choice) == ["出现", "截止", "超时时", "选择之后"]
    timeout = choice.part("scene", "payday", "choice", "timeout")
    assert combo_items(timeout) == ["选择默认选项", "循环结尾", "暂停"]
    assert checkboxes(choice) == ["显示倒计时", "只问一次（一次性）"]
    assert "+ 选项" in buttons(choice) and "删除选择窗口" in buttons(choice)
    assert "循环结尾：场景从入点重新播放" in {b.title: b for b in choice.findChildren(HelpButton)}[
        "超时时"].text_shown()
    panel, option = shown(qtbot, savings, ("scene", "payday", "option", "save"))
    assert row_labels(option)[:5] == ["ID", "标签", "跳转到", "存入目标", "金额"]
    assert sections(option) == ["存入", "显示条件", "选中时的效果", "视频上的热区"]
    assert checkboxes(option) == ["默认（时间用完时选中）", "在按钮上显示金额"]
    assert combo_items(option.part("scene", "payday", "option", "save", "deposit"))[0] == "不存入"
    assert panel.crumb.full_text == f"场景“{scene_title(savings)}”  ›  选项“{option_label(savings)}”"
    assert "删除热区" in buttons(option) and "删除选项" in buttons(option)


def test_a_savings_prompt_and_a_product_tag_read_chinese(
    qtbot: QtBot, savings: Env, shoppable: Env, chinese: None
) -> None:
    panel, prompt = shown(qtbot, savings, ("scene", "payday", "prompt", "round_up"))
    assert row_labels(prompt) == ["ID", "时间", "目标", "金额", "文字"]
    assert sections(prompt) == ["接受时的效果", "拒绝时的效果"]
    assert checkboxes(prompt) == ["询问时暂停视频"]
    assert "删除存钱提示" in buttons(prompt)
    assert panel.crumb.full_text.startswith(f"场景“{scene_title(savings)}”  ›  存钱提示“")
    text = prompt.part("scene", "payday", "prompt", "round_up", "text")
    assert text.tools.insert_button.text() == "插入"
    assert text.tools.insert_button.toolTip().startswith("在光标处插入占位符。")
    assert [a.text() for a in text.tools.menu.actions()] == ["{amount}  金额", "{goal}  储蓄目标的名称"]
    panel, tag = shown(qtbot, shoppable, ("scene", "office", "tag", "cream_desk"))
    assert row_labels(tag) == ["ID", "商品", "开始", "结束", "按钮"]
    assert sections(tag) == ["视频上的热区"]
    assert "删除商品标签" in buttons(tag)
    assert panel.crumb.full_text.startswith(f"场景“{scene_title(shoppable, 'office')}”  ›  商品标签“")


def test_the_project_tab_and_a_storyboard_scene_read_chinese(
    qtbot: QtBot, savings: Env, chinese: None
) -> None:
    panel = make_inspector(qtbot, savings, width=320, height=700)
    project = panel.project_form
    assert project is not None
    assert sections(project)[:2] == ["短剧", "储蓄目标"]
    assert "重看时真实存入" in checkboxes(project)
    assert [panel.tabs.tabText(i) for i in range(2)] == ["当前项", "项目"]
    board = storyboard_env()
    try:
        sid = board.doc.project.scenes[0].id
        _panel, scene = shown(qtbot, board, ("scene", sid))
        assert sections(scene)[0] == "故事板卡片（尚无片段）"
        assert row_labels(scene)[2:4] == ["卡片颜色", "时长"]
        assert "为此场景指定片段…" in buttons(scene)
    finally:
        board.doc.close()


@pytest.mark.parametrize("width", [320, 300])
def test_nothing_chinese_is_clipped(
    qtbot: QtBot, savings: Env, shoppable: Env, chinese: None, width: int
) -> None:
    problems = []
    for env, path in (
        (savings, ("scene", "payday")),
        (savings, ("scene", "payday", "choice")),
        (savings, ("scene", "payday", "option", "save")),
        (savings, ("scene", "month_end", "option", "book")),
        (savings, ("scene", "payday", "prompt", "round_up")),
        (savings, ("scene", "ending_dream")),
        (shoppable, ("scene", "office", "tag", "cream_desk")),
    ):
        panel = make_inspector(qtbot, env, path, width=width, height=700)
        assert panel.form is not None
        problems += [f"{path}: {p}" for p in layout_problems(panel, panel.form)]
        panel.tabs.setCurrentIndex(1)
        assert panel.project_form is not None
        problems += [f"project: {p}" for p in layout_problems(panel, panel.project_form)]
    assert not problems, "\n".join(problems)


def test_english_is_the_source_text(qtbot: QtBot, savings: Env) -> None:
    panel, form = shown(qtbot, savings, ("scene", "payday"))
    assert row_labels(form)[:6] == ["Id", "Title", "Clip", "In", "Out", "Ending"]
    assert sections(form) == ["On enter", "Timed items", "Subtitles and dubs"]
    assert [panel.tabs.tabText(i) for i in range(2)] == ["Item", "Project"]
    _panel, choice = shown(qtbot, savings, ("scene", "payday", "choice"))
    assert combo_items(choice.part("scene", "payday", "choice", "timeout")) == [
        "Pick the default option", "Loop the end", "Pause"]
    panel, option = shown(qtbot, savings, ("scene", "payday", "option", "save"))
    assert row_labels(option)[:5] == ["Id", "Label", "Goes to", "Into goal", "Amount"]
    assert panel.crumb.full_text == f"Scene “{scene_title(savings)}”  ›  Option “{option_label(savings)}”"
    _panel, prompt = shown(qtbot, savings, ("scene", "payday", "prompt", "round_up"))
    assert row_labels(prompt) == ["Id", "At", "Goal", "Amount", "Text"]
    assert checkboxes(prompt) == ["Pause the video while asking"]



def test_a_chinese_breadcrumb_is_cut_between_characters(qtbot: QtBot, savings: Env, chinese: None) -> None:
    """Chinese has no spaces between words: the breadcrumb may keep part of the option's label."""
    panel, _option = shown(qtbot, savings, ("scene", "payday", "option", "save"))
    crumb = panel.crumb
    full = crumb.full_text
    assert full == f"场景“{scene_title(savings)}”  ›  选项“{option_label(savings)}”"
    scene_part = full.split("  ›  ")[0]
    shown_texts = []
    for width in range(120, 420, 20):
        panel.resize(width, 700)
        QApplication.processEvents()
        text = crumb.text()
        assert crumb.fontMetrics().horizontalAdvance(text) <= crumb.width()
        assert text == full or (text.endswith("…") and full.startswith(text.removesuffix("…").rstrip(" ›")))
        shown_texts.append(text)
    # somewhere the label is cut inside its Chinese characters, not dropped whole at the ›
    assert any(len(t.removesuffix("…")) > len(scene_part) + 5 and t != full for t in shown_texts), shown_texts
