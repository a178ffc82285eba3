"""The shared message catalogue the studio and the web player read."""

from __future__ import annotations

import json

import pytest

from studio import resources
from studio.l10n import vocabulary


def test_the_catalogue_is_the_players_own_file() -> None:
    path = resources.player_dir() / "messages" / "en.json"
    assert dict(vocabulary.catalogue()) == json.loads(path.read_text(encoding="utf-8"))
    assert vocabulary.word("prompt.accept") == "Save it"
    assert vocabulary.word("ending.replay") == "Watch again"


def test_a_missing_locale_falls_back_to_english_and_an_unknown_key_is_named() -> None:
    assert vocabulary.catalogue("xx-ZZ") == vocabulary.catalogue("en")
    with pytest.raises(KeyError, match=r"no\.such"):
        vocabulary.word("no.such")
    with pytest.raises(TypeError):
        vocabulary.catalogue()["prompt.accept"] = "Accept"  # type: ignore[index]
