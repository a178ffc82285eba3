"""vocabulary.word(key, locale): every player catalogue, the player's fallback rules, English last."""

from __future__ import annotations

import json

import pytest

from studio import resources
from studio.l10n import vocabulary


def test_every_catalogue_is_readable_and_complete() -> None:
    assert set(vocabulary.locales()) == {"en", "zh-CN", "zh-TW", "ja", "ko", "es", "pt-BR", "id", "th", "vi"}
    for locale in vocabulary.locales():
        path = resources.player_dir() / "messages" / f"{locale}.json"
        assert dict(vocabulary.catalogue(locale)) == json.loads(path.read_text(encoding="utf-8"))
        assert set(vocabulary.catalogue(locale)) == set(vocabulary.catalogue())


@pytest.mark.parametrize(("locale", "accept"), [
    ("en", "Save it"), ("zh-CN", "存起来"), ("zh", "存起来"), ("zh-SG", "存起来"), ("zh_CN", "存起来"),
    ("zh-TW", "存起來"), ("zh-HK", "存起來"), ("zh-Hant", "存起來"), ("ja-JP", "貯金する"),
    ("ko", "저축하기"), ("es-MX", "Ahorrar"), ("pt", "Guardar"), ("pt-PT", "Guardar"), ("in", "Tabung"),
    ("th", "ออมเลย"),
    ("vi-VN", "Tiết kiệm"), ("fr", "Save it"), ("ar", "Save it"),
])
def test_word_in_a_locale_follows_the_players_fallback(locale: str, accept: str) -> None:
    assert vocabulary.word("prompt.accept", locale) == accept


def test_the_english_callers_are_unchanged() -> None:
    assert vocabulary.word("prompt.accept") == "Save it"
    assert vocabulary.resolve("xx-ZZ") == "en"
    with pytest.raises(KeyError, match=r"no\.such"):
        vocabulary.word("no.such", "zh-CN")
