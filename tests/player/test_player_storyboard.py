"""Storyboard (placeholder) scenes in the web player: a scene without footage plays as a full-frame
card in its colour with its title and the vocabulary's placeholder note, for its duration on the
engine's clock (no <video> plays under it), with prompts, tags and choices working on top; a clip
scene after a card takes over only once its first frame shows (no black, no stale frame), and a
card after a clip goes up at once. The story is the Python engine's trace for the same inputs.
"""

from __future__ import annotations

from typing import Any

import pytest

from studio.l10n.vocabulary import word
from tests.player import card_dramas
from tests.player.conftest import PageKit, Web
from tests.player.playthrough import (
    TIMEOUT_MS,
    click_for_event,
    host_events,
    inputs_from_events,
    open_player,
    trace_start,
    wait_event,
)
from tests.player.support import SHOTS_DIR

pytestmark = pytest.mark.browser

# Every frame: the card's state, and whether a clip plays under a card that is not leaving.
WATCH_CARD = """(() => {
  window.__cards = [];
  window.__underCard = [];
  const watch = () => {
    const card = document.getElementById('storyboard');
    new MutationObserver(() => {
      const v = document.querySelector('video.is-active');
      window.__cards.push({shown: !card.hidden, scene: card.dataset.scene || null,
        ready: v ? v.readyState : -1, src: v ? v.currentSrc : '', time: v ? v.currentTime : -1,
        seeking: v ? v.seeking : false});
    }).observe(card, {attributes: true, attributeFilter: ['hidden']});
    const frame = () => {
      const sb = window.dramaPlayer && window.dramaPlayer.storyboard;
      const playing = [...document.querySelectorAll('video')].some((v) => !v.paused);
      if (sb && !card.hidden && !sb.leaving && playing) {
        window.__underCard.push(card.dataset.scene);
      }
      requestAnimationFrame(frame);
    };
    frame();
  };
  document.addEventListener('DOMContentLoaded', watch);
})();
"""


def _rgb(hex_colour: str) -> str:
    r, g, b = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgb({r}, {g}, {b})"


def _luminance(rgb: str) -> float:
    def channel(v: float) -> float:
        c = v / 255
        return c / 12.92 if c <= 0.03928 else float(((c + 0.055) / 1.055) ** 2.4)

    r, g, b = (float(x) for x in rgb.removeprefix("rgb(").removesuffix(")").split(","))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def _contrast(a: str, b: str) -> float:
    hi, lo = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def _card(page: Any) -> dict[str, Any]:
    state: dict[str, Any] = page.evaluate(
        """() => { const c = document.getElementById('storyboard'); const s = getComputedStyle(c);
                   const stage = document.getElementById('stage').getBoundingClientRect();
                   const box = c.getBoundingClientRect();
                   return {shown: !c.hidden, scene: c.dataset.scene || null,
                     bg: s.backgroundColor, ink: s.color,
                     title: document.getElementById('storyboard-title').textContent,
                     note: c.querySelector('.storyboard-note').textContent,
                     full: Math.abs(box.width - stage.width) < 1
                           && Math.abs(box.height - stage.height) < 1}; }"""
    )
    return state


def _python_trace(drama: dict[str, Any], events: list[dict[str, Any]]) -> list[Any]:
    from studio.engine import run_trace
    from studio.model.io import project_from_raw

    project, _ = project_from_raw(drama)
    return run_trace(project, timers="normal", inputs=inputs_from_events(events),  # type: ignore[arg-type]
                     **trace_start(events))


def test_card_scene_plays_on_the_engine_clock_with_prompt_tag_and_choice(phone: PageKit, web: Web) -> None:
    drama = card_dramas.storyboard_drama()
    phone.page.add_init_script(WATCH_CARD)
    page = open_player(phone, f"{web.base}/{card_dramas.bundle(drama, web.root, 'storyboard')}")
    page.locator("#storyboard").wait_for(state="visible", timeout=TIMEOUT_MS)
    card = _card(page)
    assert card["scene"] == "c1" and card["full"]
    assert card["title"] == "Payday (storyboard)" and card["note"] == word("placeholder.note")
    assert card["bg"] == _rgb("#e76f51") and _contrast(card["bg"], card["ink"]) >= 4.5
    started = host_events(page)[1]
    assert started["type"] == "scene_started" and started["media"] is None and started["out_ms"] == 2500

    # The prompt and the tag work on the card (placeholders filled).
    page.locator("#prompt").wait_for(state="visible", timeout=TIMEOUT_MS)
    assert page.locator("#prompt-text").text_content() == "Put $50.00 aside?"
    assert page.locator('[data-tag="t"] .tag-cta').text_content() == "Shop Serum"
    click_for_event(page, page.locator("#prompt-accept"), "prompt_accepted")
    click_for_event(page, page.locator('[data-tag="t"]'), "product_clicked")
    page.locator("#product-close").click()
    # The choice appears at 800 ms of card time and waits at 2000 ms (timeout "pause").
    page.locator('[data-option="to_clip"]').wait_for(state="visible", timeout=TIMEOUT_MS)
    wait_event(page, "paused_for_choice")
    progress = page.evaluate(
        """() => Number(/scaleX\\(([0-9.]+)\\)/.exec(
                 document.getElementById('storyboard-bar').style.transform)[1])"""
    )
    assert progress == pytest.approx(2000 / 2500, abs=0.02)  # the card's bar is the engine's clip time
    assert page.evaluate("() => [...document.querySelectorAll('video')].every((v) => v.paused)")
    # "Take your time" stays readable over the card: its pill blended over the card's colour.
    pill = page.evaluate(
        """() => { const s = getComputedStyle(document.getElementById('choice-waiting'));
                   return [s.backgroundColor, s.color]; }"""
    )
    r, g, b, alpha = (float(x) for x in pill[0].removeprefix("rgba(").removesuffix(")").split(","))
    under = [int("e76f51"[i : i + 2], 16) for i in (0, 2, 4)]
    blended = "rgb({}, {}, {})".format(*(round(alpha * c + (1 - alpha) * u) for c, u in zip((r, g, b), under,
                                                                                          strict=True)))
    assert _contrast(blended, pill[1]) >= 4.5
    page.screenshot(path=f"{SHOTS_DIR}/storyboard-card-choice.png")
    live = page.evaluate("window.__liveLog")
    assert any(t.startswith("Payday (storyboard). " + word("placeholder.note")) for t in live), live

    # Card -> clip: the card stays until the clip shows its first frame at in_ms.
    click_for_event(page, page.locator('[data-option="to_clip"]'), "choice_made")
    page.locator("#storyboard").wait_for(state="hidden", timeout=TIMEOUT_MS)
    hid = page.evaluate("window.__cards").pop()
    assert hid["shown"] is False and hid["ready"] >= 2 and not hid["seeking"]
    assert hid["src"].endswith(".mp4") and abs(hid["time"] - 1.0) < 0.2, hid
    page.wait_for_function("() => !document.querySelector('video.is-active').paused", timeout=TIMEOUT_MS)

    # Clip -> card: the ending card (light colour: dark ink), then the ending over it.
    page.locator("#ending").wait_for(state="visible", timeout=TIMEOUT_MS)
    card = _card(page)
    assert card["shown"] and card["scene"] == "c2" and card["bg"] == _rgb("#f4e285")
    assert _contrast(card["bg"], card["ink"]) >= 4.5
    assert page.locator("#ending-title").text_content() == "Storyboard done"
    page.screenshot(path=f"{SHOTS_DIR}/storyboard-ending.png")
    assert page.evaluate("window.__underCard") == []
    events = host_events(page)
    assert events == _python_trace(drama, events)
    assert [e["scene"] for e in events if e["type"] == "scene_started"] == ["c1", "m1", "c2"]
    assert phone.problems.errors == []


def test_next_continues_card_to_clip_to_card(phone: PageKit, web: Web) -> None:
    """Scene.next: no choice anywhere; each scene hands over at its end by itself."""
    drama = card_dramas.next_drama()
    phone.page.add_init_script(WATCH_CARD)
    page = open_player(phone, f"{web.base}/{card_dramas.bundle(drama, web.root, 'next')}")
    page.locator("#ending").wait_for(state="visible", timeout=TIMEOUT_MS)
    events = host_events(page)
    assert [e["scene"] for e in events if e["type"] == "scene_started"] == ["c1", "m1", "c2"]
    assert not any(e["type"] in ("choice_shown", "choice_made") for e in events)
    assert events == _python_trace(drama, events)
    cards = page.evaluate("window.__cards")
    assert [(c["shown"], c["scene"]) for c in cards] == [(True, "c1"), (False, None), (True, "c2")]
    assert cards[1]["ready"] >= 2 and cards[1]["time"] < 0.2  # the clip's first frame was up
    assert _card(page)["title"] == "Closing card"
    assert page.evaluate("window.__underCard") == []
    assert phone.problems.errors == []


def test_back_from_a_clip_returns_to_the_card(phone: PageKit, web: Web) -> None:
    drama = card_dramas.storyboard_drama()
    page = open_player(phone, f"{web.base}/{card_dramas.bundle(drama, web.root, 'storyboard')}")
    click_for_event(page, page.locator('[data-option="to_clip"]'), "choice_made")
    page.locator("#storyboard").wait_for(state="hidden", timeout=TIMEOUT_MS)
    page.locator("#back").click()
    wait_event(page, "went_back")
    page.locator("#storyboard").wait_for(state="visible", timeout=TIMEOUT_MS)
    assert _card(page)["scene"] == "c1"
    page.locator('[data-option="to_card"]').wait_for(state="visible", timeout=TIMEOUT_MS)
    click_for_event(page, page.locator('[data-option="to_card"]'), "choice_made")
    page.locator("#ending").wait_for(state="visible", timeout=TIMEOUT_MS)
    assert _card(page)["scene"] == "c2"
    events = host_events(page)
    assert events == _python_trace(drama, events)
    assert phone.problems.errors == []


def test_a_reload_on_a_card_resumes_on_that_card(phone: PageKit, web: Web) -> None:
    drama = card_dramas.storyboard_drama()
    page = open_player(phone, f"{web.base}/{card_dramas.bundle(drama, web.root, 'storyboard')}")
    click_for_event(page, page.locator("#prompt-accept"), "prompt_accepted")  # an input: saved at once
    page.locator('[data-option="to_card"]').wait_for(state="visible", timeout=TIMEOUT_MS)
    clock = page.evaluate("() => dramaPlayer.engine.clock")
    page.wait_for_timeout(1100)  # the clock is saved about once a second
    page.reload()
    page.locator("#resume-yes").click(timeout=TIMEOUT_MS)
    page.locator("#storyboard").wait_for(state="visible", timeout=TIMEOUT_MS)
    assert _card(page)["scene"] == "c1"
    assert page.evaluate("() => dramaPlayer.engine.clock") >= clock
    click_for_event(page, page.locator('[data-option="to_card"]'), "choice_made")
    page.locator("#ending").wait_for(state="visible", timeout=TIMEOUT_MS)
    assert _card(page)["scene"] == "c2"
    assert page.evaluate("() => [...document.querySelectorAll('video')].every((v) => v.paused)")
    assert phone.problems.errors == []
