"""Hypothesis: any valid generated project survives save -> load -> save byte for byte."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from studio.model import dumps, load, save
from studio.model.io import parse_json, project_from_raw
from tests.model.factories import ASSET

ids = st.from_regex(r"[a-z][a-z0-9_]{0,7}", fullmatch=True)
text = st.text(min_size=1, max_size=30).filter(lambda s: s.strip() != "")
unit = st.floats(min_value=0.0, max_value=0.5, allow_nan=False)


@st.composite
def rects(draw: st.DrawFn) -> dict[str, float]:
    return {"x": draw(unit), "y": draw(unit), "w": draw(st.floats(0.01, 0.5)),
            "h": draw(st.floats(0.01, 0.5))}


@st.composite
def projects(draw: st.DrawFn) -> dict[str, Any]:
    scene_ids = draw(st.lists(ids, min_size=1, max_size=6, unique=True))
    goal_ids = draw(st.lists(ids, max_size=2, unique=True))
    var_ids = draw(st.lists(ids.map(lambda s: "v_" + s), max_size=3, unique=True))
    variables = [{"id": v, "type": "int", "default": draw(st.integers(-5, 5))} for v in var_ids]
    goals = [
        {"id": g, "name": draw(text), "target": draw(st.integers(1, 10**9)),
         "cap": draw(st.none() | st.integers(1, 10**9))}
        for g in goal_ids
    ]
    products = [{"id": "prod", "sku": "SKU-1", "name": draw(text),
                 "price": draw(st.none() | st.integers(0, 10**7)),
                 "currency": draw(st.sampled_from(["CNY", "USD", "JPY"]))}]
    known = var_ids + [f"saved.{g}" for g in goal_ids]
    scenes = []
    for sid in scene_ids:
        scene: dict[str, Any] = {
            "id": sid, "title": draw(text), "media": "clip",
            "position": {"x": draw(st.floats(-1e4, 1e4)), "y": draw(st.floats(-1e4, 1e4))},
        }
        if var_ids and draw(st.booleans()):
            scene["on_enter"] = [{"var": var_ids[0], "op": "add", "value": draw(st.integers(-3, 3))}]
        if draw(st.booleans()):
            scene["tags"] = [{"id": "t", "product": "prod", "start_ms": 100, "end_ms": 900,
                              "hotspot": draw(rects()), "cta": draw(text)}]
        if goal_ids and draw(st.booleans()):
            scene["prompts"] = [{"id": "p", "at_ms": draw(st.integers(0, 6000)),
                                 "goal": goal_ids[0], "amount": draw(st.integers(1, 10**6)),
                                 "text": draw(text), "pause": draw(st.booleans())}]
        if draw(st.booleans()):
            scene["ending"] = True
        else:
            n = draw(st.integers(1, 3))
            options = []
            for i in range(n):
                opt: dict[str, Any] = {"id": f"o{i}", "label": draw(text),
                                       "target": draw(st.sampled_from(scene_ids))}
                if known and draw(st.booleans()):
                    opt["condition"] = {">=": [{"var": draw(st.sampled_from(known))},
                                               draw(st.integers(-100, 100))]}
                if goal_ids and draw(st.booleans()):
                    opt["deposit"] = {"goal": goal_ids[-1], "amount": draw(st.integers(1, 10**6))}
                if draw(st.booleans()):
                    opt["hotspot"] = draw(rects())
                options.append(opt)
            options[0]["default"] = True
            appear = draw(st.integers(0, 5000))
            scene["choice"] = {
                "appear_ms": appear, "decision_ms": appear + draw(st.integers(1, 3000)),
                "timeout": draw(st.sampled_from(["default", "loop", "pause"])),
                "mode": draw(st.sampled_from(["cut", "play_to_end"])), "options": options,
            }
        scenes.append(scene)
    return {"title": draw(text), "variables": variables, "goals": goals, "products": products,
            "media": [ASSET], "scenes": scenes, "start": scene_ids[0], "schema_version": 1,
            "min_reader_version": 1, "currency": draw(st.sampled_from(["CNY", "USD", "EUR"]))}


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(raw=projects())
def test_generated_projects_round_trip(raw: dict[str, Any], tmp_path: Path) -> None:
    project, _ = project_from_raw(raw)
    first = dumps(project)
    # Loading what we wrote gives an equal model and the same bytes again.
    again, _ = project_from_raw(parse_json(first))
    assert again == project
    assert dumps(again) == first
    folder = tmp_path / "p"
    save(project, folder)
    assert dumps(load(folder).project) == first
