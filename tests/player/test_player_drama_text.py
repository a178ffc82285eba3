"""The drama's own text in the viewer's language (docs/localisation-player.md, "The drama's text"):
a bilingual savings drama (zh-CN source, every text translated to en through the model, exported by
the real exporter) shows its source in a zh-CN browser and its translations in English; a stale
translation shows the source; a drama without an en target keeps its text under English words; the
engine's events are the same in both languages; the JS keys and texts equal studio.model.texts'."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from studio.model.io import dumps, load_project, project_from_raw
from studio.model.project import LocaleTranslations, Project, Translation
from studio.model.texts import source_sha, source_texts
from tests.player import card_dramas
from tests.player.bridge_kit import command
from tests.player.conftest import COLLECT_EVENTS, Web
from tests.player.locale_kit import kit_factory
from tests.player.playthrough import TIMEOUT_MS, click_for_event, host_events, open_player, wait_event
from tests.player.support import _try_exporter
from tests.support import SAMPLES

pytestmark = pytest.mark.browser

SHOTS = Path("/tmp/player-shots")

# The savings sample's texts in Chinese (the source); its English texts become the en translations.
ZH = {
    "project/title": "发薪日：一个存钱的故事",
    "goal/trip/name": "云南梦想之旅",
    "scene/payday/title": "发薪日",
    "scene/payday/option/save/label": "为旅行存 {amount}",
    "scene/payday/option/spend/label": "买新手机",
    "scene/payday/prompt/round_up/text": "把工资里的 {amount} 存进旅行基金吗？",
    "scene/save_path/title": "存起来",
    "scene/save_path/option/save_more/label": "再存 {amount}",
    "scene/save_path/option/hotpot/label": "犒劳自己吃火锅",
    "scene/spend_path/title": "花掉",
    "scene/spend_path/option/return_it/label": "退掉手机",
    "scene/spend_path/option/keep_it/label": "留着",
    "scene/spend_path/prompt/round_up_phone/text": "手机价格凑整，存 {amount}？",
    "scene/month_end/title": "月底",
    "scene/month_end/option/book/label": "订旅行",
    "scene/month_end/option/keep_saving/label": "继续存",
    "scene/month_end/option/party/label": "借钱开派对",
    "scene/ending_dream/title": "梦想之旅",
    "scene/ending_steady/title": "稳稳的",
    "scene/ending_broke/title": "月光",
    "scene/temptation/title": "诱惑",
    "scene/temptation/option/give_in/label": "屈服",
    "scene/ending_broke/ending_title": "钱包空了",
    "scene/ending_broke/ending_text": "派对很开心，旅行基金却没了。",
}
ENDING_EN = {
    "scene/ending_broke/ending_title": "The wallet is empty",
    "scene/ending_broke/ending_text": "The party was fun; the trip fund is gone.",
}


def _set(project: Project, key: str, text: str) -> None:
    """Set the source text of ``key`` on the model."""
    parts = key.split("/")
    if parts[0] == "project":
        project.title = text
    elif parts[0] == "goal":
        next(g for g in project.goals if g.id == parts[1]).name = text
    else:
        scene = next(s for s in project.scenes if s.id == parts[1])
        if parts[2] == "title":
            scene.title = text
        elif parts[2] in ("ending_title", "ending_text"):
            setattr(scene, parts[2], text)
        elif parts[2] == "option":
            assert scene.choice is not None
            next(o for o in scene.choice.options if o.id == parts[3]).label = text
        else:
            next(p for p in scene.prompts if p.id == parts[3]).text = text


def bilingual(target: bool = True, stale: tuple[str, ...] = ()) -> tuple[Project, dict[str, str]]:
    """The savings sample in Chinese with an en target holding a translation of every text (the
    sample's English); then each key of ``stale`` gets a new source text (its translation is stale)."""
    project = load_project(SAMPLES / "savings" / "drama.json")
    held = project.translations_of("en")  # the sample's own English (it is bilingual)
    sample_en = {t.key: t.text for t in held.texts} if held is not None else {}
    english = {t.key: sample_en.get(t.key, t.text) for t in source_texts(project)} | ENDING_EN
    for key, text in ZH.items():
        _set(project, key, text)
    assert {t.key for t in source_texts(project)} == set(ZH) == set(english)
    project.target_locales, project.translations = [], []
    if target:
        project.target_locales = ["en"]
        texts = [Translation(key=t.key, text=english[t.key], source_sha=t.sha) for t in source_texts(project)]
        project.translations = [LocaleTranslations(locale="en", texts=texts)]
    for key in stale:
        _set(project, key, ZH[key] + "（改）")
    return Project.model_validate(project.model_dump()), english


def _serve(web: Web, name: str, project: Project) -> str:
    src = web.root / (name + "-src")
    shutil.rmtree(src, ignore_errors=True)
    shutil.copytree(SAMPLES / "savings" / "media", src / "media")
    (src / "drama.json").write_bytes(dumps(project))
    dest = web.root / name
    shutil.rmtree(dest, ignore_errors=True)
    assert _try_exporter(src, dest)  # the real exporter (studio export --web-player)
    return f"{web.base}/{name}/player/index.html"


@pytest.fixture
def kits(browser: Any) -> Iterator[Any]:
    with kit_factory(browser, (COLLECT_EVENTS,)) as make:
        yield make


def _text(page: Any, selector: str) -> str:
    return page.locator(selector).text_content() or ""


def _set_locale(page: Any, locale: str | None) -> None:
    assert page.evaluate("(m) => dramaPlayer.command(m)", command("set_locale", locale=locale)) is True


def _fill(text: str, amount: str) -> str:
    return text.replace("{amount}", amount)


def _play_to_ending(page: Any, check_options: Any = None) -> None:
    """Accept the pay-day prompt, spend, accept the round-up, keep, give in, party: the broke ending."""
    page.locator("#prompt-accept").click()
    page.locator("#prompt").wait_for(state="hidden", timeout=TIMEOUT_MS)
    page.locator('[data-option="spend"]').wait_for(state="visible", timeout=TIMEOUT_MS)
    if check_options is not None:
        check_options()
    page.locator('[data-option="spend"]').click()
    wait_event(page, "prompt_shown", 2)
    page.locator("#prompt-accept").click()
    for option in ("keep_it", "give_in", "party"):
        button = page.locator(f'[data-option="{option}"]')
        button.wait_for(state="visible", timeout=TIMEOUT_MS)
        button.click()
    page.locator("#ending").wait_for(state="visible", timeout=TIMEOUT_MS)


def _comparable(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The events without their clock (wall-time dependent: clicks land at other moments) and random ids."""
    varying = ("clock", "t", "in_ms", "to_t", "playthrough", "deposit_id")
    return [{k: v for k, v in e.items() if k not in varying} for e in events]


def test_source_in_chinese_translations_in_english_same_events(kits: Any, web: Web) -> None:
    project, english = bilingual()
    url = _serve(web, "bilingual", project)
    traces = {}
    for locale in ("zh-CN", "en-US"):
        kit = kits(locale)
        page = open_player(kit, url, rate=8, timers="off")
        page.locator("#prompt").wait_for(state="visible", timeout=TIMEOUT_MS)
        words = english if locale == "en-US" else ZH
        amount = _text(page, "#prompt-amount")
        assert page.evaluate("DramaText.activeLocale") == ("en" if locale == "en-US" else "zh-CN")
        assert _text(page, "#prompt-text") == _fill(words["scene/payday/prompt/round_up/text"], amount)
        assert _text(page, "#prompt-goal") == words["goal/trip/name"]
        assert _text(page, "#title") == words["project/title"]
        assert page.title() == words["project/title"]
        page.screenshot(path=str(SHOTS / f"drama-text-prompt-{locale}.png"))

        def options(page: Any = page, words: dict[str, str] = words, locale: str = locale) -> None:
            deposit = project.scenes[0].choice.options[0].deposit  # type: ignore[union-attr]
            assert deposit is not None
            money = page.evaluate("(a) => dramaPlayer.text.money(a)", deposit.amount)
            assert _text(page, '[data-option="save"] .option-label') == _fill(
                words["scene/payday/option/save/label"], money)
            spend = words["scene/payday/option/spend/label"]
            assert _text(page, '[data-option="spend"] .option-label') == spend
            page.screenshot(path=str(SHOTS / f"drama-text-choice-{locale}.png"))

        _play_to_ending(page, options)
        assert _text(page, "#ending-title") == words["scene/ending_broke/ending_title"]
        assert _text(page, "#ending-text") == words["scene/ending_broke/ending_text"]
        assert _text(page, "#ending-saved .saved-name") == words["goal/trip/name"]
        page.screenshot(path=str(SHOTS / f"drama-text-ending-{locale}.png"))
        traces[locale] = host_events(page)
        if locale == "zh-CN":  # the ending card shown redraws in English
            _set_locale(page, "en")
            assert _text(page, "#ending-title") == english["scene/ending_broke/ending_title"]
            assert _text(page, "#ending-text") == english["scene/ending_broke/ending_text"]
            assert _text(page, "#ending-saved .saved-name") == english["goal/trip/name"]
            assert len(host_events(page)) == len(traces[locale])
        assert kit.errors == []
    # The engine's events carry the source text whatever the viewer reads: the same trace.
    assert _comparable(traces["zh-CN"]) == _comparable(traces["en-US"])
    shown = [e["text"] for e in traces["en-US"] if e["type"] == "prompt_shown"]
    assert shown[0] == ZH["scene/payday/prompt/round_up/text"]


def test_set_locale_redraws_the_visible_texts_and_the_savings_card(kits: Any, web: Web) -> None:
    project, english = bilingual()
    url = _serve(web, "bilingual-switch", project)
    kit = kits("zh-CN")
    page = open_player(kit, url, rate=8, timers="off")
    page.locator("#prompt").wait_for(state="visible", timeout=TIMEOUT_MS)
    assert _text(page, "#prompt-text").startswith("把工资里的")
    events = len(host_events(page))
    _set_locale(page, "en")
    amount = _text(page, "#prompt-amount")
    assert amount.startswith("CN¥")  # the host's locale writes the money
    assert _text(page, "#prompt-text") == _fill(english["scene/payday/prompt/round_up/text"], amount)
    assert _text(page, "#prompt-goal") == english["goal/trip/name"]
    assert _text(page, "#title") == english["project/title"]
    assert _text(page, "#prompt-accept") == "Save it"
    assert len(host_events(page)) == events  # silent: no engine input, no event
    page.locator("#prompt-accept").click()
    page.locator("#savings-list .savings-row").first.wait_for(state="visible", timeout=TIMEOUT_MS)
    assert _text(page, "#savings-list .savings-goal") == english["goal/trip/name"]
    saved_en = _text(page, "#savings-list .savings-status")
    _set_locale(page, "zh-CN")  # the savings card already shown redraws in Chinese
    assert _text(page, "#savings-list .savings-goal") == ZH["goal/trip/name"]
    saved_zh = _text(page, "#savings-list .savings-status")
    assert saved_zh != saved_en and "¥" in saved_zh
    spend = page.locator('[data-option="spend"] .option-label')
    spend.wait_for(state="visible", timeout=TIMEOUT_MS)
    assert _text(page, '[data-option="spend"] .option-label') == ZH["scene/payday/option/spend/label"]
    _set_locale(page, "en")
    assert _text(page, '[data-option="spend"] .option-label') == english["scene/payday/option/spend/label"]
    assert page.evaluate("DramaText.activeLocale") == "en"
    assert kit.errors == []


def test_a_stale_translation_shows_the_source(kits: Any, web: Web) -> None:
    stale = ("scene/payday/prompt/round_up/text", "goal/trip/name")
    project, english = bilingual(stale=stale)
    url = _serve(web, "bilingual-stale", project)
    kit = kits("en-US")
    page = open_player(kit, url, rate=8, timers="off")
    page.locator("#prompt").wait_for(state="visible", timeout=TIMEOUT_MS)
    amount = _text(page, "#prompt-amount")
    assert _text(page, "#prompt-text") == _fill(ZH[stale[0]] + "（改）", amount)  # the edited source
    assert _text(page, "#prompt-goal") == ZH[stale[1]] + "（改）"
    assert _text(page, "#title") == english["project/title"]  # still current: translated
    assert _text(page, "#prompt-accept") == "Save it"
    assert kit.errors == []


def test_a_drama_without_an_en_target_keeps_its_text_under_english_words(kits: Any, web: Web) -> None:
    project, _ = bilingual(target=False)
    url = _serve(web, "chinese-only", project)
    kit = kits("en-US")
    page = open_player(kit, url, rate=8, timers="off")
    page.locator("#prompt").wait_for(state="visible", timeout=TIMEOUT_MS)
    amount = _text(page, "#prompt-amount")
    assert _text(page, "#prompt-text") == _fill(ZH["scene/payday/prompt/round_up/text"], amount)
    assert _text(page, "#prompt-accept") == "Save it"  # the player's own words: English
    assert page.evaluate("[DramaText.activeLocale, DramaLocale.current().words]") == ["zh-CN", "en"]
    assert kit.errors == []


def test_keys_texts_and_hash_equal_the_models(kits: Any, web: Web) -> None:
    project, english = bilingual(stale=("scene/month_end/title",))
    url = _serve(web, "bilingual-parity", project)
    kit = kits("en-US")
    page = open_player(kit, url)
    js = page.evaluate("DramaAuthorText.texts(dramaPlayer.drama)")
    assert [tuple(x) for x in js] == [(t.key, t.text) for t in source_texts(project)]
    samples = [t.text for t in source_texts(project)]
    samples += ["", "a" * 55, "b" * 56, "c" * 64, "\u0000😀é", "x" * 1000]
    assert page.evaluate("(xs) => xs.map((x) => DramaAuthorText.sha256(x))", samples) == [
        source_sha(x) for x in samples]
    shown = page.evaluate("DramaAuthorText.texts(dramaPlayer.shown)")
    edited = {"scene/month_end/title": ZH["scene/month_end/title"] + "（改）"}
    assert dict(shown) == english | edited  # per text: the current translation, else the source
    assert kit.errors == []


JA = {
    "project/title": "ストーリーボード",
    "goal/trip/name": "旅行",
    "product/serum/name": "美容液",
    "scene/c1/title": "給料日（絵コンテ）",
    "scene/c1/option/to_clip/label": "動画を見る",
    "scene/c1/option/to_card/label": "最後まで飛ばす",
    "scene/c1/prompt/p/text": "{amount} を貯めますか？",
    "scene/c1/tag/t/cta": "{product} を買う",
    "scene/m1/title": "動画",
    "scene/m1/option/on/label": "続ける",
    "scene/c2/title": "最後のカード",
    "scene/c2/ending_title": "絵コンテ終わり",
}


def test_storyboard_card_tags_and_product_card_follow_the_locale(kits: Any, web: Web) -> None:
    project, _ = project_from_raw(card_dramas.storyboard_drama())  # en source, migrated to v4
    source = {t.key: t.text for t in source_texts(project)}
    assert set(source) == set(JA)
    project.target_locales = ["ja"]
    texts = [Translation(key=t.key, text=JA[t.key], source_sha=t.sha) for t in source_texts(project)]
    project.translations = [LocaleTranslations(locale="ja", texts=texts)]
    drama = Project.model_validate(project.model_dump()).model_dump(mode="json")
    shutil.rmtree(web.root / "storyboard-ja", ignore_errors=True)
    url = f"{web.base}/{card_dramas.bundle(drama, web.root, 'storyboard-ja')}"
    kit = kits("ja-JP")
    page = open_player(kit, url)
    page.locator("#storyboard").wait_for(state="visible", timeout=TIMEOUT_MS)
    assert _text(page, "#storyboard-title") == JA["scene/c1/title"]
    assert _text(page, "#title") == JA["project/title"]
    tag = page.locator('[data-tag="t"]')
    tag.wait_for(state="visible", timeout=TIMEOUT_MS)
    assert _text(page, '[data-tag="t"] .tag-name') == JA["product/serum/name"]
    assert _text(page, '[data-tag="t"] .tag-cta') == "美容液 を買う"  # {product}: the shown name
    click_for_event(page, tag, "product_clicked")
    page.locator("#product").wait_for(state="visible", timeout=TIMEOUT_MS)
    assert _text(page, "#product-name") == JA["product/serum/name"]
    event = next(e for e in host_events(page) if e["type"] == "product_clicked")
    assert event["name"] == source["product/serum/name"]  # the engine's event: the source text
    page.locator('[data-option="to_clip"]').wait_for(state="visible", timeout=TIMEOUT_MS)
    assert _text(page, '[data-option="to_clip"] .option-label') == JA["scene/c1/option/to_clip/label"]
    page.screenshot(path=str(SHOTS / "drama-text-card-ja.png"))
    _set_locale(page, "en")  # the visible card, tag, open product card and options: the source
    assert page.evaluate("DramaText.activeLocale") == "en"
    assert _text(page, "#storyboard-title") == source["scene/c1/title"]
    assert _text(page, "#title") == source["project/title"]
    assert _text(page, '[data-tag="t"] .tag-cta') == "Shop Serum"
    assert _text(page, "#product-name") == source["product/serum/name"]
    assert page.locator("#product").is_visible()
    assert _text(page, '[data-option="to_clip"] .option-label') == source["scene/c1/option/to_clip/label"]
    page.screenshot(path=str(SHOTS / "drama-text-card-en.png"))
    _set_locale(page, "ja")
    assert _text(page, "#product-name") == JA["product/serum/name"]
    assert _text(page, "#storyboard-title") == JA["scene/c1/title"]
    assert kit.errors == []
