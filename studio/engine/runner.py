"""The trace runner (``studio play`` and the vectors): inputs at clock times -> event dicts.

``parse_inputs(raw)`` validates an input list (one-line errors naming the
entry index and field); ``run_trace(...)`` plays a project with those inputs,
applying the contract's defaults whenever the engine waits for the viewer
with no inputs left, and stops with ``stopped`` at ``limit_ms``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from studio.engine.core import Timers, Value
from studio.engine.engine import Engine
from studio.engine.errors import InputError, InputListError
from studio.engine.events import Event
from studio.model import Project

Action = Literal["choose", "accept_prompt", "decline_prompt", "click_product", "back"]
ACTIONS: tuple[Action, ...] = ("choose", "accept_prompt", "decline_prompt", "click_product", "back")
_ARG: dict[str, str | None] = {
    "choose": "option",
    "accept_prompt": None,
    "decline_prompt": None,
    "click_product": "tag",
    "back": None,
}
DEFAULT_LIMIT_MS = 3_600_000


@dataclass(frozen=True)
class Input:
    """One viewer input at a clock time; ``arg`` is the option or tag id (if any)."""

    at: int
    action: Action
    arg: str | None = None

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"at": self.at, "action": self.action}
        key = _ARG[self.action]
        if key is not None:
            out[key] = self.arg
        return out


def parse_inputs(raw: Any) -> list[Input]:
    """Validate a JSON input list; raises InputListError naming ``inputs[i] > field``."""
    if not isinstance(raw, list):
        raise InputListError("inputs: must be a JSON list of input objects")
    out: list[Input] = []
    previous = 0
    for i, entry in enumerate(raw):
        here = f"inputs[{i}]"
        if not isinstance(entry, dict):
            raise InputListError(f"{here}: must be an object")
        action = entry.get("action")
        if action not in _ARG:
            raise InputListError(f"{here} > action: must be one of {', '.join(ACTIONS)}, got {action!r}")
        key = _ARG[action]
        allowed = {"at", "action"} | ({key} if key else set())
        for extra in entry:
            if extra not in allowed:
                raise InputListError(f"{here} > {extra}: unknown field for action '{action}'")
        at = entry.get("at")
        if isinstance(at, bool) or not isinstance(at, int) or at < 0:
            raise InputListError(f"{here} > at: must be a non-negative integer (ms), got {at!r}")
        if at < previous:
            raise InputListError(f"{here} > at: {at} is before the previous entry's {previous}")
        arg = None
        if key is not None:
            arg = entry.get(key)
            if not isinstance(arg, str) or not arg:
                raise InputListError(f"{here} > {key}: must be a non-empty string id, got {arg!r}")
        previous = at
        out.append(Input(at, action, arg))
    return out


def apply_input(engine: Engine, inp: Input) -> list[Event]:
    """Apply one input to ``engine`` now (raises InputError if not possible)."""
    if inp.action == "choose":
        assert inp.arg is not None
        return engine.choose(inp.arg)
    if inp.action == "click_product":
        assert inp.arg is not None
        return engine.click_product(inp.arg)
    if inp.action == "accept_prompt":
        return engine.accept_prompt()
    if inp.action == "decline_prompt":
        return engine.decline_prompt()
    return engine.back()


def apply_default(engine: Engine) -> list[Event]:
    """The runner's answer when waiting for the viewer with no inputs left."""
    if engine.pausing_prompt_open:
        return engine.decline_prompt()
    choice = engine.open_choice
    if choice is None:
        raise InputError(f"scene '{engine.scene_id}': waiting with no prompt or choice open")
    default = next((o for o in choice.options if o.default), choice.options[0])
    return engine.choose(default.id)


def run_engine(
    engine: Engine,
    start_from: str | None = None,
    variables: Mapping[str, Value] | None = None,
    inputs: Sequence[Input] = (),
    limit_ms: int = DEFAULT_LIMIT_MS,
) -> list[Event]:
    """Play ``engine`` with ``inputs`` and defaults; returns the typed events."""
    events = engine.start(start_from, variables)

    def stop() -> list[Event]:
        sc = engine.scene_id or ""
        events.append(Event("stopped", engine.clock, sc, engine.t, {"reason": "limit"}))
        return events

    for i, inp in enumerate(inputs):
        if inp.at >= limit_ms:
            events += engine.advance(limit_ms - engine.clock)
            return events if engine.ended else stop()
        events += engine.advance(inp.at - engine.clock)
        try:
            events += apply_input(engine, inp)
        except InputError as exc:
            raise InputError(f"inputs[{i}] ({inp.action} at {inp.at}): {exc}") from None
    while not engine.ended:
        if engine.clock >= limit_ms:
            return stop()
        if engine.waiting:
            events += apply_default(engine)
            continue
        wake = engine.next_wake_clock()
        target = limit_ms if wake is None else min(wake, limit_ms)
        events += engine.advance(target - engine.clock)
    return events


def run_trace(
    project: Project,
    start_from: str | None = None,
    variables: Mapping[str, Value] | None = None,
    timers: Timers = "normal",
    inputs: Sequence[Input | Mapping[str, Any]] = (),
    limit_ms: int | None = DEFAULT_LIMIT_MS,
) -> list[dict[str, Any]]:
    """The contract's trace runner: the events of one playthrough as JSON dicts."""
    parsed = [i for i in inputs if isinstance(i, Input)]
    if len(parsed) != len(inputs):
        parsed = parse_inputs([i.to_json() if isinstance(i, Input) else i for i in inputs])
    limit = DEFAULT_LIMIT_MS if limit_ms is None else limit_ms
    engine = Engine(project, timers)
    return [e.to_json() for e in run_engine(engine, start_from, variables, parsed, limit)]
