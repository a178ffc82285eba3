"""Trace runner: input-list validation, defaults when waiting, the clock limit."""

from __future__ import annotations

from typing import Any

import pytest

from studio.engine import Input, InputError, InputListError, parse_inputs, run_trace
from studio.model import Project, load
from tests.support import SAMPLES


@pytest.fixture
def savings() -> Project:
    return load(SAMPLES / "savings").project


def test_parse_inputs_accepts_every_action() -> None:
    raw = [{"at": 0, "action": "choose", "option": "a"}, {"at": 0, "action": "accept_prompt"},
           {"at": 5, "action": "decline_prompt"}, {"at": 9, "action": "click_product", "tag": "t"},
           {"at": 9, "action": "back"}]
    parsed = parse_inputs(raw)
    assert parsed[0] == Input(0, "choose", "a") and parsed[3].arg == "t"
    assert [i.to_json() for i in parsed] == raw


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ({"at": 0}, "inputs: must be a JSON list"),
        (["x"], "inputs[0]: must be an object"),
        ([{"at": 0, "action": "jump"}], "inputs[0] > action: must be one of"),
        ([{"at": -1, "action": "back"}], "inputs[0] > at: must be a non-negative integer"),
        ([{"at": 1.5, "action": "back"}], "inputs[0] > at: must be a non-negative integer"),
        ([{"at": True, "action": "back"}], "inputs[0] > at: must be a non-negative integer"),
        ([{"at": 5, "action": "back"}, {"at": 4, "action": "back"}],
         "inputs[1] > at: 4 is before the previous entry's 5"),
        ([{"at": 0, "action": "choose"}], "inputs[0] > option: missing for action 'choose'"),
        ([{"at": 0, "action": "choose", "option": ""}], "inputs[0] > option: must be a non-empty string id"),
        ([{"at": 0, "action": "deposit_result", "deposit_id": "d", "ok": 1}],
         "inputs[0] > ok: must be true or false"),
        ([{"at": 0, "action": "deposit_result", "ok": True}], "inputs[0] > deposit_id: missing"),
        ([{"at": 0, "action": "deposit_result", "deposit_id": "d", "ok": False, "reason": 5}],
         "inputs[0] > reason: must be null or a string"),
        ([{"at": 0, "action": "set_timers", "timers": "x3"}], "inputs[0] > timers: must be one of"),
        ([{"at": 0, "action": "abandon", "timers": "x2"}], "inputs[0] > timers: unknown field"),
        ([{"at": 0, "action": "click_product", "tag": 3}], "inputs[0] > tag: must be a non-empty"),
        ([{"at": 0, "action": "back", "option": "x"}], "inputs[0] > option: unknown field"),
    ],
)
def test_parse_inputs_errors(raw: Any, message: str) -> None:
    with pytest.raises(InputListError) as exc:
        parse_inputs(raw)
    assert str(exc.value).startswith(message) and "\n" not in str(exc.value)


def test_invalid_input_names_its_index(savings: Project) -> None:
    with pytest.raises(InputError, match=r"^inputs\[1\] \(choose at 2000\): cannot choose 'save'"):
        run_trace(savings, inputs=[{"at": 1600, "action": "decline_prompt"},
                                   {"at": 2000, "action": "choose", "option": "save"}])


def test_limit_stops_before_inputs_at_the_limit(savings: Project) -> None:
    trace = run_trace(savings, inputs=[{"at": 1500, "action": "accept_prompt"}], limit_ms=1500)
    assert [e["type"] for e in trace] == ["playthrough_started", "scene_started", "prompt_shown", "stopped"]
    assert trace[-1] == {"type": "stopped", "clock": 1500, "scene": "payday", "t": 1500,
                         "reason": "limit"}


def test_limit_zero_and_default(savings: Project) -> None:
    assert [e["type"] for e in run_trace(savings, limit_ms=0)] == [
        "playthrough_started", "scene_started", "stopped",
    ]
    full = run_trace(savings, limit_ms=None)
    assert full[-1]["type"] == "ending_reached" and full == run_trace(savings)


def test_typed_inputs_and_dicts_agree(savings: Project) -> None:
    raw = [{"at": 2000, "action": "accept_prompt"}, {"at": 3500, "action": "choose", "option": "spend"}]
    assert run_trace(savings, inputs=parse_inputs(raw)) == run_trace(savings, inputs=raw)


def test_defaults_decline_then_choose_first_visible(savings: Project) -> None:
    trace = run_trace(savings, timers="off")
    made = [e for e in trace if e["type"] == "choice_made"]
    assert [m["option"] for m in made] == ["save", "save_more", "keep_saving"]
    assert {m["by"] for m in made} == {"viewer"}
    declined = [e for e in trace if e["type"] == "prompt_declined"]
    assert declined[0]["by"] == "viewer" and declined[0]["clock"] == 1500
    assert trace[-1]["type"] == "ending_reached"
