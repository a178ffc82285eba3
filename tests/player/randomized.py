"""Seeded random projects and input scripts for the JS/Python engine parity test.

Independent of the engine's own generators on purpose: a second opinion on
what can happen (trims, tags spanning cuts, prompts at odd times, conditions
that fail to evaluate, loops, one-shot choices, invalid inputs, clock limits,
storyboard placeholder scenes and automatic continuations ``next``)
and, for contract v2's money, deposits under caps, host answers (ok and
refused, repeated, unknown or rewound ids, long and non-BMP reasons),
``set_timers``, Back past deposits, ``abandon``, replay playthroughs with and
without ``replay_deposits`` and every simulated wallet policy.
"""

from __future__ import annotations

import random
from typing import TYPE_CHECKING, Any

from studio.model import SCHEMA_VERSION

if TYPE_CHECKING:
    from studio.engine.runner import Input

SHA = "0" * 64
CONDITIONS: list[Any] = [
    None,
    None,
    {"var": "flag"},
    {"!": {"var": "flag"}},
    {">=": [{"var": "saved.g"}, 300]},
    {"<": [{"var": "n"}, 1]},
    {"==": [{"var": "mood"}, "happy"]},
    {"==": [{"var": "n"}, True]},
    {"in": [{"var": "mood"}, ["happy", "calm"]]},
    {"if": [{"var": "flag"}, {">": [{"var": "n"}, -1]}, False]},
    {"and": [{"<=": [0, {"+": [{"var": "n"}, 2]}, 5]}, {"!=": [{"var": "mood"}, "sad"]}]},
    {"<": [{"var": "mood"}, 3]},  # fails to evaluate: hides the option
]
EFFECTS: list[list[dict[str, Any]]] = [
    [],
    [],
    [{"var": "n", "op": "add", "value": 1}],
    [{"var": "n", "op": "sub", "value": 2}],
    [{"var": "flag", "op": "set", "value": True}],
    [{"var": "mood", "op": "set", "value": "happy"}, {"var": "n", "op": "add", "value": 3}],
]


def _effects(rng: random.Random) -> list[dict[str, Any]]:
    return [dict(e) for e in rng.choice(EFFECTS)]


def random_project(rng: random.Random) -> dict[str, Any]:
    n = rng.randint(1, 4)
    ids = [f"s{i}" for i in range(n)]
    media: list[dict[str, Any]] = []
    scenes: list[dict[str, Any]] = []
    for i, sid in enumerate(ids):
        dur = rng.randint(5, 40) * 100
        in_ms = min(rng.choice([0, 0, 0, 200, 500]), dur - 100)
        out_ms = rng.choice([None, None, dur - 100 if dur - 100 > in_ms else None])
        end = out_ms if out_ms is not None else dur
        media.append({"id": f"m{i}", "path": f"media/{sid}.mp4", "sha256": SHA, "size": 1,
                      "duration_ms": dur, "width": 360, "height": 640, "fps": 24.0,
                      "video_codec": "h264", "container": "mp4"})
        scene: dict[str, Any] = {"id": sid, "title": sid, "media": f"m{i}"}
        if rng.random() < 0.25:  # a storyboard card: no media, not trimmed, lasts its duration
            scene = {"id": sid, "title": sid, "placeholder": {"duration_ms": dur}}
            if rng.random() < 0.5:
                scene["placeholder"]["colour"] = "#204060"
            end = dur
        else:
            if in_ms or rng.random() < 0.3:
                scene["in_ms"] = in_ms
            if out_ms is not None:
                scene["out_ms"] = out_ms
        if rng.random() < 0.3:
            scene["on_enter"] = _effects(rng)

        def when(end: int = end) -> int:
            return rng.randint(0, end + 300)

        tags = []
        for k in range(rng.choice([0, 0, 1, 2])):
            start = when()
            tag = {"id": f"t{k}", "product": rng.choice(["p1", "p2"]), "start_ms": start,
                   "end_ms": start + rng.randint(1, 30) * 100,
                   "hotspot": {"x": 0.25, "y": 0.5, "w": 0.5, "h": 0.125}}
            if rng.random() < 0.5:
                tag["cta"] = "Buy"
            tags.append(tag)
        if tags:
            scene["tags"] = tags
        prompts = []
        for k in range(rng.choice([0, 0, 1, 2])):
            prompt: dict[str, Any] = {"id": f"q{k}", "at_ms": when(), "goal": "g",
                                      "amount": rng.choice([100, 250, 400]), "text": f"save {k}?"}
            if rng.random() < 0.5:
                prompt["pause"] = rng.random() < 0.5
            if rng.random() < 0.5:
                prompt["accept_effects"] = _effects(rng)
            if rng.random() < 0.5:
                prompt["decline_effects"] = _effects(rng)
            prompts.append(prompt)
        if prompts:
            scene["prompts"] = prompts
        roll = rng.random()
        if roll < 0.2:
            scene["ending"] = True
            kind = rng.choice([None, "good", "neutral", "bad"])
            if kind is not None:
                scene["ending_kind"] = kind
        elif roll < 0.85:
            appear = rng.randint(0, end)
            options = []
            for k in range(rng.randint(1, 3)):
                option: dict[str, Any] = {"id": f"o{k}", "label": f"Option {k}",
                                          "target": rng.choice(ids)}
                cond = rng.choice(CONDITIONS)
                if cond is not None:
                    option["condition"] = cond
                if rng.random() < 0.4:
                    option["effects"] = _effects(rng)
                if rng.random() < 0.4:
                    option["deposit"] = {"goal": "g", "amount": rng.choice([200, 300])}
                options.append(option)
            timeout = rng.choice(["default", "default", "loop", "pause"])
            d = rng.randint(-1, len(options) - 1)
            if timeout == "default" and d < 0:
                d = 0
            if d >= 0:
                options[d]["default"] = True
            choice: dict[str, Any] = {"appear_ms": appear,
                                      "decision_ms": appear + rng.randint(1, 20) * 100,
                                      "timeout": timeout, "options": options}
            if rng.random() < 0.5:
                choice["mode"] = rng.choice(["cut", "play_to_end"])
            if rng.random() < 0.3:
                choice["one_shot"] = True
            if rng.random() < 0.2:
                choice["show_countdown"] = False
            scene["choice"] = choice
        elif rng.random() < 0.6:
            scene["next"] = rng.choice(ids)  # continue automatically (no choice, not an ending)
        scenes.append(scene)
    return {
        "schema_version": SCHEMA_VERSION,  # current schema: no migration runs in Python (engine.js has none)
        "title": "random",
        "currency": rng.choice(["CNY", "JPY", "USD"]),
        "variables": [{"id": "n", "type": "int", "default": 0},
                      {"id": "flag", "type": "bool", "default": False},
                      {"id": "mood", "type": "string", "default": "calm"}],
        "goals": [{"id": "g", "name": "G", "target": 10000,
                   **({"cap": rng.choice([500, 1000])} if rng.random() < 0.5 else {})}],
        **({"replay_deposits": rng.random() < 0.5} if rng.random() < 0.7 else {}),
        "products": [{"id": "p1", "sku": "P1", "name": "One", "price": 100,
                      "url": "https://shop.example.com/1"},
                     {"id": "p2", "sku": "P2", "name": "Two", "currency": "USD"}],
        "media": media,
        "scenes": scenes,
        "start": "s0",
    }


WALLETS: list[Any] = ["accept", "accept", "refuse", "none", "none", "none", {"balance": 0},
                     {"balance": 450}, {"balance": 1000}]
BAD_WALLETS: list[Any] = ["maybe", {"balance": -1}, {"cash": 5}, None]
REASONS: list[Any] = [None, "insufficient_balance", "limit reached: 5/day", "x" * 250,
                      "\U0001f4b8" * 201, ""]


def random_start(rng: random.Random, project: dict[str, Any]) -> dict[str, Any]:
    start: dict[str, Any] = {"from": None, "variables": {},
                             "timers": rng.choice(["normal", "normal", "x2", "x10", "off"])}
    if rng.random() < 0.2:
        start["from"] = rng.choice(project["scenes"])["id"]
    if rng.random() < 0.2:
        start["variables"] = {"n": rng.randint(-2, 3), "mood": rng.choice(["happy", "sad"])}
    if rng.random() < 0.6:
        start["playthrough"] = rng.choice(["p1", "3f2a-b1", "pt_7", "a" * 64, "p2"] * 4 + ["bad:id"])
    if rng.random() < 0.5:
        start["replay"] = rng.random() < 0.6
    if rng.random() < 0.8:
        start["wallet"] = rng.choice(WALLETS) if rng.random() < 0.97 else rng.choice(BAD_WALLETS)
    return start


def _malformed(rng: random.Random, at: int) -> dict[str, Any]:
    """An input the runner's parser must refuse (with the same located message in both engines)."""
    return rng.choice([
        {"at": at, "action": "set_timers", "timers": "x3"},
        {"at": at, "action": "deposit_result", "deposit_id": "x"},
        {"at": at, "action": "deposit_result", "deposit_id": "", "ok": True},
        {"at": at, "action": "deposit_result", "deposit_id": "x", "ok": "yes"},
        {"at": at, "action": "deposit_result", "deposit_id": "x", "ok": False, "reason": 5},
        {"at": at, "action": "abandon", "why": "bored"},
        {"at": at, "action": "pay"},
        {"at": -1, "action": "back"},
    ])


def _host_inputs(rng: random.Random, engine: Any, seen: list[str], at: int) -> list[Input]:
    """Host inputs possible now: answers to pending, repeated, rewound/cancelled or unknown ids, timers."""
    from studio.engine.runner import Input

    out: list[Input] = []
    for request in engine.pending_requests():
        out += [Input(at, "deposit_result", request["deposit_id"], True, rng.choice(REASONS))] * 3
        out += [Input(at, "deposit_result", request["deposit_id"], False, rng.choice(REASONS))] * 4
    if seen:  # answered, rewound, cancelled or simulated ids: must change nothing
        out.append(Input(at, "deposit_result", rng.choice(seen), rng.random() < 0.5, rng.choice(REASONS)))
    out.append(Input(at, "deposit_result", rng.choice(["nope", "p1:0:s0:option:o0:7"]), True, None))
    out.append(Input(at, "set_timers", rng.choice(["normal", "x2", "x10", "off"])))
    return out


def adaptive_inputs(rng: random.Random, project: Any, start: dict[str, Any]) -> list[dict[str, Any]]:
    """Inputs chosen while driving the Python engine: mostly possible, sometimes not.

    The trace runner does exactly what this does (start, advance to ``at``,
    apply), so the engine state seen here is the one the inputs meet.
    """
    from studio.engine import Engine, EngineError, SimulatedWallet
    from studio.engine.runner import Input, apply_input

    try:
        wallet = SimulatedWallet.from_json(start.get("wallet", "accept"))
        engine = Engine(project, start["timers"], wallet)
        seen = [e["deposit_id"] for e in engine.start(
            start["from"], start["variables"], start.get("playthrough", "p1"),
            start.get("replay", False)) if "deposit_id" in e.payload]
    except EngineError:
        return []
    out: list[dict[str, Any]] = []
    for _ in range(rng.randint(0, 16)):
        seen += [e["deposit_id"] for e in engine.advance(rng.choice([0, 0, 100, 400, 1000, 2500]))
                 if "deposit_id" in e.payload]
        if rng.random() < 0.01:
            out.append(_malformed(rng, engine.clock))
            break
        possible: list[Input] = []
        choice = engine.open_choice
        if choice is not None and not engine.ended:
            for o in choice.options:  # deposits (and so money paths) are favoured
                possible += [Input(engine.clock, "choose", o.id)] * (3 if o.deposit else 1)
        if engine.open_prompts and not engine.ended:
            possible += [Input(engine.clock, "accept_prompt")] * 3 + [Input(engine.clock, "decline_prompt")]
        if not engine.ended:
            possible += [Input(engine.clock, "click_product", t) for t in engine.shown_tags]
        if engine.can_go_back:
            possible += [Input(engine.clock, "back")] * 2
        if rng.random() < 0.6:
            possible += _host_inputs(rng, engine, seen, engine.clock)
        if rng.random() < 0.03:
            possible.append(Input(engine.clock, "abandon"))
        if rng.random() < 0.03:
            # Something impossible now: the runner must refuse it the same way.
            action = rng.choice(["choose", "accept_prompt", "click_product", "back"])
            arg = {"choose": "nope", "click_product": "t9"}.get(action)
            out.append(Input(engine.clock, action, arg).to_json())  # type: ignore[arg-type]
            break
        if not possible:
            continue
        pick = rng.choice(possible)
        try:
            seen += [e["deposit_id"] for e in apply_input(engine, pick) if "deposit_id" in e.payload]
        except EngineError:
            out.append(pick.to_json())
            break
        out.append(pick.to_json())
    return out
