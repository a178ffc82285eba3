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

from studio.engine import Engine, EngineError, Event, InputError, SimulatedWallet
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


def host_input(engine: Engine, at: int, action: str, arg: str | None) -> Input:
    """Script entries as runner inputs; ``answer`` answers the oldest pending deposit."""
    if action != "answer":
        return Input(at, action, arg)  # type: ignore[arg-type]
    pending = engine.pending_requests()
    deposit_id = pending[0]["deposit_id"] if pending else "none-pending"
    return Input(at, "deposit_result", deposit_id, arg == "ok", None if arg == "ok" else "refused")


def play(project: Project, timers: Any, script: list[tuple[int, str, str | None]],
         step: Stepper, wallet: bool = False) -> list[Any]:
    engine = Engine(project, timers, SimulatedWallet("accept") if wallet else None)
    trace: list[Any] = []
    try:
        trace += [e.to_json() for e in engine.start()]
        for at, action, arg in script:
            trace += [e.to_json() for e in step(engine, at - engine.clock)]
            try:
                trace += [e.to_json() for e in apply_input(engine, host_input(engine, at, action, arg))]
            except InputError as exc:
                trace.append(("refused", engine.clock, str(exc)))
        trace += [e.to_json() for e in step(engine, LIMIT - engine.clock)]
    except EngineError as exc:  # a zero-time loop must be detected identically
        trace.append(("error", type(exc).__name__, str(exc)))
    trace.append(("state", engine.clock, engine.scene_id, engine.t, engine.ended, engine.paused))
    return trace


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(small_projects(), st.sampled_from(["normal", "x2", "x10", "off"]), input_scripts(),
       st.integers(0, 2**16), st.booleans())
def test_step_size_independence(project: Project, timers: Any,
                                script: list[tuple[int, str, str | None]], seed: int,
                                wallet: bool) -> None:
    script = [s for s in script if s[0] <= LIMIT]
    reference = play(project, timers, script, big, wallet)
    assert play(project, timers, script, slices(seed), wallet) == reference
    assert play(project, timers, script, ones, wallet) == reference
