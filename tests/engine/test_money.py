"""Money rules of contract v2 beyond the vectors: the simulated wallet's host rules, bad host input,
playthrough ids, pending re-sends after a reload, and ``studio play --wallet``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from studio.engine import Engine, InputError, SimulatedWallet, StartError, WalletSpecError, run_trace
from studio.engine.cli_play import main as play_main
from studio.engine.runner import apply_input, parse_inputs
from studio.model import Project, load
from tests.support import SAMPLES


@pytest.fixture
def savings() -> Project:
    return load(SAMPLES / "savings").project


def requested(deposit_id: str, goal: str = "g", amount: int = 100) -> dict[str, Any]:
    return {"type": "deposit_requested", "deposit_id": deposit_id, "goal": goal, "amount": amount}


def cancelled(deposit_id: str, goal: str = "g", amount: int = 100) -> dict[str, Any]:
    return {"type": "deposit_cancelled", "deposit_id": deposit_id, "goal": goal, "amount": amount}


def test_wallet_executes_once_and_answers_repeats_from_its_ledger() -> None:
    wallet = SimulatedWallet("accept", balance=250)
    assert wallet.on_event(requested("a")) == (True, None)
    assert wallet.on_event(requested("a")) == (True, None)  # repeated delivery: nothing moves
    assert wallet.balance == 150 and wallet.net() == {"g": 100}
    assert wallet.on_event(requested("b", amount=200)) == (False, "insufficient_balance")
    assert wallet.on_event(requested("b", amount=200)) == (False, "insufficient_balance")
    assert wallet.on_event(requested("a", amount=999)) == (False, "conflict")  # same id, other amount
    assert wallet.balance == 150


def test_wallet_reverses_cancelled_deposits_and_keeps_tombstones() -> None:
    wallet = SimulatedWallet("accept", balance=1000)
    wallet.on_event(requested("p1:0:a:option:o:0"))
    wallet.on_event(cancelled("p1:0:a:option:o:0"))
    assert wallet.balance == 1000 and wallet.net() == {}
    assert wallet.on_event(requested("p1:0:a:option:o:0")) is None  # a cancelled id is dead
    # Reordered delivery: the cancel arrives first, the late request must not move money.
    wallet.on_event(cancelled("p1:1:b:prompt:q:0"))
    assert wallet.on_event(requested("p1:1:b:prompt:q:0")) is None
    assert wallet.balance == 1000 and wallet.net_by_playthrough() == {}
    wallet.on_event(requested("p2:0:a:option:o:0", amount=300))
    assert wallet.net_by_playthrough() == {"p2": {"g": 300}}


def test_wallet_modes_and_settings() -> None:
    assert SimulatedWallet.from_json("refuse").on_event(requested("x")) == (False, "refused")
    assert SimulatedWallet.from_json("none").on_event(requested("x")) is None
    assert SimulatedWallet.from_json({"balance": 5}).to_json() == {"balance": 5}
    assert SimulatedWallet.from_json("accept").on_event({"type": "choice_made"}) is None
    for bad in ("maybe", {"balance": -1}, {"balance": 1.5}, {"balance": True}, {"cash": 1}, None):
        with pytest.raises(WalletSpecError, match=r"^wallet: "):
            SimulatedWallet.from_json(bad)


def test_bad_playthrough_ids_and_host_inputs_are_refused(savings: Project) -> None:
    engine = Engine(savings)
    for bad in ("", "a:b", "x" * 65, "spaces here"):
        with pytest.raises(StartError, match="playthrough id must match"):
            engine.start(playthrough=bad)
    with pytest.raises(InputError, match="not started"):
        engine.deposit_result("x", True)
    engine.start(playthrough="3f2a-b1")
    with pytest.raises(InputError, match="bool ok"):
        engine.deposit_result("x", "yes")  # type: ignore[arg-type]
    with pytest.raises(InputError, match="unknown timers setting"):
        engine.set_timers("x3")  # type: ignore[arg-type]
    assert engine.deposit_result("never-requested", True) == []
    assert engine.set_timers("normal") == []  # unchanged: no event


def test_long_refusal_reasons_are_cut(savings: Project) -> None:
    engine = Engine(savings)
    engine.start()
    engine.advance(1600)
    deposit = next(e for e in engine.accept_prompt() if e.type == "deposit_requested")
    refused = engine.deposit_result(deposit["deposit_id"], False, "x" * 5000)
    assert [e.type for e in refused] == ["deposit_refused"] and len(refused[0]["reason"]) == 200
    assert engine.saved == {"trip": 0} and engine.pending == {"trip": 0}


def test_a_reload_replaying_the_inputs_gives_the_same_ids_and_pending_requests(savings: Project) -> None:
    inputs = parse_inputs([{"at": 1600, "action": "accept_prompt"},
                           {"at": 3200, "action": "choose", "option": "save"}])

    def session() -> Engine:
        engine = Engine(savings)
        engine.start(playthrough="pt-1")
        for inp in inputs:
            engine.advance(inp.at - engine.clock)
            apply_input(engine, inp)
        return engine

    first, again = session(), session()
    assert [r["deposit_id"] for r in first.pending_requests()] == [
        "pt-1:0:payday:prompt:round_up:0", "pt-1:0:payday:option:save:0"]
    assert again.pending_requests() == first.pending_requests()


def test_replay_deposits_setting_decides_whether_a_replay_moves_money(savings: Project) -> None:
    inputs = [{"at": 1600, "action": "accept_prompt"}]
    simulated = run_trace(savings, inputs=inputs, replay=True, playthrough="p2")
    assert simulated[0]["real_deposits"] is False
    assert not any(e["type"] == "deposit_requested" for e in simulated)
    assert simulated[-1]["saved"]["trip"] > 0  # the story still counts it
    real = savings.model_copy(update={"replay_deposits": True})
    trace = run_trace(real, inputs=inputs, replay=True, playthrough="p2")
    assert trace[0]["real_deposits"] is True
    assert {e["deposit_id"].split(":")[0] for e in trace if e["type"] == "deposit_requested"} == {"p2"}


def test_studio_play_wallet_flags(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    inputs = tmp_path / "in.json"
    inputs.write_text(json.dumps([{"at": 1600, "action": "accept_prompt"}]))
    assert play_main([str(SAMPLES / "savings"), "--inputs", str(inputs), "--wallet", "balance:1000",
                      "--playthrough", "cli-1"]) == 0
    events = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    refused = [e for e in events if e["type"] == "deposit_refused"]
    assert refused and all(e["reason"] == "insufficient_balance" for e in refused)
    assert events[0]["playthrough"] == "cli-1"
    assert play_main([str(SAMPLES / "savings"), "--wallet", "lots"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("studio play: error: --wallet 'lots'") and err.count("\n") == 1
    assert play_main([str(SAMPLES / "savings"), "--replay", "--wallet", "none"]) == 0
    replay = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert replay[0]["replay"] is True and any(e["type"] == "deposit_simulated" for e in replay)


def test_an_abandoned_playthrough_cannot_go_back_but_still_takes_answers(savings: Project) -> None:
    engine = Engine(savings)
    engine.start()
    engine.advance(1600)
    deposit_id = next(e for e in engine.accept_prompt() if e.type == "deposit_requested")["deposit_id"]
    engine.advance(1600)
    engine.choose("save")
    assert engine.can_go_back
    engine.back()
    engine.choose("spend")
    assert engine.abandon() == [] and engine.ended and not engine.can_go_back
    with pytest.raises(InputError, match="abandoned"):
        engine.back()
    late = engine.deposit_result(deposit_id, True)  # a late answer still counts
    assert [e.type for e in late] == ["deposit_confirmed"] and engine.saved == {"trip": 5000}
