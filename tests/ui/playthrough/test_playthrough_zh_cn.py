"""Play story in Simplified Chinese (resources/translations/zh_CN/canvas.ts): the studio's own controls,
labels and status read Chinese while the viewer's words stay the drama's (studio.l10n.vocabulary);
in English, unchanged."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QGroupBox

from studio.l10n.vocabulary import word
from studio.ui.playthrough import PlaythroughPanel
from studio.ui.playthrough.widgets import WRAP_ANYWHERE, OptionButton
from tests.ui.playthrough.conftest import MakePanel
from tests.ui.playthrough.test_panel import at_clock
from tests.ui.studio_language import studio_language

pytestmark = pytest.mark.gui


def controls(panel: PlaythroughPanel) -> list[str]:
    side = panel.side
    buttons = (side.play_button, side.here_button, side.pause_button, side.back_button, side.restart_button)
    return [b.text() for b in buttons]


def groups(panel: PlaythroughPanel) -> list[str]:
    return [g.title() for g in panel.side.findChildren(QGroupBox)]


def test_play_story_reads_chinese(make_panel: MakePanel) -> None:
    with studio_language("zh_CN"):
        panel = make_panel("savings")
        side = panel.side
        assert controls(panel) == ["试玩故事", "从此处试玩…", "暂停", "返回", "从头开始"]
        assert side.back_button.toolTip() == "回到上一个选择"
        assert [side.timers.itemText(i) for i in range(side.timers.count())] == [
            "计时：正常", "计时：两倍时长", "计时：十倍时长", "计时：关闭（等我选择）"]
        assert set(groups(panel)) == {"已走路径", "变量", "各目标的存入", "模拟钱包", "事件日志"}
        assert side.status.text() == "未在试玩。" and side.wallet.state.text() == "未在试玩：尚无钱包。"
        headers = [side.goals.model().headerData(i, Qt.Orientation.Horizontal) for i in range(4)]
        assert headers == ["目标", "已存", "待确认", "完成度"]
        panel.play_story()
        at_clock(panel, 1500)
        card = panel.overlay.prompt_card
        assert card.isVisible() and card.kicker.text() == "储蓄 · 视频已暂停"
        goal = panel.document.project.goals[0].name
        assert card.goal.text() == f"存入“{goal}”"
        # The viewer's answers are the player's words in the drama's language, not the studio's.
        assert (card.accept.text(), card.decline.text()) == (word("prompt.accept", "zh-CN"),
                                                             word("prompt.decline", "zh-CN"))
        assert side.status.text().endswith(" · 等待存钱提示")
        assert "（首次试玩）：" in side.wallet.state.text()
        card.accept.click()
        assert panel.overlay.deposit_note.label.text() == f"已将 {card.amount.text()} 存入“{goal}”"
        assert side.pause_button.text() == "暂停"
        side.pause_button.click()
        assert side.pause_button.text() == "继续" and side.status.text().endswith(" · 已由你暂停")


def test_chinese_fits_a_narrow_dock(make_panel: MakePanel) -> None:
    """The card, the deposit note and a hotspot's option button keep Chinese whole at a dock's width."""
    with studio_language("zh_CN"):
        panel = make_panel("savings")
        panel.resize(300, 900)
        panel.play_story()
        at_clock(panel, 1500)
        card = panel.overlay.prompt_card
        assert card.isVisible() and not card.scroller.verticalScrollBar().isVisible()
        assert card.height() == card.height_for(card.width())
        card.accept.click()
        note = panel.overlay.deposit_note
        assert note.label.isVisible() and note.label.width() == note.one_line  # one line, not “云南/梦想之旅”
        assert note.label.height() < 2 * note.label.fontMetrics().height() + 12  # one line and the padding
        button = OptionButton(1, "存下¥200.00去旅行", True, panel.overlay, "+¥200.00")
        fm = QFontMetrics(button.font())
        column = button._text_width(90, button.stacked(90))
        assert fm.horizontalAdvance("存下¥200.00去旅行") > column and button.wrap(column) == WRAP_ANYWHERE
        lines = fm.boundingRect(QRect(0, 0, column, 10_000), button.wrap(column), button.label)
        assert lines.width() <= column and button.height_for(90) >= lines.height()


def test_in_english_play_story_is_unchanged(make_panel: MakePanel) -> None:
    panel = make_panel("savings")
    assert controls(panel) == ["Play story", "Play from here…", "Pause", "Back", "Start over"]
    titles = {"Path so far", "Variables", "Deposits per goal", "Simulated wallet", "Event log"}
    assert set(groups(panel)) == titles
    assert panel.side.status.text() == "Not playing."
    panel.play_story()
    at_clock(panel, 1500)
    assert panel.overlay.prompt_card.kicker.text() == "Savings · video paused"
    assert panel.side.status.text().endswith(" · waiting for the savings prompt")
