"""Engine API: start/input errors (one line, naming the id), accessors, events, edge cases."""

from __future__ import annotations

from typing import Any

import pytest

from studio.engine import (
    EVENT_CONTRACT_VERSION,
    PAYLOAD_KEYS,
    Engine,
    InputError,
    StartError,
    ZeroTimeLoopError,
)
from studio.engine.events import EVENT_TYPES, check_event_json
from studio.model import Project, load
from studio.model.io import project_from_raw
from tests.support import SAMPLES

SHA = "0" * 64


def make(scenes: list[dict[str, Any]], **extra: Any) -> Project:
    media = [{"id": f"m_{s['id']}", "path": f"media/{s['id']}.mp4", "sha256": SHA, "size": 1,
              "duration_ms": s.pop("dur", 2000), "width": 360, "height": 640, "fps": 24.0,
              "video_codec": "h264", "container": "mp4"} for s in scenes]
    for s in scenes:
        s.setdefault("title", s["id"])
        s["media"] = f"m_{s['id']}"
    project, _ = project_from_raw({"title": "t", "media": media, "scenes": scenes,
                                   "start": scenes[0]["id"], **extra})
    return project


@pytest.fixture
def savings() -> Project:
    return load(SAMPLES / "savings").project


@pytest.fixture
def shoppable() -> Project:
    return load(SAMPLES / "shoppable").project


def one_line(exc: pytest.ExceptionInfo[BaseException]) -> str:
    text = str(exc.value)
    assert "\n" not in text and text
    return text


def test_contract_version_and_payload_table() -> None:
    assert EVENT_CONTRACT_VERSION == 2
    assert set(PAYLOAD_KEYS) == set(EVENT_TYPES)


@pytest.mark.parametrize(
    ("kwargs", "needle"),
    [
        ({"from_scene": "nowhere"}, "unknown scene 'nowhere'"),
        ({"variables": {"ghost": 1}}, "unknown variable 'ghost'"),
        ({"variables": {"discipline": True}}, "variable 'discipline' is int, got bool"),
        ({"variables": {"splurged": 1}}, "variable 'splurged' is bool, got int"),
        ({"variables": {"discipline": "3"}}, "variable 'discipline' is int, got string"),
    ],
)
def test_start_errors(savings: Project, kwargs: dict[str, Any], needle: str) -> None:
    engine = Engine(savings)
    with pytest.raises(StartError) as exc:
        engine.start(**kwargs)
    assert needle in one_line(exc)
    assert not engine.started


def test_start_without_scenes() -> None:
    empty, _ = project_from_raw({"title": "empty"})
    with pytest.raises(StartError, match="no start scene"):
        Engine(empty).start()


def test_bad_timers_setting(savings: Project) -> None:
    with pytest.raises(StartError, match="unknown timers setting 'x3'"):
        Engine(savings, "x3")  # type: ignore[arg-type]


def test_input_errors_name_the_id(savings: Project, shoppable: Project) -> None:
    engine = Engine(savings)
    with pytest.raises(InputError, match="not started"):
        engine.advance(10)
    engine.start()
    with pytest.raises(InputError) as exc:
        engine.choose("save")
    assert "'save'" in one_line(exc) and "no choice is open" in one_line(exc)
    with pytest.raises(InputError, match="no prompt is open"):
        engine.accept_prompt()
    with pytest.raises(InputError, match="no earlier decision"):
        engine.back()
    with pytest.raises(InputError, match="non-negative"):
        engine.advance(-1)
    engine.advance(1500)  # the pausing round-up prompt
    engine.decline_prompt()
    with pytest.raises(InputError, match="no prompt is open"):
        engine.decline_prompt()
    engine.advance(1500)  # choice open; 'book' does not belong to it
    with pytest.raises(InputError) as exc:
        engine.choose("book")
    assert "option 'book'" in one_line(exc) and "scene 'payday'" in one_line(exc)
    shop = Engine(shoppable)
    shop.start()
    with pytest.raises(InputError) as exc:
        shop.click_product("serum_vanity")  # shown only from 1000 ms
    assert one_line(exc) == "tag 'serum_vanity' is not shown"


def test_hidden_option_cannot_be_chosen(savings: Project) -> None:
    engine = Engine(savings)
    engine.start(from_scene="month_end")
    engine.advance(2500)
    choice = engine.open_choice
    assert choice is not None and [o.id for o in choice.options] == ["keep_saving"]
    with pytest.raises(InputError, match="option 'party' is not a visible option"):
        engine.choose("party")


def test_accessors_follow_the_story(savings: Project) -> None:
    assert Engine(savings).scene_id is None
    engine = Engine(savings)
    assert engine.next_scene_candidates() == [] and not engine.paused
    events = engine.start()
    assert [e.type for e in events] == ["playthrough_started", "scene_started"]
    assert (engine.scene_id, engine.t, engine.clock, engine.paused) == ("payday", 0, 0, False)
    assert engine.variables == {"discipline": 0, "splurged": False}
    assert engine.saved == {"trip": 0}
    assert engine.next_scene_candidates() == ["save_path", "spend_path"]
    engine.advance(1600)
    assert engine.paused and engine.waiting and engine.pausing_prompt_open
    assert engine.open_prompts == ["round_up"] and engine.t == 1500 and engine.clock == 1600
    requested = [e for e in engine.accept_prompt() if e.type == "deposit_requested"]
    # No wallet: the deposit waits for the host's answer and does not count as saved yet.
    assert engine.saved == {"trip": 0} and engine.pending == {"trip": 5000} and not engine.paused
    assert engine.pending_requests() == [requested[0].to_json()]
    assert engine.playthrough == "p1" and engine.real_deposits and not engine.replay
    confirmed = engine.deposit_result("p1:0:payday:prompt:round_up:0", True)
    assert [e.type for e in confirmed] == ["deposit_confirmed"]
    assert engine.saved == {"trip": 5000} and engine.pending == {"trip": 0}
    assert engine.pending_requests() == []
    assert engine.deposit_result("p1:0:payday:prompt:round_up:0", False, "late") == []  # answered
    engine.advance(1500)
    choice = engine.open_choice
    assert choice is not None and choice.timeout_ms == 2500 and choice.shown_clock == 3100
    engine.choose("save")
    assert engine.scene_id == "save_path" and engine.path == ["payday", "save_path"]
    assert engine.can_go_back
    engine.advance(4000)
    engine.choose("hotpot")  # play_to_end: the target is known before the cut
    assert engine.next_scene_candidates() == ["month_end"]
    assert engine.next_wake_clock() == engine.clock + 5800 - engine.t  # next schedule time
    engine.advance(10_000)
    engine.advance(10_000)
    assert engine.ended and engine.next_scene_candidates() == [] and not engine.paused
    assert engine.path[-1] == "ending_steady"


def test_events_have_contract_shape(shoppable: Project) -> None:
    engine = Engine(shoppable, "x2")
    events = engine.start() + engine.advance(1200) + engine.click_product("serum_vanity")
    events += engine.advance(60_000)
    assert events[-1].type == "ending_reached"
    for e in events:
        check_event_json(e.to_json())
        assert all(isinstance(v, int) for v in (e.clock, e.t))
    clicked = next(e for e in events if e.type == "product_clicked")
    assert clicked["price"] == 29900 and clicked.to_json()["sku"] == "GLW-SER-30"


def test_start_restarts_from_scratch(savings: Project) -> None:
    engine = Engine(savings)
    engine.start()
    engine.advance(5000)
    again = engine.start(variables={"discipline": 4})
    assert again[0].clock == 0 and engine.variables["discipline"] == 4
    assert engine.path == ["payday"] and not engine.can_go_back


def test_advance_after_end_only_moves_the_clock() -> None:
    project = make([{"id": "a", "dur": 500, "ending": True}])
    engine = Engine(project)
    engine.start()
    assert [e.type for e in engine.advance(600)] == ["ending_reached"]
    assert engine.advance(1000) == [] and engine.clock == 1600


def test_zero_time_loop_is_an_error() -> None:
    # A one_shot choice at in_ms that cuts back to its own scene replays forever at one instant.
    project = make([{"id": "a", "choice": {"appear_ms": 0, "decision_ms": 500, "one_shot": True,
                                           "options": [{"id": "o", "label": "O", "target": "a",
                                                        "default": True}]}}])
    engine = Engine(project)
    engine.start()
    with pytest.raises(ZeroTimeLoopError) as exc:
        engine.choose("o")  # answered: the re-entered scene remembers it at t=0, forever
    assert "scene 'a'" in one_line(exc)


def test_condition_that_cannot_be_evaluated_hides_the_option() -> None:
    project = make(
        [{"id": "a", "choice": {"appear_ms": 0, "decision_ms": 500, "options": [
            {"id": "odd", "label": "Odd", "target": "b", "condition": {"<": [{"var": "name"}, 3]}},
            {"id": "ok", "label": "Ok", "target": "b", "default": True}]}},
         {"id": "b", "ending": True}],
        variables=[{"id": "name", "type": "string", "default": "x"}])
    engine = Engine(project)
    shown = [e for e in engine.start() if e.type == "choice_shown"]
    assert [o["id"] for o in shown[0]["options"]] == ["ok"]


def test_no_candidates_after_a_skipped_choice() -> None:
    project = make(
        [{"id": "a", "choice": {"appear_ms": 100, "decision_ms": 500, "timeout": "pause",
                                "options": [{"id": "o", "label": "O", "target": "b",
                                             "condition": {"var": "flag"}}]}},
         {"id": "b", "ending": True}],
        variables=[{"id": "flag", "type": "bool", "default": False}])
    engine = Engine(project)
    engine.start()
    assert engine.next_scene_candidates() == ["b"]
    engine.advance(100)
    assert engine.open_choice is None and engine.next_scene_candidates() == []
    assert engine.advance(5000)[-1]["dead_end"] is True


def test_back_drops_prompts_open_at_the_decision(savings: Project) -> None:
    engine = Engine(savings)
    engine.start()
    engine.advance(1500)
    engine.decline_prompt()
    engine.advance(1500)
    engine.choose("spend")
    engine.advance(4000)  # spend_path t=4000: phone prompt open, loop choice open
    assert engine.open_prompts == ["round_up_phone"] and engine.open_choice is not None
    engine.choose("keep_it")
    events = engine.back()
    assert [e.type for e in events] == ["went_back", "choice_shown"]
    assert events[0].scene == "temptation" and events[0]["to_scene"] == "spend_path"
    assert engine.open_prompts == [] and engine.variables["discipline"] == 0
    assert engine.path == ["payday", "spend_path"]
    # the phone prompt counts as shown in this visit: it does not come back after a loop
    later = engine.advance(20_000)
    assert "prompt_shown" not in [e.type for e in later]
