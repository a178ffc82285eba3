"""A translated drama plays the same trace as its source (docs/engine-contract.md, Translations)."""

from __future__ import annotations

import copy

import pytest

from tests.engine.vectors import VECTOR_DIR, read_vector, run_vector


@pytest.mark.parametrize("locale_view", ["translations", "subtitles", "dubs", "all"])
def test_translations_subtitles_and_dubs_do_not_change_the_trace(locale_view: str) -> None:
    vector = read_vector(VECTOR_DIR / "translated_drama.json")
    bare = copy.deepcopy(vector)
    project = bare["project"]
    if locale_view in ("translations", "all"):
        project["translations"], project["target_locales"] = [], []
    for scene in project["scenes"]:
        if locale_view in ("subtitles", "all"):
            scene.pop("subtitles", None)
        if locale_view in ("dubs", "all"):
            scene.pop("dubs", None)
    if locale_view in ("dubs", "all"):
        project["audio"] = []
    assert run_vector(bare) == vector["expected"] == run_vector(vector)
    labels = [o["label"] for e in vector["expected"] if e["type"] == "choice_shown" for o in e["options"]]
    assert labels == ["存下{amount}", "先不存"]  # the source text, placeholders unfilled
