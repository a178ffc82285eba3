"""Story engine benchmark: a long generated playthrough, events/s against a baseline.

A chain of N scenes (default 2,000; 6 s clips) where every scene has three
product tags, a non-pausing and a pausing savings prompt, and a choice (cut or
play_to_end, every 10th scene with a loop policy) with a deposit capped by its
goal.  The trace runner plays it to the end (defaults answer the prompts) with the
accepting simulated wallet (every deposit is requested, then confirmed: contract v2).

Printed, all measured in this run:
- engine events/s and the ratio to a baseline that only builds and
  JSON-serialises the same number of event dicts (the cost floor of emitting);
- ``advance(1)`` stepping vs. one ``advance`` per input on a prefix of the
  chain (identical traces, cost per call), and ``advance(1)`` cost on a small
  vs. the full project (per-scene schedules: it must not grow with N).

Usage: ``.venv/bin/python bench/bench_engine.py [--scenes N] [--step-ms MS]``
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from studio.engine import Engine, Input, SimulatedWallet, run_engine  # noqa: E402
from studio.engine.runner import apply_default, apply_input  # noqa: E402
from studio.model import Project  # noqa: E402
from studio.model.io import project_from_raw  # noqa: E402

CLIP_MS = 6000
HOTSPOT = {"x": 0.1, "y": 0.6, "w": 0.3, "h": 0.15}


def chain_project(n: int) -> Project:
    """A long chain with tags, prompts, choices, loops and capped deposits."""
    scenes: list[dict[str, Any]] = []
    for i in range(n):
        nxt = f"s{i + 1}" if i + 1 < n else "end"
        scene: dict[str, Any] = {
            "id": f"s{i}", "title": f"Scene {i}", "media": f"clip{i % 4}",
            "tags": [{"id": f"t{k}", "product": f"p{(i + k) % 5}", "start_ms": 400 + 1500 * k,
                      "end_ms": 1400 + 1500 * k + 900, "hotspot": HOTSPOT} for k in range(3)],
            "prompts": [
                {"id": "tip", "at_ms": 1000, "goal": "fund", "amount": 100, "text": "Tip ¥1?",
                 "pause": False, "decline_effects": [{"var": "skipped", "op": "add", "value": 1}]},
                {"id": "save", "at_ms": 2000, "goal": "fund", "amount": 500, "text": "Save ¥5?",
                 "accept_effects": [{"var": "score", "op": "add", "value": 1}]},
            ],
            "choice": {
                "appear_ms": 3500, "decision_ms": 5500,
                "timeout": "loop" if i % 10 == 9 else "default",
                "mode": "play_to_end" if i % 3 == 0 else "cut",
                "options": [
                    {"id": "on", "label": "Go on", "target": nxt, "default": i % 10 != 9,
                     "deposit": {"goal": "fund", "amount": 2000},
                     "effects": [{"var": "score", "op": "add", "value": 1}]},
                    {"id": "rich", "label": "Splurge", "target": nxt,
                     "condition": {">=": [{"var": "saved.fund"}, 100000]}},
                ],
            },
        }
        scenes.append(scene)
    scenes.append({"id": "end", "title": "End", "media": "clip0", "ending": True,
                   "ending_kind": "good"})
    raw = {
        "title": "bench chain",
        "variables": [{"id": "score", "type": "int", "default": 0},
                      {"id": "skipped", "type": "int", "default": 0}],
        "goals": [{"id": "fund", "name": "Fund", "target": 10_000_000, "cap": 1_000_000}],
        "products": [{"id": f"p{k}", "sku": f"SKU{k}", "name": f"Product {k}", "price": 990 * k}
                     for k in range(5)],
        "media": [{"id": f"clip{k}", "path": f"media/clip{k}.mp4", "sha256": "0" * 64,
                   "size": 1, "duration_ms": CLIP_MS, "width": 360, "height": 640, "fps": 24.0,
                   "video_codec": "h264", "container": "mp4"} for k in range(4)],
        "scenes": scenes,
        "start": "s0",
    }
    project, _ = project_from_raw(raw)
    return project


def loop_exits(project: Project) -> list[Input]:
    """Unmeasured pre-pass recording the viewer's inputs: accept pausing prompts, pick 'on'
    when a loop scene's choice shows again (the runner applies no defaults while inputs remain).
    """
    engine = Engine(project)
    inputs: list[Input] = []
    seen: set[str] = set()
    pending = engine.start()
    while not engine.ended:
        for e in pending:
            if e.type == "choice_shown" and e.scene in seen and e.clock == engine.clock:
                inputs.append(Input(engine.clock, "choose", "on"))
                pending = engine.choose("on")
                break
            if e.type == "choice_shown":
                seen.add(e.scene)
        else:
            if engine.pausing_prompt_open:
                inputs.append(Input(engine.clock, "accept_prompt"))
                pending = engine.accept_prompt()
            elif engine.waiting:
                pending = apply_default(engine)
            else:
                wake = engine.next_wake_clock()
                assert wake is not None
                pending = engine.advance(wake - engine.clock)
    return inputs


def full_run(project: Project, inputs: list[Input]) -> tuple[float, list[dict[str, Any]]]:
    t0 = time.perf_counter()
    events = run_engine(Engine(project, wallet=SimulatedWallet("accept")), inputs=inputs, limit_ms=10**12)
    dicts = [e.to_json() for e in events]
    return time.perf_counter() - t0, dicts


def baseline(dicts: list[dict[str, Any]]) -> float:
    """Build a fresh dict per event and serialise it: the floor of emitting the trace."""
    t0 = time.perf_counter()
    size = 0
    for d in dicts:
        size += len(json.dumps(dict(d), ensure_ascii=False, separators=(",", ":")))
    assert size > 0
    return time.perf_counter() - t0


def stepped(project: Project, inputs: list[Input], total_ms: int,
            step: int) -> tuple[float, list[dict[str, Any]]]:
    """Play ``total_ms`` of clock in ``advance(step)`` slices, applying ``inputs`` on time."""
    engine = Engine(project)
    t0 = time.perf_counter()
    events = engine.start()

    def walk(until: int) -> None:
        nonlocal events
        while engine.clock < until:
            events += engine.advance(min(step, until - engine.clock))

    for inp in inputs:
        if inp.at > total_ms:
            break
        walk(inp.at)
        events += apply_input(engine, inp)
    walk(total_ms)
    return time.perf_counter() - t0, [e.to_json() for e in events]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scenes", type=int, default=2000)
    parser.add_argument("--step-ms", type=int, default=120_000,
                        help="clock played by the advance(1) comparison")
    args = parser.parse_args(argv)

    project = chain_project(args.scenes)
    inputs = loop_exits(project)
    seconds, dicts = full_run(project, inputs)
    base = baseline(dicts)
    kinds: dict[str, int] = {}
    for d in dicts:
        kinds[d["type"]] = kinds.get(d["type"], 0) + 1
    assert dicts[-1]["type"] == "ending_reached"
    print(f"chain of {args.scenes} scenes: {len(dicts)} events, last {dicts[-1]['type']} "
          f"at clock {dicts[-1]['clock']} ms")
    print(f"  event types: {dict(sorted(kinds.items()))}")
    print(f"engine (run_trace, to_json): {seconds:.3f} s = {len(dicts) / seconds:,.0f} events/s")
    print(f"baseline (build + json.dumps same events): {base:.3f} s = "
          f"{len(dicts) / base:,.0f} events/s")
    print(f"ratio engine / baseline: {seconds / base:.2f}x")

    # Step-size comparison on a prefix: identical traces, cost per advance call.
    ms = args.step_ms
    t_big, big = stepped(project, inputs, ms, 1000)
    t_one, one = stepped(project, inputs, ms, 1)
    assert big == one, "advance(1) and advance(1000) traces differ"
    print(f"first {ms} ms of clock ({len(one)} events): advance(1000) {t_big:.3f} s, "
          f"advance(1) x{ms} {t_one:.3f} s = {t_one / ms * 1e6:.2f} us/call "
          f"(ratio {t_one / t_big:.0f}x, same trace)")

    n_small = ms // 5000 + 2  # just long enough to still be playing after ``ms``
    small = chain_project(n_small)
    t_small, _ = stepped(small, loop_exits(small), ms, 1)
    print(f"advance(1) cost, {n_small}-scene vs {args.scenes}-scene project: "
          f"{t_small / ms * 1e6:.2f} vs {t_one / ms * 1e6:.2f} us/call "
          f"(ratio {t_one / t_small:.2f}; ~1 means independent of project size)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
