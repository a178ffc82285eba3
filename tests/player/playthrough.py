"""Driving the real player in Chromium: open a bundle, read the host events, replay in Python."""

from __future__ import annotations

import json
from typing import Any

from tests.player.conftest import PageKit

TIMEOUT_MS = 30_000


def speed_script(rate: float) -> str:
    """Init script: every clip plays at ``rate`` (keeps e2e tests short)."""
    return (
        "(() => {\n"
        "  const play = HTMLMediaElement.prototype.play;\n"
        "  HTMLMediaElement.prototype.play = function () {\n"
        f"    this.defaultPlaybackRate = {rate};\n"
        f"    this.playbackRate = {rate};\n"
        "    return play.call(this);\n"
        "  };\n"
        "})();\n"
    )


def timers_script(timers: str) -> str:
    return (
        "try { if (!sessionStorage.getItem('timers-set')) {"
        f" localStorage.setItem('drama-studio-player:timers', {json.dumps(json.dumps(timers))});"
        " sessionStorage.setItem('timers-set', '1'); } } catch (e) {}\n"
    )


def open_player(kit: PageKit, url: str, rate: float = 1.0, timers: str | None = None) -> Any:
    page = kit.page
    if rate != 1.0:
        page.add_init_script(speed_script(rate))
    if timers is not None:
        page.add_init_script(timers_script(timers))
    page.goto(url)
    page.wait_for_function("() => window.dramaPlayer && window.dramaPlayer.engine !== null",
                           timeout=TIMEOUT_MS)
    return page


def host_events(page: Any) -> list[dict[str, Any]]:
    events: list[dict[str, Any]] = page.evaluate("window.__dramaEvents")
    return events


def count_events(page: Any, kind: str) -> int:
    n: int = page.evaluate(
        "(kind) => window.__dramaEvents.filter((e) => e.type === kind).length", kind
    )
    return n


def wait_event(page: Any, kind: str, count: int = 1, timeout: int = TIMEOUT_MS) -> None:
    page.wait_for_function(
        "([kind, count]) => window.__dramaEvents.filter((e) => e.type === kind).length >= count",
        arg=[kind, count],
        timeout=timeout,
    )


def click_for_event(page: Any, locator: Any, kind: str, attempts: int = 4) -> None:
    """Click a time-limited control until the engine reports ``kind`` (a click can lose a
    race with the story clock: the control may vanish as it is clicked)."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    before = count_events(page, kind)
    for _ in range(attempts):
        locator.click(timeout=TIMEOUT_MS)
        try:
            wait_event(page, kind, before + 1, timeout=3000)
            return
        except PlaywrightTimeout:
            continue
    raise AssertionError(f"clicking {locator} never produced a {kind} event")


def inputs_from_events(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The viewer inputs that produced ``events`` (each at the clock it was applied).

    Host answers are not inputs here: a preview player's own wallet accepts every
    deposit, as the trace runner's default wallet does.
    """
    out: list[dict[str, Any]] = []
    for e in events:
        kind = e["type"]
        if kind == "choice_made" and e["by"] == "viewer":
            out.append({"at": e["clock"], "action": "choose", "option": e["option"]})
        elif kind == "prompt_accepted":
            out.append({"at": e["clock"], "action": "accept_prompt"})
        elif kind == "prompt_declined" and e["by"] == "viewer":
            out.append({"at": e["clock"], "action": "decline_prompt"})
        elif kind == "product_clicked":
            out.append({"at": e["clock"], "action": "click_product", "tag": e["tag"]})
        elif kind == "went_back":
            out.append({"at": e["clock"], "action": "back"})
    return out


def trace_start(events: list[dict[str, Any]]) -> dict[str, Any]:
    """run_trace's playthrough arguments of the playthrough whose events are ``events``."""
    first = events[0]
    assert first["type"] == "playthrough_started", first
    return {"playthrough": first["playthrough"], "replay": first["replay"]}


def python_replay(project_dir: Any, events: list[dict[str, Any]], timers: str) -> list[Any]:
    """The Python engine's trace for the viewer inputs (and playthrough) of ``events``."""
    from studio.engine import run_trace
    from studio.model import load

    project = load(project_dir).project
    return run_trace(project, timers=timers, inputs=inputs_from_events(events),  # type: ignore[arg-type]
                     **trace_start(events))
