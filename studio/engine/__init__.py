"""Deterministic story engine of Drama Studio (Qt-free; rules in docs/engine-contract.md).

Python API::

    from studio.engine import Engine, run_trace

    engine = Engine(project, timers="normal", wallet=None)   # "normal" | "x2" | "x10" | "off"
    events = engine.start(from_scene=None, variables={"discipline": 2},
                          playthrough="p1", replay=False)
    events += engine.advance(1500)                 # ms of clock; any step size, same trace
    engine.choose("save"); engine.accept_prompt(); engine.decline_prompt()
    engine.click_product("serum_vanity"); engine.back()
    engine.deposit_result(deposit_id, ok=True)     # the host's answer (host inputs)
    engine.set_timers("off"); engine.abandon()
    [e.to_json() for e in events]                  # the contract's JSON objects

Every call returns the ``Event`` objects it caused (``event.type``,
``event.clock``, ``event.scene``, ``event.t``, ``event["payload key"]``,
``event.to_json()``).  Inputs that are not possible now raise ``InputError``;
``start`` raises ``StartError`` for an unknown scene/variable or a wrongly
typed value (both one-line messages naming the id).

Read-only state for a UI: ``scene_id``, ``t`` (clip ms), ``clock``, ``paused``,
``waiting`` (only an input can make progress), ``pause_reason``, ``ended``,
``open_choice`` (``ChoiceView`` with the visible options) , ``open_prompts``,
``pausing_prompt_open``, ``shown_tags``, ``variables``, ``saved``, ``path``,
``can_go_back``, ``next_wake_clock()`` and ``next_scene_candidates()`` (scenes
that may come next, to pre-roll a second video player: ``studio.engine.upcoming``); for money: ``saved``
(confirmed), ``pending``, ``pending_requests()``, ``playthrough``, ``replay``,
``real_deposits``.  ``wallet`` is a synchronous host such as
``studio.engine.wallet.SimulatedWallet`` (answers applied at once).

The engine compiles the project when created (per-scene sorted schedules);
create a new ``Engine`` after editing the model.  ``run_trace(project,
start_from, variables, timers, inputs, limit_ms)`` is the contract's trace
runner (``parse_inputs`` validates an input file); ``cli_play`` implements
``studio play``.  ``EVENT_CONTRACT_VERSION`` is the version of the event JSON.
"""

from studio.engine.core import Timers
from studio.engine.engine import ChoiceView, Engine
from studio.engine.errors import (
    EngineError,
    InputError,
    InputListError,
    StartError,
    ZeroTimeLoopError,
)
from studio.engine.events import EVENT_CONTRACT_VERSION, PAYLOAD_KEYS, Event, EventType
from studio.engine.money_rules import Wallet
from studio.engine.runner import DEFAULT_LIMIT_MS, Input, parse_inputs, run_engine, run_trace
from studio.engine.wallet import SimulatedWallet, WalletSpecError

__all__ = [
    "DEFAULT_LIMIT_MS",
    "EVENT_CONTRACT_VERSION",
    "PAYLOAD_KEYS",
    "ChoiceView",
    "Engine",
    "EngineError",
    "Event",
    "EventType",
    "Input",
    "InputError",
    "InputListError",
    "SimulatedWallet",
    "StartError",
    "Timers",
    "Wallet",
    "WalletSpecError",
    "ZeroTimeLoopError",
    "parse_inputs",
    "run_engine",
    "run_trace",
]
