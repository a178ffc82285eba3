"""Money through the real player and the example wallet host, on two origins.

The wallet executes deposits against a balance following the host rules of
docs/host-integration.md; these tests check what the viewer is told (the
savings card, the aria-live announcements, the ending card) and that the
wallet's ledger moves exactly the ending's confirmed total, also across Back,
Watch again, reloads and Start over.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.player.bridge_kit import (
    clipped,
    events,
    open_host,
    savings_rows,
    wait_for,
    wait_live,
    wait_row,
)
from tests.player.playthrough import TIMEOUT_MS
from tests.player.sites import Sites
from tests.player.support import SHOTS_DIR

pytestmark = pytest.mark.browser

GOAL = "Dream trip to Yunnan"
WIDE = (390 + 520, 844)


def _snapshot(page: Any) -> dict[str, Any]:
    found: dict[str, Any] = page.evaluate("window.walletSnapshot()")
    return found


def _shot(page: Any, name: str) -> None:
    page.locator("#player").screenshot(path=f"{SHOTS_DIR}/{name}.png")


def test_deposit_round_trip_updates_the_savings_card(new_page: Any, sites: Sites) -> None:
    kit = new_page(*WIDE)
    page = kit.page
    frame = open_host(page, sites.wallet(balance=30000), rate=4, timers="off")
    page.locator("#auto").uncheck()  # the wallet asks before answering: the card shows pending
    assert frame.locator("#prompt-note").is_hidden()  # host mode, real deposits: no disclaimer
    # The prompt is said first (an answer within the live region's 30 ms would be read with it).
    wait_live(frame, "Savings prompt:")
    frame.locator("#prompt-accept").click(timeout=TIMEOUT_MS)
    requested = wait_for(frame, "deposit_requested")
    wait_row(frame, "Saving ¥50.00…")
    assert savings_rows(frame) == [f"{GOAL} | Saving ¥50.00…"]
    assert wait_live(frame, "Saving ¥50.00") == f"Saving ¥50.00 toward {GOAL}…"
    _shot(page, "card-saving")
    assert clipped(frame, "#savings") == []

    page.locator(f'#ledger tr[data-deposit="{requested["deposit_id"]}"] button:text("Confirm")').click()
    confirmed = wait_for(frame, "deposit_confirmed")
    assert confirmed["deposit_id"] == requested["deposit_id"] and confirmed["saved"] == 5000
    wait_row(frame, "Saved ¥50.00")
    assert "Saved ¥50.00 toward Dream trip to Yunnan. Total ¥50.00." in wait_live(frame, "Saved ¥50.00")
    _shot(page, "card-saved")

    frame.locator('[data-option="save"]').click(timeout=TIMEOUT_MS)
    second = wait_for(frame, "deposit_requested", 2)
    page.locator(f'#ledger tr[data-deposit="{second["deposit_id"]}"] button:text("Refuse")').click()
    refused = wait_for(frame, "deposit_refused")
    assert refused["reason"] == "refused"
    wait_row(frame, "Couldn't save: refused by the app")
    assert wait_live(frame, "Couldn't save") == f"Couldn't save ¥200.00 toward {GOAL}: refused by the app."
    _shot(page, "card-refused")
    assert clipped(frame, "#savings") == []
    assert frame.evaluate("dramaPlayer.engine.saved") == {"trip": 5000}
    assert _snapshot(page)["balance"] == 25000
    inputs = frame.evaluate("dramaPlayer.inputs")
    assert [i["action"] for i in inputs] == ["accept_prompt", "deposit_result", "choose", "deposit_result"]
    assert kit.problems.errors == []


def test_a_refused_deposit_is_never_called_saved(new_page: Any, sites: Sites) -> None:
    kit = new_page(*WIDE)
    frame = open_host(kit.page, sites.wallet(balance=1000), rate=4, timers="off")
    frame.locator("#prompt-accept").click(timeout=TIMEOUT_MS)
    refused = wait_for(frame, "deposit_refused")
    assert refused["reason"] == "insufficient_balance"
    wait_row(frame, "Couldn't save: not enough balance")
    assert "Couldn't save ¥50.00" in wait_live(frame, "Couldn't save")
    assert "Saved" not in " ".join(savings_rows(frame))
    wallet = _snapshot(kit.page)
    assert wallet["balance"] == 1000 and wallet["net"] == {}
    assert kit.problems.errors == []


def test_the_issue_scenario_moves_exactly_the_saved_total(new_page: Any, sites: Sites) -> None:
    """Accept, save, Back, save again, play to the ending, Watch again, accept again."""
    kit = new_page(*WIDE)
    page = kit.page
    frame = open_host(page, sites.wallet(balance=200000), rate=4, timers="off")
    frame.locator("#prompt-accept").click(timeout=TIMEOUT_MS)
    frame.locator('[data-option="save"]').click(timeout=TIMEOUT_MS)
    wait_for(frame, "deposit_confirmed", 2)
    frame.locator("#back").click()
    wait_for(frame, "went_back")
    frame.locator('[data-option="save"]').click(timeout=TIMEOUT_MS)
    wait_for(frame, "deposit_confirmed", 3)  # the same deposit asked again: the wallet answers again
    frame.locator('[data-option="save_more"]').click(timeout=TIMEOUT_MS)
    frame.locator('[data-option="book"]').click(timeout=TIMEOUT_MS)  # needs ¥750 confirmed
    ending = wait_for(frame, "ending_reached")
    assert ending["saved"] == {"trip": 75000} and ending["pending"] == {"trip": 0}
    frame.locator("#ending").wait_for(state="visible", timeout=TIMEOUT_MS)
    assert frame.locator("#ending-saved .saved-amount").text_content() == "¥750.00 / ¥3,000.00"
    assert frame.locator("#ending-note").is_hidden()
    _shot(page, "ending-host")

    frame.locator("#ending-replay").click()  # Watch again: a replay, its deposits are simulated
    second = wait_for(frame, "playthrough_started", 2)
    assert second["replay"] is True and second["real_deposits"] is False
    assert frame.locator("#prompt-note").text_content() == "Replay: no money moves"
    frame.locator("#prompt-accept").click(timeout=TIMEOUT_MS)
    wait_for(frame, "deposit_simulated")
    wait_row(frame, "Counted ¥50.00")
    assert frame.locator("#savings-note").text_content() == "Replay: no money moves"
    _shot(page, "card-replay")

    requested = events(frame, "deposit_requested")
    assert len(requested) == 4 and len({e["deposit_id"] for e in requested}) == 3
    wallet = _snapshot(page)
    assert wallet["net"] == ending["saved"]  # not the 100,000 of the issue
    assert wallet["balance"] == 200000 - 75000
    assert kit.problems.errors == []


def test_a_reload_resumes_the_playthrough_and_sends_pending_deposits_again(new_page: Any,
                                                                            sites: Sites) -> None:
    kit = new_page(*WIDE)
    page = kit.page
    frame = open_host(page, sites.wallet(), rate=4, timers="off")
    started = wait_for(frame, "playthrough_started")
    page.locator("#auto").uncheck()
    frame.locator("#prompt-accept").click(timeout=TIMEOUT_MS)
    requested = wait_for(frame, "deposit_requested")
    assert requested["deposit_id"].startswith(started["playthrough"] + ":0:payday:prompt:round_up:")
    page.locator(f'#ledger tr[data-deposit="{requested["deposit_id"]}"]').wait_for(timeout=TIMEOUT_MS)

    page.reload()  # the wallet and the player reload; the wallet keeps its ledger
    frame = player_frame_after_reload(page)
    frame.locator("#resume-yes").click(timeout=TIMEOUT_MS)
    frame.wait_for_function("() => dramaPlayer.engine && dramaPlayer.engine.started", timeout=TIMEOUT_MS)
    assert frame.evaluate("dramaPlayer.playthrough") == started["playthrough"]
    again = wait_for(frame, "deposit_requested")  # the still pending deposit, sent again
    assert again == requested
    assert events(frame, "playthrough_started") == []  # the rebuilt history is not sent again
    wait_row(frame, "Saving ¥50.00…")
    page.locator(f'#ledger tr[data-deposit="{requested["deposit_id"]}"] button:text("Confirm")').click()
    wait_for(frame, "deposit_confirmed")
    wait_row(frame, "Saved ¥50.00")
    assert _snapshot(page)["net"] == {"trip": 5000}
    assert kit.problems.errors == []


def player_frame_after_reload(page: Any) -> Any:
    """The player's frame after a reload: it shows the resume card (the engine waits)."""
    page.wait_for_function(
        "() => document.getElementById('player') && document.getElementById('player').src",
        timeout=TIMEOUT_MS,
    )
    for _ in range(TIMEOUT_MS // 50):
        frames = [f for f in page.frames if f is not page.main_frame]
        if frames and frames[0].url.split("?")[0].endswith("/player/index.html"):
            frames[0].wait_for_function("() => window.dramaPlayer && window.dramaPlayer.session",
                                        timeout=TIMEOUT_MS)
            return frames[0]
        page.wait_for_timeout(50)
    raise AssertionError("the player frame did not come back after the reload")


def test_start_over_cancels_the_deposits_taken_back(new_page: Any, sites: Sites) -> None:
    kit = new_page(*WIDE)
    page = kit.page
    frame = open_host(page, sites.wallet(balance=100000), rate=4, timers="off")
    first = wait_for(frame, "playthrough_started")
    frame.locator("#prompt-accept").click(timeout=TIMEOUT_MS)
    frame.locator('[data-option="save"]').click(timeout=TIMEOUT_MS)
    wait_for(frame, "deposit_confirmed", 2)
    frame.locator("#back").click()  # the ¥200 deposit is taken back: still at the wallet for now
    wait_for(frame, "went_back")
    assert _snapshot(page)["net"] == {"trip": 25000}

    page.reload()
    frame = player_frame_after_reload(page)
    frame.locator("#resume-no").click(timeout=TIMEOUT_MS)  # Start over
    cancelled = wait_for(frame, "deposit_cancelled")
    assert cancelled["deposit_id"].startswith(first["playthrough"] + ":0:payday:option:save:")
    restarted = wait_for(frame, "playthrough_started")
    assert restarted["playthrough"] != first["playthrough"] and restarted["replay"] is True
    kinds = [e["type"] for e in events(frame)]
    assert kinds.index("deposit_cancelled") < kinds.index("playthrough_started")
    page.wait_for_function("() => walletSnapshot().net.trip === 5000", timeout=TIMEOUT_MS)
    ledger = _snapshot(page)["ledger"]
    assert ledger[cancelled["deposit_id"]]["reversed"] is True  # the wallet gave the ¥200 back
    page.screenshot(path=f"{SHOTS_DIR}/host-wallet-ledger.png")
    assert _snapshot(page)["balance"] == 100000 - 5000
    assert kit.problems.errors == []


def test_the_ending_shows_pending_deposits_as_pending(new_page: Any, sites: Sites) -> None:
    kit = new_page(*WIDE)
    page = kit.page
    frame = open_host(page, sites.wallet(), rate=4, timers="off")
    page.locator("#auto").uncheck()
    frame.locator("#prompt-decline").click(timeout=TIMEOUT_MS)
    frame.locator('[data-option="save"]').click(timeout=TIMEOUT_MS)
    requested = wait_for(frame, "deposit_requested")
    frame.locator('[data-option="hotpot"]').click(timeout=TIMEOUT_MS)
    frame.locator('[data-option="keep_saving"]').click(timeout=TIMEOUT_MS)
    ending = wait_for(frame, "ending_reached")
    assert ending["saved"] == {"trip": 0} and ending["pending"] == {"trip": 20000}
    frame.locator("#ending").wait_for(state="visible", timeout=TIMEOUT_MS)
    assert frame.locator("#ending-saved .saved-amount").text_content() == "¥0.00 / ¥3,000.00"
    assert frame.locator("#ending-saved .saved-pending").text_content() == "Still saving ¥200.00…"
    _shot(page, "ending-pending")
    assert clipped(frame, "#ending") == []
    # The host answers after the ending: the card follows.
    page.locator(f'#ledger tr[data-deposit="{requested["deposit_id"]}"] button:text("Confirm")').click()
    wait_for(frame, "deposit_confirmed")
    frame.wait_for_function(
        "() => document.querySelector('#ending-saved .saved-amount').textContent === '¥200.00 / ¥3,000.00'",
        timeout=TIMEOUT_MS,
    )
    assert frame.locator("#ending-saved .saved-pending").count() == 0
    assert kit.problems.errors == []


def test_a_hosts_playthrough_waits_for_the_next_visit_in_host_mode(new_page: Any, sites: Sites) -> None:
    """Opened meanwhile as a preview (no host), the player starts afresh but keeps the host's
    playthrough: its deposits are at that host, so only a host-mode visit resumes (or abandons) it."""
    kit = new_page(*WIDE)
    page = kit.page
    frame = open_host(page, sites.wallet(), rate=4, timers="off")
    first = wait_for(frame, "playthrough_started")
    frame.locator("#prompt-accept").click(timeout=TIMEOUT_MS)
    wait_for(frame, "deposit_confirmed")

    preview = kit.context.new_page()  # same browser storage, the player on its own: a preview
    preview.goto(sites.bundle("bank"))
    preview.wait_for_function("() => window.dramaPlayer && window.dramaPlayer.engine", timeout=TIMEOUT_MS)
    assert preview.evaluate("[dramaPlayer.hostMode, dramaPlayer.playthrough]")[0] is False
    assert preview.locator("#resume").is_hidden()
    assert preview.evaluate("dramaPlayer.playthrough") != first["playthrough"]
    preview.close()

    page.reload()
    frame = player_frame_after_reload(page)
    frame.locator("#resume-yes").click(timeout=TIMEOUT_MS)
    frame.wait_for_function("() => dramaPlayer.engine && dramaPlayer.engine.started", timeout=TIMEOUT_MS)
    assert frame.evaluate("[dramaPlayer.playthrough, dramaPlayer.engine.saved]") == [
        first["playthrough"], {"trip": 5000}]
    assert kit.problems.errors == []
