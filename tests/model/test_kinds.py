"""The kind declarations (studio.model.kinds) agree with the pydantic models, the tables derived
from them are right, and mypy refuses an edit of a field that does not exist or a wrong value."""

from __future__ import annotations

import subprocess
import sys
import types
from pathlib import Path
from typing import Annotated, Any, Literal, Union, get_args, get_origin

import pytest

from studio.model import load_project
from studio.model.kinds import (
    PROJECT,
    AudioRef,
    ChoiceRef,
    DepositRef,
    GoalRef,
    HotspotRef,
    MediaRef,
    OptionRef,
    ProductRef,
    ProjectRef,
    PromptRef,
    SceneRef,
    TagRef,
    VariableRef,
)
from studio.model.ops import AddItem, SetField
from studio.model.ops.base import changes_for
from studio.model.paths import item_ref, parse_path
from studio.model.refs import KINDS, ItemRef, OpError, PartRef, Ref
from tests.support import ROOT, SAMPLES

ONE_OF_EACH: list[Ref[Any]] = [
    PROJECT,
    SceneRef("payday"),
    ChoiceRef("payday"),
    OptionRef("payday", "save"),
    DepositRef("payday", "save"),
    PromptRef("payday", "round_up"),
    HotspotRef(OptionRef("payday", "save")),
    GoalRef("trip"),
    VariableRef("discipline"),
    MediaRef("payday"),
]


def _shape(annotation: Any) -> Any:
    """An annotation without constraints: Annotated stripped, Literal as its values' type, a union
    as the set of its members' shapes."""
    origin = get_origin(annotation)
    if origin is Annotated:
        return _shape(get_args(annotation)[0])
    if origin is Literal:
        (kind,) = {type(v) for v in get_args(annotation)}
        return kind
    if origin in (Union, types.UnionType):
        members: set[Any] = set()
        for arg in get_args(annotation):
            shape = _shape(arg)
            members |= shape if isinstance(shape, frozenset) else {shape}
        return frozenset(members)
    if origin is list:
        return ("list", _shape(get_args(annotation)[0]))
    return annotation


def test_every_kind_is_declared_once() -> None:
    names = [k.kind for k in KINDS]
    assert len(names) == len(set(names))
    assert {type(r) for r in ONE_OF_EACH} | {TagRef, ProductRef, AudioRef} == set(KINDS)


@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.__name__)
def test_declared_fields_are_the_models_fields_with_their_types(kind: type[Ref[Any]]) -> None:
    declared = kind.declared()
    model_fields = {name: info for name, info in kind.model.model_fields.items() if name != "id"}
    assert set(declared) == set(model_fields), "declare every field of the model (ids are not edited)"
    for name, field in declared.items():
        (value_type,) = get_args(field.__orig_class__)  # type: ignore[attr-defined]
        assert _shape(value_type) == _shape(model_fields[name].annotation), f"{kind.__name__}.{name}"
        assert field.owner is kind and field.name == name


def test_fields_naming_other_items_are_derived_from_the_models() -> None:
    refers = {
        f"{k.__name__}.{name}" for k in KINDS for name, f in k.declared().items() if f.holds_references()
    }
    # every field the hand-kept table of the old ops listed (target, media, goal, product, var,
    # condition, effects, on_enter, accept/decline_effects, deposit, choice, options, prompts, tags,
    # start) is found from the models' Id and JsonValue annotations
    for name in (
        "SceneRef.media", "SceneRef.on_enter", "SceneRef.choice", "SceneRef.prompts", "SceneRef.tags",
        "ChoiceRef.options", "OptionRef.target", "OptionRef.condition", "OptionRef.effects",
        "OptionRef.deposit", "DepositRef.goal", "PromptRef.goal", "PromptRef.accept_effects",
        "PromptRef.decline_effects", "TagRef.product", "ProjectRef.start", "ProjectRef.scenes",
    ):
        assert name in refers, name
    for name in ("SceneRef.title", "SceneRef.in_ms", "SceneRef.position", "OptionRef.hotspot",
                 "OptionRef.label", "TagRef.hotspot", "HotspotRef.x", "ProjectRef.title"):
        assert name not in refers, name


def test_paths_and_locations_round_trip() -> None:
    for ref in [*ONE_OF_EACH, TagRef("office", "cream_desk"), ProductRef("serum"),
                HotspotRef(TagRef("office", "cream_desk"))]:
        assert parse_path(ref.id_path) == ref
        for field in ref.declared().values():
            target = field.__get__(ref, type(ref))
            found = parse_path(target.id_path)  # a field holding a part names the part
            part = isinstance(found, PartRef) and found.parent == ref and found.attr == field.name
            assert (found == target or part) and target.name == field.name
    assert OptionRef("a", "b").id_path == ("scene", "a", "option", "b")  # the selection's identity
    assert parse_path(("scene", "a", "choice", "option", "b")) == OptionRef("a", "b")
    assert OptionRef("a", "b").label.where() == "scene 'a' > choice > option 'b' > label"
    assert PROJECT.title.where() == "title" and GoalRef("g").target.where() == "goal 'g' > target"
    for bad in (("scene", "a", "id"), ("scene", "a", "colour"), ("scene", "a", "nope", "x"), ("scene",)):
        with pytest.raises(OpError):
            parse_path(bad)


def test_resolving_names_what_is_gone() -> None:
    p = load_project(SAMPLES / "savings")
    assert OptionRef("payday", "save").label.get(p) == p.scene_map()["payday"].choice.options[0].label  # type: ignore[union-attr]
    for ref, message in [
        (SceneRef("nope"), "unknown scene 'nope'"),
        (OptionRef("payday", "nope"), "scene 'payday' > choice: unknown option 'nope'"),
        (ChoiceRef("ending_dream"), "scene 'ending_dream' has no choice point"),
        (DepositRef("payday", "spend"), "scene 'payday' > choice > option 'spend' has no deposit"),
        (GoalRef("nope"), "unknown goal 'nope'"),
    ]:
        with pytest.raises(OpError) as info:
            ref.get(p)
        assert str(info.value) == message


def test_change_sets_are_derived_from_the_declarations() -> None:
    p = load_project(SAMPLES / "savings")
    assert changes_for(p, SceneRef("payday"), SceneRef.position).moved == {"payday"}
    assert changes_for(p, OptionRef("payday", "save"), OptionRef.target).structure
    assert changes_for(p, OptionRef("payday", "save"), None).structure  # an option is an edge
    assert not changes_for(p, PromptRef("payday", "round_up"), None).structure
    assert changes_for(p, DepositRef("payday", "save"), DepositRef.amount).scenes == {"payday"}
    assert changes_for(p, MediaRef("payday"), None).media
    assert changes_for(p, GoalRef("trip"), GoalRef.target).catalog
    assert changes_for(p, PROJECT, ProjectRef.start, "payday", "month_end").scenes == {"payday", "month_end"}
    assert changes_for(p, PROJECT, ProjectRef.title).project


def test_a_list_field_finds_the_kind_of_its_items() -> None:
    assert item_ref(SceneRef("a").prompts, "p") == PromptRef("a", "p")
    assert item_ref(ChoiceRef("a").options, "o") == OptionRef("a", "o")
    assert item_ref(PROJECT.goals, "g") == GoalRef("g")
    assert isinstance(item_ref(PROJECT.scenes, "s"), ItemRef)
    with pytest.raises(OpError, match="not a list of items"):
        item_ref(SceneRef("a").on_enter, "x")  # type: ignore[arg-type]


WRONG = '''
from studio.model.kinds import OptionRef, SceneRef, TagRef
from studio.model.ops import AddItem, SetField
from studio.model.project import ProductTag, SavingsPrompt

SetField(SceneRef("a").title, "ok")
SetField(SceneRef("a").out_ms, None)
SetField(SceneRef("a").titel, "misspelt field")
SetField(SceneRef("a").title, 5)
SetField(OptionRef("a", "b").label, None)
SetField(TagRef("a", "t").hotspot, None)
AddItem(SceneRef("a").prompts, ProductTag.model_construct())
AddItem(SceneRef("a").tags, SavingsPrompt.model_construct())
SetField(OptionRef("a", "b"), ProductTag.model_construct())
'''


@pytest.mark.slow
def test_mypy_refuses_a_wrong_field_value_or_kind(tmp_path: Path) -> None:
    snippet = tmp_path / "wrong_edits.py"
    snippet.write_text(WRONG, encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--config-file", str(ROOT / "pyproject.toml"),
         str(snippet)],
        cwd=ROOT, capture_output=True, text=True, timeout=600, check=False,
    )
    lines = {int(line.split(":")[1]) for line in proc.stdout.splitlines() if ": error:" in line}
    first = WRONG.splitlines().index('SetField(SceneRef("a").titel, "misspelt field")') + 1
    assert lines == set(range(first, first + 7)), proc.stdout


def test_an_edit_is_checked_by_the_models_even_for_a_constructed_value() -> None:
    """A value built without validation (model_construct) is validated by the edit."""
    from studio.model.project import ChoicePoint, Option

    p = load_project(SAMPLES / "savings")
    bad = ChoicePoint.model_construct(appear_ms=5000, decision_ms=1000, timeout="loop",
                                      options=[Option(id="x", label="X", target="payday")])
    with pytest.raises(OpError, match="decision_ms must be after appear_ms"):
        SetField(SceneRef("ending_dream").choice, bad).apply(p)
    with pytest.raises(OpError, match="default"):
        AddItem(ChoiceRef("payday").options, Option.model_construct(id="z", label="Z", target="payday",
                                                                    default=True)).apply(p)
