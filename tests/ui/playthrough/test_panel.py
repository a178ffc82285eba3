"""The playthrough panel: overlays, side panel, keyboard, Play from here (FakePlayer, manual ticks)."""

from __future__ import annotations

import json
import random
from typing import Any

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from studio.app.playback.player import FakePlayer
from studio.app.selection import Selection
from studio.engine import run_trace
from studio.l10n.vocabulary import word
from studio.model import Project, load
from studio.model.io import project_from_raw
from studio.ui.playthrough import PlaythroughPanel, create
from studio.ui.playthrough.start_dialog import StartDialog, parse_int
from studio.ui.playthrough.widgets import OptionButton
from tests.player.dramas import PAYLOAD, xss_drama
from tests.support import SAMPLES
from tests.ui.playthrough.conftest import MakePanel
from tests.ui.playthrough.script import PLANS, Step, Viewer

pytestmark = pytest.mark.gui


def click(qtbot: QtBot, widget: QWidget) -> None:
    """A real mouse click in the middle of ``widget`` (it must be visible there)."""
    assert widget.isVisible(), widget
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=widget.rect().center())


def clicker(panel: PlaythroughPanel, qtbot: QtBot, keyboard: bool = False) -> Any:
    """Perform a script step the way a viewer does: on the overlay and the side panel."""

    def act(step: Step) -> bool:
        before = len(panel.controller.inputs)
        overlay = panel.overlay
        if step.action == "choose":
            number = next(
                b.number
                for b, o in zip(overlay.options, overlay._option_items, strict=True)
                if o.id == step.arg
            )
            if keyboard:  # the shortcut works wherever the focus is inside the panel
                panel.activateWindow()
                qtbot.waitActive(panel)
                panel.side.path.setFocus()
                qtbot.waitUntil(panel.side.path.hasFocus)
                qtbot.keyClick(panel.side.path, str(number))
            else:
                click(qtbot, overlay.options[number - 1])
        elif step.action == "accept_prompt":
            click(qtbot, overlay.prompt_card.accept)
        elif step.action == "decline_prompt":
            click(qtbot, overlay.prompt_card.decline)
        elif step.action == "click_product":
            chip = overlay.tags[step.arg or ""]
            qtbot.mouseClick(chip, Qt.MouseButton.LeftButton, pos=chip.pill_rect().center())
        else:
            click(qtbot, panel.side.back_button)
        return len(panel.controller.inputs) == before + 1

    return act


def run(panel: PlaythroughPanel, viewer: Viewer, seed: int, fake: bool = True) -> None:
    rng = random.Random(seed)
    ctrl = panel.controller
    eng = ctrl.engine
    assert eng is not None
    while not eng.ended:
        step = rng.randint(5, 40)
        ctrl.tick(step)
        if fake and isinstance(ctrl.player, FakePlayer):
            ctrl.player.advance(step)
        viewer.poll(eng.clock)


def trace_of(panel: PlaythroughPanel) -> list[dict[str, Any]]:
    ctrl = panel.controller
    assert ctrl.project is not None
    return run_trace(ctrl.project, **ctrl.trace_args())


@pytest.mark.parametrize("keyboard", [False, True])
def test_scripted_playthrough_in_the_preview_equals_the_engine_trace(
    make_panel: MakePanel, qtbot: QtBot, keyboard: bool
) -> None:
    for sample in ("savings", "shoppable"):
        panel = make_panel(sample)
        viewer = Viewer(PLANS[sample], clicker(panel, qtbot, keyboard))
        panel.controller.event_emitted.connect(viewer.on_event)
        click(qtbot, panel.side.play_button)
        run(panel, viewer, seed=len(sample))
        assert viewer.done and not viewer.refused, (viewer.index, viewer.refused)
        log = panel.controller.log
        assert log == trace_of(panel)
        assert log[-1]["type"] == "ending_reached" and panel.overlay.ending_card.isVisible()
        # The side panel's log shows the same JSON lines, in order, newest last.
        lines = panel.side.log.toPlainText().splitlines()
        assert lines == [json.dumps(e, ensure_ascii=False) for e in log]
        first = ["type", "clock", "scene", "t", "playthrough", "replay", "real_deposits"]
        assert list(json.loads(lines[0])) == first
        assert list(json.loads(lines[1])) == ["type", "clock", "scene", "t", "in_ms", "out_ms", "media"]
        eng = panel.controller.engine
        titles = [panel.side.path.item(i).text() for i in range(panel.side.path.count())]
        assert titles == [panel.controller.scene(s).title for s in eng.path]


def at_clock(panel: PlaythroughPanel, clock: int) -> None:
    ctrl = panel.controller
    while ctrl.engine.clock < clock and ctrl.running:  # the clock stops at an ending
        step = min(20, clock - ctrl.engine.clock)
        ctrl.tick(step)
        if isinstance(ctrl.player, FakePlayer):
            ctrl.player.advance(step)


def inside(rect: QRect, box: QRect) -> bool:
    return box.contains(rect)


def test_overlay_positions(make_panel: MakePanel, qtbot: QtBot) -> None:
    panel = make_panel("savings")
    ov, box = panel.overlay, panel.surface.video_rect()
    assert abs(box.width() * 16 - box.height() * 9) <= 16  # 9:16, letterboxed
    panel.play_story()
    at_clock(panel, 1500)
    card = ov.prompt_card
    assert card.isVisible() and inside(card.geometry(), box)
    assert card.amount.text() == "¥50.00" and card.goal.text() == "into “云南梦想之旅”"
    assert card.kicker.text() == "Savings · video paused"
    # the web player's words in the drama's locale (resources/player/messages/zh-CN.json)
    assert (card.accept.text(), card.decline.text()) == (word("prompt.accept", "zh-CN"),
                                                         word("prompt.decline", "zh-CN"))
    click(qtbot, card.accept)
    assert not card.isVisible()
    at_clock(panel, 3100)
    # Options with hotspots sit on them (normalised to the displayed video rect).
    save, spend = ov.options
    assert abs(save.geometry().x() - (box.x() + round(0.08 * box.width()))) <= 1
    assert abs(spend.geometry().x() - (box.x() + round(0.52 * box.width()))) <= 1
    assert inside(save.geometry(), box) and inside(spend.geometry(), box)
    assert ov.countdown.isVisible() and inside(ov.countdown.geometry(), box)
    assert not ov.countdown.geometry().intersects(save.geometry())
    fraction = ov.countdown.fraction
    at_clock(panel, 4100)
    assert ov.countdown.fraction < fraction
    click(qtbot, spend)
    at_clock(panel, 4100 + 3600)  # spend_path: open non-pausing prompt + stacked options
    assert ov.prompt_card.isVisible() and len(ov.options) == 2
    assert ov.prompt_card.kicker.text() == "Savings"
    for button in ov.options:
        assert inside(button.geometry(), box)
        assert not button.geometry().intersects(ov.prompt_card.geometry())
    assert not ov.options[0].geometry().intersects(ov.options[1].geometry())
    # The side panel: deposits per goal in money and percent of the target.
    goals = panel.side.goals
    assert [goals.item(0, c).text() for c in range(4)] == ["云南梦想之旅", "¥50.00", "—", "1%"]


def test_product_tag_opens_product_card(make_panel: MakePanel, qtbot: QtBot) -> None:
    panel = make_panel("shoppable")
    ov, box = panel.overlay, panel.surface.video_rect()
    panel.play_story()
    at_clock(panel, 1200)
    chip = ov.tags["serum_vanity"]
    spot = chip.geometry()
    assert abs(spot.x() - (box.x() + round(0.62 * box.width()))) <= 1
    assert abs(spot.y() - (box.y() + round(0.3 * box.height()))) <= 1
    qtbot.mouseClick(chip, Qt.MouseButton.LeftButton, pos=QPoint(5, 5))
    card = ov.product_card
    assert card.isVisible() and inside(card.geometry(), box)
    assert not card.geometry().intersects(spot)
    assert (card.name.text(), card.price.text(), card.cta.text(), card.url.text()) == (
        "Night Repair Serum 30ml",
        "¥299.00",
        "Tap to shop",
        "https://shop.example.com/glow/serum",
    )
    assert panel.controller.inputs == [{"at": 1200, "action": "click_product", "tag": "serum_vanity"}]
    at_clock(panel, 4100)  # the choice appears under the card: both are reachable
    for button in ov.options:
        assert not button.geometry().intersects(card.geometry())
    click(qtbot, card.close_button)
    assert not card.isVisible()
    at_clock(panel, 4600)
    assert "serum_vanity" not in ov.tags  # hidden at end_ms


def test_timers_setting(make_panel: MakePanel, qtbot: QtBot) -> None:
    panel = make_panel("savings", selection=Selection())
    side = panel.side
    side.timers.setCurrentIndex(side.timers.findData("off"))
    panel.selection.set(["month_end"])
    assert panel.play_from_here({"discipline": 0, "splurged": False})
    at_clock(panel, 3000)
    assert panel.overlay.options and not panel.overlay.countdown.isVisible()  # timers off: no bar
    at_clock(panel, 6000)
    assert panel.controller.engine.waiting
    assert panel.overlay.status.isVisible() and panel.overlay.status.text() == "Timers off: take your time"
    assert "waiting for a choice (timers off)" in side.status.text()
    side.timers.setCurrentIndex(side.timers.findData("x10"))
    assert panel.play_from_here({"discipline": 0, "splurged": False})
    at_clock(panel, 5100)
    assert panel.overlay.countdown.isVisible()
    assert panel.overlay.status.text() == "Extra time to choose"
    assert panel.controller.log[-1]["type"] == "paused_for_choice"


def test_play_from_here_dialog_refuses_invalid_values(make_panel: MakePanel, qtbot: QtBot) -> None:
    panel = make_panel("savings")
    assert not panel.side.here_button.isEnabled()
    panel.selection.set(["month_end"])
    assert panel.side.here_button.isEnabled()
    dialog = StartDialog(panel.document.project, "month_end", {"discipline": 3}, panel)
    qtbot.addWidget(dialog)
    dialog.show()
    edit = dialog.fields["discipline"]
    assert isinstance(edit, QLineEdit) and edit.text() == "3"
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    edit.setText("three")
    assert not ok.isEnabled() and dialog.errors["discipline"].isVisible()
    assert dialog.errors["discipline"].text() == "discipline: “three” is not a whole number"
    edit.setText("-4")
    assert ok.isEnabled() and not dialog.errors["discipline"].isVisible()
    dialog.fields["splurged"].setChecked(True)  # type: ignore[attr-defined]
    assert dialog.values() == {"discipline": -4, "splurged": True}
    assert panel.play_from_here(dialog.values())
    at_clock(panel, 2600)
    assert [b.label for b in panel.overlay.options] == ["继续存钱", "借钱去聚会"]
    assert panel.controller.start_scene == "month_end"
    with pytest.raises(ValueError, match="too large"):
        parse_int("9" * 20)


def test_ending_card_replay_and_back(make_panel: MakePanel, qtbot: QtBot) -> None:
    panel = make_panel("savings")
    panel.selection.set(["month_end"])
    assert panel.play_from_here({"discipline": 1, "splurged": False})
    at_clock(panel, 20_000)
    card = panel.overlay.ending_card
    # the viewer's words in the drama's locale (no ending title: the player's "The end"); the kind is
    # the creator's note
    assert card.isVisible() and card.kind.text() == word("ending.title", "zh-CN")
    assert card.kicker.text() == f"{word('ending.kicker', 'zh-CN')} · Neutral ending"
    assert card.totals.text() == "云南梦想之旅: ¥0.00 saved of ¥3,000.00"
    assert not panel.side.pause_button.isEnabled()
    click(qtbot, card.back_button)
    assert not card.isVisible() and panel.controller.engine.open_choice is not None
    at_clock(panel, 40_000)
    click(qtbot, card.replay_button)
    assert panel.controller.start_scene == "month_end" and panel.controller.inputs == []
    assert not card.isVisible() and panel.controller.engine.scene_id == "month_end"


def test_another_project_note_only_after_a_playthrough(make_panel: MakePanel, qtbot: QtBot) -> None:
    panel = make_panel("savings")
    doc = panel.document
    doc.set_project(load(SAMPLES / "shoppable").project, None)  # opened, nothing was played
    assert not panel.note.isVisibleTo(panel) and panel.note.text() == ""
    panel.play_story()
    at_clock(panel, 500)
    doc.set_project(load(SAMPLES / "savings").project, None)
    assert panel.note.isVisibleTo(panel)
    assert panel.note.text() == "Another project was opened: press Play story."


def test_user_pause_button(make_panel: MakePanel, qtbot: QtBot) -> None:
    panel = make_panel("savings")
    panel.play_story()
    at_clock(panel, 500)
    click(qtbot, panel.side.pause_button)
    assert panel.side.pause_button.text() == "Resume" and "paused by you" in panel.side.status.text()
    panel.controller.tick(300)
    assert panel.controller.engine.clock == 500
    click(qtbot, panel.side.pause_button)
    panel.controller.tick(300)
    assert panel.controller.engine.clock == 800 and panel.side.pause_button.text() == "Pause"


def test_author_text_is_plain_text(make_panel: MakePanel, qtbot: QtBot) -> None:
    raw = xss_drama()
    raw["goals"][0]["name"] = "A & B " + PAYLOAD
    raw["products"][0]["url"] = None  # the model refuses non-https links
    project, _ = project_from_raw(raw)
    assert isinstance(project, Project)
    panel = make_panel(project)
    notes: list[str] = []
    panel.controller.message.connect(notes.append)
    panel.play_story()
    assert notes == ["Save the project to see its video in the playthrough."]
    at_clock(panel, 400)
    card = panel.overlay.prompt_card
    assert card.text.text() == "Prompt " + PAYLOAD
    assert card.goal.text() == f"into “A & B {PAYLOAD}”"
    click(qtbot, card.accept)
    at_clock(panel, 1100)
    assert [b.label for b in panel.overlay.options] == ["Option " + PAYLOAD, "Other " + PAYLOAD]
    chip = panel.overlay.tags["t"]
    assert chip.cta == "Buy " + PAYLOAD
    qtbot.mouseClick(chip, Qt.MouseButton.LeftButton, pos=QPoint(3, 3))
    assert panel.overlay.product_card.name.text() == "Product " + PAYLOAD
    assert panel.overlay.product_card.url.text() == "No shop link"
    for label in panel.findChildren(QLabel):
        assert label.textFormat() == Qt.TextFormat.PlainText, label.objectName()
    assert all(isinstance(b, OptionButton) for b in panel.overlay.options)


def test_create_builds_the_panel_lazily(qapp: Any, qtbot: QtBot) -> None:
    from studio.app.document import Document

    doc = Document()
    widget = create(doc, Selection())
    qtbot.addWidget(widget)
    assert isinstance(widget, PlaythroughPanel)
    assert widget.controller.player is None  # libVLC starts on the first Play
    widget.shutdown()
    widget.shutdown()
    # The main window's panel registry can build it as it is.
    from studio.app.services import Services
    from studio.ui.panels import create_panel, panel_spec

    docked = create_panel(panel_spec("playthrough"), doc, Selection(), services=Services.build(doc))
    qtbot.addWidget(docked)
    assert isinstance(docked, PlaythroughPanel)
    docked.shutdown()
    doc.close()
