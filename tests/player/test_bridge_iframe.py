"""The iframe bridge across origins: the player on one origin, the example wallet on another.

Events reach only the allowed origin (a framing page on another origin gets
nothing), commands count only from the parent window on an allowed origin, and
everything else is rejected and counted (drama:bridge_rejected), never thrown.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.player.bridge_kit import (
    BAD_COMMANDS,
    command,
    events,
    open_host,
    rejected,
    wait_for,
    wait_rejected,
)
from tests.player.conftest import PageKit
from tests.player.playthrough import TIMEOUT_MS
from tests.player.sites import Sites

pytestmark = pytest.mark.browser

# Every message a window receives, whoever sent it (runs in every frame of the page).
RECORD_MESSAGES = (
    "window.__messages = [];\n"
    "window.addEventListener('message', (e) => window.__messages.push({origin: e.origin, data: e.data}));\n"
)


def _messages(where: Any) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = where.evaluate("window.__messages")
    return found


def test_events_reach_only_the_allowed_origin(new_page: Any, sites: Sites) -> None:
    wallet = new_page(390 + 500, 844)
    wallet.page.add_init_script(RECORD_MESSAGES)
    frame = open_host(wallet.page, sites.wallet(), rate=4, timers="off")
    frame.locator("#prompt-decline").click(timeout=TIMEOUT_MS)
    wait_for(frame, "choice_shown")

    posted = [m for m in _messages(wallet.page) if m["origin"] == sites.player]
    assert posted, "the allowed host received nothing"
    assert all(m["data"]["source"] == "drama-studio-player" and m["data"]["contract"] == 2 for m in posted)
    first = posted[0]["data"]["event"]
    assert first == {"type": "player_ready", "mode": "host",
                     "commands": ["pause", "resume", "deposit_result", "set_timers", "set_locale"]}
    sent = [m["data"]["event"] for m in posted[1:]]
    custom = events(frame)
    assert sent == custom[: len(sent)]  # the same events, in the same order, as the DOM events
    assert sent[0]["type"] == "playthrough_started" and sent[0]["replay"] is False

    other = new_page(390, 844)
    other.page.add_init_script(RECORD_MESSAGES)
    framed = open_host(other.page, sites.framer(), rate=4, timers="off")
    framed.locator("#prompt-decline").click(timeout=TIMEOUT_MS)
    wait_for(framed, "choice_shown")  # the player ran and emitted its events...
    assert framed.evaluate("window.dramaPlayer.bridge.transports") == ["dom", "iframe"]
    assert _messages(other.page) == []  # ...but a page on another origin received none
    assert wallet.problems.errors == [] and other.problems.errors == []


def test_commands_from_a_wrong_origin_or_window_are_rejected(new_page: Any, sites: Sites) -> None:
    other = new_page(390, 844)
    framed = open_host(other.page, sites.framer())
    other.page.evaluate(
        "(m) => document.getElementById('player').contentWindow.postMessage(m, '*')", command("pause")
    )
    assert wait_rejected(framed, 1) == [{"reason": "origin", "count": 1}]
    assert framed.evaluate("window.dramaPlayer.hostPaused") is False

    wallet = new_page(390 + 500, 844)
    frame = open_host(wallet.page, sites.wallet())
    # A sibling frame on the allowed origin is still not the player's parent.
    wallet.page.evaluate(
        """(url) => new Promise((done) => { const f = document.createElement('iframe');
             f.id = 'sibling'; f.onload = () => done(); f.src = url; document.body.append(f); })""",
        f"{sites.host}/blank.html",
    )
    sibling = next(f for f in wallet.page.frames if f.url.endswith("/blank.html"))
    sibling.evaluate("(m) => parent.frames[0].postMessage(m, '*')", command("pause"))
    frame.evaluate("(m) => window.postMessage(m, '*')", command("pause"))  # the player's own window
    assert wait_rejected(frame, 2) == [{"reason": "not_parent", "count": 1},
                                      {"reason": "not_parent", "count": 2}]
    assert frame.evaluate("window.dramaPlayer.hostPaused") is False

    # From the parent on the allowed origin: only well-formed version 2 commands count.
    good = command("pause")
    bad = BAD_COMMANDS
    send = "(list) => { const f = document.getElementById('player').contentWindow;" \
           " for (const m of list) f.postMessage(m, '*'); }"
    wallet.page.evaluate(send, [m for m, _ in bad])
    got = wait_rejected(frame, 2 + len(bad))[2:]
    assert [r["reason"] for r in got] == [reason for _, reason in bad]
    assert [r["count"] for r in got] == list(range(3, 3 + len(bad)))
    assert frame.evaluate("window.dramaPlayer.hostPaused") is False

    wallet.page.evaluate(send, [good])
    frame.wait_for_function("() => window.dramaPlayer.hostPaused === true", timeout=TIMEOUT_MS)
    assert len(rejected(frame)) == 2 + len(bad)
    assert wallet.problems.errors == [] and other.problems.errors == []


def test_a_flood_of_commands_is_rate_limited(phone: PageKit, sites: Sites) -> None:
    frame = open_host(phone.page, sites.wallet())
    phone.page.evaluate(
        "(m) => { const f = document.getElementById('player').contentWindow;"
        " for (let i = 0; i < 400; i++) f.postMessage(m, '*'); }",
        command("set_timers", timers="normal"),  # valid, and changes nothing
    )
    frame.wait_for_function(
        "() => window.__rejected.some((r) => r.reason === 'rate_limit')", timeout=TIMEOUT_MS
    )
    reasons = {r["reason"] for r in rejected(frame)}
    assert reasons == {"rate_limit"}
    assert events(frame, "timers_changed") == []
    assert phone.problems.errors == []


def test_pause_stops_the_clock_and_the_video(new_page: Any, sites: Sites) -> None:
    kit = new_page(390 + 500, 844)
    page = kit.page
    frame = open_host(page, sites.wallet())
    # A pausing prompt: the story clock runs on frame time.
    frame.locator("#prompt").wait_for(state="visible", timeout=TIMEOUT_MS)
    page.locator("#pause").click()
    frame.wait_for_function("() => window.dramaPlayer.hostPaused", timeout=TIMEOUT_MS)
    read = ("() => [dramaPlayer.engine.clock, dramaPlayer.deck.driver.currentTime,"
            " dramaPlayer.deck.driver.paused]")
    before = frame.evaluate(read)
    page.wait_for_timeout(700)
    assert frame.evaluate(read) == before  # nothing moved
    assert before[2] is True
    assert frame.locator("#host-paused").is_visible()
    frame.locator("#prompt-decline").click()  # the viewer cannot act while the host holds the story
    assert events(frame, "prompt_declined") == []

    page.locator("#resume").click()
    frame.wait_for_function("(c) => dramaPlayer.engine.clock > c", arg=before[0], timeout=TIMEOUT_MS)
    frame.locator("#prompt-decline").click()
    wait_for(frame, "prompt_declined")
    # Now the video plays: pause again and it stands still.
    frame.wait_for_function("() => !dramaPlayer.deck.driver.paused", timeout=TIMEOUT_MS)
    page.locator("#pause").click()
    frame.wait_for_function("() => dramaPlayer.deck.driver.paused", timeout=TIMEOUT_MS)
    still = frame.evaluate(read)
    page.wait_for_timeout(700)
    assert frame.evaluate(read) == still
    page.locator("#resume").click()
    frame.wait_for_function("(t) => dramaPlayer.deck.driver.currentTime > t", arg=still[1],
                            timeout=TIMEOUT_MS)
    assert kit.problems.errors == []


def test_set_timers_from_the_host(new_page: Any, sites: Sites) -> None:
    kit = new_page(390 + 500, 844)
    frame = open_host(kit.page, sites.wallet(), rate=4)
    kit.page.locator("#timers").select_option("off")
    changed = wait_for(frame, "timers_changed")
    assert changed["timers"] == "off"
    frame.locator("#prompt-decline").click(timeout=TIMEOUT_MS)
    shown = wait_for(frame, "choice_shown")
    assert shown["timeout_ms"] is None
    paused = wait_for(frame, "paused_for_choice")
    assert paused["reason"] == "timers_off"
    assert frame.locator("#choice-waiting").is_visible()
    stored = frame.evaluate("dramaPlayer.inputs")
    assert {"at": changed["clock"], "action": "set_timers", "timers": "off"} in stored
    assert kit.problems.errors == []


def test_shop_host_opens_product_cards(new_page: Any, sites: Sites) -> None:
    kit = new_page(390 + 500, 844)
    page = kit.page
    frame = open_host(page, sites.shop(), rate=2, timers="off")
    frame.locator('[data-tag="serum_vanity"]').click(timeout=TIMEOUT_MS)
    page.locator("#product").wait_for(state="visible", timeout=TIMEOUT_MS)
    assert page.locator("#product-name").text_content() == "Night Repair Serum 30ml"
    assert page.locator("#product-link").get_attribute("href") == "https://shop.example.com/glow/serum"
    frame.wait_for_function("() => dramaPlayer.hostPaused", timeout=TIMEOUT_MS)  # the story waits
    page.screenshot(path="/tmp/player-shots/host-shop.png")
    page.locator("#product-close").click()
    frame.wait_for_function("() => !dramaPlayer.hostPaused", timeout=TIMEOUT_MS)
    assert kit.problems.errors == []
