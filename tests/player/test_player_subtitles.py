"""Subtitles in the web player (docs/localisation-player.md, "Subtitles and dubs"), in Chromium on
bundles made by the real exporter: each cue shows at its clip time on the engine's clock, exactly its
text, and goes at its end; a cue before a trim's in-point never shows; the words' locale chooses the
track, else the drama's source track; a host's set_locale switches it at once; the viewer's toggle
hides and shows them (remembered) and is hidden when nothing can show; markup is shown as text; the
box sits above the choice's buttons and under a product tag's chip; a storyboard card's cues follow
its own clock."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from studio.l10n import vocabulary
from tests.player import track_dramas
from tests.player.bridge_kit import command
from tests.player.conftest import COLLECT_EVENTS, LIVE_LOG, Web
from tests.player.locale_kit import kit_factory
from tests.player.playthrough import TIMEOUT_MS, open_player
from tests.player.track_dramas import CUE_TIMES, EN, ZH

pytestmark = pytest.mark.browser

SHOTS = Path("/tmp/player-shots")

# Every change of the subtitle box: its text (null: hidden), the engine's scene and clip time then.
WATCH_SUBTITLES = """(() => {
  window.__subs = [];
  const watch = () => {
    const box = document.getElementById('subtitles');
    const line = document.getElementById('subtitle-text');
    const note = () => {
      const e = window.dramaPlayer && window.dramaPlayer.engine;
      window.__subs.push({text: box.hidden ? null : line.textContent, elements: line.childElementCount,
        scene: e && e.started ? e.sceneId : null, t: e && e.started ? e.t : null});
    };
    const observer = new MutationObserver(note);
    observer.observe(box, {attributes: true, attributeFilter: ['hidden']});
    observer.observe(line, {childList: true, characterData: true, subtree: true});
  };
  document.addEventListener('DOMContentLoaded', watch);
})();
"""


@pytest.fixture
def kits(browser: Any) -> Iterator[Any]:
    with kit_factory(browser, (COLLECT_EVENTS, LIVE_LOG, WATCH_SUBTITLES), scale=2) as make:
        yield make


@pytest.fixture(scope="module")
def urls(web: Web) -> dict[str, str]:
    """The test dramas, exported by the real exporter and served."""
    made = {"subs": track_dramas.subs_drama(), "en-only": track_dramas.subs_drama(("en",)),
            "card": track_dramas.card_drama()}
    return {name: f"{web.base}/{track_dramas.exported(drama, web.root, 'subs-' + name)}"
            for name, drama in made.items()}


def _shown(page: Any) -> str | None:
    text: str | None = page.evaluate(
        "() => document.getElementById('subtitles').hidden ? null"
        " : document.getElementById('subtitle-text').textContent")
    return text


def _wait_text(page: Any, text: str) -> None:
    page.wait_for_function(
        "(text) => !document.getElementById('subtitles').hidden"
        " && document.getElementById('subtitle-text').textContent === text", arg=text, timeout=TIMEOUT_MS)


def _after_frames(page: Any, frames: int = 3) -> None:
    page.evaluate("(n) => new Promise((done) => {"
                  " const f = () => (--n <= 0 ? done() : requestAnimationFrame(f));"
                  " requestAnimationFrame(f); })", frames)


def _set_locale(page: Any, locale: str | None) -> None:
    assert page.evaluate("(m) => dramaPlayer.command(m)", command("set_locale", locale=locale)) is True


def _log(page: Any) -> list[dict[str, Any]]:
    log: list[dict[str, Any]] = page.evaluate("window.__subs")
    return log


def _rect(page: Any, selector: str) -> dict[str, float]:
    box: dict[str, float] = page.locator(selector).bounding_box()
    return box


@pytest.mark.parametrize(("locale", "texts"), [("zh-CN", ZH), ("en-US", EN)])
def test_cues_follow_the_clip_time_above_the_choice(kits: Any, urls: dict[str, str], locale: str,
                                                    texts: dict[str, str]) -> None:
    kit = kits(locale)
    page = open_player(kit, urls["subs"])
    _wait_text(page, texts["ask"])
    page.locator('[data-option="save"]').wait_for(state="visible", timeout=TIMEOUT_MS)
    page.wait_for_function("() => dramaPlayer.engine.waiting")  # the choice waits: the cue stays
    _after_frames(page)
    assert _shown(page) == texts["ask"]

    # Each cue showed at a clip time inside its span, in order; none before the in-point.
    log = [e for e in _log(page) if e["scene"] == "s1"]
    shown = [e["text"] for e in log if e["text"] is not None]
    assert [s for i, s in enumerate(shown) if i == 0 or shown[i - 1] != s] == [
        texts["one"], texts["two"], texts["ask"]]
    assert texts["early"] not in shown
    spans = {texts[k]: CUE_TIMES[k] for k in CUE_TIMES}
    for entry in log:
        if entry["text"] is not None:
            start, end = spans[entry["text"]]
            assert start <= entry["t"] < end, entry
            assert entry["t"] >= track_dramas.IN_MS
    # "two" ended at 3000 ms and "ask" starts at 3300: the box was hidden in between.
    gap = [e for e in log if e["text"] is None and e["t"] is not None and e["t"] >= 3000]
    assert gap and all(3000 <= e["t"] < 3300 for e in gap)
    # Markup is text: the cue with an <img> and <b> was put in as text (no element), both lines.
    two = next(e for e in log if e["text"] == texts["two"])
    assert two["elements"] == 0 and "\n" in two["text"]
    assert page.evaluate("window.__xss") is None
    assert page.locator("#subtitles img, #subtitles b").count() == 0

    # Above the choice's buttons, inside the stage; the tag's chip paints over it.
    box = _rect(page, "#subtitle-text")
    stage = _rect(page, "#stage")
    buttons = [_rect(page, f'[data-option="{o}"]') for o in ("save", "spend")]
    assert box["y"] + box["height"] <= min(b["y"] for b in buttons) - 2
    assert stage["x"] <= box["x"] and box["x"] + box["width"] <= stage["x"] + stage["width"]
    assert abs((box["x"] + box["width"] / 2) - (stage["x"] + stage["width"] / 2)) < 2  # centred
    chip = _rect(page, '[data-tag="t"] .tag-chip')
    on_top = page.evaluate("([x, y]) => !!document.elementFromPoint(x, y).closest('.tag')",
                           [chip["x"] + chip["width"] / 2, chip["y"] + chip["height"] / 2])
    assert on_top
    colour = page.evaluate("getComputedStyle(document.getElementById('subtitle-text')).color")
    assert colour == "rgb(255, 255, 255)"
    assert page.locator("#subtitle-text").get_attribute("dir") == "auto"
    assert page.locator("#subtitle-text").get_attribute("lang") == ("zh-CN" if locale == "zh-CN" else "en")
    page.screenshot(path=str(SHOTS / f"subtitles-choice-{locale}.png"))

    # The next scene has no subtitles: nothing shows there.
    page.locator('[data-option="save"]').click()
    page.locator("#ending").wait_for(state="visible", timeout=TIMEOUT_MS)
    assert _shown(page) is None
    assert all(e["text"] is None for e in _log(page) if e["scene"] == "end")
    assert kit.errors == []


def test_the_source_track_when_the_locale_has_none_and_set_locale_switches(kits: Any,
                                                                         urls: dict[str, str]) -> None:
    kit = kits("ja-JP")  # no ja track: the drama's source (zh-CN) track
    page = open_player(kit, urls["subs"])
    page.wait_for_function("() => dramaPlayer.engine.started && dramaPlayer.engine.waiting",
                           timeout=TIMEOUT_MS)
    _after_frames(page)
    assert _shown(page) == ZH["ask"]
    label = page.locator("#subtitles-button").get_attribute("aria-label")
    assert label == vocabulary.word("subtitles.toggle", "ja")
    events = len(page.evaluate("window.__dramaEvents"))
    _set_locale(page, "en")
    _after_frames(page, 2)
    assert _shown(page) == EN["ask"]  # at once (the story waits: the same cue, in English)
    assert page.locator("#subtitle-text").get_attribute("lang") == "en"
    _set_locale(page, "ko")  # no ko track: the source again
    _after_frames(page, 2)
    assert _shown(page) == ZH["ask"]
    _set_locale(page, "zh-Hans-SG")  # served by the zh-CN catalogue: its track
    _after_frames(page, 2)
    assert _shown(page) == ZH["ask"]
    assert len(page.evaluate("window.__dramaEvents")) == events  # silent: no engine event
    # A track whose tag the words' catalogue serves (en-GB for en), else the fallback's, else none.
    picks = page.evaluate("""() => {
      const pick = DramaSubtitles.pick;
      const list = [{locale: 'en-GB'}, {locale: 'zh-CN'}];
      return [pick(list, 'en', 'zh-CN').locale, pick(list, 'ja', 'zh-CN').locale, pick(list, 'ja', null),
              pick([], 'en', 'en')];
    }""")
    assert picks == ["en-GB", "zh-CN", None, None]
    assert kit.errors == []


def test_the_toggle_hides_and_shows_them_and_is_remembered(kits: Any, urls: dict[str, str]) -> None:
    kit = kits("zh-CN")
    page = open_player(kit, urls["subs"])
    button = page.locator("#subtitles-button")
    button.wait_for(state="visible", timeout=TIMEOUT_MS)
    assert button.get_attribute("aria-label") == "字幕" and button.get_attribute("aria-pressed") == "true"
    _wait_text(page, ZH["one"])
    button.click()
    _after_frames(page)
    assert _shown(page) is None and button.get_attribute("aria-pressed") == "false"
    page.wait_for_function("() => window.__liveLog.includes('字幕已关闭')", timeout=TIMEOUT_MS)
    assert page.evaluate("localStorage.getItem('drama-studio-player:subtitles')") == "false"
    page.wait_for_function("() => dramaPlayer.engine.t >= 3400")  # past "ask"'s start: still nothing
    assert _shown(page) is None
    # Remembered: a new page opens with them off (the playthrough resumes where it was).
    page.reload()
    page.wait_for_function("() => window.dramaPlayer && window.dramaPlayer.drama", timeout=TIMEOUT_MS)
    assert page.locator("#subtitles-button").get_attribute("aria-pressed") == "false"
    if page.locator("#resume").is_visible():
        page.locator("#resume-yes").click()
    page.wait_for_function("() => dramaPlayer.engine && dramaPlayer.engine.waiting", timeout=TIMEOUT_MS)
    _after_frames(page)
    assert _shown(page) is None
    page.locator("#subtitles-button").click()
    _after_frames(page)
    assert _shown(page) == ZH["ask"]
    page.wait_for_function("() => window.__liveLog.includes('字幕已开启')", timeout=TIMEOUT_MS)
    assert kit.errors == []


def test_the_toggle_is_hidden_when_nothing_can_show(kits: Any, urls: dict[str, str], web: Web) -> None:
    kit = kits("ja-JP")
    page = open_player(kit, f"{web.base}/trims/player/index.html")  # no subtitles at all
    _after_frames(page)
    assert page.locator("#subtitles-button").is_hidden()
    assert page.locator("#subtitles").is_hidden()
    page = open_player(kit, urls["en-only"])  # only an en track, source zh-CN: nothing in ja
    page.wait_for_function("() => dramaPlayer.engine.started && dramaPlayer.engine.t >= 1100",
                           timeout=TIMEOUT_MS)
    assert page.locator("#subtitles-button").is_hidden()
    assert _shown(page) is None
    _set_locale(page, "en")  # now there is
    _after_frames(page)
    assert page.locator("#subtitles-button").is_visible()
    assert page.locator("#subtitles-button").get_attribute("aria-label") == "Subtitles"
    page.wait_for_function("() => !document.getElementById('subtitles').hidden", timeout=TIMEOUT_MS)
    assert _shown(page) in (EN["one"], EN["two"], EN["ask"])
    assert kit.errors == []


def test_a_storyboard_card_shows_its_cues_on_its_own_clock(kits: Any, urls: dict[str, str]) -> None:
    kit = kits("zh-CN")
    page = open_player(kit, urls["card"])
    page.locator("#storyboard").wait_for(state="visible", timeout=TIMEOUT_MS)
    page.wait_for_function("() => dramaPlayer.engine.sceneId === 'end'", timeout=TIMEOUT_MS)
    log = [e for e in _log(page) if e["scene"] == "c1" and e["text"] is not None]
    assert [e["text"] for e in log][:1] == ["卡片第一句"] and log[-1]["text"] == "卡片第二句"
    for entry in log:
        start, end = (0, 1200) if entry["text"] == "卡片第一句" else (1200, 2400)
        assert start <= entry["t"] < end, entry
    _after_frames(page)
    assert _shown(page) is None
    assert kit.errors == []


def test_every_catalogue_names_the_subtitles() -> None:
    keys = ("subtitles.toggle", "subtitles.on", "subtitles.off")
    words = {locale: [vocabulary.word(k, locale) for k in keys]
             for locale in ("en", "zh-CN", "zh-TW", "ja", "ko", "es", "pt-BR", "id", "th", "vi")}
    assert words["en"] == ["Subtitles", "Subtitles on", "Subtitles off"]
    assert words["zh-CN"] == ["字幕", "字幕已开启", "字幕已关闭"]
    for locale, said in words.items():
        assert len(set(said)) == 3 and all(w.strip() for w in said), locale
        if locale != "en":
            assert said[1:] != words["en"][1:], locale  # translated


@pytest.mark.parametrize("locale", ["zh-CN", "en-US"])
def test_the_savings_sample_at_its_first_choice(kits: Any, web: Web, locale: str) -> None:
    """The bilingual sample (zh-CN source, en subtitles and translation) waiting at its first choice:
    the cue of that moment in the viewer's language, above the options (screenshots to look at)."""
    from studio.model.io import load_project
    from tests.support import SAMPLES

    payday = load_project(SAMPLES / "savings" / "drama.json").scene_map()["payday"]
    want = "zh-CN" if locale == "zh-CN" else "en"
    cues = next(t.cues for t in payday.subtitles if t.locale == want)
    assert payday.choice is not None
    decision = payday.choice.decision_ms
    cue = next(c for c in cues if c.start_ms <= decision < c.end_ms)
    kit = kits(locale)
    page = open_player(kit, f"{web.base}/savings/player/index.html", timers="off")
    page.locator("#prompt-accept").click(timeout=TIMEOUT_MS)
    page.wait_for_function("() => dramaPlayer.engine.waiting && dramaPlayer.engine.openChoice",
                           timeout=TIMEOUT_MS)
    _wait_text(page, cue.text)
    page.screenshot(path=str(SHOTS / f"subtitles-sample-choice-{locale}.png"))
    box = _rect(page, "#subtitle-text")
    # Options in the dock: below the box; options on the frame (hotspots): clear of it, and on top.
    listed = page.locator("#options .option")
    tops = [listed.nth(i).bounding_box()["y"] for i in range(listed.count())]
    assert all(box["y"] + box["height"] <= top - 2 for top in tops)
    on_frame = page.locator("#hotspots .option")
    for i in range(on_frame.count()):
        r = on_frame.nth(i).bounding_box()
        apart = (r["y"] >= box["y"] + box["height"] or r["y"] + r["height"] <= box["y"]
                 or r["x"] >= box["x"] + box["width"] or r["x"] + r["width"] <= box["x"])
        assert apart, (r, box)
        assert page.evaluate("([x, y]) => !!document.elementFromPoint(x, y).closest('#hotspots')",
                             [r["x"] + r["width"] / 2, r["y"] + r["height"] / 2])
    assert listed.count() + on_frame.count() >= 2
    assert kit.errors == []
