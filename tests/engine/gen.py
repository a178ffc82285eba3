"""Hypothesis strategies: small random projects and viewer inputs for engine properties."""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

from studio.model import SCHEMA_VERSION, Project
from studio.model.io import project_from_raw

SHA = "0" * 64
HOTSPOT = {"x": 0.1, "y": 0.1, "w": 0.2, "h": 0.2}
ADD_N = {"var": "n", "op": "add", "value": 1}
SUB_N = {"var": "n", "op": "sub", "value": 1}
CLEAR_FLAG = {"var": "flag", "op": "set", "value": False}
CONDITIONS: list[Any] = [
    None, None, None,
    {"var": "flag"},
    {"!": {"var": "flag"}},
    {">=": [{"var": "saved.g"}, 300]},
    {"<": [{"var": "n"}, 2]},
]


@st.composite
def small_projects(draw: st.DrawFn) -> Project:
    n = draw(st.integers(1, 4))
    ids = [f"s{i}" for i in range(n)]
    media, scenes = [], []
    for i, sid in enumerate(ids):
        dur = draw(st.integers(2, 30)) * 100
        in_ms = draw(st.sampled_from([0, 0, 100, 300]))
        in_ms = min(in_ms, dur - 100)
        out_ms = draw(st.sampled_from([None, None, dur - 100 if dur - 100 > in_ms else None]))
        end = out_ms if out_ms is not None else dur
        media.append({"id": f"m{i}", "path": f"media/{sid}.mp4", "sha256": SHA, "size": 1,
                      "duration_ms": dur, "width": 360, "height": 640, "fps": 24.0,
                      "video_codec": "h264", "container": "mp4"})
        scene: dict[str, Any] = {"id": sid, "title": sid, "media": f"m{i}", "in_ms": in_ms,
                                 "out_ms": out_ms}
        if draw(st.integers(0, 3)) == 0:  # a storyboard card: no media, not trimmed
            scene = {"id": sid, "title": sid, "placeholder": {"duration_ms": dur}}
            end = dur
        t = st.integers(0, end + 200)
        scene["on_enter"] = draw(st.sampled_from(
            [[], [], [ADD_N], [{"var": "flag", "op": "set", "value": True}]]))
        tags = []
        for k in range(draw(st.integers(0, 2))):
            a = draw(t)
            tags.append({"id": f"t{k}", "product": "p", "start_ms": a,
                         "end_ms": a + draw(st.integers(1, 20)) * 100, "hotspot": HOTSPOT})
        scene["tags"] = tags
        prompts = []
        for k in range(draw(st.integers(0, 2))):
            prompts.append({"id": f"q{k}", "at_ms": draw(t), "goal": "g",
                            "amount": draw(st.sampled_from([100, 250, 400])), "text": "save?",
                            "pause": draw(st.booleans()),
                            "accept_effects": draw(st.sampled_from([[], [ADD_N]])),
                            "decline_effects": draw(st.sampled_from([[], [CLEAR_FLAG]]))})
        scene["prompts"] = prompts
        if draw(st.integers(0, 4)) == 0:
            scene["ending"] = True
            scene["ending_kind"] = draw(st.sampled_from([None, "good", "bad"]))
        elif draw(st.integers(0, 5)) > 0:
            appear = draw(st.integers(0, end))
            options = []
            for k in range(draw(st.integers(1, 3))):
                options.append({"id": f"o{k}", "label": f"O{k}", "target": draw(st.sampled_from(ids)),
                                "condition": draw(st.sampled_from(CONDITIONS)),
                                "effects": draw(st.sampled_from([[], [SUB_N]])),
                                "deposit": draw(st.sampled_from([None, {"goal": "g", "amount": 200}]))})
            timeout = draw(st.sampled_from(["default", "loop", "pause"]))
            d = draw(st.integers(-1, len(options) - 1))
            if timeout == "default" and d < 0:
                d = 0
            if d >= 0:
                options[d]["default"] = True
            scene["choice"] = {"appear_ms": appear,
                               "decision_ms": appear + draw(st.integers(1, 15)) * 100,
                               "timeout": timeout, "mode": draw(st.sampled_from(["cut", "play_to_end"])),
                               "one_shot": draw(st.booleans()), "options": options}
        elif draw(st.booleans()):
            scene["next"] = draw(st.sampled_from(ids))  # continue automatically
        scenes.append(scene)
    raw = {"schema_version": SCHEMA_VERSION, "title": "gen",
           "variables": [{"id": "n", "type": "int", "default": 0},
                         {"id": "flag", "type": "bool", "default": False}],
           "goals": [{"id": "g", "name": "G", "target": 10000,
                      "cap": draw(st.sampled_from([None, 500, 1000]))}],
           "products": [{"id": "p", "sku": "P", "name": "P", "price": 100}],
           "media": media, "scenes": scenes, "start": "s0"}
    project, _ = project_from_raw(raw)
    return project


@st.composite
def input_scripts(draw: st.DrawFn) -> list[tuple[int, str, str | None]]:
    """(at, action, arg) triples with non-decreasing ``at`` (args may be invalid on purpose)."""
    out = []
    at = 0
    for _ in range(draw(st.integers(0, 10))):
        at += draw(st.integers(0, 2500))
        action = draw(st.sampled_from(["choose", "choose", "accept_prompt", "decline_prompt",
                                       "click_product", "back", "back", "set_timers", "answer"]))
        arg = None
        if action == "choose":
            arg = draw(st.sampled_from(["o0", "o0", "o1", "o2"]))
        elif action == "click_product":
            arg = draw(st.sampled_from(["t0", "t1"]))
        elif action == "set_timers":
            arg = draw(st.sampled_from(["normal", "x2", "x10", "off"]))
        elif action == "answer":  # the host answers the oldest pending deposit ("ok" or a refusal)
            arg = draw(st.sampled_from(["ok", "no"]))
        out.append((at, action, arg))
    return out
