"""End to end: the real player plays each sample bundle in Chromium, driven by clicks and keys.

The drama:* events the page receives must be exactly the Python engine's
trace for the same viewer inputs (taken from the events, at their clocks):
the browser engine is driven by real video time, yet the story is the same.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.player.conftest import PageKit, Web
from tests.player.playthrough import (
    TIMEOUT_MS,
    click_for_event,
    host_events,
    open_player,
    python_replay,
    wait_event,
)
from tests.player.support import SHOTS_DIR
from tests.support import SAMPLES

pytestmark = pytest.mark.browser



def _assert_same_as_python(page: Any, sample: str, timers: str) -> list[dict[str, Any]]:
    events = host_events(page)
    expected = python_replay(SAMPLES / sample, events, timers)
    assert events == expected
    assert [list(e) for e in events] == [list(e) for e in expected]  # key order too
    return events


def test_savings_playthrough(phone: PageKit, web: Web) -> None:
    page = open_player(phone, f"{web.base}/savings/player/index.html", rate=4, timers="off")
    prompt = page.locator("#prompt")
    prompt.wait_for(state="visible", timeout=TIMEOUT_MS)
    # "Put {amount} of your pay into the trip fund?" filled in the drama's locale (zh-CN, CNY)
    assert page.locator("#prompt-text").text_content() == "Put ¥50.00 of your pay into the trip fund?"
    assert page.locator("#prompt-amount").text_content() == "¥50.00"
    assert page.locator("#prompt-goal").text_content() == "Dream trip to Yunnan"
    page.screenshot(path=f"{SHOTS_DIR}/savings-prompt.png")
    page.locator("#prompt-accept").click()
    prompt.wait_for(state="hidden", timeout=TIMEOUT_MS)

    spend = page.locator('[data-option="spend"]')
    spend.wait_for(state="visible", timeout=TIMEOUT_MS)
    assert spend.evaluate("(b) => b.closest('#hotspots') !== null")  # option hotspot
    page.screenshot(path=f"{SHOTS_DIR}/savings-choice.png")
    spend.click()

    wait_event(page, "prompt_shown", 2)  # the non-pausing round-up prompt
    page.locator("#prompt-accept").click()
    keep = page.locator('[data-option="keep_it"]')
    keep.wait_for(state="visible", timeout=TIMEOUT_MS)
    keep.click()
    give_in = page.locator('[data-option="give_in"]')
    give_in.wait_for(state="visible", timeout=TIMEOUT_MS)
    give_in.click()

    party = page.locator('[data-option="party"]')
    party.wait_for(state="visible", timeout=TIMEOUT_MS)
    labels = page.locator("#options .option-label").all_text_contents()
    assert labels == ["Keep saving", "Borrow for a party"]  # 'Book the trip' needs ¥750 saved
    party.click()

    page.locator("#ending").wait_for(state="visible", timeout=TIMEOUT_MS)
    assert page.locator("#ending-title").text_content() == "A bad ending"
    assert page.locator("#ending-saved .saved-amount").text_content() == "¥80.00 / ¥3,000.00"
    page.screenshot(path=f"{SHOTS_DIR}/savings-ending.png")

    page.locator("#ending-back").click()  # back to the month-end decision
    keep_saving = page.locator('[data-option="keep_saving"]')
    keep_saving.wait_for(state="visible", timeout=TIMEOUT_MS)
    keep_saving.click()
    wait_event(page, "ending_reached", 2)
    assert page.locator("#ending-title").text_content() == "A quiet ending"

    events = _assert_same_as_python(page, "savings", "off")
    kinds = [e["type"] for e in events]
    assert kinds.count("deposit_requested") == 2
    assert "went_back" in kinds
    assert phone.problems.errors == []


def test_shoppable_playthrough_with_keyboard(phone: PageKit, web: Web) -> None:
    page = open_player(phone, f"{web.base}/shoppable/player/index.html", rate=2, timers="off")
    click_for_event(page, page.locator('[data-tag="serum_vanity"]'), "product_clicked")
    card = page.locator("#product")
    card.wait_for(state="visible", timeout=TIMEOUT_MS)
    assert page.locator("#product-name").text_content() == "Night Repair Serum 30ml"
    assert page.locator("#product-price").text_content() == "¥299.00"
    link = page.locator("#product-link")
    assert link.get_attribute("href") == "https://shop.example.com/glow/serum"
    assert link.get_attribute("rel") == "noopener noreferrer"
    assert link.get_attribute("target") == "_blank"
    assert link.text_content() == "Tap to shop"
    page.screenshot(path=f"{SHOTS_DIR}/shoppable-product.png")
    page.keyboard.press("Escape")
    card.wait_for(state="hidden", timeout=TIMEOUT_MS)

    spa = page.locator('[data-option="spa"]')
    spa.wait_for(state="visible", timeout=TIMEOUT_MS)
    page.screenshot(path=f"{SHOTS_DIR}/shoppable-choice.png")
    page.keyboard.press("2")  # number keys pick options

    cream = page.locator('[data-tag="cream_spa"]')
    cream.wait_for(state="visible", timeout=TIMEOUT_MS)
    cream.focus()
    page.keyboard.press("Enter")
    wait_event(page, "product_clicked", 2)
    card.wait_for(state="visible", timeout=TIMEOUT_MS)
    assert page.locator("#product-name").text_content() == "Hydra Cream 50ml"
    page.locator("#product-close").click()

    evening = page.locator('[data-option="evening"]')
    evening.wait_for(state="visible", timeout=TIMEOUT_MS)
    assert page.locator("#countdown").is_hidden()  # show_countdown: false
    evening.focus()
    page.keyboard.press("Space")
    next_day = page.locator('[data-option="next_day"]')
    next_day.wait_for(state="visible", timeout=TIMEOUT_MS)
    page.keyboard.press("1")
    page.locator("#ending").wait_for(state="visible", timeout=TIMEOUT_MS)
    assert page.locator("#ending-title").text_content() == "A good ending"

    events = _assert_same_as_python(page, "shoppable", "off")
    clicked = [e["tag"] for e in events if e["type"] == "product_clicked"]
    assert clicked == ["serum_vanity", "cream_spa"]
    assert phone.problems.errors == []


def test_embedded_player_without_host_origins_posts_nothing(phone: PageKit, web: Web) -> None:
    """No host origin in the manifest: not even a same-origin parent gets a message; the player
    is a preview that answers its deposits itself and says that no money moves."""
    page = phone.page
    page.goto(f"{web.base}/host.html")
    frame = page.frame_locator("#player")
    frame.locator("#prompt-note").wait_for(state="visible", timeout=TIMEOUT_MS)
    assert frame.locator("#prompt-note").text_content() == "Preview: no money moves"
    frame.locator("#prompt-accept").click(timeout=TIMEOUT_MS)
    frame.locator('[data-option="save"]').click(timeout=TIMEOUT_MS)
    child = next(f for f in page.frames if f.url.endswith("/savings/player/index.html"))
    child.wait_for_function(
        "() => window.__dramaEvents.some((e) => e.type === 'scene_started' && e.scene === 'save_path')",
        timeout=TIMEOUT_MS,
    )
    kinds = [e["type"] for e in child.evaluate("window.__dramaEvents")]
    assert kinds.count("deposit_requested") == kinds.count("deposit_confirmed") == 2
    assert child.evaluate("window.dramaPlayer.bridge.transports") == ["dom"]
    assert page.evaluate("window.__messages") == []
    assert phone.problems.errors == []
