"""Scale benchmark: projects of 10,000 and 100,000 scenes, each phase against ``json.loads``.

For each size it writes a chain (``bigproject.chain_raw``: one scene after the
other, a choice, clip, deposit, prompt or tag every few scenes) as ``save``
writes it, and times, as medians of ``--runs`` runs interleaved phase by phase:

- ``json.loads``: the baseline, the standard parser on the bytes of the same
  file (with the cyclic collector paused, as the studio loads): the load target;
- ``load``: ``studio.model.io.load`` (bounded read, strict JSON, migration,
  validation, references);
- ``validate``: ``studio.graph.validate`` with the media checks (``studio validate``);
- ``stats``: ``studio.graph.stats`` (``studio stats``);
- ``play``: the trace runner through the whole chain to its ending with the
  accepting wallet (``studio play --limit-ms ...``); its events as JSON dicts;
- ``save``: ``studio.model.io.save`` (re-validation, canonical text, atomic
  write with ``.bak``); ``load + save``: the round trip.

Printed per size: wall and CPU (process) milliseconds and their ratio to the
baseline of that size, then the ratio of the largest size to the smallest per
phase: linear scaling gives the size ratio (10 for 100k/10k), the baseline's
own ratio shows what the machine gives for a linear job (a bigger heap costs
a little more per object).  The machine is shared: only ratios measured in the
same run compare, and CPU time is the steadier of the two.  ``--shape fanout`` uses ``bigproject.fanout_raw``
instead (hubs of 8 conditional branches; its play follows the default options).

A file larger than the loader's bound (``io.MAX_PROJECT_BYTES``) is read with
the bound lifted (``load`` then says so): the other phases need the project.

Usage: ``.venv/bin/python bench/bench_scale.py [--sizes 10000 100000] [--runs 3]
[--shape chain|fanout] [--phases load play ...]``
"""

from __future__ import annotations

import argparse
import gc
import json
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bigproject import chain_raw, fanout_raw, write_project  # noqa: E402

from studio.engine.runner import run_trace  # noqa: E402
from studio.graph import stats, validate  # noqa: E402
from studio.model import Project, io  # noqa: E402

PHASES = ("load", "validate", "stats", "play", "save", "load + save")
BASELINE = "json.loads"
PLAY_LIMIT_MS = 2**53 - 1  # no limit: to the ending


@contextmanager
def paused_gc() -> Iterator[None]:
    """The cyclic collector paused (as ``studio.model.io`` does around a load or a save)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def paused(job: Callable[[], object]) -> Callable[[], object]:
    def run() -> object:
        with paused_gc():
            return job()

    return run


def load_project(folder: Path) -> Project:
    """``io.load``; past the loader's size bound the same steps with the bound lifted."""
    file = folder / io.PROJECT_FILE
    if file.stat().st_size <= io.MAX_PROJECT_BYTES:
        return io.load(folder).project
    data = file.read_bytes()
    with paused_gc():
        return io.project_from_raw(io.parse_json(data, max_bytes=len(data)))[0]


def jobs_for(folder: Path, project: Project, phases: list[str]) -> dict[str, Callable[[], object]]:
    data = (folder / io.PROJECT_FILE).read_bytes()
    jobs: dict[str, Callable[[], object]] = {
        BASELINE: paused(lambda: json.loads(data)),
        "load": lambda: load_project(folder),
        "validate": lambda: validate(project, folder),
        "stats": lambda: stats(project),
        "play": lambda: run_trace(project, limit_ms=PLAY_LIMIT_MS),
        "save": lambda: io.save(project, folder),
        "load + save": lambda: io.save(load_project(folder), folder),
    }
    return {name: job for name, job in jobs.items() if name == BASELINE or name in phases}


def medians(jobs: dict[str, Callable[[], object]], runs: int) -> dict[str, tuple[float, float]]:
    """Median wall and CPU time (ms) of each job; runs interleaved job by job, each after a collection."""
    wall: dict[str, list[float]] = {name: [] for name in jobs}
    cpu: dict[str, list[float]] = {name: [] for name in jobs}
    for _ in range(runs):
        for name, job in jobs.items():
            gc.collect()
            start, start_cpu = time.perf_counter(), time.process_time()
            job()
            cpu[name].append((time.process_time() - start_cpu) * 1000)
            wall[name].append((time.perf_counter() - start) * 1000)
    return {name: (statistics.median(wall[name]), statistics.median(cpu[name])) for name in jobs}


def bench(
    n: int, shape: str, runs: int, phases: list[str], folder: Path
) -> dict[str, tuple[float, float]]:
    raw = chain_raw(n) if shape == "chain" else fanout_raw(n)
    file = write_project(folder, raw)
    del raw
    size = file.stat().st_size
    project = load_project(folder)
    played = ""
    if "play" in phases:
        trace = run_trace(project, limit_ms=PLAY_LIMIT_MS)
        assert trace[-1]["type"] == "ending_reached", trace[-1]
        played = f", {len(trace)} events played"
        del trace
    validate(project, folder)  # the media hashes are remembered from here on (as in the studio)
    note = (f"; above the {io.MAX_PROJECT_BYTES >> 20} MiB load bound: loaded with it lifted"
            if size > io.MAX_PROJECT_BYTES else "")
    print(f"\n{shape} of {len(project.scenes)} scenes: {size / 2**20:.1f} MiB{played}{note}; "
          f"median of {runs} runs", flush=True)
    result = medians(jobs_for(folder, project, phases), runs)
    base_wall, base_cpu = result[BASELINE]
    print(f"  {'':<12} {'wall ms':>9} {'x json':>7}   {'cpu ms':>9} {'x json':>7}")
    for name, (wall, cpu) in result.items():
        print(f"  {name:<12} {wall:9.1f} {wall / base_wall:7.2f}   {cpu:9.1f} {cpu / base_cpu:7.2f}",
              flush=True)
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--shape", choices=("chain", "fanout"), default="chain")
    parser.add_argument("--phases", nargs="+", choices=PHASES, default=list(PHASES))
    args = parser.parse_args(argv)
    results: dict[int, dict[str, tuple[float, float]]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.sizes:
            results[n] = bench(n, args.shape, args.runs, args.phases, Path(tmp) / str(n))
    if len(results) > 1:
        small, large = min(results), max(results)
        print(f"\n{large}/{small} scenes (linear: {large / small:.0f})   wall     cpu")
        for name, (wall, cpu) in results[small].items():
            big_wall, big_cpu = results[large][name]
            print(f"  {name:<12} {'':>18} {big_wall / wall:7.1f} {big_cpu / cpu:7.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
