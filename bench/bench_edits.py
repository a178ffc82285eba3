"""Edit benchmark: one edit (and its undo) on projects of 10,000 and 100,000 scenes.

An edit builds the edited object and its parents anew through their models' validation and swaps
the project's child into its slot (``studio.model.ops``); it re-resolves every reference of the
project only when the edited field can name another item.  This prints, per size and as medians
of ``--runs`` runs, the milliseconds of each edit + undo, and its ratio to the baseline measured
in the same run: ``resolve``, one pass of the reference check over the whole project.  Edits of
plain fields (a title, a time, a label, a position) should stay far below 1 and grow only by the
id lookups (a list scan); edits naming other items (an option's target) cost about 2 resolves.

``title`` (the project's) is assigned with pydantic's validated assignment, which runs the project
validator (every reference): about 1 resolve, as before the typed edits.

Usage: ``.venv/bin/python bench/bench_edits.py [--sizes 10000 100000] [--runs 5]``
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bigproject import chain_raw  # noqa: E402

from studio.model import Project  # noqa: E402
from studio.model.ops import (  # noqa: E402
    PROJECT,
    ChoiceRef,
    MoveScenes,
    Op,
    OptionRef,
    SceneRef,
    SetField,
    SetFields,
)
from studio.model.references import resolve  # noqa: E402

BASELINE = "resolve"


def edits(n: int) -> dict[str, Op]:
    mid = f"s{n // 2}"
    choice = ChoiceRef(mid)
    return {
        "scene title": SetField(SceneRef(mid).title, "Edited"),
        "choice window": SetFields((choice.appear_ms.to(2000), choice.decision_ms.to(4000))),
        "option label": SetField(OptionRef(mid, "next").label, "Onwards"),
        "move a scene": MoveScenes(((mid, 12.0, 34.0),)),
        "option target": SetField(OptionRef(mid, "next").target, f"s{n - 1}"),
        "project title": SetField(PROJECT.title, "Edited"),
    }


def timed(run: Callable[[], object]) -> float:
    start = time.perf_counter()
    run()
    return (time.perf_counter() - start) * 1000


def bench(n: int, runs: int) -> dict[str, float]:
    project = Project.model_validate(chain_raw(n))
    ops = edits(n)
    times: dict[str, list[float]] = {name: [] for name in (BASELINE, *ops)}
    for _ in range(runs):  # interleaved, so a busy moment hits every phase alike
        times[BASELINE].append(timed(lambda: resolve(project)))
        for name, op in ops.items():
            times[name].append(timed(lambda op=op: op.apply(project).inverse.apply(project)))
    return {name: statistics.median(t) for name, t in times.items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    results = {n: bench(n, args.runs) for n in args.sizes}
    for n, found in results.items():
        base = found[BASELINE]
        print(f"\n{n} scenes (medians of {args.runs}; ratio to one {BASELINE} of this size)")
        for name, ms in found.items():
            print(f"  {name:<16} {ms:10.2f} ms   x{ms / base:8.4f}")
    if len(results) > 1:
        small, large = min(results), max(results)
        print(f"\ngrowth {large}/{small} scenes (linear: {large / small:g})")
        for name in results[small]:
            print(f"  {name:<16} x{results[large][name] / results[small][name]:8.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
