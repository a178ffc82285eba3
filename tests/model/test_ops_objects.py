"""Edits build new objects through validation and never change an existing one; undo puts the
exact old objects back; only edits that can change a reference re-check the references."""

from __future__ import annotations

from typing import Any

import pytest

from studio.model import Project, dumps, load_project
from studio.model import gestures as edits
from studio.model.ops import (
    PROJECT,
    AddItem,
    ChoiceRef,
    DepositRef,
    GoalRef,
    HotspotRef,
    MediaRef,
    MoveScenes,
    Op,
    OpError,
    OptionRef,
    PromptRef,
    RemoveItem,
    RemoveScenes,
    SceneRef,
    SetField,
    SetFields,
    TagRef,
    VariableRef,
)
from studio.model.project import Deposit, SavingsPrompt
from studio.model.types import Rect
from tests.support import SAMPLES


def savings() -> Project:
    return load_project(SAMPLES / "savings")


def _objects(project: Project) -> list[tuple[Any, str]]:
    """Every model object of the project with its JSON, to check none of them changed."""
    out: list[tuple[Any, str]] = []
    for items in (project.scenes, project.goals, project.products, project.variables, project.media):
        for item in items:
            out.append((item, item.model_dump_json()))
    for scene in project.scenes:
        for child in (scene.choice, scene.position, *scene.prompts, *scene.tags):
            if child is not None:
                out.append((child, child.model_dump_json()))
        for option in scene.choice.options if scene.choice else []:
            out.append((option, option.model_dump_json()))
    return out


OPS: list[Op] = [
    SetField(SceneRef("payday").title, "Pay day"),
    SetField(ChoiceRef("payday").appear_ms, 2000),
    SetField(OptionRef("payday", "save").label, "Keep it"),
    SetField(OptionRef("payday", "save").deposit, Deposit(goal="trip", amount=1)),
    SetField(OptionRef("payday", "save").hotspot, Rect(x=0.1, y=0.1, w=0.2, h=0.2)),
    SetField(PromptRef("payday", "round_up").amount, 700),
    SetField(GoalRef("trip").target, 500_000),
    SetField(VariableRef("discipline").default, 3),
    SetField(PROJECT.title, "New title"),
    SetField(PROJECT.start, "month_end"),
    SetFields((ChoiceRef("payday").appear_ms.to(1000), ChoiceRef("payday").decision_ms.to(2000))),
    AddItem(SceneRef("payday").prompts, SavingsPrompt(id="p2", at_ms=10, goal="trip", amount=5, text="?")),
    RemoveItem(PromptRef("payday", "round_up")),
    RemoveItem(OptionRef("payday", "spend")),
    RemoveScenes(("month_end",)),
    MoveScenes((("payday", 1.0, 2.0),)),
    edits.connect("ending_dream", "payday"),
    edits.mark_ending("payday", True, "good"),
]


@pytest.mark.parametrize("op", OPS, ids=lambda op: op.text)
def test_an_edit_changes_no_object_and_undo_restores_the_same_objects(op: Op) -> None:
    p = savings()
    before = dumps(p)
    objects = _objects(p)
    slots = [list(x) for x in (p.scenes, p.goals, p.variables, p.media)]
    applied = op.apply(p)
    assert dumps(p) != before
    for obj, text in objects:  # every old object is as it was (the edit made new ones)
        assert obj.model_dump_json() == text
    applied.inverse.apply(p)
    assert dumps(p) == before
    if not isinstance(op, MoveScenes):  # the very objects are back in their slots
        for old, now in zip(slots, (p.scenes, p.goals, p.variables, p.media), strict=True):
            assert all(a is b for a, b in zip(old, now, strict=True))


def test_only_edits_that_can_break_a_reference_check_the_references(monkeypatch: pytest.MonkeyPatch) -> None:
    """Re-resolving every reference costs a pass over the whole project: a title, a time or a
    position edit does not do it (derived from the model: those fields hold no ids)."""
    import studio.model.ops.base as base

    calls: list[int] = []
    real = base.resolve

    def counting(project: Project) -> None:
        calls.append(1)
        real(project)

    monkeypatch.setattr(base, "resolve", counting)
    p = savings()
    cheap = [
        SetField(SceneRef("payday").title, "x"),
        SetField(ChoiceRef("payday").appear_ms, 2000),
        SetField(OptionRef("payday", "save").label, "x"),
        SetField(OptionRef("payday", "save").hotspot, Rect(x=0.1, y=0.1, w=0.2, h=0.2)),
        SetField(HotspotRef(OptionRef("payday", "save")).x, 0.3),
        SetField(PromptRef("payday", "round_up").amount, 5),
        RemoveItem(PromptRef("payday", "round_up")),
        MoveScenes((("payday", 1.0, 2.0),)),
    ]
    for op in cheap:
        op.apply(p)
    assert not calls
    for op in (SetField(OptionRef("payday", "save").target, "payday"), SetField(GoalRef("trip").name, "x"),
               SetField(OptionRef("payday", "save").condition, {"var": "discipline"})):
        op.apply(p)
    assert len(calls) == 3


def test_refusals_are_one_located_line() -> None:
    p = savings()
    before = dumps(p)
    cases: list[tuple[Op, str]] = [
        (SetField(VariableRef("discipline").default, 2**60),
         "variable 'discipline' > default: Input should be"),
        (SetField(SceneRef("payday").position, {"x": 1.0, "y": float("inf")}),
         "scene 'payday' > position > y: Input should be a finite number"),
        (SetField(OptionRef("payday", "spend").default, True),
         "scene 'payday' > choice > option 'spend' > default: at most one option may be the default"),
        (SetField(DepositRef("payday", "save").amount, 0),
         "scene 'payday' > choice > option 'save' > deposit > amount: Input should be greater than"),
        (SetField(TagRef("x", "y").cta, "z"), "unknown scene 'x'"),
        (AddItem(PROJECT.goals, p.goals[0]), "goal 'trip': id already exists"),
        (RemoveItem(GoalRef("trip")), "goal 'trip': still in use: "),
        (SetField(MediaRef("payday"), p.media[1]),
         "media 'payday': replacement must be a MediaAsset with id"),
    ]
    for op, start in cases:
        with pytest.raises(OpError) as info:
            op.apply(p)
        text = str(info.value)
        assert text.startswith(start) and "\n" not in text and "constrained-int" not in text, text
        assert dumps(p) == before
