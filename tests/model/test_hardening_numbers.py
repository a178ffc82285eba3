"""Numbers no engine can hold are refused where they enter (issue #13 items 1, 5, 6 and 13).

* Non-finite numbers (``1e400``, a float of a thousand digits, ``NaN``,
  ``Infinity``) in any float field: load and every command refuse them with one
  line naming the file, line and column; the edit API refuses them too, and a
  save never writes ``Infinity`` or ``NaN``.
* Integers: every integer of the model lies in ±(2**53 - 1); at the bound a
  value is kept exactly, one past it is refused naming the field.
* Integer literals longer than 40 digits (Python refuses to convert more than
  4,300) are refused by the parser wherever they stand, by every command and
  by ``studio import``.
* Conditions: at most ``MAX_NODES`` parts; a 10 MB condition is refused at load.
"""

from __future__ import annotations

import json
import math
import re
import zipfile
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

from studio.model import ProjectError, load, save
from studio.model.conditions import MAX_NODES, ConditionError
from studio.model.conditions import check as check_condition
from studio.model.io import parse_json, project_from_raw
from studio.model.ops import MoveScenes, OpError, OptionRef, SceneRef, SetField
from studio.model.strict_json import MAX_INT_DIGITS
from studio.model.types import MAX_COORDINATE, MAX_SAFE_INT, Point
from tests.fuzz.cli_run import check, run, run_process
from tests.model.factories import raw_project
from tests.model.hardening import (
    SAMPLE,
    SAMPLE_ENTRIES,
    SAMPLE_TEXT,
    bundle_with_manifest,
    export_sample,
    import_refused,
    project_copy,
    refused_as_process,
    refused_everywhere,
    sub_first,
)

MAX = MAX_SAFE_INT
FIRST_X = r'(?<="x": )-?[0-9.]+'  # the first scene's canvas position


def _line_column(text: str, index: int) -> str:
    line = text.count("\n", 0, index) + 1
    return f"line {line} column {index - (text.rfind(chr(10), 0, index) + 1) + 1}"


def _with_decoy(literal: str) -> tuple[str, str]:
    """The sample with ``literal`` as the first scene's x, after a title that holds the same text
    (so a locator that finds the text instead of the number token points at the wrong place)."""
    text = sub_first(r'(?<="title": ")[^"]*', f"Plan {literal}")
    text = sub_first(FIRST_X, literal, text)
    index = text.index(f'"x": {literal}') + len('"x": ')
    return text, _line_column(text, index)


NON_FINITE = {
    "1e400": ("1e400", "not a finite number"),
    "-1e400": ("-1e400", "not a finite number"),
    "1e309": ("1e309", "not a finite number"),
    "1000-digit float": ("1" * 1000 + ".5", "more than 400 characters"),
    "1000-digit fraction": ("0." + "3" * 1000, "more than 400 characters"),
    "NaN": ("NaN", "'NaN' is not allowed"),
    "Infinity": ("Infinity", "'Infinity' is not allowed"),
    "-Infinity": ("-Infinity", "'-Infinity' is not allowed"),
}


@pytest.mark.parametrize("case", sorted(NON_FINITE))
def test_non_finite_position_is_located_by_the_parser(case: str) -> None:
    literal, why = NON_FINITE[case]
    text, where = _with_decoy(literal)
    with pytest.raises(ProjectError) as exc:
        parse_json(text.encode())
    message = str(exc.value)
    assert why in message and message.endswith(f"at {where}"), (message, where)
    assert len(message) < 200  # the literal is not printed whole


@pytest.mark.parametrize("case", sorted(NON_FINITE))
def test_non_finite_position_is_refused_by_every_command(case: str, tmp_path: Path) -> None:
    literal, why = NON_FINITE[case]
    text, where = _with_decoy(literal)
    folder = project_copy(tmp_path, text)
    needles = (str(folder / "drama.json"), why, where)
    with pytest.raises(ProjectError) as exc:
        load(folder)
    assert all(n in str(exc.value) for n in needles) and "\n" not in str(exc.value)
    refused_everywhere(folder, tmp_path, needles)


@pytest.mark.parametrize(("case", "command"), [("1e400", "play")])
def test_non_finite_position_as_a_real_process(case: str, command: str, tmp_path: Path) -> None:
    literal, why = NON_FINITE[case]
    text, where = _with_decoy(literal)
    folder = project_copy(tmp_path, text)
    refused_as_process(folder, tmp_path, command, (why, where))


FLOAT_FIELDS = {  # a float field of the model -> a pattern matching its first value in the sample
    "scene position y": r'(?<="y": )-?[0-9.]+',
    "media fps": r'(?<="fps": )[0-9.]+',
}


@pytest.mark.parametrize("field", sorted(FLOAT_FIELDS))
@pytest.mark.parametrize("literal", ["1e400", "-Infinity", "NaN"])
def test_every_float_field_refuses_non_finite_numbers(field: str, literal: str, tmp_path: Path) -> None:
    text = sub_first(FLOAT_FIELDS[field], literal)
    index = re.search(FLOAT_FIELDS[field], SAMPLE_TEXT)
    assert index is not None
    folder = project_copy(tmp_path, text)
    refused_everywhere(folder, tmp_path, (_line_column(text, index.start()),), commands=("validate",))


def test_hotspot_field_refuses_non_finite_numbers() -> None:
    raw = json.dumps(raw_project()).replace('"w": 0.3', '"w": 1e400')
    with pytest.raises(ProjectError, match=r"not a finite number\) at line 1 column \d+"):
        project_from_raw(parse_json(raw.encode()))


@pytest.mark.parametrize("value", [MAX_COORDINATE, -MAX_COORDINATE, 0.5, -0.0])
def test_finite_positions_within_the_canvas_bound_round_trip(value: float, tmp_path: Path) -> None:
    folder = project_copy(tmp_path, sub_first(FIRST_X, repr(value)))
    project = load(folder).project
    assert project.scenes[0].position.x == value
    saved = save(project, tmp_path / "again").read_text("utf-8")
    assert load(tmp_path / "again").project.scenes[0].position.x == value
    assert "Infinity" not in saved and "NaN" not in saved


@pytest.mark.parametrize("literal", ["10000000.000001", "-1.7976931348623157e308", "1e308"])
def test_finite_positions_past_the_canvas_bound_name_the_scene(literal: str, tmp_path: Path) -> None:
    folder = project_copy(tmp_path, sub_first(FIRST_X, literal))
    refused_everywhere(folder, tmp_path, ("scene 'payday' > position > x",), commands=("validate", "info"))


# -- the edit API ---------------------------------------------------------------------------


@pytest.mark.parametrize("value", [math.inf, -math.inf, math.nan, 1e308])
def test_assigning_a_non_finite_or_huge_coordinate_is_refused(value: float) -> None:
    project = load(SAMPLE).project
    scene = project.scenes[0]
    before = scene.position.model_dump()
    with pytest.raises(ValidationError):
        scene.position.x = value
    with pytest.raises(ValidationError):
        Point(x=0.0, y=value)
    assert scene.position.model_dump() == before


@pytest.mark.parametrize("value", [math.inf, math.nan])
def test_set_field_refuses_a_non_finite_position(value: float) -> None:
    project = load(SAMPLE).project
    before = project.scenes[0].position.model_dump()
    with pytest.raises(OpError) as exc:
        SetField(SceneRef("payday").position, {"x": value, "y": 0.0}).apply(project)
    assert "\n" not in str(exc.value) and "scene 'payday'" in str(exc.value)
    assert project.scenes[0].position.model_dump() == before


@pytest.mark.parametrize("value", [math.inf, math.nan, MAX_COORDINATE * 2])
def test_move_scenes_refuses_a_non_finite_move_and_leaves_the_project_untouched(value: float) -> None:
    project = load(SAMPLE).project
    before = [s.position.model_dump() for s in project.scenes]
    first, second = project.scenes[0].id, project.scenes[1].id
    with pytest.raises(OpError) as exc:
        MoveScenes(((first, 5.0, 6.0), (second, value, 0.0))).apply(project)
    assert "\n" not in str(exc.value)
    assert [s.position.model_dump() for s in project.scenes] == before


def test_a_save_never_writes_non_finite_numbers(tmp_path: Path) -> None:
    """A coordinate smuggled past validation (a constructed model) is refused at save, in one
    line, and the file on disk stays as it was."""
    folder = project_copy(tmp_path, SAMPLE_TEXT)
    before = (folder / "drama.json").read_bytes()
    project = load(folder).project
    scene = project.scenes[2]
    scene.__dict__["position"] = Point.model_construct(x=math.inf, y=math.nan)
    with pytest.raises(ProjectError) as exc:
        save(project, folder)
    message = str(exc.value)
    assert "\n" not in message and message.startswith(f"not saved: scene '{scene.id}' > position")
    assert (folder / "drama.json").read_bytes() == before
    assert sorted(p.name for p in folder.iterdir()) == SAMPLE_ENTRIES


# -- integers at the bound ------------------------------------------------------------------


def _opt(r: dict[str, Any], i: int = 0) -> dict[str, Any]:
    option: dict[str, Any] = r["scenes"][0]["choice"]["options"][i]
    return option


INT_FIELDS: dict[str, tuple[Any, list[str], bool]] = {
    # name: (set the value, words the refusal names, negative values allowed)
    "deposit amount": (lambda r, v: _opt(r)["deposit"].update(amount=v),
                       ["option 'save'", "deposit > amount"], False),
    "prompt amount": (lambda r, v: r["scenes"][0]["prompts"][0].update(amount=v),
                      ["prompt 'p1'", "amount"], False),
    "goal target": (lambda r, v: r["goals"][0].update(target=v, cap=None), ["goal 'trip'", "target"], False),
    "goal cap": (lambda r, v: r["goals"][0].update(cap=v), ["goal 'trip'", "cap"], False),
    "product price": (lambda r, v: r["products"][0].update(price=v), ["product 'serum'", "price"], False),
    "variable default": (lambda r, v: r["variables"][0].update(default=v),
                         ["variable 'mood'", "default"], True),
    "effect value": (lambda r, v: r["scenes"][0]["on_enter"][0].update(value=v),
                     ["scene 'intro'", "effect 1 > value"], True),
    "media size": (lambda r, v: r["media"][0].update(size=v), ["media 'clip'", "size"], False),
    "media duration": (lambda r, v: r["media"][0].update(duration_ms=v),
                       ["media 'clip'", "duration_ms"], False),
    "condition literal": (lambda r, v: _opt(r, 1).update(condition={">=": [{"var": "saved.trip"}, v]}),
                          ["option 'rich'", "condition", "2**53 - 1"], True),
}


@pytest.mark.parametrize("field", sorted(INT_FIELDS))
def test_integers_at_the_bound_are_kept_exactly(field: str, tmp_path: Path) -> None:
    setter, _, negative = INT_FIELDS[field]
    for value in (MAX, -MAX) if negative else (MAX,):
        raw = raw_project()
        setter(raw, value)
        project, _ = project_from_raw(raw)
        file = save(project, tmp_path / field.replace(" ", "_"))
        assert str(value) in file.read_text("utf-8")
        assert load(file).project == project


@pytest.mark.parametrize("field", sorted(INT_FIELDS))
def test_integers_past_the_bound_are_refused_naming_the_field(field: str) -> None:
    setter, words, negative = INT_FIELDS[field]
    for value in (MAX + 1, -MAX - 1, 10**30) if negative else (MAX + 1, 10**30):
        raw = raw_project()
        setter(raw, value)
        with pytest.raises(ProjectError) as exc:
            project_from_raw(raw)
        message = str(exc.value)
        assert "\n" not in message
        for word in words:
            assert word in message, f"{field}={value}: {word!r} not in {message!r}"
        assert "and 2 more" not in message and "constrained-int" not in message  # one clear line


def test_an_amount_past_the_bound_is_refused_by_every_command(tmp_path: Path) -> None:
    text = sub_first(r'(?<="amount": )[0-9]+', str(MAX + 1))
    folder = project_copy(tmp_path, text)
    refused_everywhere(folder, tmp_path, ("deposit > amount", "less than or equal to 9007199254740991"))


def test_an_amount_at_the_bound_exports_exactly(tmp_path: Path) -> None:
    text = sub_first(r'(?<="target": )[0-9]+', str(MAX))
    text = sub_first(r'(?<="cap": )[0-9]+', str(MAX), text)
    text = sub_first(r'(?<="amount": )[0-9]+', str(MAX), text)
    folder = project_copy(tmp_path, text)
    out = tmp_path / "max.drama.zip"
    check(run(["validate", str(folder)]), (0, 1))
    check(run(["export", str(folder), "-o", str(out)]), (0,))
    with zipfile.ZipFile(out) as zf:
        manifest = zf.read("manifest.json").decode("utf-8")
    assert manifest.count(str(MAX)) >= 3 and "e+" not in manifest


# -- integer literals too long to convert ---------------------------------------------------

LONG_INTS = {"41 digits": "9" * (MAX_INT_DIGITS + 1), "5000 digits": "9" * 5000,
             "-5000 digits": "-" + "1" * 5000, "4301 digits": "1" + "0" * 4300}
PLACES = {  # where the literal stands: a pattern of the sample's text to replace
    "deposit amount": r'(?<="amount": )[0-9]+',
    "schema_version": r'(?<="schema_version": )[0-9]+',
    "condition": r'(?<="saved\.trip"\n {16}\},\n {16})[0-9]+',
    "media size": r'(?<="size": )[0-9]+',
    "unknown key": r'^\{',
}


def _long_int_text(place: str, literal: str) -> tuple[str, str]:
    if place == "unknown key":
        text = sub_first(PLACES[place], '{\n  "notes": [1, "' + literal + '", ' + literal + "],")
        index = text.index(", " + literal + "]") + 2
    else:
        text = sub_first(PLACES[place], literal)
        match = re.search(PLACES[place], SAMPLE_TEXT, re.M)
        assert match is not None
        index = match.start()
    return text, _line_column(text, index)


@pytest.mark.parametrize("place", sorted(PLACES))
@pytest.mark.parametrize("size", sorted(LONG_INTS))
def test_long_integer_literal_is_located_by_the_parser(place: str, size: str) -> None:
    text, where = _long_int_text(place, LONG_INTS[size])
    with pytest.raises(ProjectError) as exc:
        parse_json(text.encode())
    message = str(exc.value)
    assert message == f"integer with more than {MAX_INT_DIGITS} digits at {where}"


def test_forty_digits_parse_and_the_model_names_the_field() -> None:
    text = sub_first(PLACES["deposit amount"], "9" * MAX_INT_DIGITS)
    with pytest.raises(ProjectError) as exc:
        project_from_raw(parse_json(text.encode()))
    assert "option 'save' > deposit > amount: Input should be less than or equal to" in str(exc.value)


@pytest.mark.parametrize("place", sorted(PLACES))
def test_long_integer_literal_is_refused_by_every_command(place: str, tmp_path: Path) -> None:
    text, where = _long_int_text(place, LONG_INTS["5000 digits"])
    folder = project_copy(tmp_path, text)
    refused_everywhere(folder, tmp_path, (str(folder / "drama.json"), "more than 40 digits", where))


def test_long_integer_literal_as_a_real_process(tmp_path: Path) -> None:
    text, where = _long_int_text("deposit amount", LONG_INTS["4301 digits"])
    folder = project_copy(tmp_path, text)
    refused_as_process(folder, tmp_path, "stats", ("more than 40 digits", where))


@pytest.fixture(scope="module")
def sample_bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return export_sample(tmp_path_factory.mktemp("bundle"))


@pytest.mark.parametrize("literal", [LONG_INTS["5000 digits"], LONG_INTS["41 digits"], "1e400", "NaN"])
def test_import_refuses_a_manifest_number_no_engine_holds(
    sample_bundle: Path, tmp_path: Path, literal: str
) -> None:
    def edit(text: str) -> str:
        return sub_first(r'(?<="target": )[0-9]+', literal, text)

    bundle = bundle_with_manifest(sample_bundle, tmp_path / "evil.drama.zip", edit)
    why = "not allowed" if literal == "NaN" else "not a finite" if "e" in literal else "more than 40 digits"
    import_refused(bundle, tmp_path, ("manifest.json", why, "line "))


def test_import_refuses_a_manifest_int_past_the_bound(sample_bundle: Path, tmp_path: Path) -> None:
    def edit(text: str) -> str:
        return sub_first(r'(?<="target": )[0-9]+', str(MAX + 1), text)

    bundle = bundle_with_manifest(sample_bundle, tmp_path / "big.drama.zip", edit)
    import_refused(bundle, tmp_path, ("manifest.json", "goal 'trip' > target"))


def test_import_of_a_long_integer_as_a_real_process(sample_bundle: Path, tmp_path: Path) -> None:
    def edit(text: str) -> str:
        return sub_first(r'(?<="size": )[0-9]+', LONG_INTS["-5000 digits"], text)

    bundle = bundle_with_manifest(sample_bundle, tmp_path / "evil.drama.zip", edit)
    import_refused(bundle, tmp_path, ("more than 40 digits",), runner=run_process)


# -- condition size ---------------------------------------------------------------------------


def _condition_of(parts: int) -> dict[str, Any]:
    """``{"in": [{"var": "mood"}, [0, 1, ...]]}`` counting exactly ``parts`` parts: the operator,
    the var, the list and its items."""
    return {"in": [{"var": "mood"}, list(range(parts - 3))]}


def test_a_condition_at_the_node_limit_is_accepted() -> None:
    raw = raw_project()
    _opt(raw, 1)["condition"] = _condition_of(MAX_NODES)
    project, _ = project_from_raw(raw)
    assert project.scenes[0].choice is not None


def test_one_part_more_is_refused_naming_the_option() -> None:
    raw = raw_project()
    _opt(raw, 1)["condition"] = _condition_of(MAX_NODES + 1)
    with pytest.raises(ProjectError) as exc:
        project_from_raw(raw)
    message = str(exc.value)
    assert "\n" not in message
    assert "option 'rich' > condition" in message and f"more than {MAX_NODES} parts" in message


def test_a_ten_megabyte_condition_is_refused_at_load(tmp_path: Path) -> None:
    """About 600k leaves in one condition (the issue's 10 MB case): refused by the node count, by
    load and by commands, under the per-command watchdog."""
    leaves = ", ".join(["123456789012345"] * 600_000)
    text = sub_first(r'"condition": null', '"condition": {"in": [7, [' + leaves + "]]}")
    assert len(text) > 10_000_000
    folder = project_copy(tmp_path, text)
    with pytest.raises(ProjectError, match=f"more than {MAX_NODES} parts"):
        load(folder)
    refused_everywhere(folder, tmp_path, (f"more than {MAX_NODES} parts", "option 'save' > condition"),
                       commands=("validate", "export"))  # the others load the same way (above)


@pytest.mark.parametrize("value", [MAX + 1, -(10**30), 10**5000, -(10**5000)],
                         ids=["max+1", "-10**30", "10**5000", "-10**5000"])
def test_an_in_memory_condition_integer_past_the_bound_is_one_short_line(value: int) -> None:
    """An edit builds conditions in memory (no parser limit): even an integer Python cannot print
    (more than 4,300 digits) is refused by the edit API with one short line, nothing changed."""
    with pytest.raises(ConditionError) as info:
        check_condition({"==": [{"var": "mood"}, value]}, {"mood"})
    assert "2**53 - 1" in str(info.value) and len(str(info.value)) < 200
    project = load(SAMPLE).project
    with pytest.raises(OpError) as exc:
        SetField(OptionRef("payday", "save").condition, {"==": [{"var": "discipline"}, value]}).apply(project)
    message = str(exc.value)
    assert "\n" not in message and "2**53 - 1" in message and len(message) < 400
    assert project == load(SAMPLE).project
