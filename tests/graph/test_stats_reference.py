"""Statistics against a naive reference on random small graphs (hypothesis).

The reference walks the graph layer by layer (walks of exactly L options,
L = 0..2n) straight from the project, with none of the SCC machinery of
``studio.graph.stats_dp``: a walk longer than n options repeats a scene, so
an ending reached by one is behind a loop.
"""

from __future__ import annotations

import itertools
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from studio.graph import stats
from studio.model import Project
from tests.graph.helpers import opt, project, scene

INF = float("inf")


@st.composite
def dramas(draw: st.DrawFn) -> Project:
    n = draw(st.integers(2, 7))
    names = [f"s{i}" for i in range(n)]
    endings = set(draw(st.sets(st.sampled_from(names[1:]), min_size=1)))
    scenes = []
    for name in names:
        prompts = []
        if draw(st.booleans()):
            prompts = [{"id": "p", "at_ms": draw(st.sampled_from([500, 5500])),
                        "goal": draw(st.sampled_from(["g0", "g1"])),
                        "amount": draw(st.integers(1, 50)), "text": "?"}]
        if name in endings:
            scenes.append(scene(name, ending=True, prompts=prompts))
            continue
        options = []
        for k in range(draw(st.integers(1, 3))):
            extra: dict[str, Any] = {"default": k == 0}
            if draw(st.integers(0, 3)) == 0:
                extra["deposit"] = {"goal": draw(st.sampled_from(["g0", "g1"])),
                                    "amount": draw(st.integers(1, 50))}
            if k > 0 and draw(st.integers(0, 5)) == 0:
                extra["condition"] = False
            options.append(opt(f"o{k}", draw(st.sampled_from(names)), **extra))
        scenes.append(scene(name, *options, mode=draw(st.sampled_from(["cut", "play_to_end"])),
                            in_ms=draw(st.sampled_from([0, 1000])), prompts=prompts))
    goals = [{"id": "g0", "name": "G0", "target": 1000, "cap": draw(st.sampled_from([60, 10**6]))},
             {"id": "g1", "name": "G1", "target": 1000}]
    return project(*scenes, goals=goals)


def edges(p: Project) -> list[tuple[int, int, int, int, list[int], list[int]]]:
    """(u, v, time min, time max, deposits declining prompts, accepting) per option."""
    pos = {s.id: i for i, s in enumerate(p.scenes)}
    out = []
    for u, s in enumerate(p.scenes):
        if s.choice is None:
            continue
        c = s.choice
        cut = c.mode == "cut"
        length = 6000 - s.in_ms
        leave = c.decision_ms if cut else 6000
        prompt = [0, 0]
        for pr in s.prompts:
            if pr.at_ms <= leave:
                prompt[int(pr.goal[1])] += pr.amount
        for o in c.options:
            if o.condition is False:
                continue
            dep = [0, 0]
            if o.deposit:
                dep[int(o.deposit.goal[1])] += o.deposit.amount
            out.append((u, pos[o.target], c.appear_ms - s.in_ms if cut else length,
                        c.decision_ms - s.in_ms if cut else length, dep,
                        [d + q for d, q in zip(dep, prompt, strict=True)]))
    return out


def reaches(n: int, es: list[Any], sources: set[int], backwards: bool = False) -> set[int]:
    seen = set(sources)
    changed = True
    while changed:
        changed = False
        for e in es:
            a, b = (e[1], e[0]) if backwards else (e[0], e[1])
            if a in seen and b not in seen:
                seen.add(b)
                changed = True
    return seen


@settings(max_examples=150, deadline=None)
@given(dramas())
def test_stats_match_a_layered_reference(p: Project) -> None:
    n = len(p.scenes)
    es = edges(p)
    ends = [i for i, s in enumerate(p.scenes) if s.ending]
    # layer L: walks of exactly L options from the start
    count = [[0] * n for _ in range(2 * n + 1)]
    tmin = [[INF] * n for _ in range(2 * n + 1)]
    tmax = [[-INF] * n for _ in range(2 * n + 1)]
    dmin = [[[INF, INF]] * n for _ in range(2 * n + 1)]
    dmax = [[[-INF, -INF]] * n for _ in range(2 * n + 1)]
    count[0][0], tmin[0][0], tmax[0][0], dmin[0][0], dmax[0][0] = 1, 0, 0, [0, 0], [0, 0]
    for layer in range(1, 2 * n + 1):
        for u, v, t0, t1, d0, d1 in es:
            if count[layer - 1][u]:
                count[layer][v] += count[layer - 1][u]
                tmin[layer][v] = min(tmin[layer][v], tmin[layer - 1][u] + t0)
                tmax[layer][v] = max(tmax[layer][v], tmax[layer - 1][u] + t1)
                dmin[layer][v] = [min(a, b + c) for a, b, c in
                                  zip(dmin[layer][v], dmin[layer - 1][u], d0, strict=True)]
                dmax[layer][v] = [max(a, b + c) for a, b, c in
                                  zip(dmax[layer][v], dmax[layer - 1][u], d1, strict=True)]
    got = stats(p)
    reached = [e for e in ends if any(count[layer][e] for layer in range(n))]
    assert [x.scene for x in got.endings] == [p.scenes[e].id for e in reached]
    looping = {e for e in reached if any(count[layer][e] for layer in range(n, 2 * n + 1))}
    assert got.paths_unbounded == bool(looping)
    if not looping:
        assert got.paths == sum(count[layer][e] for layer in range(n) for e in reached)
    for e, x in zip(reached, got.endings, strict=True):
        assert x.paths_unbounded == (e in looping)
        if e not in looping:
            assert x.paths == sum(count[layer][e] for layer in range(n))
            assert x.longest_ms == max(tmax[layer][e] for layer in range(n)) + 6000
        assert x.shortest_ms == min(tmin[layer][e] for layer in range(2 * n + 1)) + 6000
    if not reached:
        return
    # a deposit loop: a positive edge inside a loop that lies between the start and an ending
    start_reach = reaches(n, es, {0})
    to_end = reaches(n, es, set(reached), backwards=True)
    for k, g in enumerate(got.goals):
        final = [sum(pr.amount for pr in p.scenes[e].prompts if pr.goal == g.goal) for e in reached]
        low = min(dmin[layer][e][k] for layer in range(2 * n + 1) for e in reached)
        cap = g.cap if g.cap is not None else INF
        assert g.min_total == min(low, cap)
        unbounded = any(e[5][k] > 0 and e[0] in start_reach and e[1] in to_end
                        and e[0] in reaches(n, es, {e[1]}) for e in es)
        assert g.max_unbounded == unbounded
        if not unbounded:
            high = max(dmax[layer][e][k] + f for layer in range(n)
                       for e, f in zip(reached, final, strict=True))
            assert g.max_total == min(high, cap)
        else:
            assert g.max_total == (None if g.cap is None else g.cap)


@settings(max_examples=150, deadline=None)
@given(dramas())
def test_richest_and_poorest_paths_are_real_paths(p: Project) -> None:
    got = stats(p)
    if got.richest is None or got.poorest is None:
        assert not got.endings
        return
    es = edges(p)
    pos = {s.id: i for i, s in enumerate(p.scenes)}
    for path, accept in ((got.richest, True), (got.poorest, False)):
        idx = [pos[s] for s in path.scenes]
        assert idx[0] == 0 and p.scenes[idx[-1]].ending and path.ending == path.scenes[-1]
        assert len(set(idx)) == len(idx)  # a simple path
        best = []
        for u, v in itertools.pairwise(idx):
            weights = [sum(e[5] if accept else e[4]) for e in es if e[0] == u and e[1] == v]
            assert weights, (u, v)
            best.append(max(weights) if accept else min(weights))
        if accept:
            best.append(sum(pr.amount for pr in p.scenes[idx[-1]].prompts))
        if path.unbounded:
            assert accept and path.total is None
        else:
            assert path.total == sum(best)
    assert got.poorest.total is not None
    if got.richest.total is not None:
        assert got.richest.total >= got.poorest.total
