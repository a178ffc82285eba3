"""Dubs in the web player (docs/localisation-player.md, "Subtitles and dubs"), in Chromium: with an en
dub for a trimmed scene, an English viewer's clip plays muted and the <audio> dub plays from the same
clip time, in step after playback (drift sought back), pauses and resumes with a host's pause, follows
the viewer's mute, and is silent from the moment the next (undubbed) scene starts, whose clip has its
own sound; a viewer of another language hears the clip. The audio file is a real AAC .m4a (PyAV),
shipped by the real exporter."""

from __future__ import annotations

import re
import statistics
from collections.abc import Iterator
from typing import Any

import pytest

from tests.player import track_dramas
from tests.player.bridge_kit import command
from tests.player.conftest import COLLECT_EVENTS, Web
from tests.player.locale_kit import kit_factory
from tests.player.playthrough import TIMEOUT_MS, click_for_event, host_events, open_player, wait_event

pytestmark = pytest.mark.browser

# Every frame: the engine's scene, the deck's driving clip and the dub.
WATCH = """(() => {
  window.__frames = [];
  const frame = () => {
    requestAnimationFrame(frame);
    const p = window.dramaPlayer;
    const a = document.getElementById('dub');
    if (!p || !p.engine || !p.engine.started || !a) return;
    const v = p.deck.driver;
    window.__frames.push({scene: p.engine.sceneId, switching: p.deck.switching, ready: p.deck.ready,
      video: v.currentTime, videoPaused: v.paused, videoMuted: v.muted, src: v.getAttribute('src'),
      audio: a.currentTime, audioPaused: a.paused, audioMuted: a.muted, audioSeeking: a.seeking,
      audioSrc: a.getAttribute('src')});
  };
  requestAnimationFrame(frame);
})();
"""


@pytest.fixture
def kits(browser: Any) -> Iterator[Any]:
    with kit_factory(browser, (COLLECT_EVENTS, WATCH)) as make:
        yield make


@pytest.fixture(scope="module")
def url(web: Web) -> str:
    return f"{web.base}/{track_dramas.dubbed_bundle(web.root, 'dubbed')}"


def _frames(page: Any) -> list[dict[str, Any]]:
    frames: list[dict[str, Any]] = page.evaluate("window.__frames.splice(0)")
    return frames


def _state(page: Any) -> dict[str, Any]:
    state: dict[str, Any] = page.evaluate(
        """() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => {
             const a = document.getElementById('dub'); const v = dramaPlayer.deck.driver;
             done({audioPaused: a.paused, audioMuted: a.muted, audio: a.currentTime, video: v.currentTime,
                   videoPaused: v.paused, videoMuted: v.muted, dubbed: v.dataset.dub === '1'}); })))""")
    return state


def _host(page: Any, kind: str) -> None:
    assert page.evaluate("(m) => dramaPlayer.command(m)", command(kind)) is True


def _in_step(frames: list[dict[str, Any]]) -> list[float]:
    """|dub - clip| in seconds over frames where both play, settled (no seek, no switch)."""
    return [abs(f["audio"] - f["video"]) for f in frames
            if f["scene"] == "d1" and f["ready"] and not f["switching"] and not f["audioSeeking"]
            and not f["audioPaused"] and not f["videoPaused"]]


def test_the_dub_plays_in_step_with_the_muted_clip(kits: Any, url: str) -> None:
    kit = kits("en-US")
    page = open_player(kit, url)
    page.wait_for_function("() => dramaPlayer.engine.sceneId === 'd1' && dramaPlayer.engine.t >= 1700",
                           timeout=TIMEOUT_MS)
    _frames(page)
    page.wait_for_function("() => dramaPlayer.engine.t >= 3300", timeout=TIMEOUT_MS)
    frames = _frames(page)
    playing = [f for f in frames if f["scene"] == "d1" and not f["videoPaused"] and f["ready"]]
    assert len(playing) >= 20
    assert all(f["videoMuted"] for f in playing)  # the clip is muted: the dub speaks
    # The exported file: media/<sha256>.m4a (the exporter rewrote audio[].path as it does clips').
    assert all(re.fullmatch(r"\.\./media/[0-9a-f]{64}\.m4a", f["audioSrc"] or "") for f in playing)
    assert sum(not f["audioPaused"] for f in playing) >= 0.9 * len(playing)
    drift = _in_step(frames)
    assert len(drift) >= 15
    assert statistics.median(drift) <= 0.12 and max(drift) <= 0.35, (statistics.median(drift), max(drift))
    assert min(f["audio"] for f in playing) >= 1.5  # from the clip time of the trim, not from 0

    # The host holds the story: the clip and the dub stop; resume: both go on, in step.
    _host(page, "pause")
    held = _state(page)
    assert held["videoPaused"] and held["audioPaused"]
    page.wait_for_timeout(300)
    assert _state(page)["audioPaused"]
    _host(page, "resume")
    page.wait_for_function("() => !document.getElementById('dub').paused", timeout=TIMEOUT_MS)
    went_on = _state(page)
    assert not went_on["videoPaused"] and abs(went_on["audio"] - went_on["video"]) <= 0.35

    # The viewer's mute applies to the dub.
    page.evaluate("dramaPlayer.deck.setMuted(true)")
    assert _state(page)["audioMuted"]
    page.evaluate("dramaPlayer.deck.setMuted(false)")
    unmuted = _state(page)
    assert not unmuted["audioMuted"] and unmuted["videoMuted"] and unmuted["dubbed"]

    # The next scene has no dub: from its start the dub is silent, and its clip has its sound.
    page.wait_for_function("() => dramaPlayer.engine.sceneId === 'd2' && dramaPlayer.deck.ready"
                           " && !dramaPlayer.deck.driver.paused", timeout=TIMEOUT_MS)
    after = [f for f in _frames(page) if f["scene"] == "d2"]
    assert after and all(f["audioPaused"] for f in after)
    shown = [f for f in after if f["ready"] and not f["switching"]]
    assert shown and not any(f["videoMuted"] for f in shown)
    assert kit.errors == []


def test_a_loop_and_back_take_the_dub_along(kits: Any, web: Web) -> None:
    """The choice times out into a loop (the scene again from its in-point), then the viewer goes on
    and comes back: each time the dub starts where the clip does. A drift is sought back."""
    url = f"{web.base}/{track_dramas.dubbed_bundle(web.root, 'dubbed-loop', loop=True)}"
    kit = kits("en-US")
    page = open_player(kit, url)
    page.wait_for_function("() => dramaPlayer.engine.sceneId === 'd1' && dramaPlayer.engine.t >= 1800",
                           timeout=TIMEOUT_MS)
    page.evaluate("document.getElementById('dub').currentTime = 0.2")  # far off: sought back
    page.wait_for_function("() => dramaPlayer.dub.seeks >= 1 && Math.abs(document.getElementById('dub')"
                           ".currentTime - dramaPlayer.deck.driver.currentTime) < 0.2", timeout=TIMEOUT_MS)
    wait_event(page, "scene_looped")
    _frames(page)
    page.wait_for_function("() => dramaPlayer.engine.t >= 1900 && dramaPlayer.engine.t < 3000",
                           timeout=TIMEOUT_MS)
    looped = _frames(page)
    drift = _in_step(looped)
    assert drift and statistics.median(drift) <= 0.12, drift
    assert min(f["audio"] for f in looped if not f["audioPaused"]) < 2.0  # from the in-point again

    click_for_event(page, page.locator('[data-option="go"]'), "choice_made")
    page.wait_for_function("() => dramaPlayer.engine.sceneId === 'd2'", timeout=TIMEOUT_MS)
    assert _state(page)["audioPaused"]
    click_for_event(page, page.locator("#back"), "went_back")
    back = next(e for e in host_events(page) if e["type"] == "went_back")
    page.wait_for_function("() => dramaPlayer.deck.ready && dramaPlayer.engine.sceneId === 'd1'",
                           timeout=TIMEOUT_MS)
    state = _state(page)
    assert state["dubbed"] and state["videoMuted"]
    assert abs(state["audio"] - back["to_t"] / 1000) < 0.35 and abs(state["video"] - state["audio"]) < 0.35
    assert kit.errors == []


def test_without_a_dub_in_the_viewers_language_the_clip_speaks(kits: Any, url: str) -> None:
    kit = kits("ja-JP")
    page = open_player(kit, url)
    page.wait_for_function("() => dramaPlayer.engine.sceneId === 'd1' && dramaPlayer.engine.t >= 2000",
                           timeout=TIMEOUT_MS)
    state = _state(page)
    assert not state["videoMuted"] and not state["dubbed"] and state["audioPaused"]
    assert page.evaluate("document.getElementById('dub').getAttribute('src')") is None
    # The host says English: the dub takes over at once, at the clip's time.
    assert page.evaluate("(m) => dramaPlayer.command(m)", command("set_locale", locale="en")) is True
    page.wait_for_function("() => !document.getElementById('dub').paused", timeout=TIMEOUT_MS)
    state = _state(page)
    assert state["videoMuted"] and state["dubbed"] and abs(state["audio"] - state["video"]) <= 0.35
    assert kit.errors == []
