"""Scenes that continue automatically (``Scene.next``) and storyboard placeholder scenes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from studio.graph import Validator, analyze, build_graph, stats, validate
from studio.model import Project
from studio.model.project import Placeholder
from tests.graph.helpers import CLIP_MS, asset, codes, project, scene

TRIP = {"id": "trip", "name": "Trip", "target": 100000}


def card(ident: str, *options: str, duration: int = 8000, **extra: Any) -> dict[str, Any]:
    """A placeholder (storyboard) scene: no media, a planned duration."""
    data = scene(ident, *options, **extra)
    del data["media"]
    return data | {"placeholder": {"colour": "#3d5a80", "duration_ms": duration}}


def chain_with_next() -> Project:
    # a -(choice)-> b -(next)-> c -(next)-> end ; a -(choice)-> end
    return project(scene("a", "b", "end"), scene("b", next="c"), scene("c", next="end"),
                   scene("end", ending=True))


def test_a_scene_with_next_is_no_dead_end_and_leads_on() -> None:
    p = chain_with_next()
    assert validate(p) == []
    st = stats(p)
    assert (st.paths, st.reachable_scenes, st.unreachable_endings) == (2, 4, [])


def test_scenes_only_reached_through_next_are_reachable() -> None:
    p = project(scene("a", next="b"), scene("b", next="end"), scene("end", ending=True))
    assert validate(p) == []
    st = stats(p)
    assert st.paths == 1
    # a scene continuing automatically plays its whole clip, as an ending does
    assert (st.endings[0].shortest_ms, st.endings[0].longest_ms) == (3 * CLIP_MS, 3 * CLIP_MS)
    assert st.richest is not None and st.richest.scenes == ["a", "b", "end"]


def test_without_next_the_same_scene_is_a_dead_end_again() -> None:
    p = chain_with_next()
    p.scenes[2].next = None  # an in-place edit, as the studio makes
    found = validate(p)
    assert codes(found) == ["dead-end"]  # (the end is still reached from a directly)
    assert found[0].scene == "c" and "neither a choice point nor a next scene" in found[0].message


def test_next_to_a_missing_scene_is_dangling() -> None:
    p = chain_with_next()
    p.scenes[1].next = "ghost"
    found = [x for x in validate(p) if x.code == "dangling-target"]
    assert [(x.scene, x.item) for x in found] == [("b", "next")]
    assert "continues automatically to 'ghost'" in found[0].message


def test_a_loop_of_next_scenes_has_no_way_out() -> None:
    p = project(scene("a", "x", "end"), scene("x", next="y"), scene("y", next="x"),
                scene("end", ending=True))
    (found,) = validate(p)
    assert (found.code, found.scene) == ("no-way-out", "x")
    assert "“x”, “y”" in found.message


def test_a_next_back_to_a_choice_makes_paths_unbounded() -> None:
    p = project(scene("a", "b", "end"), scene("b", next="a"), scene("end", ending=True))
    assert validate(p) == []
    st = stats(p)
    assert (st.paths, st.paths_unbounded) == (None, True)


def test_prompts_of_a_next_scene_count_when_accepted() -> None:
    prompt = {"id": "p", "at_ms": 1000, "goal": "trip", "amount": 700, "text": "Save {amount}?"}
    p = project(scene("a", next="b", prompts=[prompt]), scene("b", ending=True), goals=[TRIP])
    assert validate(p) == []
    (goal,) = stats(p).goals
    assert (goal.min_total, goal.max_total) == (0, 700)


def test_placeholder_scenes_are_timed_by_their_planned_duration(tmp_path: Path) -> None:
    p = project(card("a", "b", duration=9000), card("b", next="end", duration=4000),
                card("end", ending=True, duration=2500), media=[])
    assert validate(p, tmp_path) == []  # no footage: no media error, checked folder or not
    st = stats(p)
    (end,) = st.endings
    assert (end.shortest_ms, end.longest_ms) == (3000 + 4000 + 2500, 5000 + 4000 + 2500)


def test_placeholder_and_clip_scenes_mix() -> None:
    p = project(scene("a", "b"), card("b", "end", duration=6000), scene("end", ending=True),
                media=[asset()])
    assert validate(p) == []
    b = p.scenes[1]
    b.placeholder = Placeholder(duration_ms=4000)  # the choice window (3000..5000) no longer fits
    assert codes(validate(p)) == ["choice-outside-trim"]


def test_networkx_graph_has_next_edges() -> None:
    g = build_graph(chain_with_next())
    assert g.edges["b", "c"] == {"options": [], "next": True}
    assert g.edges["a", "b"]["options"] == ["o0"]
    p = chain_with_next()
    p.scenes[1].next = "ghost"
    assert not build_graph(p).has_edge("b", "ghost")


def test_incremental_update_follows_next_edits() -> None:
    p = chain_with_next()
    v = Validator()
    assert v.validate(p) == []
    p.scenes[2].next = None
    assert v.update(p, {"c"}, False) == validate(p) != []
    p.scenes[2].next = "end"
    assert v.update(p, {"c"}, False) == validate(p) == []


def test_analyze_follows_next() -> None:
    p = chain_with_next()
    assert analyze(p) == (validate(p), stats(p))
