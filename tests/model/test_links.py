"""studio.model.ops.links: branch, connect, continue automatically (Qt-free, on the samples)."""

from __future__ import annotations

import pytest

from studio.model import Project, dumps, load_project
from studio.model.ids import unique_id
from studio.model.ops import OpError, SceneRef, SetField, links
from tests.support import SAMPLES

NODE, STEP = (232.0, 92.0), (440.0, 130.0)


def sample(name: str) -> Project:
    return load_project(SAMPLES / name / "drama.json")


def overlaps(project: Project, sid: str) -> list[str]:
    me = project.scene_map()[sid].position
    return [
        s.id
        for s in project.scenes
        if s.id != sid and abs(s.position.x - me.x) < NODE[0] and abs(s.position.y - me.y) < NODE[1]
    ]


def test_branch_from_a_scene_with_a_choice_adds_an_option_to_a_new_placeholder_scene() -> None:
    project = sample("savings")
    before = dumps(project)
    applied = links.branch("payday", NODE, STEP).apply(project)
    new = [s for s in project.scenes if s.placeholder is not None]
    assert len(new) == 1 and new[0].title == "New scene" and new[0].media is None
    payday = project.scene_map()["payday"]
    assert payday.choice is not None and payday.choice.options[-1].target == new[0].id
    assert len(payday.choice.options) == 3 and payday.choice.options[-1].label == "New scene"
    assert new[0].position.x == payday.position.x + STEP[0]  # to the right...
    assert not overlaps(project, new[0].id)  # ...on a free row (Saving it / Spending it are there)
    assert applied.changes.structure and applied.changes.scenes == {"payday", new[0].id}
    applied.inverse.apply(project)
    assert dumps(project) == before


def test_the_plus_continues_automatically_when_nothing_follows_then_branches() -> None:
    project = sample("savings")
    original = dumps(project)
    first = links.branch("ending_dream", NODE, STEP).apply(project)  # an ending: stops being one
    dream = project.scene_map()["ending_dream"]
    assert dream.next == "new_scene" and dream.choice is None and not dream.ending
    assert dream.ending_kind is None
    second = links.branch("ending_dream", NODE, STEP).apply(project)
    dream = project.scene_map()["ending_dream"]
    assert dream.next is None and dream.choice is not None
    assert [o.target for o in dream.choice.options] == ["new_scene", "new_scene_2"]
    assert [o.default for o in dream.choice.options] == [True, False]
    assert [s.title for s in project.scenes[-2:]] == ["New scene", "New scene 2"]
    assert not overlaps(project, "new_scene") and not overlaps(project, "new_scene_2")
    second.inverse.apply(project)
    first.inverse.apply(project)
    assert dumps(project) == original


def test_connect_adds_an_option_and_continue_to_sets_next() -> None:
    project = sample("savings")
    original = dumps(project)
    done = [links.connect("ending_steady", "payday").apply(project)]
    steady = project.scene_map()["ending_steady"]
    assert steady.choice is not None and [o.target for o in steady.choice.options] == ["payday"]
    assert not steady.ending
    done.append(links.continue_to("ending_broke", "payday").apply(project))
    assert project.scene_map()["ending_broke"].next == "payday"
    done.append(links.connect("ending_broke", "temptation").apply(project))  # next -> a choice of two
    broke = project.scene_map()["ending_broke"]
    assert broke.next is None and broke.choice is not None
    assert [o.target for o in broke.choice.options] == ["payday", "temptation"]
    for applied in reversed(done):
        applied.inverse.apply(project)
    assert dumps(project) == original


def test_refusals_name_the_scene_and_change_nothing() -> None:
    project = sample("savings")
    original = dumps(project)
    with pytest.raises(OpError, match="'发薪日' has a choice"):
        links.continue_to("payday", "month_end").apply(project)
    with pytest.raises(OpError, match="unknown scene 'nope'"):
        links.connect("payday", "nope").apply(project)
    with pytest.raises(OpError, match="does not continue automatically"):
        links.stop_continuing("payday").apply(project)
    for _ in range(10):  # payday has 2 options: 10 more reach the limit of 12
        links.connect("payday", "month_end").apply(project)
    with pytest.raises(OpError, match="“发薪日” has 12 options already: a choice has at most 12"):
        links.branch("payday", NODE, STEP).apply(project)  # named by its title, not its id
    assert len(project.scenes) == len(load_project(SAMPLES / "savings" / "drama.json").scenes)
    assert dumps(project) != original  # the ten connects, nothing of the refused ones


def test_stop_continuing_and_placeholder_scenes() -> None:
    project = sample("shoppable")
    original = dumps(project)
    added = links.add_placeholder(100.0, -300.0, "Storyboard").apply(project)
    scene = project.scenes[-1]
    assert (scene.title, scene.id, scene.media, scene.position.x, scene.position.y) == (
        "Storyboard", "storyboard", None, 100.0, -300.0
    )
    assert scene.placeholder is not None and scene.placeholder.colour.startswith("#")
    assert project.scene_out_ms(scene) == scene.placeholder.duration_ms
    cont = links.continue_to("storyboard", project.scenes[0].id).apply(project)
    stop = links.stop_continuing("storyboard").apply(project)
    assert project.scene_map()["storyboard"].next is None
    for applied in (stop, cont, added):
        applied.inverse.apply(project)
    assert dumps(project) == original


def test_relink_refuses_a_dangling_next_and_an_invalid_scene() -> None:
    project = sample("savings")
    with pytest.raises(OpError, match="next"):
        links.Relink("ending_broke", (("next", "nowhere"),)).apply(project)
    with pytest.raises(OpError):
        links.Relink("payday", (("next", "month_end"),)).apply(project)  # next beside a choice
    SetField(SceneRef("payday").title, "Pay day").apply(project)  # the project is still usable


def test_free_spot_and_ids() -> None:
    project = sample("savings")
    assert links.free_spot(project, 5000.0, 0.0, NODE, STEP) == (5000.0, 0.0)
    x, y = links.free_spot(project, 440.0, 0.0, NODE, STEP)  # save_path (把钱存起来) is there
    assert x == 440.0 and y != 0.0
    assert unique_id("scène 1!", ["sc_ne_1"]) == "sc_ne_1_2"
    assert unique_id("!!", [], fallback="scene") == "scene"
    assert links.free_title(project, "发薪日") == "发薪日 2"
