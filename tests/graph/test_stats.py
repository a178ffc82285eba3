"""Path statistics on small graphs computed by hand."""

from __future__ import annotations

import json
from typing import Any

from studio.graph import stats
from studio.graph.stats import Stats
from studio.model import load
from tests.graph.helpers import opt, project, scene
from tests.support import SAMPLES

TRIP = {"id": "trip", "name": "Trip", "target": 100000}


def ending(st: Stats, name: str) -> Any:
    (found,) = [e for e in st.endings if e.scene == name]
    return found


def test_diamond_counts_paths_and_times() -> None:
    # cut scenes play 3000..5000 ms before the choice; endings play the whole 6000 ms clip
    st = stats(project(scene("a", "b", "c"), scene("b", "d", mode="play_to_end"), scene("c", "d"),
                       scene("d", ending=True)))
    assert (st.paths, st.paths_unbounded) == (2, False)
    d = ending(st, "d")
    assert (d.paths, d.shortest_ms, d.longest_ms) == (2, 3000 + 3000 + 6000, 5000 + 6000 + 6000)
    assert st.reachable_scenes == st.scenes == 4


def test_options_sharing_a_target_are_distinct_paths() -> None:
    st = stats(project(scene("a", "end", "end", "end"), scene("end", ending=True)))
    assert st.paths == 3


def test_loop_on_the_way_makes_counts_and_longest_unbounded() -> None:
    st = stats(project(scene("a", "b"), scene("b", "a", "end"), scene("end", ending=True)))
    assert (st.paths, st.paths_unbounded) == (None, True)
    e = ending(st, "end")
    assert (e.paths, e.paths_unbounded, e.longest_ms, e.longest_unbounded) == (None, True, None, True)
    assert e.shortest_ms == 3000 + 3000 + 6000
    assert st.to_json()["paths"] is None


def test_loop_that_never_reaches_an_ending_does_not_count() -> None:
    st = stats(project(scene("a", "end", "trap"), scene("trap", "trap"), scene("end", ending=True),
                       scene("other", "end", ending=False)))
    assert (st.paths, st.paths_unbounded) == (1, False)
    assert st.reachable_scenes == 3


def test_only_some_endings_behind_a_loop() -> None:
    st = stats(project(scene("a", "b", "safe"), scene("b", "b", "late"),
                       scene("safe", ending=True), scene("late", ending=True)))
    assert ending(st, "safe").paths == 1
    assert ending(st, "late").paths_unbounded
    assert st.paths_unbounded


def test_exponential_ladder_is_exact() -> None:
    levels = 200
    scenes = [scene(f"l{i}", f"l{i + 1}", f"l{i + 1}") for i in range(levels)]
    st = stats(project(*scenes, scene(f"l{levels}", ending=True)))
    assert st.paths == 2**levels
    assert ending(st, f"l{levels}").shortest_ms == levels * 3000 + 6000
    assert json.loads(json.dumps(st.to_json()))["paths"] == 2**levels


def test_ladder_of_diamonds() -> None:
    scenes = []
    for i in range(60):
        scenes += [scene(f"l{i}", f"x{i}", f"y{i}", f"y{i}"), scene(f"x{i}", f"l{i + 1}"),
                   scene(f"y{i}", f"l{i + 1}")]
    st = stats(project(*scenes, scene("l60", ending=True)))
    assert st.paths == 3**60


def deposits_project(cap: int | None, prompt_at: int = 1000, mode: str = "cut") -> Any:
    goal = {**TRIP, "cap": cap} if cap else TRIP
    return project(
        scene("a", opt("save", "b", deposit={"goal": "trip", "amount": 300}, default=True),
              opt("spend", "b"), mode=mode,
              prompts=[{"id": "p", "at_ms": prompt_at, "goal": "trip", "amount": 200, "text": "?"}]),
        scene("b", opt("more", "rich", deposit={"goal": "trip", "amount": 500}, default=True),
              opt("skip", "poor")),
        scene("rich", ending=True,
              prompts=[{"id": "q", "at_ms": 100, "goal": "trip", "amount": 100, "text": "?"}]),
        scene("poor", ending=True),
        goals=[goal],
    )


def test_min_and_max_deposits() -> None:
    st = stats(deposits_project(cap=None))
    (g,) = st.goals
    assert (g.goal, g.min_total, g.max_total, g.max_unbounded) == ("trip", 0, 1100, False)
    assert st.richest is not None and st.poorest is not None
    assert (st.richest.total, st.richest.ending, st.richest.scenes) == (1100, "rich",
                                                                       ["a", "b", "rich"])
    assert (st.poorest.total, st.poorest.scenes) == (0, ["a", "b", "poor"])


def test_cap_limits_the_total() -> None:
    (g,) = stats(deposits_project(cap=1000)).goals
    assert (g.min_total, g.max_total, g.cap) == (0, 1000, 1000)


def test_prompt_after_a_cut_is_never_shown() -> None:
    (g,) = stats(deposits_project(cap=None, prompt_at=5500)).goals  # decision at 5000
    assert g.max_total == 900
    (g,) = stats(deposits_project(cap=None, prompt_at=5500, mode="play_to_end")).goals
    assert g.max_total == 1100


def test_forced_deposit_raises_the_minimum() -> None:
    st = stats(project(scene("a", opt("pay", "end", deposit={"goal": "trip", "amount": 70},
                                      default=True),
                             opt("pay_more", "end", deposit={"goal": "trip", "amount": 90})),
                       scene("end", ending=True), goals=[TRIP]))
    (g,) = st.goals
    assert (g.min_total, g.max_total) == (70, 90)


def test_depositing_loop_is_unbounded_or_capped() -> None:
    def build(cap: int | None) -> Any:
        goal = {**TRIP, "cap": cap} if cap else TRIP
        return project(scene("a", opt("in", "b", deposit={"goal": "trip", "amount": 100},
                                      default=True)),
                       scene("b", "a", "end"), scene("end", ending=True), goals=[goal])

    (g,) = stats(build(None)).goals
    assert (g.min_total, g.max_total, g.max_unbounded) == (100, None, True)
    (g,) = stats(build(5000)).goals
    assert (g.min_total, g.max_total, g.max_unbounded) == (100, 5000, True)


def test_loop_without_deposits_keeps_the_maximum_bounded() -> None:
    st = stats(project(scene("a", "b"), scene("b", "a", opt("out", "end",
                                                            deposit={"goal": "trip", "amount": 50})),
                       scene("end", ending=True), goals=[TRIP]))
    (g,) = st.goals
    assert (g.min_total, g.max_total, g.max_unbounded) == (50, 50, False)
    assert st.richest is not None and st.richest.scenes == ["a", "b", "end"]


def test_two_goals_and_the_products_on_rich_and_poor_paths() -> None:
    def tag(product: str) -> dict[str, Any]:
        return {"id": f"t_{product}", "product": product, "start_ms": 0, "end_ms": 1000,
                "hotspot": {"x": 0, "y": 0, "w": 0.5, "h": 0.5}}

    products = [{"id": k, "sku": k, "name": k, "price": 1} for k in ("lux", "budget", "both")]
    st = stats(project(
        scene("a", "lux", "budget", tags=[tag("both")]),
        scene("lux", opt("buy", "end", deposit={"goal": "car", "amount": 900}, default=True),
              tags=[tag("lux")]),
        scene("budget", opt("buy", "end", deposit={"goal": "trip", "amount": 10}, default=True),
              tags=[tag("budget")]),
        scene("end", ending=True),
        goals=[TRIP, {"id": "car", "name": "Car", "target": 10**6}], products=products,
    ))
    assert [(g.goal, g.min_total, g.max_total) for g in st.goals] == [("trip", 0, 10),
                                                                      ("car", 0, 900)]
    assert st.richest is not None and st.poorest is not None
    assert (st.richest.total, st.richest.products) == (900, ["both", "lux"])
    assert (st.poorest.total, st.poorest.products) == (10, ["both", "budget"])


def test_statically_false_options_are_dropped() -> None:
    st = stats(project(scene("a", opt("x", "never", condition=False), opt("y", "end", default=True)),
                       scene("never", ending=True), scene("end", ending=True)))
    assert st.paths == 1
    assert st.unreachable_endings == ["never"]


def test_start_that_is_an_ending() -> None:
    st = stats(project(scene("only", ending=True)))
    assert st.paths == 1
    assert (ending(st, "only").shortest_ms, ending(st, "only").longest_ms) == (6000, 6000)


def test_no_start_or_no_reachable_ending() -> None:
    p = project(scene("a", "end"), scene("end", ending=True))
    st = stats(p.model_copy(update={"start": None}))
    assert (st.paths, st.endings, st.richest, st.reachable_scenes) == (0, [], None, 0)
    st = stats(project(scene("a", "a"), scene("end", ending=True)))
    assert (st.paths, st.unreachable_endings) == (0, ["end"])


def test_savings_sample_by_hand() -> None:
    st = stats(load(SAMPLES / "savings").project)
    # payday -> save_path (x2 options) -> month_end, payday -> spend_path -> save_path (x2),
    # payday -> spend_path -> temptation -> month_end: 5 ways to month_end, 3 endings.
    assert st.paths == 15
    dream = ending(st, "ending_dream")
    assert (dream.paths, dream.shortest_ms, dream.longest_ms) == (5, 17500, 28000)
    (trip,) = st.goals
    assert (trip.min_total, trip.max_total) == (0, 5000 + 20000 + 50000)
    assert st.richest is not None
    assert st.richest.scenes == ["payday", "save_path", "month_end", "ending_dream"]


def test_shoppable_sample_products() -> None:
    st = stats(load(SAMPLES / "shoppable").project)
    assert st.paths == 3
    assert st.richest is not None
    assert set(st.richest.products) <= {"serum", "cream", "mask"}
    assert st.richest.products
