"""The trace runner (``studio play`` and the vectors): viewer and host inputs at clock times -> events.

``parse_inputs(raw)`` validates an input list (one-line errors naming the
entry index and field); ``run_trace(...)`` plays a project with those inputs,
applying the contract's defaults whenever the engine waits for the viewer
with no inputs left, and stops with ``stopped`` at ``limit_ms``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal, cast, get_args

from studio.engine.core import TIMER_FACTOR, Timers
from studio.engine.engine import Engine
from studio.engine.errors import InputError, InputListError
from studio.engine.events import Event
from studio.engine.state import Value
from studio.engine.wallet import SimulatedWallet
from studio.model import Project
from studio.model.io import paused_gc

Action = Literal[
    "choose", "accept_prompt", "decline_prompt", "click_product", "back", "deposit_result", "set_timers",
    "abandon",
]
ACTIONS: tuple[Action, ...] = get_args(Action)
# Each action's fields besides "at"/"action": name -> (required, kind).
_FIELDS: dict[str, dict[str, tuple[bool, str]]] = {
    "choose": {"option": (True, "id")},
    "accept_prompt": {},
    "decline_prompt": {},
    "click_product": {"tag": (True, "id")},
    "back": {},
    "deposit_result": {"deposit_id": (True, "id"), "ok": (True, "bool"), "reason": (False, "text")},
    "set_timers": {"timers": (True, "timers")},
    "abandon": {},
}
DEFAULT_LIMIT_MS = 3_600_000
MAX_INPUT_TEXT = 1000


@dataclass(frozen=True)
class Input:
    """One viewer or host input at a clock time; ``fields`` holds its action's fields."""

    at: int
    action: Action
    arg: str | None = None  # option, tag, deposit id or timers setting (the first field)
    ok: bool | None = None
    reason: str | None = None

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"at": self.at, "action": self.action}
        for name in _FIELDS[self.action]:
            out[name] = {"ok": self.ok, "reason": self.reason}.get(name, self.arg)
        return out


def _field(here: str, name: str, kind: str, value: Any) -> Any:
    if kind == "bool":
        if not isinstance(value, bool):
            raise InputListError(f"{here} > {name}: must be true or false, got {value!r}")
    elif kind == "timers":
        if value not in TIMER_FACTOR:
            raise InputListError(f"{here} > {name}: must be one of normal, x2, x10, off, got {value!r}")
    elif kind == "text":
        if value is not None and (not isinstance(value, str) or len(value) > MAX_INPUT_TEXT):
            raise InputListError(f"{here} > {name}: must be null or a string of at most "
                                 f"{MAX_INPUT_TEXT} characters")
    elif not isinstance(value, str) or not value or len(value) > MAX_INPUT_TEXT:
        raise InputListError(f"{here} > {name}: must be a non-empty string id, got {value!r}")
    return value


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
        if action not in _FIELDS:
            raise InputListError(f"{here} > action: must be one of {', '.join(ACTIONS)}, got {action!r}")
        fields = _FIELDS[action]
        for extra in entry:
            if extra not in fields and extra not in ("at", "action"):
                raise InputListError(f"{here} > {extra}: unknown field for action '{action}'")
        at = entry.get("at")
        if isinstance(at, bool) or not isinstance(at, int) or at < 0:
            raise InputListError(f"{here} > at: must be a non-negative integer (ms), got {at!r}")
        if at < previous:
            raise InputListError(f"{here} > at: {at} is before the previous entry's {previous}")
        values: dict[str, Any] = {}
        for name, (required, kind) in fields.items():
            if name not in entry and required:
                raise InputListError(f"{here} > {name}: missing for action '{action}'")
            values[name] = _field(here, name, kind, entry.get(name))
        previous = at
        first = next(iter(fields), "")
        out.append(Input(at, action, values.get(first), values.get("ok"), values.get("reason")))
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
    if inp.action == "deposit_result":
        assert inp.arg is not None and inp.ok is not None
        return engine.deposit_result(inp.arg, inp.ok, inp.reason)
    if inp.action == "set_timers":
        return engine.set_timers(cast(Timers, inp.arg))
    if inp.action == "abandon":
        return engine.abandon()
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
    playthrough: str = "p1",
    replay: bool = False,
) -> list[Event]:
    """Play ``engine`` with ``inputs`` and defaults; returns the typed events."""
    events = engine.start(start_from, variables, playthrough, replay)

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
    playthrough: str = "p1",
    replay: bool = False,
    wallet: Any = "accept",
) -> list[dict[str, Any]]:
    """The contract's trace runner: the events of one playthrough as JSON dicts.

    ``wallet``: the simulated wallet's setting (``"accept"``, ``"refuse"``, ``"none"`` or
    ``{"balance": N}``) or a ``SimulatedWallet``.
    """
    parsed = [i for i in inputs if isinstance(i, Input)]
    if len(parsed) != len(inputs):
        parsed = parse_inputs([i.to_json() if isinstance(i, Input) else i for i in inputs])
    limit = DEFAULT_LIMIT_MS if limit_ms is None else limit_ms
    host = wallet if isinstance(wallet, SimulatedWallet) else SimulatedWallet.from_json(wallet)
    with paused_gc():  # a long playthrough keeps every event: no collector walks over them all
        engine = Engine(project, timers, host)
        events = run_engine(engine, start_from, variables, parsed, limit, playthrough, replay)
        return [e.to_json() for e in events]
