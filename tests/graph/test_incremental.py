"""Incremental revalidation gives exactly the problems of a full validation."""

from __future__ import annotations

from typing import Any

from hypothesis import event, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from studio.graph import Validator, analyze, stats, validate
from studio.model import Deposit, Project, Scene
from studio.model.types import Rect
from tests.graph.helpers import generate, project, scene

CONDITIONS: list[Any] = [None, False, True, {">=": [{"var": "saved.fund"}, 10**9]},
                         {"==": [{"var": "brave"}, True]}, {"==": [{"var": "brave"}, 3]}]


def _scene_ids(p: Project) -> list[str]:
    return [s.id for s in p.scenes]


def apply_edit(p: Project, data: st.DataObject) -> tuple[set[str], bool]:
    """One random edit, in place; returns (changed scene ids, structure changed)."""
    kind = data.draw(st.sampled_from([
        "retarget", "condition", "deposit", "timing", "ending", "add", "remove", "start",
        "media", "price", "cap", "clear", "rename", "tags", "nothing", "next", "title", "label",
    ]))
    ids = _scene_ids(p)
    if not ids:
        kind = "add"
    event(kind)
    s = p.scenes[data.draw(st.integers(0, len(ids) - 1))] if ids else None
    options = s.choice.options if s is not None and s.choice is not None else []
    option = options[data.draw(st.integers(0, len(options) - 1))] if options else None
    honest = data.draw(st.booleans())  # the validator must notice structural edits itself
    if kind == "retarget" and s is not None and option is not None:
        option.target = data.draw(st.sampled_from([*ids, "ghost"]))
        return {s.id}, honest
    if kind == "condition" and s is not None and option is not None:
        option.condition = data.draw(st.sampled_from(CONDITIONS))
        return {s.id}, False
    if kind == "deposit" and s is not None and option is not None:
        amount = data.draw(st.sampled_from([0, 1, 500000, 10**7]))
        option.deposit = Deposit.model_construct(goal=data.draw(st.sampled_from(["fund", "x"])),
                                                 amount=amount)
        return {s.id}, False
    if kind == "timing" and s is not None:
        on_prompt = data.draw(st.booleans())
        try:
            if s.prompts and on_prompt:
                s.prompts[0].at_ms = data.draw(st.sampled_from([0, 3500, 9000]))
            else:
                s.out_ms = data.draw(st.sampled_from([None, 2000, 4000, 7000]))
        except ValidationError:
            pass
        return {s.id}, False
    if kind == "ending" and s is not None:
        if s.ending:
            s.ending_kind = None
            s.ending = False
        else:
            s.choice = None
            s.next = None
            s.ending = True
        return {s.id}, honest
    if kind == "clear" and s is not None and s.choice is not None:
        s.choice.options.clear()
        return {s.id}, honest
    if kind == "add":
        new = f"new{len(ids)}"
        targets = data.draw(st.lists(st.sampled_from([*ids, new]), max_size=3))
        p.scenes.insert(data.draw(st.integers(0, len(ids))),
                        Scene.model_validate(scene(new, *targets, ending=not targets) | {"media": "clip0"}))
        return {new}, True
    if kind == "remove" and s is not None:
        p.scenes.remove(s)
        return {s.id}, True
    if kind == "start":
        p.__dict__["start"] = data.draw(st.sampled_from([*ids, "ghost", None]))
        return set(), True
    if kind == "media" and s is not None:
        s.media = data.draw(st.sampled_from(["clip0", "clip1", "missing"]))
        return {s.id}, False
    if kind == "price" and p.products:
        p.products[0].price = data.draw(st.sampled_from([None, 0, 100]))
        return set(), False
    if kind == "cap" and p.goals:
        p.goals[0].cap = data.draw(st.sampled_from([None, 1, 10**6]))
        return set(), False
    if kind == "rename" and s is not None:
        old = s.id
        s.id = data.draw(st.sampled_from([f"{old}x", *ids]))
        return {old, s.id}, True
    if kind == "next" and s is not None and not s.ending:  # (an ending cannot continue)
        s.choice = None
        s.next = data.draw(st.sampled_from([*ids, "ghost", None]))
        return {s.id}, honest
    if kind == "title" and s is not None:  # the labels of options to it may now equal it
        labels = [o.label for x in p.scenes if x.choice for o in x.choice.options if o.target == s.id]
        s.title = data.draw(st.sampled_from([*labels, *(x.title for x in p.scenes[:3]), "Fresh"]))
        return {s.id}, False
    if kind == "label" and s is not None and option is not None:
        target = p.scene_map().get(option.target)
        option.label = data.draw(st.sampled_from(
            [target.title if target else "Gone", "Save ¥5.00", "Go {amount}", "{oops", "Plain"]))
        option.hotspot = data.draw(st.sampled_from([None, Rect(x=0.1, y=0.0, w=0.5, h=0.1)]))
        return {s.id}, False
    if kind == "tags" and s is not None and s.tags:
        s.tags[0].product = data.draw(st.sampled_from(["prod0", "nothing"]))
        return {s.id}, False
    return set(), False


@settings(max_examples=120, deadline=None)
@given(st.integers(0, 10**6), st.integers(8, 40), st.data())
def test_update_equals_full_validation(seed: int, n: int, data: st.DataObject) -> None:
    p = generate(n, seed)
    v = Validator()
    assert v.validate(p) == validate(p)
    for _ in range(data.draw(st.integers(1, 12))):
        changed, structural = apply_edit(p, data)
        assert v.update(p, changed, structural) == validate(p)


def test_update_before_validate_is_a_full_validation() -> None:
    p = project(scene("a", "end"), scene("lost"), scene("end", ending=True))
    assert Validator().update(p, set(), False) == validate(p)


def test_single_scene_edit_updates_only_that_scene() -> None:
    p = generate(200, 1)
    v = Validator()
    before = v.validate(p)
    s = next(x for x in p.scenes[10:] if x.choice is not None)
    s.prompts = []
    s.tags = []
    s.out_ms = 2000  # the choice window now ends after the trim
    after = v.update(p, {s.id}, False)
    assert after == validate(p)
    assert {x.code for x in after if x.scene == s.id} == {"choice-outside-trim"}
    assert [x for x in after if x.scene != s.id] == [x for x in before if x.scene != s.id]


@settings(max_examples=25, deadline=None)
@given(st.integers(0, 10**6), st.integers(2, 60), st.data())
def test_analyze_equals_validate_and_stats(seed: int, n: int, data: st.DataObject) -> None:
    p = generate(n, seed)
    for _ in range(data.draw(st.integers(0, 4))):
        apply_edit(p, data)
    problems, st_ = analyze(p)
    assert problems == validate(p)
    assert st_ == stats(p)
