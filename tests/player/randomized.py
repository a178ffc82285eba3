"""Seeded random projects and input scripts for the JS/Python engine parity test.

Independent of the engine's own generators on purpose: a second opinion on
what can happen (trims, tags spanning cuts, prompts at odd times, conditions
that fail to evaluate, loops, one-shot choices, invalid inputs, clock limits).
"""

from __future__ import annotations

import random
from typing import Any

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
                if rng.random() < 0.3:
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
        scenes.append(scene)
    return {
        "title": "random",
        "currency": rng.choice(["CNY", "JPY", "USD"]),
        "variables": [{"id": "n", "type": "int", "default": 0},
                      {"id": "flag", "type": "bool", "default": False},
                      {"id": "mood", "type": "string", "default": "calm"}],
        "goals": [{"id": "g", "name": "G", "target": 10000,
                   **({"cap": rng.choice([500, 1000])} if rng.random() < 0.5 else {})}],
        "products": [{"id": "p1", "sku": "P1", "name": "One", "price": 100,
                      "url": "https://shop.example.com/1"},
                     {"id": "p2", "sku": "P2", "name": "Two", "currency": "USD"}],
        "media": media,
        "scenes": scenes,
        "start": "s0",
    }


def random_start(rng: random.Random, project: dict[str, Any]) -> dict[str, Any]:
    start: dict[str, Any] = {"from": None, "variables": {},
                             "timers": rng.choice(["normal", "normal", "x2", "x10", "off"])}
    if rng.random() < 0.2:
        start["from"] = rng.choice(project["scenes"])["id"]
    if rng.random() < 0.2:
        start["variables"] = {"n": rng.randint(-2, 3), "mood": rng.choice(["happy", "sad"])}
    return start


def adaptive_inputs(rng: random.Random, project: Any, start: dict[str, Any]) -> list[dict[str, Any]]:
    """Inputs chosen while driving the Python engine: mostly possible, sometimes not.

    The trace runner does exactly what this does (start, advance to ``at``,
    apply), so the engine state seen here is the one the inputs meet.
    """
    from studio.engine import Engine, EngineError
    from studio.engine.runner import Input, apply_input

    engine = Engine(project, start["timers"])
    try:
        engine.start(start["from"], start["variables"])
    except EngineError:
        return []
    out: list[dict[str, Any]] = []
    for _ in range(rng.randint(0, 12)):
        engine.advance(rng.choice([0, 0, 100, 400, 1000, 2500]))
        possible: list[Input] = []
        choice = engine.open_choice
        if choice is not None and not engine.ended:
            possible += [Input(engine.clock, "choose", o.id) for o in choice.options]
        if engine.open_prompts and not engine.ended:
            possible += [Input(engine.clock, "accept_prompt"), Input(engine.clock, "decline_prompt")]
        if not engine.ended:
            possible += [Input(engine.clock, "click_product", t) for t in engine.shown_tags]
        if engine.can_go_back:
            possible.append(Input(engine.clock, "back"))
        if rng.random() < 0.05:
            # Something impossible now: the runner must refuse it the same way.
            action = rng.choice(["choose", "accept_prompt", "click_product", "back"])
            arg = {"choose": "nope", "click_product": "t9"}.get(action)
            out.append(Input(engine.clock, action, arg).to_json())  # type: ignore[arg-type]
            break
        if not possible:
            continue
        pick = rng.choice(possible)
        try:
            apply_input(engine, pick)
        except EngineError:
            out.append(pick.to_json())
            break
        out.append(pick.to_json())
    return out
