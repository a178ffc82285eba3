"""What a gesture adds (studio.model.new_items): the same defaults for every panel, no widgets."""

from __future__ import annotations

import pytest

from studio.model import Project, load_project
from studio.model import new_items as new
from studio.model.ops import OpError, SceneRef, SetField
from studio.model.project import Deposit
from tests.support import SAMPLES


def sample(name: str) -> Project:
    return load_project(SAMPLES / name / "drama.json")


def test_a_new_prompt_asks_for_the_default_amount_towards_the_first_goal() -> None:
    project = sample("savings")
    scene = project.scene_map()["payday"]
    goal = project.goals[0]
    op, path = new.add_prompt(project, scene, 1200)
    op.apply(project)
    pid = path[-1]
    prompt = next(p for p in project.scene_map()["payday"].prompts if p.id == pid)
    assert path == ("scene", "payday", "prompt", pid) and pid not in {p.id for p in scene.prompts}
    assert (prompt.at_ms, prompt.goal, prompt.amount) == (1200, goal.id, new.PROMPT_AMOUNT)
    assert prompt.text == "Put {amount} towards {goal}?"  # filled in when shown, never stale


def test_prompts_and_tags_need_a_goal_or_a_product_first() -> None:
    project = sample("savings")
    bare = project.model_copy(update={"goals": [], "products": []})
    scene = project.scenes[0]
    with pytest.raises(OpError, match="add a savings goal first"):
        new.add_prompt(bare, scene, 0)
    with pytest.raises(OpError, match="add a product to the catalog first"):
        new.add_tag(bare, scene, 0, 5000)


def test_a_new_tag_lasts_two_seconds_ending_at_the_trim_and_owns_its_hotspot() -> None:
    project = sample("shoppable")
    scene = project.scene_map()["office"]
    op, path = new.add_tag(project, scene, 4000, 5000)  # only 1 s left before the trim end
    op.apply(project)
    tag = next(t for t in project.scene_map()["office"].tags if t.id == path[-1])
    assert (tag.start_ms, tag.end_ms) == (4000, 5000)
    assert tag.product == project.products[0].id
    assert tag.hotspot == new.HOTSPOT and tag.hotspot is not new.HOTSPOT
    op, path = new.add_tag(project, project.scene_map()["office"], 5000, 5000)  # at the trim end
    op.apply(project)
    tag = next(t for t in project.scene_map()["office"].tags if t.id == path[-1])
    assert (tag.start_ms, tag.end_ms) == (5000 - new.TAG_MS, 5000)


def test_a_new_choice_window_goes_to_another_scene_and_is_refused_where_it_cannot_be() -> None:
    project = sample("savings")
    ending = next(s for s in project.scenes if s.ending)
    with pytest.raises(OpError, match="is an ending"):
        new.add_choice(project, ending, 0, 5000)
    chooser = next(s for s in project.scenes if s.choice is not None)
    with pytest.raises(OpError, match="already has a choice window"):
        new.add_choice(project, chooser, 0, 5000)
    plain = project.model_copy(deep=True)
    SetField(SceneRef(chooser.id).choice, None).apply(plain)
    scene = plain.scene_map()[chooser.id]
    op, path = new.add_choice(plain, scene, 5000, 5000)  # at the trim end: the window ends there
    op.apply(plain)
    choice = plain.scene_map()[scene.id].choice
    assert choice is not None and path == ("scene", scene.id, "choice")
    assert (choice.appear_ms, choice.decision_ms) == (5000 - new.CHOICE_MS, 5000)
    (option,) = choice.options
    assert option.default and option.target != scene.id


def test_catalog_items_get_unused_ids_and_deposits_keep_their_amount() -> None:
    project = sample("shoppable")
    goals, products = len(project.goals), len(project.products)
    for _ in range(2):
        new.add_goal(project).apply(project)
        new.add_product(project).apply(project)
    assert len({g.id for g in project.goals}) == goals + 2
    assert len({p.id for p in project.products}) == products + 2
    assert project.goals[-1].target == new.GOAL_TARGET and project.products[-1].currency == project.currency
    assert new.deposit_towards("g", None) == Deposit(goal="g", amount=new.DEPOSIT_AMOUNT)
    assert new.deposit_towards("g", Deposit(goal="old", amount=250)) == Deposit(goal="g", amount=250)


def test_a_new_option_points_at_the_next_scene_not_targeted_yet() -> None:
    project = sample("savings")
    chooser = next(s for s in project.scenes if s.choice is not None)
    assert chooser.choice is not None
    before = len(chooser.choice.options)
    new.add_option(project, chooser.id).apply(project)
    after = project.scene_map()[chooser.id].choice
    assert after is not None and len(after.options) == before + 1
    others = [s for s in project.scenes if s.id != chooser.id]
    assert after.options[-1].target == others[min(before, len(others) - 1)].id


@pytest.mark.parametrize(("kind", "default"), [("int", 0), ("bool", False), ("string", "")])
def test_a_variable_starts_at_its_types_default(kind: str, default: object) -> None:
    var = new.variable("mood", kind)
    assert (var.id, var.type, var.default) == ("mood", kind, default)
    assert type(var.default) is type(default)
