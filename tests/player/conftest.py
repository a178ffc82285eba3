"""Fixtures of the web player tests: headless Chromium (Playwright) and a served web root.

The web root holds a copy of resources/player (for the engine harness), one
bundle folder per sample drama and an XSS drama, and a tiny host page that
embeds the player in an iframe (to see the postMessage bridge). Chromium is
/usr/bin/chromium; without it the tests skip locally and fail in CI.
"""

from __future__ import annotations

import contextlib
import json
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from tests.player import dramas
from tests.player.sites import Sites, open_sites
from tests.player.support import (
    PLAYER_DIR,
    SHOTS_DIR,
    assemble_bundle,
    bundle_for_sample,
    serve,
)
from tests.support import SAMPLES

PHONE = {"width": 390, "height": 844}

# Every engine event type of contract v2 (bridge-level events such as player_ready are not here).
EVENT_TYPES = [
    "playthrough_started", "scene_started", "effects_applied", "choice_shown", "choice_made",
    "prompt_shown", "prompt_accepted", "prompt_declined", "deposit_requested", "deposit_confirmed",
    "deposit_refused", "deposit_cancelled", "deposit_simulated", "product_tag_shown",
    "product_tag_hidden", "product_clicked", "scene_looped", "paused_for_choice", "timers_changed",
    "went_back", "ending_reached", "stopped",
]

# Collects every drama:* CustomEvent in window.__dramaEvents (in order).
COLLECT_EVENTS = (
    "window.__dramaEvents = [];\n"
    f"for (const type of {json.dumps(EVENT_TYPES)}) {{\n"
    "  window.addEventListener('drama:' + type, (e) => window.__dramaEvents.push(e.detail));\n"
    "}\n"
    "window.__rejected = [];\n"
    "window.addEventListener('drama:bridge_rejected', (e) => window.__rejected.push(e.detail));\n"
    "window.__ready = [];\n"
    "window.addEventListener('drama:player_ready', (e) => window.__ready.push(e.detail));\n"
)

HOST_PAGE = """<!doctype html>
<html><head><meta charset="utf-8"><title>host</title><link rel="icon" href="data:,"></head>
<body style="margin:0;background:#222">
<iframe id="player" src="savings/player/index.html" allow="autoplay"
        style="width:390px;height:760px;border:0"></iframe>
<script src="host.js"></script>
</body></html>
"""

HOST_JS = """window.__messages = [];
window.addEventListener('message', (e) => {
  if (e.data && e.data.source === 'drama-studio-player') window.__messages.push(e.data);
});
"""


@pytest.fixture(scope="session")
def sites(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Sites]:
    """Player, example hosts and a site that is not allowed, on three origins (tests/player/sites.py)."""
    if not (SAMPLES / "savings" / "drama.json").is_file():
        pytest.skip("the sample projects are missing")
    with open_sites(tmp_path_factory.mktemp("sites")) as found:
        yield found


@dataclass
class Web:
    """The served web root."""

    base: str
    root: Path


@dataclass
class PageProblems:
    """Console errors and page errors seen by one page."""

    errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)


@pytest.fixture(scope="session")
def web(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Web]:
    root = tmp_path_factory.mktemp("web")
    SHOTS_DIR.mkdir(parents=True, exist_ok=True)
    shutil.copytree(PLAYER_DIR, root / "player")
    (root / "blank.html").write_text(
        '<!doctype html><title>blank</title><link rel="icon" href="data:,">', encoding="utf-8"
    )
    (root / "host.html").write_text(HOST_PAGE, encoding="utf-8")
    (root / "host.js").write_text(HOST_JS, encoding="utf-8")
    for name in ("savings", "shoppable"):
        if (SAMPLES / name / "drama.json").is_file():
            bundle_for_sample(name, root / name)
    media = SAMPLES / "savings"
    if (media / "drama.json").is_file():
        assemble_bundle(dramas.xss_drama(), media, root / "xss")
        assemble_bundle(dramas.trim_drama(), media, root / "trims")
    with serve(root) as base:
        yield Web(base, root)


# Every text the aria-live region says, in order (window.__liveLog): an announcement may be
# replaced within a frame by the next one, faster than a poll can see it on a loaded machine.
LIVE_LOG = """
(() => {
  window.__liveLog = [];
  const watch = () => {
    const live = document.getElementById("live");
    if (!live) return false;
    const note = () => { if (live.textContent) window.__liveLog.push(live.textContent); };
    new MutationObserver(note).observe(live, {childList: true, characterData: true, subtree: true});
    note();
    return true;
  };
  if (!watch()) document.addEventListener("DOMContentLoaded", watch);
})();
"""


def _new_page(browser: Any, viewport: dict[str, int]) -> tuple[Any, Any, PageProblems]:
    context = browser.new_context(viewport=viewport, device_scale_factor=1)
    page = context.new_page()
    problems = PageProblems()

    def on_console(message: Any) -> None:
        if message.type == "error":
            where = message.location.get("url", "") if message.location else ""
            problems.errors.append(f"console: {message.text} ({where})")

    def on_dialog(dialog: Any) -> None:
        problems.dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("console", on_console)
    page.on("pageerror", lambda exc: problems.errors.append(f"pageerror: {exc}"))
    page.on("dialog", on_dialog)
    page.add_init_script(COLLECT_EVENTS)
    page.add_init_script(LIVE_LOG)
    return context, page, problems


@dataclass
class PageKit:
    """A page plus what it reported."""

    page: Any
    problems: PageProblems
    context: Any


@contextlib.contextmanager
def engine_script_page(browser: Any, web: Web, *scripts: Path) -> Iterator[Any]:
    """A blank page of the web root with the player's engine.js and the generated tables it needs
    (plus ``scripts``) loaded; fails if the page threw anything by the end."""
    context = browser.new_context()
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(f"{web.base}/blank.html")
    page.add_script_tag(url=f"{web.base}/player/generated/tables.js")
    page.add_script_tag(url=f"{web.base}/player/engine.js")
    for script in scripts:
        page.add_script_tag(path=str(script))
    try:
        yield page
    finally:
        context.close()
    assert errors == []


@pytest.fixture
def phone(browser: Any) -> Iterator[PageKit]:
    """A fresh phone-sized page (own context: fresh localStorage)."""
    context, page, problems = _new_page(browser, PHONE)
    try:
        yield PageKit(page, problems, context)
    finally:
        context.close()


@pytest.fixture
def new_page(browser: Any) -> Iterator[Any]:
    """Factory of extra pages with a chosen viewport (closed at the end)."""
    contexts: list[Any] = []

    def make(width: int, height: int) -> PageKit:
        context, page, problems = _new_page(browser, {"width": width, "height": height})
        contexts.append(context)
        return PageKit(page, problems, context)

    try:
        yield make
    finally:
        for context in contexts:
            context.close()
