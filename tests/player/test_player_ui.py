"""Player UI: settings, resume, autoplay fallback, layout, keyboard, money display, loops."""

from __future__ import annotations

from typing import Any

import pytest

from tests.player.conftest import PageKit, Web
from tests.player.playthrough import (
    TIMEOUT_MS,
    click_for_event,
    host_events,
    inputs_from_events,
    open_player,
    python_replay,
    wait_event,
)
from tests.player.support import SHOTS_DIR
from tests.support import SAMPLES

pytestmark = pytest.mark.browser


BLOCK_SOUND_AUTOPLAY = """(() => {
  // Like a browser that refuses autoplay with sound until the viewer interacts.
  let gesture = false;
  window.addEventListener('pointerdown', () => { gesture = true; }, true);
  window.addEventListener('keydown', () => { gesture = true; }, true);
  const play = HTMLMediaElement.prototype.play;
  HTMLMediaElement.prototype.play = function () {
    if (!this.muted && !gesture) {
      return Promise.reject(new DOMException('autoplay with sound blocked', 'NotAllowedError'));
    }
    return play.call(this);
  };
})();
"""


def test_timers_setting_is_persisted_and_applies_on_restart(phone: PageKit, web: Web) -> None:
    page = open_player(phone, f"{web.base}/savings/player/index.html")
    page.locator("#settings-button").click()
    menu = page.locator("#settings")
    assert menu.is_visible()
    assert page.locator('input[value="normal"]').is_checked()
    page.locator('label:has(input[value="x10"])').click()
    stored = page.evaluate("() => localStorage.getItem('drama-studio-player:timers')")
    assert stored == '"x10"'
    page.screenshot(path=f"{SHOTS_DIR}/settings-menu.png")
    page.locator("#settings-restart").click()
    assert menu.is_hidden()
    page.locator("#prompt-decline").click(timeout=TIMEOUT_MS)
    wait_event(page, "choice_shown")
    shown = [e for e in host_events(page) if e["type"] == "choice_shown"][-1]
    assert shown["timeout_ms"] == 10 * (5500 - 3000)
    assert page.locator("#countdown").is_visible()
    bar = "() => Number(/scaleX\\(([0-9.]+)\\)/.exec(document.getElementById('countdown-bar')" \
          ".style.transform)[1])"
    first = page.evaluate(bar)
    page.wait_for_timeout(400)
    assert 0 < page.evaluate(bar) < first <= 1  # the countdown bar runs down

    page.reload()
    page.locator("#resume-no").click(timeout=TIMEOUT_MS)  # a playthrough was in progress
    page.locator("#settings-button").click()
    assert page.locator('input[value="x10"]').is_checked()
    page.keyboard.press("Escape")
    assert menu.is_hidden()
    assert phone.problems.errors == []


def test_resume_after_reload_replays_inputs_without_host_events(phone: PageKit, web: Web) -> None:
    page = open_player(phone, f"{web.base}/savings/player/index.html", rate=4, timers="off")
    page.locator("#prompt-accept").click(timeout=TIMEOUT_MS)
    page.locator('[data-option="save"]').click(timeout=TIMEOUT_MS)
    page.locator('[data-option="hotpot"]').wait_for(state="visible", timeout=TIMEOUT_MS)
    page.wait_for_timeout(1200)  # the clock is saved about once a second
    before = host_events(page)
    inputs = inputs_from_events(before)
    state = page.evaluate(
        "() => { const e = dramaPlayer.engine; return [e.sceneId, e.saved, e.variables]; }"
    )

    page.reload()
    resume = page.locator("#resume")
    resume.wait_for(state="visible", timeout=TIMEOUT_MS)
    page.screenshot(path=f"{SHOTS_DIR}/resume-card.png")
    page.locator("#resume-yes").click()
    resumed = page.evaluate(
        """() => { const e = dramaPlayer.engine;
                   return [e.sceneId, e.saved, e.variables, dramaPlayer.inputs]; }"""
    )
    assert resumed[:3] == state
    assert resumed[3] == inputs
    # Replayed history is not sent to the host again (no second deposit!).
    replayed = [e for e in host_events(page) if e["type"] in ("deposit_requested", "prompt_accepted")]
    assert replayed == []
    page.locator('[data-option="hotpot"]').click(timeout=TIMEOUT_MS)
    wait_event(page, "scene_started")
    after = host_events(page)
    assert [e["scene"] for e in after if e["type"] == "scene_started"] == ["month_end"]
    assert phone.problems.errors == []


def test_muted_autoplay_fallback_and_unmute(phone: PageKit, web: Web) -> None:
    phone.page.add_init_script(BLOCK_SOUND_AUTOPLAY)
    page = open_player(phone, f"{web.base}/savings/player/index.html")
    unmute = page.locator("#unmute")
    unmute.wait_for(state="visible", timeout=TIMEOUT_MS)
    wait_event(page, "prompt_shown")  # playback went on, muted
    assert page.evaluate("() => [...document.querySelectorAll('video')].every((v) => v.muted)")
    unmute.click()
    assert unmute.is_hidden()
    assert page.evaluate("() => [...document.querySelectorAll('video')].every((v) => !v.muted)")
    page.locator("#prompt-decline").click()
    wait_event(page, "choice_shown")
    assert phone.problems.errors == []


@pytest.mark.parametrize(("width", "height"), [(390, 844), (1280, 720), (360, 560)])
def test_layout_keeps_9_16_and_places_hotspots(new_page: Any, web: Web, width: int,
                                               height: int) -> None:
    kit = new_page(width, height)
    page = open_player(kit, f"{web.base}/savings/player/index.html", rate=4, timers="off")
    page.locator("#prompt-decline").click(timeout=TIMEOUT_MS)
    option = page.locator('[data-option="save"]')
    option.wait_for(state="visible", timeout=TIMEOUT_MS)
    stage = page.locator("#stage").bounding_box()
    assert stage is not None
    assert abs(stage["width"] / stage["height"] - 9 / 16) < 0.01
    assert stage["width"] <= width + 0.5 and stage["height"] <= height + 0.5
    assert min(width - stage["width"], height - stage["height"]) < 1  # fills one dimension
    box = option.bounding_box()
    assert box is not None
    rect = {"x": 0.08, "y": 0.72, "w": 0.4, "h": 0.12}  # the option's hotspot in the drama
    assert abs(box["x"] - (stage["x"] + rect["x"] * stage["width"])) < 1.5
    assert abs(box["y"] - (stage["y"] + rect["y"] * stage["height"])) < 1.5
    assert abs(box["width"] - rect["w"] * stage["width"]) < 1.5
    # Nothing clips: every option label fits inside its button.
    overflow = page.evaluate(
        """() => [...document.querySelectorAll('.option')].filter(
             (b) => b.scrollWidth > b.clientWidth + 1 || b.scrollHeight > b.clientHeight + 1).length"""
    )
    assert overflow == 0
    page.screenshot(path=f"{SHOTS_DIR}/layout-{width}x{height}.png")
    assert kit.problems.errors == []


def test_keyboard_focus_and_live_region(phone: PageKit, web: Web) -> None:
    page = open_player(phone, f"{web.base}/savings/player/index.html", rate=4, timers="off")
    accept = page.locator("#prompt-accept")
    accept.wait_for(state="visible", timeout=TIMEOUT_MS)
    live = page.locator("#live")
    page.wait_for_function("() => document.getElementById('live').textContent.length > 0")
    assert "Put ¥50.00 of your pay into the trip fund?" in (live.text_content() or "")
    # The prompt takes focus; Space accepts it.
    assert page.evaluate("() => document.activeElement.id") == "prompt-accept"
    page.keyboard.press("Space")
    wait_event(page, "deposit_requested")
    page.locator('[data-option="save"]').wait_for(state="visible", timeout=TIMEOUT_MS)
    page.wait_for_function("() => document.getElementById('live').textContent.startsWith('Choose')")
    assert live.text_content() == "Choose: 1: Save ¥200.00 for the trip, 2: Buy the new phone."
    # Tab walks to the options; the focus ring is visible.
    page.keyboard.press("Tab")
    focused = page.evaluate(
        """() => { const a = document.activeElement; const s = getComputedStyle(a);
                   return [a.dataset.option || a.id, s.outlineStyle, s.outlineWidth]; }"""
    )
    assert focused[1] == "solid" and focused[2] == "3px"
    page.keyboard.press("2")
    wait_event(page, "choice_made")
    made = [e for e in host_events(page) if e["type"] == "choice_made"]
    assert made[0]["option"] == "spend" and made[0]["by"] == "viewer"
    back = page.locator("#back")
    assert back.is_enabled()
    back.click()
    wait_event(page, "went_back")
    assert page.locator('[data-option="save"]').is_visible()
    assert phone.problems.errors == []


def test_timeouts_and_loops_follow_python(phone: PageKit, web: Web) -> None:
    """Normal timers: deadlines, a loop (video seeks back) and defaults, all at video time."""
    page = open_player(phone, f"{web.base}/savings/player/index.html", rate=3)
    page.locator("#prompt-decline").click(timeout=TIMEOUT_MS)
    click_for_event(page, page.locator('[data-option="spend"]'), "choice_made")
    wait_event(page, "scene_looped")  # nobody answers: the spend-path choice loops
    click_for_event(page, page.locator('[data-option="return_it"]'), "choice_made")
    wait_event(page, "ending_reached")
    events = host_events(page)
    expected = python_replay(SAMPLES / "savings", events, "normal")
    assert events == expected
    kinds = [e["type"] for e in events]
    assert "prompt_declined" in kinds and "scene_looped" in kinds
    assert [e["by"] for e in events if e["type"] == "choice_made"] == [
        "viewer", "viewer", "timeout", "timeout"]
    assert phone.problems.errors == []


def test_money_display_matches_python(phone: PageKit, web: Web) -> None:
    from studio.model.currency import format_money

    page = open_player(phone, f"{web.base}/savings/player/index.html")
    cases = [(a, c) for c in ("CNY", "JPY", "KWD", "USD", "EUR", "UYW", "CHF", "KRW")
             for a in (0, 1, 5, 99, 100, 1250, 123456789, -1250)]
    got = page.evaluate("(cases) => cases.map(([a, c]) => DramaMoney.formatMoney(a, c))", cases)
    assert got == [format_money(a, c) for a, c in cases]
