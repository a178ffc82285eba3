"""The preview panel in Simplified Chinese (resources/translations/zh_CN/canvas.ts): transport tooltips
and the messages the panel writes; in English, unchanged."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from studio.app.document import Document
from studio.app.playback.player import FakePlayer
from studio.app.selection import Selection
from studio.ui.preview import PreviewPanel
from studio.ui.preview.binding import PreviewBinding, clip_of_scene
from tests.ui.studio_language import studio_language

pytestmark = pytest.mark.gui

TIPS_ZH = ["上一帧（左方向键）", "播放 / 暂停（空格键、K）", "下一帧（右方向键）", "静音（M）",
           "在场景的裁剪范围内拖动定位", "音量"]
TIPS_EN = ["Previous frame (Left)", "Play / pause (Space, K)", "Next frame (Right)", "Mute (M)",
           "Scrub within the scene's trim", "Volume"]


def tips(panel: PreviewPanel) -> list[str]:
    return [w.toolTip() for w in (panel.back_button, panel.play_button, panel.forward_button,
                                  panel.mute_button, panel.scrub, panel.volume)]


def test_the_preview_reads_chinese(qtbot: QtBot, savings_copy: Path) -> None:
    doc = Document()
    doc.open(savings_copy)
    with studio_language("zh_CN"):
        panel = PreviewPanel(FakePlayer(duration=6000, fps=24.0), audio=False)
        qtbot.addWidget(panel)
        assert tips(panel) == TIPS_ZH
        assert panel.canvas.message == "未选择片段"
        selection = Selection()
        PreviewBinding(panel, doc, selection)
        assert panel.canvas.message == "选择一个场景以预览其片段"
        assert clip_of_scene(doc.project, None, "payday") == "保存项目后即可预览片段"
        (savings_copy / "media" / "payday.mp4").unlink()
        selection.set(["payday"])
        assert panel.canvas.message == "无法播放 media/payday.mp4：找不到文件"
        panel.shutdown()
    doc.close()


def test_in_english_the_preview_is_unchanged(qtbot: QtBot) -> None:
    panel = PreviewPanel(FakePlayer(duration=6000, fps=24.0), audio=False)
    qtbot.addWidget(panel)
    assert tips(panel) == TIPS_EN
    assert panel.canvas.message == "No clip selected"
    panel.shutdown()
