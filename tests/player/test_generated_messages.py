"""resources/player/generated/messages.js is what scripts/gen_player_messages.py makes of the
viewer vocabulary (resources/player/messages/*.json), and the player takes its words from it.

No browser here except the last test: stale file -> fail; a changed catalogue makes --check fail;
every key the page or the scripts ask for is in en.json; in Chromium, every static word of the page
is the catalogue's (nothing left as typed in index.html).
"""

from __future__ import annotations

import importlib.util
import json
import re
import shutil
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from studio.l10n import vocabulary
from tests.player.conftest import PageKit, Web
from tests.player.playthrough import open_player
from tests.player.support import PLAYER_DIR
from tests.support import ROOT

GENERATED = PLAYER_DIR / "generated" / "messages.js"
INDEX = PLAYER_DIR / "index.html"


def _generator() -> ModuleType:
    path = ROOT / "scripts" / "gen_player_messages.py"
    spec = importlib.util.spec_from_file_location("gen_player_messages", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_generated_file_is_fresh() -> None:
    gen = _generator()
    assert GENERATED.read_text(encoding="utf-8") == gen.generated_text(), (
        "resources/player/generated/messages.js is stale: run python scripts/gen_player_messages.py")
    assert gen.main(["--check"]) == 0


def test_a_changed_catalogue_is_caught(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    gen = _generator()
    folder = tmp_path / "messages"
    shutil.copytree(PLAYER_DIR / "messages", folder)
    out = tmp_path / "messages.js"
    shutil.copy(GENERATED, out)
    assert gen.main(["--check"], folder=folder, output=out) == 0
    data = json.loads((folder / "en.json").read_text(encoding="utf-8"))
    data["prompt.accept"] = "Accept"
    (folder / "en.json").write_text(json.dumps(data), encoding="utf-8")
    assert gen.main(["--check"], folder=folder, output=out) == 1
    assert "stale" in capsys.readouterr().err
    assert gen.main([], folder=folder, output=out) == 0  # rewritten
    assert '"prompt.accept": "Accept"' in out.read_text(encoding="utf-8")
    (folder / "fr.json").write_text(json.dumps({"no.such": "x"}), encoding="utf-8")
    assert gen.main(["--check"], folder=folder, output=out) == 2  # a key en.json lacks


def test_the_page_loads_the_words_before_using_them() -> None:
    scripts = re.findall(r'<script src="([^"]+)"', INDEX.read_text(encoding="utf-8"))
    order = {name: i for i, name in enumerate(scripts)}
    assert order["generated/messages.js"] < order["words.js"] < order["ui.js"] < order["player.js"]
    assert order["generated/tables.js"] < order["text.js"] < order["words.js"]
    assert order["storyboard.js"] < order["endings.js"] < order["player.js"]


def _keys_used() -> set[str]:
    """Every message key index.html and the player's scripts name (a string literal
    "<section>.<name>" whose section is one of the catalogue's)."""
    html = INDEX.read_text(encoding="utf-8")
    keys = set(re.findall(r'data-msg(?:-label)?="([^"]+)"', html))
    sections = "|".join(sorted({k.split(".")[0] for k in vocabulary.catalogue()}))
    literal = re.compile(r'"((?:' + sections + r')\.[a-z_]+)"')
    for path in PLAYER_DIR.glob("*.js"):
        text = path.read_text(encoding="utf-8")
        keys |= set(re.findall(r'\bword\(\s*"([a-z_.]+)"', text)) | set(literal.findall(text))
    return keys


def test_every_key_the_player_uses_is_in_the_catalogue() -> None:
    keys = _keys_used()
    assert {"prompt.accept", "ending.replay", "live.choose", "placeholder.note", "live.placeholder",
            "money.reason_balance", "status.cannot_continue"} <= keys
    missing = sorted(k for k in keys if k not in vocabulary.catalogue())
    assert missing == []


def test_static_words_come_from_the_catalogue(phone: PageKit, web: Web) -> None:
    page = open_player(phone, f"{web.base}/savings/player/index.html")
    shown: list[list[Any]] = page.evaluate(
        """() => [...document.querySelectorAll('[data-msg], [data-msg-label]')].map((el) => [
             el.dataset.msg || el.dataset.msgLabel,
             el.dataset.msg ? el.textContent : el.getAttribute('aria-label')])"""
    )
    assert len(shown) >= 25
    assert [[k, vocabulary.word(k)] for k, _ in shown] == shown
    # Every other visible word of a card or button of the page is a catalogue word (or author text).
    untagged = page.evaluate(
        """() => [...document.querySelectorAll('button, label, p, h2, span')].filter((el) =>
             !el.closest('[data-msg]') && !el.querySelector('[data-msg]') && el.children.length === 0 &&
             el.textContent.trim() !== '' && el.getAttribute('aria-hidden') !== 'true' &&
             !el.closest('[aria-hidden="true"]') && !el.closest('#options, #tags, #hotspots') &&
             !['prompt-text', 'prompt-amount', 'prompt-goal', 'title', 'live', 'status',
               'subtitle-text'].includes(el.id))
             .map((el) => [el.id || el.className || el.tagName, el.textContent])"""
    )
    words = set(vocabulary.catalogue().values())
    assert [u for u in untagged if u[1] not in words] == []  # e.g. the money note: a catalogue word
    assert phone.problems.errors == []


def test_words_need_no_fetch_from_local_files(browser: Any) -> None:
    """Opened from the file system (an app's local copy), the page has its words: the vocabulary
    is a script, not a file fetched at run time (a fetch of file:// fails)."""
    context = browser.new_context()
    page = context.new_page()
    fetched: list[str] = []
    page.on("request", lambda r: fetched.append(r.url) if r.resource_type in ("fetch", "xhr") else None)
    try:
        page.goto(INDEX.as_uri())
        page.wait_for_function("() => document.getElementById('status').textContent !== ''")
        status = page.locator("#status").text_content() or ""
        prefix = vocabulary.word("status.cannot_play").split("{")[0]
        assert status.startswith(prefix)  # the manifest fetch failed: said in the catalogue's words
        assert page.evaluate("() => DramaWords.word('prompt.accept')") == vocabulary.word("prompt.accept")
        assert page.locator("#ending-replay").text_content() == vocabulary.word("ending.replay")
        assert [u for u in fetched if "messages" in u] == []
    finally:
        context.close()


LOCALES = {"en", "zh-CN", "zh-TW", "ja", "ko", "es", "pt-BR", "id", "th", "vi"}


def test_every_catalogue_has_en_keys_and_placeholders() -> None:
    gen = _generator()
    catalogues = gen.load_catalogues()  # raises on any missing key, placeholder mismatch or empty message
    assert set(catalogues) == LOCALES
    en = catalogues["en"]
    for locale, data in catalogues.items():
        assert list(data) == list(en), locale  # same keys, same order
        for key, text in data.items():
            assert text.strip() != "", (locale, key)
            assert gen.placeholders(text) == gen.placeholders(en[key]), (locale, key)
        same = [k for k in data if data[k] == en[k] and k not in {"product.sku", "live.placeholder"}]
        assert locale == "en" or len(same) <= 2, (locale, same)  # translated, not copied ("Normal": es)
    assert gen.placeholders(en["money.live_saved"]) == {"amount", "goal", "total"}
    assert gen.placeholders(en["money.deposit_count"]) == {"count"}
    zh = catalogues["zh-CN"]
    assert zh["prompt.accept"] == "存起来" and zh["prompt.decline"] == "以后再说"


@pytest.mark.parametrize(("change", "said"), [
    (lambda d: d.pop("prompt.accept"), "does not have: prompt.accept"),
    (lambda d: d.update({"ending.saved": "已存下 {amount}"}), "placeholders ['amount'] differ"),
    (lambda d: d.update({"ending.saved": "已为{target}存下 {amount}"}), "differ from en.json's"),
    (lambda d: d.update({"resume.yes": "  "}), "resume.yes is empty"),
    (lambda d: d.update({"money.deposit_count": "{count} 笔存款"}), "plural message"),
    (lambda d: d.update({"money.deposit_count": "{count, plural, one {# 笔}}"}), "'other' branch"),
    (lambda d: d.update({"money.deposit_count": "{count, plural, lots {# 笔} other {# 笔}}"}), "category"),
    (lambda d: d.update({"money.deposit_count": "{count, plural, other {# 笔}"}), "plural branch"),
])
def test_a_broken_catalogue_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str], change: Any,
                                       said: str) -> None:
    gen = _generator()
    folder = tmp_path / "messages"
    shutil.copytree(PLAYER_DIR / "messages", folder)
    data = json.loads((folder / "zh-CN.json").read_text(encoding="utf-8"))
    change(data)
    (folder / "zh-CN.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert gen.main(["--check"], folder=folder, output=tmp_path / "messages.js") == 2
    err = capsys.readouterr().err
    assert "zh-CN.json" in err and said in err, err
