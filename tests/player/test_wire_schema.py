"""The wire format's JSON Schemas (resources/schema/*-messages.schema.json) against real traffic.

Every message the example wallet and shop received from the real player, and every command they
sent it, over a session that touches almost every event type, validates; every message the
player rejects is invalid for the schema too.
"""

from __future__ import annotations

import json
import re
from typing import Any

import pytest

from tests.player.bridge_kit import BAD_COMMANDS, open_host, wait_for
from tests.player.playthrough import TIMEOUT_MS
from tests.player.sites import Sites
from tests.support import ROOT, require

pytestmark = pytest.mark.browser

SCHEMAS = ROOT / "resources" / "schema"
RECORD = (
    "window.__wire = [];\n"
    "window.addEventListener('message', (e) => window.__wire.push(e.data));\n"
)


def _validator(name: str) -> Any:
    try:
        import jsonschema
    except ImportError:
        require(False, "the jsonschema package (the project's dev extra)")
    schema = json.loads((SCHEMAS / f"{name}.schema.json").read_text("utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def _traffic(page: Any) -> tuple[list[Any], list[Any]]:
    """(messages the host page got from the player, commands the player frame got)."""
    up = [m for m in page.evaluate("window.__wire") if isinstance(m, dict) and "event" in m]
    frame = next(f for f in page.frames if f is not page.main_frame)
    down = frame.evaluate("window.__wire")
    return up, down


def _wallet_session(page: Any, sites: Sites) -> tuple[list[Any], list[Any]]:
    page.add_init_script(RECORD)
    frame = open_host(page, sites.wallet(balance=20000), rate=4)
    page.locator("#timers").select_option("off")
    wait_for(frame, "timers_changed")
    frame.locator("#prompt-accept").click(timeout=TIMEOUT_MS)  # ¥50: confirmed
    wait_for(frame, "paused_for_choice")  # timers off: the choice waits at its deadline
    frame.locator('[data-option="save"]').click(timeout=TIMEOUT_MS)  # ¥200 > balance: refused
    wait_for(frame, "deposit_refused")
    frame.locator("#back").click()
    wait_for(frame, "went_back")
    frame.locator('[data-option="spend"]').click(timeout=TIMEOUT_MS)  # the refused one is cancelled
    wait_for(frame, "deposit_cancelled")
    frame.locator("#prompt-accept").click(timeout=TIMEOUT_MS)  # the round-up prompt
    page.locator("#pause").click()
    frame.wait_for_function("() => dramaPlayer.hostPaused", timeout=TIMEOUT_MS)
    page.locator("#resume").click()
    frame.locator('[data-option="keep_it"]').click(timeout=TIMEOUT_MS)
    frame.locator('[data-option="give_in"]').click(timeout=TIMEOUT_MS)
    frame.locator('[data-option="party"]').click(timeout=TIMEOUT_MS)
    wait_for(frame, "ending_reached")
    frame.locator("#ending-replay").click()
    frame.locator("#prompt-accept").click(timeout=TIMEOUT_MS)
    wait_for(frame, "deposit_simulated")
    return _traffic(page)


def _shop_session(page: Any, sites: Sites) -> tuple[list[Any], list[Any]]:
    page.add_init_script(RECORD)
    frame = open_host(page, sites.shop(), rate=2, timers="off")
    frame.locator('[data-tag="serum_vanity"]').click(timeout=TIMEOUT_MS)
    page.locator("#product").wait_for(state="visible", timeout=TIMEOUT_MS)
    page.locator("#product-close").click()
    wait_for(frame, "product_tag_hidden")
    return _traffic(page)


def test_real_messages_validate_against_the_schemas(new_page: Any, sites: Sites) -> None:
    up_schema = _validator("player-host-messages")
    down_schema = _validator("host-player-messages")
    wallet, shop = new_page(910, 844), new_page(910, 844)
    up, down = _wallet_session(wallet.page, sites)
    shop_up, shop_down = _shop_session(shop.page, sites)
    up, down = up + shop_up, down + shop_down
    for message in up:
        errors = [e.message for e in up_schema.iter_errors(message)]
        assert errors == [], (message, errors)
    for message in down:
        errors = [e.message for e in down_schema.iter_errors(message)]
        assert errors == [], (message, errors)
    kinds = {m["event"]["type"] for m in up}
    assert kinds >= {
        "player_ready", "playthrough_started", "scene_started", "effects_applied", "choice_shown",
        "choice_made", "prompt_shown", "prompt_accepted", "deposit_requested", "deposit_confirmed",
        "deposit_refused", "deposit_cancelled", "deposit_simulated", "product_tag_shown",
        "product_tag_hidden", "product_clicked", "paused_for_choice", "timers_changed", "went_back",
        "ending_reached",
    }
    assert {m["command"]["type"] for m in down} == {"pause", "resume", "deposit_result", "set_timers"}
    assert wallet.problems.errors == [] and shop.problems.errors == []


def test_what_the_player_rejects_the_schema_rejects() -> None:
    down_schema = _validator("host-player-messages")
    for message, reason in BAD_COMMANDS:
        assert not down_schema.is_valid(message), (message, reason)
    up_schema = _validator("player-host-messages")
    ready = {"source": "drama-studio-player", "contract": 2,
             "event": {"type": "player_ready", "mode": "host", "commands": ["pause"]}}
    assert up_schema.is_valid(ready)
    assert not up_schema.is_valid({**ready, "contract": 1})
    assert not up_schema.is_valid({**ready, "event": {"type": "stopped", "clock": 0, "scene": "a", "t": 0,
                                                      "reason": "limit"}})  # runner-only: never sent


def test_the_guides_examples_are_valid_messages() -> None:
    """Every JSON example of docs/host-integration.md is a valid message of its direction."""
    schemas = {"drama-studio-player": _validator("player-host-messages"),
               "drama-studio-host": _validator("host-player-messages")}
    text = (ROOT / "docs" / "host-integration.md").read_text("utf-8")
    blocks = re.findall(r"```json\n(.*?)```", text, re.DOTALL)
    assert len(blocks) >= 3
    for block in blocks:
        message = json.loads(block)
        errors = [e.message for e in schemas[message["source"]].iter_errors(message)]
        assert errors == [], (block, errors)
