"""Every invalid project is refused with one line naming scene, item and field."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from studio.model import SCHEMA_VERSION, ProjectError
from studio.model.io import parse_json, project_from_raw
from tests.model.factories import raw_project

Mutation = Callable[[dict[str, Any]], None]


def _opt(d: dict[str, Any], i: int = 0) -> dict[str, Any]:
    option: dict[str, Any] = d["scenes"][0]["choice"]["options"][i]
    return option


CASES: list[tuple[str, Mutation, list[str]]] = [
    ("dangling target", lambda d: _opt(d).update(target="nowhere"),
     ["scene 'intro'", "option 'save'", "target", "nowhere"]),
    ("unknown key", lambda d: _opt(d).update(colour="red"),
     ["scene 'intro'", "option 'save'", "colour", "unknown field"]),
    ("string money", lambda d: _opt(d)["deposit"].update(amount="2000"),
     ["scene 'intro'", "option 'save'", "deposit", "amount"]),
    ("float money", lambda d: _opt(d)["deposit"].update(amount=20.5),
     ["option 'save'", "amount"]),
    ("negative deposit", lambda d: _opt(d)["deposit"].update(amount=-5),
     ["option 'save'", "amount"]),
    ("unknown operator", lambda d: _opt(d, 1).update(condition={"xor": [1, 2]}),
     ["scene 'intro'", "option 'rich'", "condition", "unknown operator 'xor'"]),
    ("unknown variable", lambda d: _opt(d, 1).update(condition={"var": "luck"}),
     ["option 'rich'", "unknown variable 'luck'"]),
    ("float in condition", lambda d: _opt(d, 1).update(condition={">": [{"var": "mood"}, 1.5]}),
     ["option 'rich'", "condition", "1.5"]),
    ("two defaults", lambda d: _opt(d, 1).update(default=True),
     ["scene 'intro'", "choice", "at most one option may be the default"]),
    ("deadline before appear", lambda d: d["scenes"][0]["choice"].update(decision_ms=2000),
     ["scene 'intro'", "choice", "decision_ms"]),
    ("duplicate scene", lambda d: d["scenes"][1].update(id="intro"),
     ["duplicate scene id 'intro'"]),
    ("duplicate option", lambda d: _opt(d, 1).update(id="save"),
     ["scene 'intro'", "duplicate option id 'save'"]),
    ("unknown goal", lambda d: _opt(d)["deposit"].update(goal="car"),
     ["option 'save'", "unknown goal 'car'"]),
    ("unknown product", lambda d: d["scenes"][0]["tags"][0].update(product="cream"),
     ["scene 'intro'", "tag 't1'", "unknown product 'cream'"]),
    ("unknown media", lambda d: d["scenes"][1].update(media="other"),
     ["scene 'end'", "media", "unknown media 'other'"]),
    ("bad effect type", lambda d: d["scenes"][0]["on_enter"][0].update(op="set", value="x"),
     ["scene 'intro'", "on_enter", "mood", "not of type int"]),
    ("effect on unknown var", lambda d: d["scenes"][0]["on_enter"][0].update(var="luck"),
     ["scene 'intro'", "unknown variable 'luck'"]),
    ("bad currency", lambda d: d.update(currency="RMB"), ["currency", "RMB", "ISO 4217"]),
    ("product currency", lambda d: d["products"][0].update(currency="yuan"),
     ["product 'serum'", "currency"]),
    ("http url", lambda d: d["products"][0].update(url="http://shop.example.com"),
     ["product 'serum'", "url", "https"]),
    ("javascript url", lambda d: d["products"][0].update(url="javascript:alert(1)"),
     ["product 'serum'", "url"]),
    ("hotspot outside", lambda d: d["scenes"][0]["tags"][0]["hotspot"].update(x=0.9),
     ["scene 'intro'", "tag 't1'", "hotspot", "inside the frame"]),
    ("tag range", lambda d: d["scenes"][0]["tags"][0].update(end_ms=100),
     ["scene 'intro'", "tag 't1'", "end_ms"]),
    ("escaping media path", lambda d: d["media"][0].update(path="../../etc/passwd"),
     ["media 'clip'", "path", "relative"]),
    ("absolute media path", lambda d: d["media"][0].update(path="/etc/passwd"),
     ["media 'clip'", "path"]),
    ("variable default type", lambda d: d["variables"][0].update(default=True),
     ["variable 'mood'", "not of type int"]),
    ("unknown start", lambda d: d.update(start="nope"), ["start", "unknown scene 'nope'"]),
    ("trim order", lambda d: d["scenes"][1].update(in_ms=3000, out_ms=1000),
     ["scene 'end'", "out_ms must be after in_ms"]),
    ("ending with choice", lambda d: d["scenes"][0].update(ending=True),
     ["scene 'intro'", "ending scene cannot have a choice"]),
    ("bool as int", lambda d: d["scenes"][0]["prompts"][0].update(at_ms=True),
     ["scene 'intro'", "prompt 'p1'", "at_ms"]),
    ("bad id", lambda d: d["scenes"][1].update(id="has space"), ["scene", "id"]),
]


@pytest.mark.parametrize(("mutate", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_invalid_project_is_refused_with_located_message(
    mutate: Mutation, expected: list[str]
) -> None:
    raw = raw_project()
    mutate(raw)
    with pytest.raises(ProjectError) as info:
        project_from_raw(raw)
    message = str(info.value)
    assert "\n" not in message
    for part in expected:
        assert part in message, f"{part!r} not in {message!r}"


def test_valid_factory_project_loads() -> None:
    project, version = project_from_raw(raw_project())
    assert version == 1
    assert [s.id for s in project.scenes] == ["intro", "end"]
    assert project.scenes[0].choice is not None
    assert project.scenes[0].choice.options[0].deposit is not None
    assert project.scenes[0].choice.options[0].deposit.amount == 2000


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (b'{"title": "a", "title": "b"}', "duplicate key 'title'"),
        (b'{"title": NaN}', "'NaN' is not allowed"),
        (b'{"title": Infinity}', "'Infinity' is not allowed"),
        (b"\xff\xfe{}", "not UTF-8"),
        (b'{"title": ', "invalid JSON at line 1"),
        (b"[" * 100000 + b"]" * 100000, "nested deeper than 100 levels"),
    ],
)
def test_strict_json(text: bytes, expected: str) -> None:
    with pytest.raises(ProjectError, match=expected):
        parse_json(text)


def test_top_level_must_be_object() -> None:
    with pytest.raises(ProjectError, match="top level must be a JSON object"):
        project_from_raw([1, 2])


def test_newer_reader_refused() -> None:
    raw = raw_project()
    raw["schema_version"] = 9
    raw["min_reader_version"] = 6
    with pytest.raises(ProjectError, match="needs Drama Studio schema v6 or newer"):
        project_from_raw(raw)


def test_newer_schema_readable_if_min_reader_allows() -> None:
    raw = raw_project()
    newer = SCHEMA_VERSION + 1
    raw["schema_version"] = newer
    raw["min_reader_version"] = SCHEMA_VERSION
    project, original = project_from_raw(raw)
    assert original == newer
    assert project.schema_version == SCHEMA_VERSION
    raw["scenes"][0]["new_feature"] = 1
    with pytest.raises(ProjectError, match=rf"newer schema v{newer}"):
        project_from_raw(raw)
