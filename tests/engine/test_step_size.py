"""Property: the trace never depends on how ``advance`` slices time.

One big ``advance`` per gap, ``advance(1)`` repeated, and random slices must
give identical event lists (including where an input is refused) on
generated small projects with random inputs and timer settings.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from studio.engine import Engine, EngineError, Event, InputError
from studio.engine.runner import Input, apply_input
from studio.model import Project
from tests.engine.gen import input_scripts, small_projects

LIMIT = 12_000
Stepper = Callable[[Engine, int], list[Event]]


def big(engine: Engine, ms: int) -> list[Event]:
    return engine.advance(ms)


def ones(engine: Engine, ms: int) -> list[Event]:
    out: list[Event] = []
    for _ in range(ms):
        out += engine.advance(1)
    return out


def slices(seed: int) -> Stepper:
    rng = random.Random(seed)

    def step(engine: Engine, ms: int) -> list[Event]:
        out: list[Event] = []
        while ms > 0:
            k = min(ms, rng.choice([0, 1, 7, 50, 333, 1000]))
            out += engine.advance(k)
            ms -= k
        return out

    return step


def play(project: Project, timers: Any, script: list[tuple[int, str, str | None]],
         step: Stepper) -> list[Any]:
    engine = Engine(project, timers)
    trace: list[Any] = []
    try:
        trace += [e.to_json() for e in engine.start()]
        for at, action, arg in script:
            trace += [e.to_json() for e in step(engine, at - engine.clock)]
            try:
                trace += [e.to_json() for e in apply_input(engine, Input(at, action, arg))]  # type: ignore[arg-type]
            except InputError as exc:
                trace.append(("refused", engine.clock, str(exc)))
        trace += [e.to_json() for e in step(engine, LIMIT - engine.clock)]
    except EngineError as exc:  # a zero-time loop must be detected identically
        trace.append(("error", type(exc).__name__, str(exc)))
    trace.append(("state", engine.clock, engine.scene_id, engine.t, engine.ended, engine.paused))
    return trace


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(small_projects(), st.sampled_from(["normal", "x2", "x10", "off"]), input_scripts(),
       st.integers(0, 2**16))
def test_step_size_independence(project: Project, timers: Any,
                                script: list[tuple[int, str, str | None]], seed: int) -> None:
    script = [s for s in script if s[0] <= LIMIT]
    reference = play(project, timers, script, big)
    assert play(project, timers, script, slices(seed)) == reference
    assert play(project, timers, script, ones) == reference
