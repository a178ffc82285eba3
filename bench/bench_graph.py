"""Benchmark of studio.graph: validation, statistics, incremental revalidation.

For synthetic projects of 1,000 and 10,000 scenes (``gen_project.generate``)
it times, as medians of several interleaved runs:

- baseline: ``nx.DiGraph`` construction + ``nx.descendants`` from the start
  on the same graph (what "networkx on the graph" costs in this very run);
- nx checks: on that graph (already built), the checks the issue's "networkx
  runs all these checks in about 23 ms" refers to: ``is_directed_acyclic_graph``,
  strongly connected components, ``descendants`` of the start, dead ends and
  the scenes that can reach an ending (reverse search from the endings).
  The issue's target, 50 ms where those took 23 ms, is printed as a ratio
  to this baseline (<= 50/23) besides the absolute number;
- full validation (``check_media=False``), statistics, their sum, and
  ``analyze`` (both in one pass over the scenes);
- full validation with media checks and a warm ``MediaHashCache``;
- incremental revalidation after a single-scene edit, and after a
  structural edit (an option retargeted).

Wall and CPU (process) times are printed with their ratio to the baseline:
the machine is shared, so only ratios measured in the same run compare.

Usage: ``python bench/bench_graph.py [--sizes 1000 10000] [--runs 9]``
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import networkx as nx  # noqa: E402
from gen_project import generate, write_media  # noqa: E402

from studio.graph import MediaHashCache, Validator, analyze, stats, validate  # noqa: E402
from studio.model import Project  # noqa: E402

ANALYZE = "analyze (validate + stats, one pass)"


def baseline(project: Project) -> int:
    g = nx.DiGraph()
    for s in project.scenes:
        g.add_node(s.id)
        if s.choice is not None:
            for o in s.choice.options:
                g.add_edge(s.id, o.target)
    return len(nx.descendants(g, project.start))


def nx_graph(project: Project) -> nx.DiGraph:
    g = nx.DiGraph()
    for s in project.scenes:
        g.add_node(s.id, ending=s.ending)
        if s.choice is not None:
            for o in s.choice.options:
                g.add_edge(s.id, o.target)
    return g


def nx_checks(g: nx.DiGraph, start: str, endings: list[str]) -> int:
    """The graph checks of the research table, with networkx, on a built graph."""
    acyclic = nx.is_directed_acyclic_graph(g)
    loops = [c for c in nx.strongly_connected_components(g) if len(c) > 1]
    reachable = nx.descendants(g, start)
    dead = [n for n, d in g.out_degree() if d == 0 and not g.nodes[n].get("ending")]
    back = g.reverse(copy=False)
    seen = set(endings)
    stack = list(endings)
    while stack:
        for m in back.successors(stack.pop()):
            if m not in seen:
                seen.add(m)
                stack.append(m)
    return int(acyclic) + len(loops) + len(reachable) + len(dead) + len(seen)


def medians(jobs: dict[str, Callable[[], object]], runs: int) -> dict[str, tuple[float, float]]:
    """Median wall and CPU time (ms) of each job; runs are interleaved job by job."""
    wall: dict[str, list[float]] = {name: [] for name in jobs}
    cpu: dict[str, list[float]] = {name: [] for name in jobs}
    for _ in range(runs):
        for name, job in jobs.items():
            start, start_cpu = time.perf_counter(), time.process_time()
            job()
            cpu[name].append((time.process_time() - start_cpu) * 1000)
            wall[name].append((time.perf_counter() - start) * 1000)
    return {name: (statistics.median(wall[name]), statistics.median(cpu[name])) for name in jobs}


def bench(n: int, runs: int, folder: Path) -> None:
    project = generate(n, 0)
    write_media(folder)
    cache = MediaHashCache()
    validate(project, folder, cache=cache)  # warm the hash cache
    validator = Validator(check_media=False)
    validator.validate(project)
    editable = [s for s in project.scenes if s.choice is not None and len(s.choice.options) > 1]
    counter = [0]

    def edit_one() -> None:
        counter[0] += 1
        s = editable[counter[0] % len(editable)]
        assert s.choice is not None
        s.choice.decision_ms = 5500 if s.choice.decision_ms != 5500 else 5400
        validator.update(project, {s.id}, False)

    def retarget_one() -> None:
        counter[0] += 1
        s = editable[counter[0] % len(editable)]
        assert s.choice is not None
        o = s.choice.options[-1]
        o.target, s.choice.options[0].target = s.choice.options[0].target, o.target
        validator.update(project, {s.id}, True)

    graph = nx_graph(project)
    endings = [s.id for s in project.scenes if s.ending]
    assert project.start is not None
    start = project.start
    jobs: dict[str, Callable[[], object]] = {
        "baseline (nx build + descendants)": lambda: baseline(project),
        "nx checks (graph already built)": lambda: nx_checks(graph, start, endings),
        "validate (no media)": lambda: validate(project, check_media=False),
        "stats": lambda: stats(project),
        ANALYZE: lambda: analyze(project, check_media=False),
        "validate + media (warm cache)": lambda: validate(project, folder, cache=cache),
        "incremental: one scene edited": edit_one,
        "incremental: option retargeted": retarget_one,
    }
    found = validate(project, check_media=False)
    print(f"\n{n} scenes, {sum(len(s.choice.options) for s in project.scenes if s.choice)} "
          f"options, {len(found)} problems found; median of {runs} runs")
    result = medians(jobs, runs)
    base_wall, base_cpu = result["baseline (nx build + descendants)"]
    v, st = result["validate (no media)"], result["stats"]
    result["validate + stats (two calls)"] = (v[0] + st[0], v[1] + st[1])
    print(f"  {'':<38} {'wall ms':>9} {'x base':>7}   {'cpu ms':>9} {'x base':>7}")
    for name, (wall, cpu) in result.items():
        print(f"  {name:<38} {wall:9.2f} {wall / base_wall:7.2f}   {cpu:9.2f} {cpu / base_cpu:7.2f}")
    checks, full = result["nx checks (graph already built)"][0], result[ANALYZE][0]
    if n != 10_000:
        return
    print(f"  target: analyze < 50 ms: {full:.1f} ms ({'met' if full < 50 else 'NOT met'}); "
          f"as a ratio to the nx checks (issue: 50 ms where they take 23 ms, <= {50 / 23:.2f}): "
          f"{full / checks:.2f} ({'met' if full / checks <= 50 / 23 else 'NOT met'})")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.sizes:
            bench(n, args.runs, Path(tmp) / str(n))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
