"""An option button that saves money shows the amount; in a narrow Play story dock the amount goes
under the label so no word of the label is cut (seen in the #15 newcomer walkthrough)."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QFontMetrics
from pytestqt.qtbot import QtBot

from studio.ui.playthrough.widgets import OptionButton

pytestmark = pytest.mark.gui
LABEL = "Save ¥200.00 for the trip"


def test_wide_button_keeps_the_amount_at_the_right(qtbot: QtBot) -> None:
    button = OptionButton(1, LABEL, False, None, "+¥200.00")
    qtbot.addWidget(button)
    button.resize(520, button.height_for(520))
    assert not button.stacked()
    assert button.accessibleName() == "Option 1: Save ¥200.00 for the trip (saves ¥200.00)"


@pytest.mark.parametrize("width", [150, 180, 220, 260])
def test_narrow_button_stacks_the_amount_and_every_word_fits(qtbot: QtBot, width: int) -> None:
    button = OptionButton(1, LABEL, False, None, "+¥200.00")
    qtbot.addWidget(button)
    assert button.stacked(width)
    fm = QFontMetrics(button.font())
    column = button._text_width(width, True)
    assert max(fm.horizontalAdvance(w) for w in LABEL.split()) <= column
    assert button.height_for(width) > button.height_for(520)  # room for the amount's own line
    button.resize(width, button.height_for(width))
    button.show()
    qtbot.waitExposed(button)
    assert not button.grab().isNull()


def test_no_amount_never_stacks(qtbot: QtBot) -> None:
    button = OptionButton(2, "Buy the new phone", False, None, None)
    qtbot.addWidget(button)
    assert not button.stacked(150)
