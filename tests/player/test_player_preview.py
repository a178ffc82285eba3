"""Preview mode (no host configured): the player's own wallet accepts every deposit and every
card says that no money moves; Watch again is a replay whose deposits are only counted."""

from __future__ import annotations

import pytest

from tests.player.bridge_kit import clipped, events, savings_rows, wait_for, wait_live, wait_row
from tests.player.conftest import PageKit, Web
from tests.player.playthrough import TIMEOUT_MS, open_player
from tests.player.support import SHOTS_DIR

pytestmark = pytest.mark.browser

GOAL = "Dream trip to Yunnan"


def test_preview_and_replay_say_no_money_moves(phone: PageKit, web: Web) -> None:
    page = open_player(phone, f"{web.base}/savings/player/index.html", rate=4, timers="off")
    assert page.evaluate("dramaPlayer.hostMode") is False
    page.locator("#prompt").wait_for(state="visible", timeout=TIMEOUT_MS)
    assert page.locator("#prompt-note").text_content() == "Preview: no money moves"
    page.screenshot(path=f"{SHOTS_DIR}/preview-prompt.png")
    page.locator("#prompt-accept").click()
    wait_row(page, "Saved ¥50.00")
    assert page.locator("#savings-note").text_content() == "Preview: no money moves"
    live = wait_live(page, "Saved ¥50.00")
    assert live == f"Saved ¥50.00 toward {GOAL}. Total ¥50.00. Preview: no money moves."
    page.screenshot(path=f"{SHOTS_DIR}/preview-card.png")
    assert clipped(page, "#savings") == []

    page.locator('[data-option="spend"]').click(timeout=TIMEOUT_MS)
    page.locator('[data-option="return_it"]').click(timeout=TIMEOUT_MS)
    page.locator('[data-option="hotpot"]').click(timeout=TIMEOUT_MS)
    page.locator('[data-option="keep_saving"]').click(timeout=TIMEOUT_MS)
    ending = wait_for(page, "ending_reached")
    assert ending["saved"] == {"trip": 5000}
    page.locator("#ending").wait_for(state="visible", timeout=TIMEOUT_MS)
    assert page.locator("#ending-note").text_content() == "Preview: no money moves."
    page.screenshot(path=f"{SHOTS_DIR}/preview-ending.png")
    assert clipped(page, "#ending") == []

    page.locator("#ending-replay").click()
    started = wait_for(page, "playthrough_started", 2)
    assert started["replay"] is True and started["real_deposits"] is False
    assert started["playthrough"] != events(page, "playthrough_started")[0]["playthrough"]
    page.locator("#prompt").wait_for(state="visible", timeout=TIMEOUT_MS)
    assert page.locator("#prompt-note").text_content() == "Replay: no money moves"
    page.locator("#prompt-accept").click()
    simulated = wait_for(page, "deposit_simulated")
    assert simulated["amount"] == 5000
    wait_row(page, "Counted ¥50.00")
    assert savings_rows(page)[-1] == f"{GOAL} | Counted ¥50.00"
    assert page.locator("#savings-note").text_content() == "Replay: no money moves"
    assert "no money moves" in wait_live(page, "Replay:")
    page.screenshot(path=f"{SHOTS_DIR}/replay-card.png")
    page.locator('[data-option="save"]').click(timeout=TIMEOUT_MS)
    page.locator('[data-option="save_more"]').click(timeout=TIMEOUT_MS)
    page.locator('[data-option="book"]').click(timeout=TIMEOUT_MS)
    wait_for(page, "ending_reached", 2)
    assert page.locator("#ending-note").text_content() == "A replay: no money moved."
    page.screenshot(path=f"{SHOTS_DIR}/replay-ending.png")
    assert len(events(page, "deposit_requested")) == 1  # only the first playthrough asked
    assert phone.problems.errors == []


def test_a_reload_keeps_the_playthrough_id(phone: PageKit, web: Web) -> None:
    page = open_player(phone, f"{web.base}/savings/player/index.html", rate=4, timers="off")
    first = wait_for(page, "playthrough_started")
    assert first["replay"] is False
    page.locator("#prompt-accept").click(timeout=TIMEOUT_MS)
    wait_for(page, "deposit_confirmed")
    page.reload()
    page.locator("#resume-yes").click(timeout=TIMEOUT_MS)
    page.wait_for_function("() => dramaPlayer.engine && dramaPlayer.engine.started", timeout=TIMEOUT_MS)
    assert page.evaluate("[dramaPlayer.playthrough, dramaPlayer.replayFlag]") == [first["playthrough"], False]
    assert page.evaluate("dramaPlayer.engine.saved") == {"trip": 5000}
    assert events(page) == []  # the rebuilt history is silent; nothing is pending in a preview
    page.locator("#settings-button").click()
    page.locator('label:has(input[value="x2"])').click()
    page.locator("#settings-restart").click()  # Restart now: a new playthrough, a replay
    again = wait_for(page, "playthrough_started")
    assert again["playthrough"] != first["playthrough"] and again["replay"] is True
    assert phone.problems.errors == []
