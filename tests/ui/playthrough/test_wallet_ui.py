"""Play story's wallet as a creator uses it: controls, deposit notes, ledger, pending, replays."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from studio.app.play_wallet import WalletSetting
from studio.engine import run_trace
from studio.l10n.vocabulary import word
from studio.ui.playthrough import PlaythroughPanel
from tests.ui.playthrough.conftest import MakePanel
from tests.ui.playthrough.test_panel import at_clock, click, inside

pytestmark = pytest.mark.gui
GOAL = "云南梦想之旅"


def pick_mode(panel: PlaythroughPanel, mode: str) -> None:
    combo = panel.side.wallet.mode
    combo.setCurrentIndex(combo.findData(mode))


def type_balance(qtbot: QtBot, panel: PlaythroughPanel, text: str) -> None:
    edit = panel.side.wallet.balance.edit
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Backspace)
    qtbot.keyClicks(edit, text)


def note_text(panel: PlaythroughPanel) -> str:
    label = panel.overlay.deposit_note.label
    assert label.isVisible() and inside(label.geometry(), panel.surface.video_rect())
    return label.text()


def ledger(panel: PlaythroughPanel) -> list[list[str]]:
    table = panel.side.wallet.ledger
    return [[table.item(r, c).text() for c in range(3)] for r in range(table.rowCount())]


def goals_row(panel: PlaythroughPanel) -> list[str]:
    return [panel.side.goals.item(0, c).text() for c in range(4)]


def reproduces(panel: PlaythroughPanel) -> bool:
    ctrl = panel.controller
    assert ctrl.project is not None
    return ctrl.log == run_trace(ctrl.project, **ctrl.trace_args())


def test_balance_setting_is_money_in_the_project_currency(make_panel: MakePanel, qtbot: QtBot) -> None:
    panel = make_panel("savings")
    box = panel.side.wallet
    assert not box.balance.isVisible()  # only for "Refuse over a balance"
    pick_mode(panel, "balance")
    assert box.balance.isVisible() and box.balance.prefix.text() == "¥"
    type_balance(qtbot, panel, "60")
    assert panel.controller.wallet_setting == WalletSetting("balance", 6000)
    type_balance(qtbot, panel, "6o")
    assert box.balance.error.isVisible() and "'6o' is not an amount" in box.balance.error.text()
    assert panel.controller.wallet_setting == WalletSetting("balance", 600)  # "6": the last amount
    type_balance(qtbot, panel, "1,250.5")
    assert not box.balance.error.isVisible()
    assert panel.controller.wallet_setting == WalletSetting("balance", 125_050)
    pick_mode(panel, "refuse")
    assert not box.balance.isVisible() and panel.controller.wallet_setting.mode == "refuse"


def test_saved_and_refused_deposits_on_screen(make_panel: MakePanel, qtbot: QtBot) -> None:
    panel = make_panel("savings")
    pick_mode(panel, "balance")
    type_balance(qtbot, panel, "60")
    click(qtbot, panel.side.play_button)
    at_clock(panel, 1600)
    assert "Not playing" not in panel.side.wallet.state.text()
    click(qtbot, panel.overlay.prompt_card.accept)
    assert note_text(panel) == f"Saved ¥50.00 into “{GOAL}”"
    assert goals_row(panel) == [GOAL, "¥50.00", "—", "1%"]
    at_clock(panel, 3100)
    save = next(b for b in panel.overlay.options if b.label.startswith("存下¥200"))
    click(qtbot, save)
    assert note_text(panel) == "Couldn't save: insufficient balance (¥200.00)"
    state = panel.side.wallet.state.text()
    assert "Playthrough p1 (first playthrough): deposits are real" in state
    assert "Wallet balance: ¥10.00" in state
    assert ledger(panel) == [
        [f"p1 · prompt round_up → {GOAL}", "+¥50.00", "Saved"],
        [f"p1 · option save → {GOAL}", "(¥200.00)", "Refused: insufficient balance"],
    ]
    at_clock(panel, 3100 + 3999)
    assert panel.overlay.deposit_note.label.isVisible()
    at_clock(panel, 3100 + 4000)  # the note goes after 4 s of story time
    assert not panel.overlay.deposit_note.label.isVisible()
    at_clock(panel, 60_000)
    card = panel.overlay.ending_card
    assert card.isVisible() and card.replay_button.text() == word("ending.replay", "zh-CN")
    assert card.totals.text() == f"{GOAL}: ¥50.00 saved of ¥3,000.00"
    assert reproduces(panel)


def test_watch_again_says_no_money_moves(make_panel: MakePanel, qtbot: QtBot) -> None:
    panel = make_panel("savings")
    click(qtbot, panel.side.play_button)
    at_clock(panel, 1600)
    click(qtbot, panel.overlay.prompt_card.accept)
    at_clock(panel, 60_000)
    click(qtbot, panel.overlay.ending_card.replay_button)
    ctrl = panel.controller
    assert ctrl.replay and ctrl.playthrough == "p2"
    assert note_text(panel) == "Replay: deposits are simulated, no money moves"
    assert panel.side.log.toPlainText().count("playthrough_started") == 1  # the log is the replay's
    at_clock(panel, 1600)
    card = panel.overlay.prompt_card
    assert card.kicker.text() == "Savings · video paused · replay: no money moves"
    click(qtbot, card.accept)
    assert note_text(panel) == "Replay: ¥50.00 counted, no money moves"
    assert "Playthrough p2 (replay): deposits simulated, no money moves" in panel.side.wallet.state.text()
    simulated = [f"p2 · prompt round_up → {GOAL}", "(¥50.00)", "Replay: simulated, no money moved"]
    assert ledger(panel)[-1] == simulated
    at_clock(panel, 60_000)
    totals = panel.overlay.ending_card.totals.text().splitlines()
    assert totals == [  # the default options saved ¥200 and ¥500 more, simulated too
        f"{GOAL}: ¥750.00 saved of ¥3,000.00",
        "Replay: no money moved (deposits on replays are off).",
    ]
    assert reproduces(panel)


def test_answer_by_hand_shows_pending(make_panel: MakePanel, qtbot: QtBot) -> None:
    panel = make_panel("savings")
    pick_mode(panel, "hand")
    panel.play_story()
    at_clock(panel, 1600)
    click(qtbot, panel.overlay.prompt_card.accept)
    assert note_text(panel) == "Saving ¥50.00… waiting for the wallet"
    assert goals_row(panel) == [GOAL, "¥0.00", "¥50.00", "0%"]
    box = panel.side.wallet
    [(deposit_id, confirm, refuse)] = box.pending_rows
    assert deposit_id == "p1:0:payday:prompt:round_up:0"
    assert confirm.isVisible() and refuse.isVisible() and confirm.text() == "Confirm"
    assert ledger(panel) == [[f"p1 · prompt round_up → {GOAL}", "(¥50.00)", "Waiting for your answer"]]
    click(qtbot, confirm)
    assert note_text(panel) == f"Saved ¥50.00 into “{GOAL}”"
    assert box.pending_rows == [] and goals_row(panel) == [GOAL, "¥50.00", "—", "1%"]
    assert not [b for b in box.findChildren(QPushButton) if b.objectName() == "playConfirm" and b.isVisible()]
    assert panel.controller.inputs[-1]["action"] == "deposit_result"
    at_clock(panel, 60_000)
    assert reproduces(panel)


def test_start_over_midway_is_a_replay_after_abandoning(make_panel: MakePanel, qtbot: QtBot) -> None:
    panel = make_panel("savings")
    restart = panel.side.restart_button
    assert not restart.isEnabled()
    panel.play_story()
    assert restart.isEnabled()
    at_clock(panel, 1600)
    click(qtbot, panel.overlay.prompt_card.accept)
    click(qtbot, restart)
    ctrl = panel.controller
    assert ctrl.playthrough == "p2" and ctrl.replay
    assert ctrl.previous is not None and ctrl.previous["inputs"][-1]["action"] == "abandon"
    assert ctrl.log[0]["type"] == "playthrough_started" and ctrl.engine.scene_id == "payday"


def test_cards_stack_their_buttons_in_a_narrow_dock(make_panel: MakePanel, qtbot: QtBot) -> None:
    panel = make_panel("savings")
    panel.resize(200, 760)  # the video in the Play story dock of a 1280x800 window is ~180 px wide
    panel.play_story()
    at_clock(panel, 1600)
    panel.controller.decline_prompt()
    at_clock(panel, 60_000)
    card = panel.overlay.ending_card
    assert card.isVisible() and inside(card.geometry(), panel.surface.video_rect())
    again, back = card.replay_button, card.back_button
    assert again.geometry().bottom() < back.geometry().top()  # stacked, "Watch again" first
    for button in (again, back):
        assert button.width() >= button.sizeHint().width() and card.rect().contains(button.geometry())
    panel.resize(1100, 760)
    at_clock(panel, 60_000)
    panel.overlay.relayout()
    assert again.geometry().top() == back.geometry().top() and back.x() < again.x()  # side by side
