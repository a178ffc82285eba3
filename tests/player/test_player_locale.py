"""The player's own words in the viewer's language (docs/localisation-player.md): the drama's
locale by default, the viewer's browser languages over it, the host's set_locale over both;
money in the host's or the drama's locale; dir=rtl for a right-to-left locale; plurals by CLDR."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from studio.l10n import vocabulary
from tests.player.bridge_kit import clipped, command
from tests.player.conftest import PHONE, PageKit, PageProblems, Web
from tests.player.playthrough import TIMEOUT_MS, open_player
from tests.player.support import PLAYER_DIR
from tests.player.test_generated_messages import _generator
from tests.support import ROOT

pytestmark = pytest.mark.browser

SHOTS = Path("/tmp/player-shots")
LOCALES = ["en", "es", "id", "ja", "ko", "pt-BR", "th", "vi", "zh-CN", "zh-TW"]


class Kit(PageKit):
    """A phone-sized page of a browser context with a chosen locale (None: Playwright's en-US)."""

    def __init__(self, browser: Any, locale: str | None) -> None:
        options: dict[str, Any] = {"viewport": PHONE, "device_scale_factor": 1}
        if locale is not None:
            options["locale"] = locale
        context = browser.new_context(**options)
        super().__init__(context.new_page(), PageProblems(), context)
        self.errors = self.problems.errors
        self.page.on("pageerror", lambda exc: self.errors.append(f"pageerror: {exc}"))
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.add_init_script(
            "window.__rejected = [];"
            "window.addEventListener('drama:bridge_rejected', (e) => window.__rejected.push(e.detail));"
            "window.__ready = [];"
            "window.addEventListener('drama:player_ready', (e) => window.__ready.push(e.detail));"
        )


@pytest.fixture
def kits(browser: Any) -> Iterator[Any]:
    made: list[Kit] = []

    def make(locale: str | None = None) -> Kit:
        kit = Kit(browser, locale)
        made.append(kit)
        return kit

    try:
        yield make
    finally:
        for kit in made:
            kit.context.close()


def _prompt(kit: Kit, web: Web) -> Any:
    page = open_player(kit, f"{web.base}/savings/player/index.html", rate=4, timers="off")
    page.locator("#prompt").wait_for(state="visible", timeout=TIMEOUT_MS)
    return page


def _set_locale(page: Any, locale: str | None) -> bool:
    accepted: bool = page.evaluate("(m) => dramaPlayer.command(m)", command("set_locale", locale=locale))
    return accepted


def _text(page: Any, selector: str) -> str:
    return page.locator(selector).text_content() or ""


def test_the_dramas_locale_decides_when_the_viewer_has_no_catalogue(kits: Any, web: Web) -> None:
    kit = kits("fr-FR")  # no French catalogue: the drama's zh-CN
    page = _prompt(kit, web)
    assert page.evaluate("navigator.languages[0]") == "fr-FR"
    assert _text(page, "#prompt-accept") == "存起来" == vocabulary.word("prompt.accept", "zh-CN")
    assert _text(page, "#prompt-decline") == "以后再说"
    assert _text(page, "#prompt-amount") == "¥50.00"
    assert page.evaluate("[document.documentElement.lang, document.documentElement.dir]") == ["zh-CN", "ltr"]
    assert page.locator("#back").get_attribute("aria-label") == vocabulary.word("player.back", "zh-CN")
    page.screenshot(path=str(SHOTS / "savings-prompt-zh-CN.png"))
    page.locator("#settings-button").click()
    page.locator("#settings").wait_for(state="visible")
    assert _text(page, "#settings-close") == "关闭"
    assert clipped(page, "#settings") == [] and clipped(page, "#prompt") == []
    page.screenshot(path=str(SHOTS / "savings-settings-zh-CN.png"))
    assert kit.errors == []


STATE = ("() => [dramaPlayer.engine.sceneId, dramaPlayer.engine.openPrompts.slice(), "
    "dramaPlayer.inputs.length]")


def test_set_locale_switches_the_words_and_keeps_the_story(kits: Any, web: Web) -> None:
    kit = kits("fr-FR")
    page = _prompt(kit, web)
    before = page.evaluate(STATE)
    events = page.evaluate("window.__dramaEvents ? window.__dramaEvents.length : 0")
    assert _set_locale(page, "en") is True
    assert _text(page, "#prompt-accept") == "Save it"
    assert _text(page, "#prompt-decline") == "Not now"
    assert _text(page, "#prompt-amount") == "CN¥50.00"  # the host's locale writes the money
    assert _text(page, "#prompt-note") == vocabulary.word("money.preview") == "Preview: no money moves"
    assert page.evaluate("document.documentElement.lang") == "en"
    after = page.evaluate(STATE)
    assert after == before  # not an engine input: nothing recorded, the prompt is still open
    assert page.evaluate("window.__dramaEvents ? window.__dramaEvents.length : 0") == events  # silent
    page.screenshot(path=str(SHOTS / "savings-prompt-en.png"))
    page.locator("#prompt-accept").click()
    page.locator("#prompt").wait_for(state="hidden", timeout=TIMEOUT_MS)
    assert page.evaluate("dramaPlayer.inputs.length") == before[2] + 1
    assert _set_locale(page, None) is True  # forgotten: fr-FR has no catalogue -> the drama's zh-CN
    assert _text(page, "#settings-close") == "关闭"
    assert page.evaluate("dramaPlayer.text.locale") == "zh-CN"
    assert kit.errors == []


def test_the_viewers_languages_come_before_the_dramas(kits: Any, web: Web) -> None:
    kit = kits("ja-JP")
    page = _prompt(kit, web)
    assert _text(page, "#prompt-accept") == vocabulary.word("prompt.accept", "ja") == "貯金する"
    assert _text(page, "#prompt-amount") == "¥50.00"  # the browser's language picks words only
    assert page.evaluate("DramaLocale.current().source") == "viewer"
    assert _set_locale(page, "zh-HK") is True  # the host's before the viewer's; Hong Kong -> zh-TW
    assert _text(page, "#prompt-accept") == "存起來"
    assert page.evaluate("DramaLocale.current()") == {
        "words": "zh-TW", "source": "host", "money": "zh-HK", "lang": "zh-TW", "dir": "ltr"}
    assert _set_locale(page, "fr") is True  # no catalogue for the host's tag: the viewer's next
    assert _text(page, "#prompt-accept") == "貯金する"
    assert kit.errors == []


TAGS = ["zh", "zh-CN", "zh-SG", "zh-Hans", "zh-TW", "zh-HK", "zh-MO", "zh-Hant", "zh-Hant-CN", "pt", "pt-PT",
        "pt-BR", "es-MX", "es-419", "en-GB", "EN-us", "ja-JP", "ko-KR", "id-ID", "in", "th-TH", "vi-VN", "fr",
        "ar", "de-CH"]


def test_fallback_rules_are_the_studios(kits: Any, web: Web) -> None:
    kit = kits()
    page = open_player(kit, f"{web.base}/savings/player/index.html")
    found = page.evaluate(
        "(tags) => tags.map((t) => DramaLocale.catalogueFor(t, DramaWords.catalogues) || 'en')", TAGS)
    assert dict(zip(TAGS, found, strict=True)) == {tag: vocabulary.resolve(tag) for tag in TAGS}
    expected = {"zh-SG": "zh-CN", "zh-HK": "zh-TW", "zh-Hant-CN": "zh-TW", "pt-PT": "pt-BR", "es-MX": "es",
                "in": "id", "fr": "en", "ar": "en", "EN-us": "en", "zh": "zh-CN", "ja-JP": "ja"}
    assert {tag: f for tag, f in zip(TAGS, found, strict=True) if tag in expected} == expected
    assert kit.errors == []


def test_a_right_to_left_locale_turns_the_page(kits: Any, web: Web) -> None:
    kit = kits()  # en-US
    page = _prompt(kit, web)
    for tag in ("ar", "he-IL", "fa"):
        assert _set_locale(page, tag) is True
        assert page.evaluate("document.documentElement.dir") == "rtl", tag
        assert _text(page, "#prompt-accept") == "Save it"  # no catalogue: the viewer's English
        box = page.locator("#prompt-accept").bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
        assert clipped(page, "#prompt") == []
    page.locator("#settings-button").click()
    page.locator("#settings").wait_for(state="visible")
    box = page.locator("#settings").bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
    gear = page.locator("#settings-button").bounding_box()
    assert gear is not None and gear["x"] < PHONE["width"] / 2  # the header mirrors: the gear is at the left
    assert box["x"] <= gear["x"] + gear["width"]  # and its menu opens under it, not at the other edge
    assert clipped(page, "#settings") == []
    page.screenshot(path=str(SHOTS / "savings-prompt-ar.png"))
    page.locator("#settings-close").click()
    assert _set_locale(page, "en") is True
    assert page.evaluate("document.documentElement.dir") == "ltr"
    page.locator("#prompt-accept").click()
    page.locator("#prompt").wait_for(state="hidden", timeout=TIMEOUT_MS)
    assert kit.errors == []


BAD_LOCALES: list[Any] = [
    command("set_locale"),
    command("set_locale", locale=""),
    command("set_locale", locale="e"),
    command("set_locale", locale="en_US"),
    command("set_locale", locale="en-"),
    command("set_locale", locale="x" * 3 + "-" + "-".join(["abcdefgh"] * 5)),
    command("set_locale", locale="<img src=x>"),
    command("set_locale", locale="zh-CN\u0000"),
    command("set_locale", locale=5),
    command("set_locale", locale=["en"]),
    command("set_locale", locale="en", also="ja"),
]


def test_hostile_set_locale_values_are_rejected_not_thrown(kits: Any, web: Web) -> None:
    kit = kits("fr-FR")
    page = _prompt(kit, web)
    assert "set_locale" in page.evaluate("window.__ready[0].commands")
    path = ROOT / "resources" / "schema" / "host-player-messages.schema.json"
    schema = json.loads(path.read_text("utf-8"))
    validator = jsonschema.Draft202012Validator(schema)
    for message in BAD_LOCALES:
        assert page.evaluate("(m) => dramaPlayer.command(m)", message) is False, message
        assert not validator.is_valid(message), message
    reasons = page.evaluate("window.__rejected.map((r) => r.reason)")
    assert reasons == ["malformed"] * len(BAD_LOCALES)
    assert page.evaluate("(t) => dramaPlayer.command(t)", json.dumps(command("set_locale", locale="ko-KR")))
    assert validator.is_valid(command("set_locale", locale="ko-KR"))
    assert validator.is_valid(command("set_locale", locale=None))
    assert _text(page, "#prompt-accept") == "저축하기"
    assert kit.errors == []


def test_plurals_follow_the_active_locales_rules(kits: Any, web: Web) -> None:
    kit = kits()
    page = open_player(kit, f"{web.base}/savings/player/index.html")
    said = page.evaluate(
        """() => {
             const out = {};
             for (const tag of ["en", "zh-CN", "es", "pt-BR"]) {
               DramaWords.setLocale(tag);
               const say = (count) => DramaWords.word("money.deposit_count", {count});
               out[tag] = [0, 1, 2, 1000, 1000000].map(say);
             }
             DramaWords.setLocale("en");
             return out;
           }"""
    )
    assert said["en"] == ["0 deposits", "1 deposit", "2 deposits", "1,000 deposits", "1,000,000 deposits"]
    assert said["zh-CN"] == ["0 笔存款", "1 笔存款", "2 笔存款", "1,000 笔存款", "1,000,000 笔存款"]
    # es and pt have CLDR's "many" (1000000 in compact notation): no such branch -> "other"
    assert said["es"] == ["0 depósitos", "1 depósito", "2 depósitos", "1000 depósitos", "1.000.000 depósitos"]
    assert said["pt-BR"][:3] == ["0 depósito", "1 depósito", "2 depósitos"]  # pt: 0 is "one"
    # A language with few/many (Russian rules: 1, 21 one; 2-4 few; 5-20 many; fractions other).
    ru = "{count, plural, one {# вклад} few {# вклада} many {# вкладов} other {# вклада}} за {goal}"
    said_ru = page.evaluate(
        "(m) => [1, 2, 5, 11, 21, 22, 1.5].map(n => DramaWords.format(m, {count: n, goal: 'Отпуск'}, 'ru'))",
        ru)
    assert [s.removesuffix(" за Отпуск") for s in said_ru] == [
        "1 вклад", "2 вклада", "5 вкладов", "11 вкладов", "21 вклад", "22 вклада", "1,5 вклада"]
    exact = "{count, plural, =0 {no deposits} one {# deposit} other {# deposits}}"
    assert page.evaluate("(m) => [0, 1, 2].map((count) => DramaWords.format(m, {count}, 'en'))", exact) == [
        "no deposits", "1 deposit", "2 deposits"]
    # Every branch a catalogue writes is a category of its locale (Intl.PluralRules), with "other".
    categories = page.evaluate(
        "(tags) => Object.fromEntries(tags.map((t) => [t, new Intl.PluralRules(t).resolvedOptions()"
        ".pluralCategories]))", LOCALES)
    gen = _generator()
    for tag in LOCALES:
        for key, text in vocabulary.catalogue(tag).items():
            parts = gen.plural_parts(text)
            if parts is not None:
                assert set(parts[2]) <= set(categories[tag]) and "other" in parts[2], (tag, key)
    assert kit.errors == []


@pytest.mark.parametrize("tag", ["zh-CN", "zh-TW", "th", "vi", "id", "ja", "ko", "es", "pt-BR"])
def test_no_clipped_words_in_buttons_cards_and_settings(kits: Any, web: Web, tag: str) -> None:
    kit = kits()
    page = _prompt(kit, web)
    assert _set_locale(page, tag) is True
    assert _text(page, "#prompt-accept") == vocabulary.word("prompt.accept", tag)
    assert _text(page, "#prompt-note") == vocabulary.word("money.preview", tag)
    assert clipped(page, "#prompt") == []
    for button in ("#prompt-accept", "#prompt-decline"):
        box = page.locator(button).bounding_box()
        assert box is not None and box["x"] + box["width"] <= PHONE["width"]
    page.locator("#settings-button").click()
    page.locator("#settings").wait_for(state="visible")
    assert clipped(page, "#settings") == []
    if tag in ("th", "zh-TW"):
        page.screenshot(path=str(SHOTS / f"savings-settings-{tag}.png"))
    assert kit.errors == []


def test_the_locale_module_is_loaded_after_the_words() -> None:
    html = (PLAYER_DIR / "index.html").read_text("utf-8")
    assert html.index('src="words.js"') < html.index('src="locale.js"') < html.index('src="bridge.js"')
