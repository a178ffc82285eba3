"""The web player's cards with schema v3 author text (issue #15 defects 6, 7, 9).

Deposit options show the amount they save ("+$200.00", also in their accessible name and in the
live text); tag calls to action and prompts have their placeholders filled; the ending card shows
the ending's own title and text and keeps Watch again in view on a short phone; a product card
closes when its tag ends or another scene begins, is opaque and never covers the options.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.player import card_dramas
from tests.player.conftest import PageKit, Web
from tests.player.playthrough import TIMEOUT_MS, click_for_event, host_events, open_player, wait_event
from tests.player.support import SHOTS_DIR

pytestmark = pytest.mark.browser


def _box(page: Any, selector: str) -> dict[str, float]:
    box = page.locator(selector).bounding_box()
    assert box is not None, selector
    return dict(box)


def _inside(inner: dict[str, float], outer: dict[str, float], slack: float = 0.5) -> bool:
    return (inner["x"] >= outer["x"] - slack and inner["y"] >= outer["y"] - slack
            and inner["x"] + inner["width"] <= outer["x"] + outer["width"] + slack
            and inner["y"] + inner["height"] <= outer["y"] + outer["height"] + slack)


def _overlap(a: dict[str, float], b: dict[str, float]) -> bool:
    return (a["x"] < b["x"] + b["width"] and b["x"] < a["x"] + a["width"]
            and a["y"] < b["y"] + b["height"] and b["y"] < a["y"] + a["height"])


def test_deposit_option_shows_its_amount_and_text_is_filled(phone: PageKit, web: Web) -> None:
    url = card_dramas.bundle(card_dramas.badge_drama(), web.root, "badges")
    page = open_player(phone, f"{web.base}/{url}")
    page.locator('[data-option="save"]').wait_for(state="visible", timeout=TIMEOUT_MS)
    assert page.locator("#prompt-text").text_content() == "Put $50.00 towards Trip? {really}"
    save = page.locator('[data-option="save"]')
    assert save.locator(".option-label").text_content() == "Save $200.00 for Trip"
    assert save.locator(".option-amount").text_content() == "+$200.00"
    assert save.get_attribute("aria-label") == "Save $200.00 for Trip (+$200.00)"
    assert save.locator(".option-amount").get_attribute("aria-hidden") == "true"
    for quiet in ("quiet", "spend"):  # show_amount false; no deposit
        option = page.locator(f'[data-option="{quiet}"]')
        assert option.locator(".option-amount").count() == 0
        assert option.get_attribute("aria-label") is None
    # The badge sits inside its button, right of the label, without clipping it.
    label, badge, button = (_box(page, f'[data-option="save"] {s}'.strip())
                            for s in (".option-label", ".option-amount", ""))
    assert _inside(badge, button) and badge["x"] >= label["x"] + label["width"] - 0.5
    page.wait_for_function("() => window.__liveLog.some((t) => t.startsWith('Choose:'))")
    choose = next(t for t in page.evaluate("window.__liveLog") if t.startswith("Choose:"))
    assert choose == "Choose: 1: Save $200.00 for Trip (+$200.00), 2: Put a little aside, 3: Spend it."
    assert page.locator('[data-tag="t"] .tag-cta').text_content() == "Get Serum for $19.99"
    assert page.locator('[data-tag="t"]').get_attribute("aria-label") == "Get Serum for $19.99: Serum"
    page.screenshot(path=f"{SHOTS_DIR}/cards-badge.png")

    click_for_event(page, save, "choice_made")
    page.locator("#ending").wait_for(state="visible", timeout=TIMEOUT_MS)
    assert page.locator("#ending-title").text_content() == "Off to {the coast}"
    assert page.locator("#ending-text").text_content() == "Saving paid for the trip."
    page.wait_for_function("() => window.__liveLog.some((t) => t.startsWith('Off to'))")
    said = next(t for t in page.evaluate("window.__liveLog") if t.startswith("Off to"))
    assert said.startswith("Off to {the coast}. Saving paid for the trip. Saved Trip: $200.00.")
    made = [e for e in host_events(page) if e["type"] == "choice_made"]
    assert made[0]["option"] == "save"
    assert phone.problems.errors == []


@pytest.mark.parametrize(("width", "height"), [(390, 844), (320, 480)])
def test_amount_on_a_hotspot_option_is_not_clipped(new_page: Any, web: Web, width: int, height: int) -> None:
    kit: PageKit = new_page(width, height)
    url = card_dramas.bundle(card_dramas.badge_drama(hotspots=True), web.root, "badges-hotspots")
    page = open_player(kit, f"{web.base}/{url}")
    save = page.locator('[data-option="save"]')
    save.wait_for(state="visible", timeout=TIMEOUT_MS)
    assert save.evaluate("(b) => b.closest('#hotspots') !== null")
    assert save.locator(".option-amount").text_content() == "+$200.00"
    click_for_event(page, page.locator("#prompt-decline"), "prompt_declined")  # the dock's prompt goes
    button = _box(page, '[data-option="save"]')
    for part in (".option-label", ".option-amount"):
        assert _inside(_box(page, f'[data-option="save"] {part}'), button), part
    clipped = page.evaluate(
        """() => [...document.querySelectorAll('.option, .option *')].filter(
             (b) => b.scrollWidth > b.clientWidth + 1 || b.scrollHeight > b.clientHeight + 1).length"""
    )
    assert clipped == 0
    page.screenshot(path=f"{SHOTS_DIR}/cards-badge-hotspot-{width}x{height}.png")
    assert kit.problems.errors == []


@pytest.mark.parametrize(("width", "height"), [(360, 640), (320, 480)])
def test_ending_card_fits_or_scrolls_on_a_short_phone(new_page: Any, web: Web, width: int,
                                                      height: int) -> None:
    kit: PageKit = new_page(width, height)
    url = card_dramas.bundle(card_dramas.ending_drama(), web.root, "ending-long")
    page = open_player(kit, f"{web.base}/{url}")
    page.locator("#ending").wait_for(state="visible", timeout=TIMEOUT_MS)
    assert page.locator("#ending-title").text_content() == "A long way home"
    assert page.locator("#ending-text").text_content() == card_dramas.LONG_TEXT
    stage, card = _box(page, "#stage"), _box(page, "#ending")
    assert _inside(card, stage)
    for button in ("#ending-replay",):
        assert _inside(_box(page, button), card)  # Watch again stays in view
    scroll = page.evaluate(
        """() => { const s = document.getElementById('ending-scroll');
                   return {client: s.clientHeight, full: s.scrollHeight,
                           overflow: getComputedStyle(s).overflowY}; }"""
    )
    assert scroll["client"] > 0
    if scroll["full"] > scroll["client"] + 1:  # it does not fit: the text scrolls to its end
        assert scroll["overflow"] == "auto"
        page.locator("#ending-scroll").evaluate("(s) => { s.scrollTop = s.scrollHeight; }")
        last = _box(page, "#ending-text")
        assert last["y"] + last["height"] <= _box(page, "#ending-scroll")["y"] + scroll["client"] + 1
    # Nothing of the card spills: no element of it is wider than the card.
    wide = page.evaluate(
        """() => [...document.querySelectorAll('#ending *')].filter((el) => el.offsetParent !== null &&
             el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX !== 'auto').length"""
    )
    assert wide == 0
    page.screenshot(path=f"{SHOTS_DIR}/cards-ending-{width}x{height}.png")
    page.locator("#ending-replay").click()  # reachable and working
    wait_event(page, "scene_started", 2)
    assert kit.problems.errors == []


def test_a_dead_end_says_the_story_stops_here(phone: PageKit, web: Web) -> None:
    from studio.l10n.vocabulary import word

    url = card_dramas.bundle(card_dramas.ending_drama(dead_end=True), web.root, "dead-end")
    page = open_player(phone, f"{web.base}/{url}")
    page.locator("#ending").wait_for(state="visible", timeout=TIMEOUT_MS)
    assert page.locator("#ending-title").text_content() == word("ending.dead_end")
    assert page.locator("#ending-text").is_hidden()
    assert phone.problems.errors == []


def test_product_card_closes_with_its_tag_and_scene_and_never_covers_options(phone: PageKit,
                                                                            web: Web) -> None:
    url = card_dramas.bundle(card_dramas.product_drama(), web.root, "products")
    page = open_player(phone, f"{web.base}/{url}")
    card = page.locator("#product")
    click_for_event(page, page.locator('[data-tag="short"]'), "product_clicked")
    card.wait_for(state="visible", timeout=TIMEOUT_MS)
    background = page.evaluate("() => getComputedStyle(document.getElementById('product')).backgroundColor")
    assert background == "rgb(18, 20, 24)"  # opaque over busy video
    wait_event(page, "product_tag_hidden")  # the short tag ends: its card goes with it
    card.wait_for(state="hidden", timeout=2000)

    click_for_event(page, page.locator('[data-tag="long"]'), "product_clicked")
    card.wait_for(state="visible", timeout=TIMEOUT_MS)
    page.locator('[data-option="go"]').wait_for(state="visible", timeout=TIMEOUT_MS)
    assert card.is_visible()  # the tag still shows: the card stays, above the options
    product = _box(page, "#product")
    for option in ("go", "stay"):
        box = _box(page, f'[data-option="{option}"]')
        assert not _overlap(product, box), option
        assert box["y"] >= product["y"] + product["height"] - 0.5
    assert page.evaluate("() => document.getElementById('product').closest('.dock') !== null")
    hit = page.evaluate(
        """() => { const b = document.querySelector('[data-option="stay"]').getBoundingClientRect();
                   const at = document.elementFromPoint(b.x + b.width / 2, b.y + b.height / 2);
                   return at.closest('[data-option]')?.dataset.option; }"""
    )
    assert hit == "stay"  # the option is what a tap there reaches
    page.screenshot(path=f"{SHOTS_DIR}/cards-product-over-choice.png")
    click_for_event(page, page.locator('[data-option="go"]'), "choice_made")
    wait_event(page, "scene_started", 2)
    card.wait_for(state="hidden", timeout=2000)  # another scene: closed (its own tag shows there)
    page.locator('[data-tag="after"]').wait_for(state="visible", timeout=TIMEOUT_MS)
    assert phone.problems.errors == []
