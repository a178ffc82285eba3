"""Placeholders in author text, the v2 -> v3 migration of literal amounts, and the v3 scene fields."""

from __future__ import annotations

import copy
from typing import Any

import pytest
from pydantic import ValidationError

from studio.model import ProjectError, Scene
from studio.model import placeholders as ph
from studio.model.io import project_from_raw
from studio.model.migrations import migrate
from studio.model.ops import RemoveScenes
from studio.model.project import Placeholder
from tests.model.factories import raw_project


def test_fill_replaces_known_names_and_keeps_doubled_braces_literal() -> None:
    text = "Put {amount} towards {goal}? {{not a placeholder}} {price}"
    assert ph.fill(text, {"amount": "¥20.00", "goal": "Trip"}) == (
        "Put ¥20.00 towards Trip? {not a placeholder} {price}"
    )
    assert ph.used(text) == {"amount", "goal", "price"}
    assert ph.fill(ph.escape("a {b} c"), {"b": "x"}) == "a {b} c"


def test_issues_name_unknown_misplaced_and_stray_braces() -> None:
    found = [i.message for i in ph.issues("x {amount} {product} {amont} } {", ph.ALLOWED["prompt"])]
    assert found == [
        "{product} has no value here (this text can use: {amount}, {goal})",
        "unknown placeholder {amont} (known: {amount}, {goal}, {product}, {price})",
        "a lone '}' (write '}}' for a brace)",
        "a lone '{' (write '{{' for a brace)",
    ]
    assert ph.issues("Tap {{here}} for {product} at {price}", ph.ALLOWED["tag"]) == []


@pytest.mark.parametrize(
    ("amount", "currency", "locale", "want"),
    [
        (2000, "CNY", "zh-CN", "¥20.00"),
        (123456, "USD", "en", "$1,234.56"),
        (123456789, "CNY", "en-US", "CN¥1,234,567.89"),
        (500, "JPY", "ja-JP", "￥500"),  # no minor unit: 500 minor units are 500 yen
        (1005, "KWD", "en", "KWD\xa01.005"),  # three decimals
        (2000, "CNY", "xx-ZZ", "CN¥20.00"),  # unknown locale: its language, then English
        # ISO 4217 minor units, not CLDR's fewer digits: nothing of the amount is rounded away
        (12345, "IDR", "en", "IDR\xa0123.45"),
        (10001, "HUF", "hu", "100,01\xa0Ft"),
        (1250, "CNY", "ja", "元\xa012.50"),  # currency spacing after a non-Latin letter, as ICU
    ],
)
def test_amounts_are_formatted_from_integer_minor_units_per_locale(
    amount: int, currency: str, locale: str, want: str
) -> None:
    assert ph.format_amount(amount, currency, locale) == want


def test_the_largest_amount_is_exact() -> None:
    assert ph.format_amount(2**53 - 1, "CNY", "en") == "CN¥90,071,992,547,409.91"


def test_literal_amounts_are_found_next_to_a_currency_sign_code_or_yuan() -> None:
    text = "Put ¥10.00 towards it, or USD 5, or 30元, or CN¥1,234.5; not {amount} nor 7 days"
    assert ph.literal_amounts(text, "CNY") == [1000, 500, 3000, 123450]
    assert ph.literal_amounts("Save ¥0.005", "CNY") == []  # finer than the currency: not money here
    assert ph.literal_amounts("ABC 10", "CNY") == []  # not a currency code


def _v2(raw: dict[str, Any]) -> dict[str, Any]:
    raw = copy.deepcopy(raw)
    raw["schema_version"] = 2
    raw["min_reader_version"] = 2
    raw["replay_deposits"] = False
    return raw


def _savings_v2() -> dict[str, Any]:
    raw = _v2(raw_project())
    raw["goals"] = [{"id": "trip", "name": "Travel", "target": 100000, "cap": 50000}]
    first = raw["scenes"][0]
    first["prompts"] = [
        {"id": "p1", "at_ms": 500, "goal": "trip", "amount": 1000, "text": "Put ¥10.00 towards Travel?"},
        {"id": "p2", "at_ms": 600, "goal": "trip", "amount": 20000, "text": "Save ¥200 {now}, not ¥2000"},
    ]
    option = first["choice"]["options"][0]
    option["deposit"] = {"goal": "trip", "amount": 20000}
    option["label"] = "Save ¥200 for the trip"
    return raw


def test_migration_turns_the_items_own_amounts_and_goal_names_into_placeholders() -> None:
    raw = _savings_v2()
    migrated, original = migrate(raw)
    assert original == 2
    first = migrated["scenes"][0]
    assert [p["text"] for p in first["prompts"]] == [
        "Put {amount} towards {goal}?",
        # the short form of the prompt's amount; a different number and braces stay as written
        "Save {amount} {{now}}, not ¥2000",
    ]
    option = first["choice"]["options"][0]
    assert option["label"] == "Save {amount} for the trip"
    assert option["show_amount"] is False  # the label says it already
    project, _ = project_from_raw(raw)
    assert project.scenes[0].prompts[0].text == "Put {amount} towards {goal}?"
    assert raw["scenes"][0]["prompts"][0]["text"] == "Put ¥10.00 towards Travel?"  # caller's dict untouched


def test_migration_of_a_changed_amount_keeps_the_stale_literal_for_validation_to_report() -> None:
    raw = _savings_v2()
    raw["scenes"][0]["prompts"][0]["amount"] = 2000  # the text still says ¥10.00
    migrated, _ = migrate(raw)
    text = migrated["scenes"][0]["prompts"][0]["text"]
    assert text == "Put ¥10.00 towards {goal}?"
    assert ph.literal_amounts(text, "CNY") == [1000]


def test_migration_passes_odd_shapes_on_to_validation() -> None:
    raw = _savings_v2()
    raw["scenes"][0]["prompts"].append("not an object")
    raw["scenes"][0]["choice"]["options"].append(7)
    raw["goals"] = "nope"
    migrated, _ = migrate(raw)
    assert migrated["scenes"][0]["prompts"][-1] == "not an object"
    with pytest.raises(ProjectError):
        project_from_raw(raw)


def _scene(**extra: Any) -> dict[str, Any]:
    return {"id": "s", "title": "S", **extra}


def test_a_scene_has_media_or_a_placeholder_never_both_or_neither() -> None:
    card = Scene.model_validate(_scene(placeholder={"colour": "#112233", "duration_ms": 4000}))
    assert card.media is None and card.placeholder == Placeholder(colour="#112233", duration_ms=4000)
    with pytest.raises(ValidationError, match="either media or a placeholder"):
        Scene.model_validate(_scene())
    with pytest.raises(ValidationError, match="either media or a placeholder"):
        Scene.model_validate(_scene(media="m", placeholder={}))
    with pytest.raises(ValidationError, match="not trimmed"):
        Scene.model_validate(_scene(placeholder={}, in_ms=100))
    with pytest.raises(ValidationError, match="colour"):
        Scene.model_validate(_scene(placeholder={"colour": "red"}))


def test_next_and_ending_fields_belong_to_the_right_scenes() -> None:
    with pytest.raises(ValidationError, match="not an ending"):
        Scene.model_validate(_scene(media="m", ending=True, next="x"))
    with pytest.raises(ValidationError, match="not an ending"):
        Scene.model_validate(_scene(media="m", ending_title="The end"))
    done = Scene.model_validate(
        _scene(media="m", ending=True, ending_title="Saved!", ending_text="Well done")
    )
    assert done.ending_title == "Saved!"


def test_next_must_name_a_scene_and_removing_that_scene_clears_it() -> None:
    raw = copy.deepcopy(raw_project())
    ids = [s["id"] for s in raw["scenes"]]
    last = raw["scenes"][-1]
    last.pop("choice", None)
    last["ending"] = False
    last.pop("ending_kind", None)
    last["next"] = "nowhere"
    with pytest.raises(ProjectError, match="next: unknown scene 'nowhere'"):
        project_from_raw(raw)
    last["next"] = ids[0]
    project, _ = project_from_raw(raw)
    scene = project.scene_map()[ids[0]]
    applied = RemoveScenes((ids[0],)).apply(project)
    assert project.scene_map()[last["id"]].next is None
    applied.inverse.apply(project)
    assert project.scene_map()[last["id"]].next == ids[0]
    assert project.scene_map()[ids[0]] == scene
