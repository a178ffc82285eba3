"""Author text keys (studio.model.texts) and the translation fields of the project (schema v4)."""

from __future__ import annotations

import json
from typing import Any

import pytest

from studio.model import PROJECT_FILE, ProjectError, dumps, load
from studio.model.io import project_from_raw
from studio.model.migrations import migrate
from studio.model.project import SCHEMA_VERSION
from studio.model.texts import BUDGETS, PLACEHOLDER_COLUMNS, source_map, source_sha, source_texts, width
from tests.model.factories import raw_project
from tests.support import SAMPLES


def _v4(**extra: Any) -> dict[str, Any]:
    raw = raw_project()
    raw.update(schema_version=SCHEMA_VERSION, min_reader_version=SCHEMA_VERSION, **extra)
    return raw


def test_every_kind_of_author_text_has_a_key_and_its_context() -> None:
    project = load(SAMPLES / "shoppable").project
    texts = source_map(project)
    kinds = {t.kind for t in texts.values()}
    assert {"project_title", "scene_title", "option_label", "tag_cta", "product_name"} <= kinds
    assert texts["project/title"].text == project.title
    for product in project.products:
        assert texts[f"product/{product.id}/name"].text == product.name
    for scene in project.scenes:
        title = texts[f"scene/{scene.id}/title"]
        assert (title.text, title.scene_id, title.scene_title) == (scene.title, scene.id, scene.title)
        for tag in scene.tags:
            cta = texts[f"scene/{scene.id}/tag/{tag.id}/cta"]
            assert cta.text == tag.cta and cta.allowed == {"product", "price"} and cta.budget == 14
        for option in scene.choice.options if scene.choice else []:
            label = texts[f"scene/{scene.id}/option/{option.id}/label"]
            assert label.text == option.label and label.budget == BUDGETS["option_label"]
            assert label.allowed == ({"amount", "goal"} if option.deposit else set())


def test_prompts_goals_and_endings_have_keys() -> None:
    raw = _v4()
    raw["scenes"][1].update(ending_title="The end", ending_text="You saved {{enough}}")
    project, _ = project_from_raw(raw)
    texts = source_map(project)
    assert texts["scene/intro/prompt/p1/text"].text == "Save?"
    assert texts["scene/intro/prompt/p1/text"].allowed == {"amount", "goal"}
    assert texts["goal/trip/name"].text == "Trip"
    ending = raw["scenes"][1]["id"]
    assert texts[f"scene/{ending}/ending_title"].text == "The end"
    assert texts[f"scene/{ending}/ending_text"].budget is None
    # keys are unique and stable: the same project enumerates the same keys in the same order
    keys = [t.key for t in source_texts(project)]
    assert len(keys) == len(set(keys)) and keys == [t.key for t in source_texts(project)]


def test_width_counts_columns() -> None:
    assert width("Save it") == 7
    assert width("存钱") == 4
    assert width("Save {amount}") == 5 + PLACEHOLDER_COLUMNS
    assert width("{{x}}") == 3
    assert width("e\u0301") == 1  # a combining accent takes no column


def test_a_v3_file_loads_with_no_translations_subtitles_or_dubs(tmp_path: Any) -> None:
    raw = json.loads((SAMPLES / "savings" / PROJECT_FILE).read_bytes())
    raw.update(schema_version=3, min_reader_version=3)
    del raw["target_locales"], raw["translations"], raw["audio"]
    for scene in raw["scenes"]:
        scene.pop("subtitles", None)
        scene.pop("dubs", None)
    migrated, original = migrate(raw)
    assert original == 3 and migrated["min_reader_version"] == migrated["schema_version"] == 5
    project, version = project_from_raw(raw)
    assert version == 3 and project.target_locales == [] and project.translations == []
    sample = load(SAMPLES / "savings").project
    bare = sample.model_copy(update={
        "target_locales": [], "translations": [],
        "scenes": [s.model_copy(update={"subtitles": [], "dubs": []}) for s in sample.scenes]})
    assert dumps(project) == dumps(bare)


def test_translations_round_trip_through_the_file() -> None:
    raw = _v4(target_locales=["en"], translations=[{"locale": "en", "texts": [
        {"key": "project/title", "text": "A test", "source_sha": source_sha("Test drama")}]}])
    raw["locale"] = "zh-CN"
    project, _ = project_from_raw(raw)
    again, _ = project_from_raw(json.loads(dumps(project)))
    assert again == project
    held = project.translations_of("en")
    assert held is not None and held.texts[0].text == "A test"
    assert project.translations_of("ja") is None


@pytest.mark.parametrize(("extra", "message"), [
    ({"target_locales": ["en", "en"]}, "target_locales lists a locale twice"),
    ({"target_locales": ["zh-CN"]}, "holds the source locale zh-CN"),
    ({"target_locales": ["en"], "translations": [{"locale": "en"}, {"locale": "en"}]},
     "translations holds a locale twice"),
    ({"target_locales": ["en"], "translations": [{"locale": "en", "texts": [
        {"key": "project/title", "text": "A", "source_sha": "0" * 64},
        {"key": "project/title", "text": "B", "source_sha": "0" * 64}]}]}, "translated twice: project/title"),
    ({"translations": [{"locale": "en", "texts": [
        {"key": "scene/../x", "text": "A", "source_sha": "0" * 64}]}]}, "key"),
    ({"translations": [{"locale": "en", "texts": [
        {"key": "project/title", "text": "A", "source_sha": "abc"}]}]}, "source_sha"),
    ({"target_locales": ["english"]}, "target_locale 1: String should match pattern"),
])
def test_malformed_translations_are_refused(extra: dict[str, Any], message: str) -> None:
    with pytest.raises(ProjectError, match=message.replace(".", r"\.")):
        project_from_raw(_v4(**extra))
