"""Native host bridges in Chromium: iOS WKWebView and Android WebView objects defined by an init
script, the inbound window.dramaPlayer.command, a same-origin DOM host (?host=dom), strict
validation of what comes in, and a host's refusal reason shown as plain, short text."""

from __future__ import annotations

import json
from typing import Any

import pytest

from tests.player.bridge_kit import (
    BAD_COMMANDS,
    clipped,
    command,
    events,
    savings_rows,
    wait_for,
    wait_live,
    wait_row,
)
from tests.player.conftest import PageKit
from tests.player.playthrough import TIMEOUT_MS, open_player
from tests.player.sites import Sites
from tests.player.support import SHOTS_DIR

pytestmark = pytest.mark.browser

IOS = """if (window.top === window) {
  window.__native = [];
  window.webkit = { messageHandlers: { dramaHost: { postMessage(m) { window.__native.push(m); } } } };
}"""

ANDROID = """if (window.top === window) {
  window.__native = [];
  window.DramaHost = {
    postMessage(text) { window.__native.push(text); },
    // androidx.webkit addWebMessageListener objects also deliver the app's replies as events.
    addEventListener(type, listener) { if (type === 'message') window.__reply = listener; },
  };
}"""

READY = {"type": "player_ready", "mode": "host",
         "commands": ["pause", "resume", "deposit_result", "set_timers", "set_locale"]}


def _native(page: Any) -> list[Any]:
    found: list[Any] = page.evaluate("window.__native")
    return found


def _native_and_events(page: Any) -> tuple[list[Any], list[dict[str, Any]]]:
    """What went to the native bridge and the page's events, read together (playback goes on)."""
    both: tuple[list[Any], list[dict[str, Any]]] = tuple(  # type: ignore[assignment]
        page.evaluate("() => [window.__native.slice(), window.__dramaEvents.slice()]")
    )
    return both


def _answer(page: Any, deposit_id: str, ok: bool, reason: str | None = None, text: bool = False) -> Any:
    message: Any = command("deposit_result", deposit_id=deposit_id, ok=ok, reason=reason)
    if text:
        message = json.dumps(message)
    return page.evaluate("(m) => window.dramaPlayer.command(m)", message)


def test_ios_bridge(phone: PageKit, sites: Sites) -> None:
    phone.page.add_init_script(IOS)
    page = open_player(phone, sites.bundle("bank"), rate=4, timers="off")
    assert page.evaluate("dramaPlayer.bridge.transports") == ["dom", "ios"]
    page.locator("#prompt-accept").click(timeout=TIMEOUT_MS)
    requested = wait_for(page, "deposit_requested")
    wait_row(page, "Saving ¥50.00…")
    page.screenshot(path=f"{SHOTS_DIR}/native-saving.png")
    assert _answer(page, requested["deposit_id"], True) is True
    wait_row(page, "Saved ¥50.00")
    page.screenshot(path=f"{SHOTS_DIR}/native-saved.png")
    sent, shown = _native_and_events(page)
    assert all(m["source"] == "drama-studio-player" and m["contract"] == 2 for m in sent)
    assert sent[0]["event"] == READY
    assert [m["event"] for m in sent[1:]] == shown
    assert events(page, "deposit_confirmed")[0]["saved"] == 5000
    assert phone.problems.errors == []


def test_android_bridge(phone: PageKit, sites: Sites) -> None:
    phone.page.add_init_script(ANDROID)
    page = open_player(phone, sites.bundle("bank"), rate=4, timers="off")
    assert page.evaluate("dramaPlayer.bridge.transports") == ["dom", "android"]
    page.locator("#prompt-accept").click(timeout=TIMEOUT_MS)
    requested = wait_for(page, "deposit_requested")
    # The app answers with evaluateJavascript("dramaPlayer.command('<json>')").
    assert _answer(page, requested["deposit_id"], False, "insufficient_balance", text=True) is True
    wait_row(page, "Couldn't save: not enough balance")
    sent, shown = _native_and_events(page)
    assert all(isinstance(m, str) for m in sent)  # Android's postMessage takes a string
    decoded = [json.loads(m) for m in sent]
    assert decoded[0]["event"] == READY
    assert [m["event"] for m in decoded[1:]] == shown
    # ...or through an addWebMessageListener reply.
    page.evaluate("(m) => window.__reply({data: m})", json.dumps(command("pause")))
    page.wait_for_function("() => dramaPlayer.hostPaused", timeout=TIMEOUT_MS)
    assert phone.problems.errors == []


def test_same_origin_dom_host(phone: PageKit, sites: Sites) -> None:
    """?host=dom: a same-origin page that listens to the drama:* events and answers deposits."""
    page = open_player(phone, sites.bundle("bank") + "?host=dom", rate=4, timers="off")
    assert page.evaluate("dramaPlayer.hostMode") is True
    assert page.evaluate("dramaPlayer.bridge.transports") == ["dom"]
    page.evaluate(
        """() => window.addEventListener('drama:deposit_requested', (e) => dramaPlayer.command({
             source: 'drama-studio-host', contract: 2,
             command: {type: 'deposit_result', deposit_id: e.detail.deposit_id, ok: true}}))"""
    )
    page.locator("#prompt-accept").click(timeout=TIMEOUT_MS)
    wait_for(page, "deposit_confirmed")
    wait_row(page, "Saved ¥50.00")
    assert page.locator("#savings-note").is_hidden()  # a host answered: no disclaimer
    assert phone.problems.errors == []


def test_native_commands_are_validated_and_counted(phone: PageKit, sites: Sites) -> None:
    phone.page.add_init_script(IOS)
    page = open_player(phone, sites.bundle("bank"))
    cases: list[tuple[Any, str]] = [
        (None, "not_host_message"),
        (json.dumps([1, 2]), "not_host_message"),
        ({**command("pause"), "contract": "2"}, "contract"),
        (command("resume", extra=None), "malformed"),
        (json.dumps(command("explode")), "unknown_command"),
        *BAD_COMMANDS,
    ]
    results = page.evaluate("(list) => list.map((m) => window.dramaPlayer.command(m))", [m for m, _ in cases])
    assert results == [False] * len(cases)
    got = page.evaluate("window.__rejected")
    assert [r["reason"] for r in got] == [reason for _, reason in cases]
    assert got[-1]["count"] == len(cases)
    # An answer for a deposit nobody asked for is well-formed: accepted, and changes nothing.
    assert _answer(page, "p:0:payday:prompt:round_up:0", True) is True
    assert events(page, "deposit_confirmed") == []
    assert page.evaluate("dramaPlayer.inputs") == []  # nothing happened, nothing recorded
    assert phone.problems.errors == []


def test_a_hosts_reason_is_short_plain_text(phone: PageKit, sites: Sites) -> None:
    phone.page.add_init_script(IOS)
    page = open_player(phone, sites.bundle("bank"), rate=4, timers="off")
    page.locator("#prompt-accept").click(timeout=TIMEOUT_MS)
    requested = wait_for(page, "deposit_requested")
    reason = "<img src=x onerror=alert(1)><script>alert(2)</script>\u0007 Card declined " + "z" * 120
    assert len(reason) <= 200
    assert _answer(page, requested["deposit_id"], False, reason) is True
    refused = wait_for(page, "deposit_refused")
    assert refused["reason"] == reason  # the event keeps it; the card shows it as capped text
    clean = "<img src=x onerror=alert(1)><script>alert(2)</script> Card declined " + "z" * 120
    shown = clean[:79] + "…"  # control characters out, at most 80 characters
    wait_row(page, "Couldn't save: " + shown)
    assert savings_rows(page) == ["Dream trip to Yunnan | Couldn't save: " + shown]
    assert wait_live(page, "Couldn't save").endswith(shown + ".")
    assert page.evaluate("document.querySelectorAll('#savings img, #savings script').length") == 0
    page.screenshot(path=f"{SHOTS_DIR}/native-refused-long-reason.png")
    assert clipped(page, "#savings") == []
    assert phone.problems.dialogs == [] and phone.problems.errors == []


def test_a_late_answer_reaches_an_abandoned_playthrough(phone: PageKit, sites: Sites) -> None:
    """The host answers a deposit after the viewer started over: the answer still counts for the
    playthrough it belongs to (the engine is kept while it has pending deposits)."""
    phone.page.add_init_script(IOS)
    page = open_player(phone, sites.bundle("bank"), rate=4, timers="off")
    page.locator("#prompt-accept").click(timeout=TIMEOUT_MS)
    requested = wait_for(page, "deposit_requested")
    first = requested["deposit_id"].split(":", 1)[0]
    page.evaluate("dramaPlayer.restart()")  # what Watch again / Restart now do
    second = page.wait_for_function(
        "(first) => (window.__dramaEvents.filter((e) => e.type === 'playthrough_started')"
        ".map((e) => e.playthrough).find((p) => p !== first))", arg=first).json_value()
    assert second and second != first
    assert _answer(page, requested["deposit_id"], True) is True
    confirmed = wait_for(page, "deposit_confirmed")
    assert confirmed["deposit_id"] == requested["deposit_id"] and confirmed["saved"] == 5000
    assert any(m["event"] == confirmed for m in _native(page))  # told to the host too
    assert _answer(page, requested["deposit_id"], True) is True  # a repeat changes nothing
    assert len(events(page, "deposit_confirmed")) == 1
    assert phone.problems.errors == []
