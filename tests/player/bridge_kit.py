"""Helpers of the host bridge tests: the player frame inside a host page, commands, waits."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from tests.player.playthrough import TIMEOUT_MS, speed_script, timers_script

HOST_SOURCE = "drama-studio-host"


def command(kind: str, **fields: Any) -> dict[str, Any]:
    """A host -> player message."""
    return {"source": HOST_SOURCE, "contract": 2, "command": {"type": kind, **fields}}


_GOOD = command("pause")
_ID = "p:0:a:option:b:0"

# Messages a player must reject, with the reason it gives (resources/schema/host-player-messages
# .schema.json rejects every one of them too).
BAD_COMMANDS: list[tuple[Any, str]] = [
    ({**_GOOD, "contract": 1}, "contract"),
    ({**_GOOD, "extra": 1}, "malformed"),
    (command("set_language", language="fr"), "unknown_command"),
    (command("deposit_result", deposit_id=_ID, ok="yes"), "malformed"),
    (command("deposit_result", deposit_id=_ID, ok=False, reason="x" * 201), "malformed"),
    (command("deposit_result", deposit_id="", ok=True), "malformed"),
    (command("deposit_result", deposit_id="a b", ok=True), "malformed"),
    (command("deposit_result", deposit_id="x" * 257, ok=True), "malformed"),
    (command("deposit_result", deposit_id=_ID, ok=True, reason=5), "malformed"),
    (command("set_timers", timers="x3"), "malformed"),
    (command("set_timers"), "malformed"),
    (command("pause", now=True), "malformed"),
    ({"source": HOST_SOURCE, "contract": 2, "command": "pause"}, "malformed"),
    ({"source": "someone-else", "contract": 2, "command": {"type": "pause"}}, "not_host_message"),
    (42, "not_host_message"),
    ([_GOOD], "not_host_message"),
    ("{not json", "not_json"),
    ("x" * 5000, "too_large"),
]


def open_host(page: Any, url: str, rate: float = 1.0, timers: str | None = None) -> Any:
    """Open a host page that frames the player; returns the player's frame once it runs."""
    if rate != 1.0:
        page.add_init_script(speed_script(rate))
    if timers is not None:
        page.add_init_script(timers_script(timers))
    page.goto(url)
    return player_frame(page)


def player_frame(page: Any) -> Any:
    """The player's frame in ``page``, once its engine has started."""
    page.wait_for_function(
        "() => document.querySelector('iframe') && document.querySelector('iframe').src",
        timeout=TIMEOUT_MS,
    )
    frame = None
    for _ in range(TIMEOUT_MS // 50):
        frame = next((f for f in page.frames if f is not page.main_frame
                      and urlsplit(f.url).path.endswith("/player/index.html")), None)
        if frame is not None:
            break
        page.wait_for_timeout(50)
    assert frame is not None, "the host page never framed the player"
    frame.wait_for_function(
        "() => window.dramaPlayer && window.dramaPlayer.engine && window.dramaPlayer.engine.started",
        timeout=TIMEOUT_MS,
    )
    return frame


def events(frame: Any, kind: str | None = None) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = frame.evaluate("window.__dramaEvents")
    return [e for e in found if kind is None or e["type"] == kind]


def wait_for(frame: Any, kind: str, count: int = 1) -> dict[str, Any]:
    """Wait for the ``count``-th event of ``kind``; returns it."""
    frame.wait_for_function(
        "([kind, count]) => window.__dramaEvents.filter((e) => e.type === kind).length >= count",
        arg=[kind, count],
        timeout=TIMEOUT_MS,
    )
    return events(frame, kind)[count - 1]


def rejected(frame: Any) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = frame.evaluate("window.__rejected")
    return found


def wait_rejected(frame: Any, count: int) -> list[dict[str, Any]]:
    frame.wait_for_function("(n) => window.__rejected.length >= n", arg=count, timeout=TIMEOUT_MS)
    return rejected(frame)


def savings_rows(frame: Any) -> list[str]:
    """The savings card's rows as "goal | status" text."""
    rows: list[str] = frame.evaluate(
        "() => [...document.querySelectorAll('#savings-list .savings-row')].map((r) =>"
        " r.querySelector('.savings-goal').textContent + ' | ' +"
        " r.querySelector('.savings-status').textContent)"
    )
    return rows


def wait_row(frame: Any, status: str) -> None:
    """Wait until a savings card row's status reads ``status``."""
    frame.wait_for_function(
        "(s) => [...document.querySelectorAll('#savings-list .savings-status')]"
        ".some((n) => n.textContent === s)",
        arg=status,
        timeout=TIMEOUT_MS,
    )


def wait_live(frame: Any, fragment: str) -> str:
    """Wait until the aria-live region has said something containing ``fragment``; that text.

    Pages from the player fixtures log every announcement (conftest.LIVE_LOG), so one replaced
    right away by the next is still seen; other pages are polled."""
    handle = frame.wait_for_function(
        """(f) => {
          const said = (window.__liveLog || []).concat([document.getElementById('live').textContent]);
          return said.find((t) => t.includes(f)) || null;
        }""",
        arg=fragment, timeout=TIMEOUT_MS,
    )
    text: str = handle.json_value()
    return text


def clipped(frame: Any, selector: str) -> list[str]:
    """Elements under ``selector`` whose text does not fit (scrolls): should be none."""
    found: list[str] = frame.evaluate(
        """(sel) => [...document.querySelectorAll(sel + ', ' + sel + ' *')]
             .filter((n) => n.offsetParent !== null &&
                     (n.scrollWidth > n.clientWidth + 1 || n.scrollHeight > n.clientHeight + 1) &&
                     getComputedStyle(n).overflowY !== 'auto')
             .map((n) => n.className || n.tagName)""",
        selector,
    )
    return found
