"""Cards over the playthrough video (defect 7 of issue 15).

A product card closes when its tag ends or another scene begins (it never stacks
over the next choice), cards are opaque over a busy frame, and the ending card
fits a short dock: its buttons stay in view and its text scrolls.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QColor, QImage
from pytestqt.qtbot import QtBot

from studio.model import SavingsGoal, load
from tests.support import SAMPLES
from tests.ui.playthrough.conftest import MakePanel
from tests.ui.playthrough.test_panel import at_clock


def open_serum_card(panel: object, qtbot: QtBot) -> None:
    at_clock(panel, 1200)  # type: ignore[arg-type]
    chip = panel.overlay.tags["serum_vanity"]  # type: ignore[attr-defined]
    qtbot.mouseClick(chip, Qt.MouseButton.LeftButton, pos=QPoint(5, 5))
    assert panel.overlay.product_card.isVisible()  # type: ignore[attr-defined]


def test_product_card_closes_when_its_tag_ends(make_panel: MakePanel, qtbot: QtBot) -> None:
    panel = make_panel("shoppable")
    panel.play_story()
    open_serum_card(panel, qtbot)
    at_clock(panel, 4400)
    assert panel.overlay.product_card.isVisible()  # the tag still shows (until 4500)
    at_clock(panel, 4520)
    assert "serum_vanity" not in panel.overlay.tags
    assert not panel.overlay.product_card.isVisible()


def test_product_card_closes_when_the_scene_changes(make_panel: MakePanel, qtbot: QtBot) -> None:
    panel = make_panel("shoppable")
    panel.play_story()
    open_serum_card(panel, qtbot)
    at_clock(panel, 4100)  # the choice is open; "to_work" cuts to the office
    assert panel.controller.choose("to_work")
    assert panel.controller.engine.scene_id == "office"
    assert not panel.overlay.product_card.isVisible()
    at_clock(panel, 4100 + 600)  # office's cream tag: its own card opens, over nothing else
    chip = panel.overlay.tags["cream_desk"]
    qtbot.mouseClick(chip, Qt.MouseButton.LeftButton, pos=QPoint(5, 5))
    assert panel.overlay.product_card.name.text() != "Night Repair Serum 30ml"


def test_cards_are_opaque_over_a_busy_frame(make_panel: MakePanel, qtbot: QtBot) -> None:
    panel = make_panel("shoppable")
    panel.play_story()
    open_serum_card(panel, qtbot)
    frame = QImage(360, 640, QImage.Format.Format_RGB32)
    frame.fill(QColor("#ffffff"))  # the brightest video: any translucency shows
    panel.surface.show_frame(frame)
    card = panel.overlay.product_card
    image = panel.grab().toImage()
    corner = card.mapTo(panel, QPoint(6, card.height() // 2))  # inside the frame, no text there
    colour = QColor(image.pixelColor(corner))
    assert (colour.red(), colour.green(), colour.blue()) == (0x12, 0x14, 0x18)


def test_product_card_never_covers_the_options_in_a_short_dock(make_panel: MakePanel, qtbot: QtBot) -> None:
    panel = make_panel("shoppable")
    panel.resize(1100, 330)
    qtbot.wait(20)
    panel.play_story()
    open_serum_card(panel, qtbot)
    at_clock(panel, 4100)
    ov = panel.overlay
    card = ov.product_card
    assert ov.options and card.isVisible()
    for button in ov.options:
        assert not button.geometry().intersects(card.geometry())
    assert ov.rect().contains(card.geometry())
    close = QRect(card.close_button.mapTo(ov, QPoint(0, 0)), card.close_button.size())
    assert card.geometry().contains(close)  # the Close button is in view, the text scrolls


def test_ending_card_fits_a_short_dock(make_panel: MakePanel, qtbot: QtBot) -> None:
    project = load(SAMPLES / "savings").project
    project.goals += [SavingsGoal(id=f"g{n}", name=f"Savings goal {n}", target=10_000) for n in range(6)]
    panel = make_panel(project)
    panel.resize(900, 240)
    qtbot.wait(20)
    panel.side.timers.setCurrentIndex(panel.side.timers.findData("off"))
    panel.play_story()
    eng = panel.controller.engine
    for _ in range(60):
        if eng.ended:
            break
        if eng.pausing_prompt_open:
            panel.controller.decline_prompt()
        elif eng.open_choice is not None:
            panel.controller.choose(eng.open_choice.options[0].id)
        at_clock(panel, eng.clock + 2000)
    assert eng.ended
    ov, card = panel.overlay, panel.overlay.ending_card
    assert card.isVisible() and ov.rect().contains(card.geometry())
    for button in (card.replay_button, card.back_button):
        rect = QRect(button.mapTo(ov, QPoint(0, 0)), button.size())
        assert card.geometry().contains(rect) and button.isVisible()
    assert card.geometry().width() >= 300  # wider than the narrow video of a short dock
    bar = card.scroller.verticalScrollBar()
    assert card.height() < card.height_for(card.width())  # less room than it needs...
    assert bar.maximum() > 0  # ...so its text scrolls instead of being cut off
    bar.setValue(bar.maximum())
    totals = QRect(card.totals.mapTo(card.scroller.viewport(), QPoint(0, 0)), card.totals.size())
    assert card.scroller.viewport().rect().contains(totals.bottomLeft())


def test_author_text_is_filled_and_deposit_options_show_their_amount(make_panel: MakePanel) -> None:
    """Defects 2/6/9 of issue 15, studio side: placeholders filled with the locale's money,
    "+¥200.00" on a deposit option that shows its amount, the ending's own title and text."""
    project = load(SAMPLES / "savings").project
    payday = project.scene_map()["payday"]
    assert payday.choice is not None
    save, spend = payday.choice.options
    save.show_amount, spend.show_amount = True, True  # spend has no deposit: nothing to show
    ending = project.scene_map()["ending_steady"]
    ending.ending_title, ending.ending_text = "Slow and steady", "You kept {{calm}} and saved."
    panel = make_panel(project)
    panel.side.timers.setCurrentIndex(panel.side.timers.findData("off"))
    panel.play_story()
    at_clock(panel, 1600)
    card = panel.overlay.prompt_card
    assert card.text.text() == "从工资里拿出¥50.00存进旅行基金？"
    panel.controller.decline_prompt()
    at_clock(panel, 3200)
    first, second = panel.overlay.options
    assert (first.label, first.badge) == ("存下¥200.00去旅行", "+¥200.00")
    assert (second.label, second.badge) == ("买新手机", None)
    assert "saves ¥200.00" in first.accessibleName()
    assert first.height_for(first.width()) <= first.height()  # label and amount fit the button
    panel.controller.choose("save")
    eng = panel.controller.engine
    for _ in range(40):
        if eng.ended:
            break
        if eng.open_choice is not None:
            wanted = "keep_saving" if eng.scene_id == "month_end" else eng.open_choice.options[0].id
            panel.controller.choose(wanted)
        at_clock(panel, eng.clock + 2000)
    end = panel.overlay.ending_card
    assert end.isVisible() and end.kind.text() == "Slow and steady"
    assert end.text.text() == "You kept {calm} and saved." and end.text.isVisible()  # {{ is a brace
