"""Automatic continuations (``Scene.next``) and storyboard placeholder scenes in the engine (#15).

The traces themselves are in the rule vectors (``next_continues``, ``placeholder_scenes``,
``next_loop_timers``); here: the API around them (pre-roll candidates, ``back()`` and the path
across a continuation) and the story templates played end to end by ``studio play``.
"""

from __future__ import annotations

import json
import subprocess
import sys
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest

from studio.engine import Engine, Event, InputError, SimulatedWallet
from studio.model import Project
from studio.model.io import project_from_raw
from studio.templates import build, create
from tests.support import ROOT

SHA = "0" * 64


def storyboard(scenes: list[dict[str, Any]]) -> Project:
    """A current-schema project; scenes with ``dur`` get a clip of that length, others a card."""
    media = []
    for s in scenes:
        s.setdefault("title", s["id"].upper())
        if "dur" in s:
            media.append({"id": f"m_{s['id']}", "path": f"media/{s['id']}.mp4", "sha256": SHA, "size": 1,
                          "duration_ms": s.pop("dur"), "width": 360, "height": 640, "fps": 24.0,
                          "video_codec": "h264", "container": "mp4"})
            s["media"] = f"m_{s['id']}"
        else:
            s.setdefault("placeholder", {"duration_ms": 1000})
    project, _ = project_from_raw({"schema_version": 3, "title": "t", "media": media, "scenes": scenes,
                                   "start": scenes[0]["id"]})
    return project


def choice(*targets: str, appear: int = 200, decision: int = 600) -> dict[str, Any]:
    options = [{"id": f"o{i}", "label": t, "target": t} for i, t in enumerate(targets)]
    options[0]["default"] = True
    return {"appear_ms": appear, "decision_ms": decision, "options": options}


def types(events: list[Event]) -> list[str]:
    return [e.type for e in events]


def test_pre_roll_candidates_follow_next() -> None:
    project = storyboard([
        {"id": "a", "next": "b"},
        {"id": "b", "dur": 2000, "choice": choice("c", "a", "c")},
        {"id": "c", "next": "d", "placeholder": {"duration_ms": 500}},
        {"id": "d", "ending": True},
    ])
    engine = Engine(project)
    started = engine.start()
    assert started[1].type == "scene_started" and started[1]["media"] is None
    assert (started[1]["in_ms"], started[1]["out_ms"]) == (0, 1000)
    assert engine.next_scene_candidates() == ["b"]
    assert types(engine.advance(1000)) == ["scene_started"]  # a continues to b: nothing else
    assert engine.scene_id == "b" and engine.next_scene_candidates() == ["c", "a"]
    engine.advance(200)
    engine.choose("o0")
    assert engine.scene_id == "c" and engine.next_scene_candidates() == ["d"]
    assert types(engine.advance(500)) == ["scene_started"]
    assert engine.scene_id == "d" and engine.next_scene_candidates() == []
    assert engine.advance(1000)[-1]["dead_end"] is False
    assert engine.next_scene_candidates() == []


def test_a_continuation_is_not_a_decision() -> None:
    engine = Engine(storyboard([{"id": "a", "next": "b"}, {"id": "b", "ending": True}]))
    events = engine.start() + engine.advance(5000)
    assert types(events) == ["playthrough_started", "scene_started", "scene_started", "ending_reached"]
    assert engine.path == ["a", "b"] and not engine.can_go_back
    with pytest.raises(InputError, match="no earlier decision"):
        engine.back()


def test_back_across_continuations_returns_to_the_last_choice_and_truncates_the_path() -> None:
    engine = Engine(storyboard([
        {"id": "a", "next": "b"},
        {"id": "b", "choice": choice("c", "d")},
        {"id": "c", "next": "e"},
        {"id": "e", "next": "d"},
        {"id": "d", "ending": True},
    ]))
    engine.start()
    engine.advance(1200)  # a (1000 ms) then b's choice at 200
    engine.choose("o0")
    engine.advance(1500)
    assert engine.scene_id == "e" and engine.path == ["a", "b", "c", "e"]
    back = engine.back()
    assert back[0].type == "went_back" and back[0]["to_scene"] == "b" and back[0]["to_t"] == 200
    assert back[-1].type == "choice_shown" and engine.path == ["a", "b"]
    engine.choose("o1")
    assert engine.path == ["a", "b", "d"]
    assert engine.advance(1000)[-1].type == "ending_reached"


def explore(project: Project, choices: list[str]) -> tuple[list[Event], list[str]]:
    """Play with timers off taking ``choices`` in turn (prompts accepted, deposits confirmed by the
    simulated wallet); the visible options of the choice reached after them (none at the end)."""
    engine = Engine(project, "off", SimulatedWallet.from_json("accept"))
    events = engine.start()
    taken = 0
    while not engine.ended:
        if engine.waiting:
            if engine.pausing_prompt_open:
                events += engine.accept_prompt()
                continue
            view = engine.open_choice
            assert view is not None, "waiting without a choice"
            if taken == len(choices):
                return events, [o.id for o in view.options]
            events += engine.choose(choices[taken])
            taken += 1
            continue
        wake = engine.next_wake_clock()
        assert wake is not None
        events += engine.advance(wake - engine.clock)
    return events, []


@pytest.mark.parametrize("kind", ["savings", "shoppable"])
def test_every_path_of_a_story_template_reaches_an_ending(kind: str) -> None:
    project = build(kind)
    endings: set[str] = set()
    entered: set[str] = set()
    stack: list[list[str]] = [[]]
    while stack:
        choices = stack.pop()
        assert len(choices) <= 8, f"{kind}: a path longer than 8 choices: {choices}"
        events, options = explore(project, choices)
        entered |= {e.scene for e in events if e.type == "scene_started"}
        if options:
            stack += [[*choices, o] for o in options]
            continue
        last = events[-1]
        assert last.type == "ending_reached" and last["dead_end"] is False, (kind, choices, last.to_json())
        endings.add(last.scene)
    assert entered == {s.id for s in project.scenes}
    assert endings == {s.id for s in project.scenes if s.ending}


def test_studio_play_plays_a_new_savings_project_of_placeholder_scenes(tmp_path: Path) -> None:
    folder = create(tmp_path / "rainy", "savings").parent  # what `studio new --template savings` writes
    play = subprocess.run([sys.executable, "-m", "studio.engine.cli_play", str(folder)],  # `studio play`
                          cwd=ROOT, capture_output=True, text=True, timeout=120, check=False)
    assert play.returncode == 0 and play.stderr == "", play.stderr
    events = [json.loads(line) for line in play.stdout.splitlines()]
    scenes = json.loads((folder / "drama.json").read_text(encoding="utf-8"))["scenes"]
    following = {s["id"]: s.get("next") for s in scenes}
    starts = [e for e in events if e["type"] == "scene_started"]
    assert starts and all(e["media"] is None and e["in_ms"] == 0 for e in starts)
    assert any(following.get(a["scene"]) == b["scene"] and b["clock"] == a["clock"] + a["out_ms"]
               for a, b in pairwise(starts))  # a continuation, at the card's end
    assert events[-1]["type"] == "ending_reached" and events[-1]["dead_end"] is False
