"""Play story in another of the drama's locales: its translations, the viewer's words, money and
subtitles in that locale (studio.l10n.localized), chosen in the side panel for the next Play."""

from __future__ import annotations

import pytest

from studio.l10n.vocabulary import word
from tests.ui.playthrough.conftest import MakePanel
from tests.ui.playthrough.test_panel import at_clock

pytestmark = pytest.mark.gui


def test_the_bilingual_sample_plays_in_chinese_and_in_english(make_panel: MakePanel) -> None:
    panel = make_panel("savings")
    combo = panel.side.language
    assert combo.isVisibleTo(panel.side)
    assert [combo.itemData(i) for i in range(combo.count())] == ["zh-CN", "en"]
    assert combo.currentText() == "Language: 中文 (简体, 中国) · zh-CN"

    panel.play_story()
    at_clock(panel, 1000)
    assert panel.subtitles.overlay.text == "工资到账了！"
    at_clock(panel, 1600)  # payday's round-up prompt is open (the video waits for the answer)
    card = panel.overlay.prompt_card
    assert (card.accept.text(), card.decline.text()) == (word("prompt.accept", "zh-CN"),
                                                         word("prompt.decline", "zh-CN"))
    assert card.text.text() == "从工资里拿出¥50.00存进旅行基金？"

    combo.setCurrentIndex(1)
    assert panel.controller.engine.scene_id == "payday"  # the running story keeps its language
    panel.play_story()
    at_clock(panel, 1000)
    assert panel.subtitles.overlay.text == "Payday! The money's in!"
    at_clock(panel, 1600)
    assert (card.accept.text(), card.decline.text()) == ("Save it", "Not now")
    assert card.text.text() == "Put CN¥50.00 of your pay into the trip fund?"  # CLDR en: CN¥
    card.accept.click()
    at_clock(panel, 3300)  # the choice is open
    labels = [b.text() for b in panel.overlay.options]
    assert any(label.startswith("Save ") and label.endswith(" for the trip") for label in labels), labels
    assert "Buy the new phone" in labels


def test_a_one_language_drama_has_no_language_choice(make_panel: MakePanel) -> None:
    panel = make_panel("shoppable")
    assert not panel.side.language.isVisibleTo(panel.side)
    assert panel.controller.locales() == ["zh-CN"]
