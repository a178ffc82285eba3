"""Integers at the bound both engines compute exactly (issue #13 item 5, Python side).

Every integer of a project lies in ±(2**53 - 1) (``MAX_SAFE_INT``, the web
player's ``Number.MAX_SAFE_INTEGER``) and every integer result saturates there:
condition arithmetic, variable effects, deposit totals, a wallet refund. The
vector ``tests/vectors/money_bounds_saturate.json`` holds the web player to the
same numbers; these tests pin each Python step on its own, at the bound and
one past it.
"""

from __future__ import annotations

from typing import Any

import pytest

from studio.engine import Engine, StartError
from studio.engine.money import Deposit, DepositBook
from studio.engine.wallet import SimulatedWallet
from studio.model import Project
from studio.model.conditions import evaluate, saturate
from studio.model.io import project_from_raw
from studio.model.types import MAX_SAFE_INT
from tests.fuzz.cli_run import Outcome, check, run
from tests.support import SAMPLES

MAX = MAX_SAFE_INT
SHA = "0" * 64


def test_the_bound_is_javascripts_max_safe_integer() -> None:
    assert MAX == 2**53 - 1 == 9007199254740991
    assert float(MAX) == MAX and float(MAX + 1) == float(MAX + 2)  # past it doubles lose integers


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (0, 0), (1, 1), (-1, -1), (MAX, MAX), (-MAX, -MAX), (MAX - 1, MAX - 1),
        (MAX + 1, MAX), (-MAX - 1, -MAX), (2 * MAX, MAX), (-2 * MAX, -MAX),
        (10**30, MAX), (-(10**30), -MAX), (2**53, MAX), (-(2**53), -MAX),
    ],
)
def test_saturate(value: int, expected: int) -> None:
    assert saturate(value) == expected
    assert type(saturate(value)) is int


@pytest.mark.parametrize(
    ("expr", "env", "expected"),
    [
        ({"+": [{"var": "a"}, 1]}, {"a": MAX}, MAX),
        ({"+": [{"var": "a"}, {"var": "a"}, {"var": "a"}]}, {"a": MAX}, MAX),
        ({"+": [{"var": "a"}, -1]}, {"a": -MAX}, -MAX),
        ({"+": [{"var": "a"}, 1]}, {"a": MAX - 1}, MAX),
        ({"-": [{"var": "a"}, 1]}, {"a": -MAX}, -MAX),
        ({"-": [{"var": "a"}, -1]}, {"a": MAX}, MAX),
        ({"-": [{"var": "a"}, {"var": "b"}]}, {"a": MAX, "b": -MAX}, MAX),
        ({"-": [{"var": "a"}]}, {"a": MAX}, -MAX),
        # A sum past the bound compares as the bound, as the web player's numbers do.
        ({"==": [{"+": [{"var": "a"}, 5]}, MAX]}, {"a": MAX}, True),
        ({">": [{"+": [{"var": "a"}, 5]}, {"var": "a"}]}, {"a": MAX}, False),
    ],
)
def test_condition_arithmetic_saturates(expr: Any, env: dict[str, int], expected: object) -> None:
    assert evaluate(expr, env) == expected


def _project(variables: list[dict[str, Any]], on_enter: list[dict[str, Any]], **scene: Any) -> Project:
    media = [{"id": "m", "path": "media/m.mp4", "sha256": SHA, "size": 1, "duration_ms": 2000,
              "width": 360, "height": 640, "fps": 24.0, "video_codec": "h264", "container": "mp4"}]
    scenes = [
        {"id": "a", "title": "a", "media": "m", "on_enter": on_enter, **scene},
        {"id": "b", "title": "b", "media": "m", "ending": True},
    ]
    project, _ = project_from_raw({"title": "bounds", "variables": variables, "media": media,
                                   "scenes": scenes, "start": "a",
                                   "goals": [{"id": "g", "name": "G", "target": MAX}]})
    return project


INT_VARS = [{"id": "up", "type": "int", "default": MAX - 2},
            {"id": "down", "type": "int", "default": -MAX + 2}]


def test_effects_add_and_sub_saturate_at_the_bound() -> None:
    effects = [{"var": "up", "op": "add", "value": 5}, {"var": "down", "op": "sub", "value": 5}]
    engine = Engine(_project(INT_VARS, effects))
    events = engine.start()
    assert engine.variables["up"] == MAX and engine.variables["down"] == -MAX
    applied = [e for e in events if e.type == "effects_applied"]
    assert applied and applied[0].payload["variables"] == {"down": -MAX, "up": MAX}


def test_effects_of_the_largest_value_repeated_stay_at_the_bound() -> None:
    effects = [{"var": "up", "op": "add", "value": MAX}] * 3
    effects += [{"var": "down", "op": "sub", "value": MAX}] * 3
    engine = Engine(_project(INT_VARS, effects))
    engine.start()
    assert engine.variables == {"up": MAX, "down": -MAX}


def test_effects_just_inside_the_bound_are_exact() -> None:
    effects = [{"var": "up", "op": "add", "value": 2}, {"var": "down", "op": "sub", "value": 2}]
    engine = Engine(_project(INT_VARS, effects))
    engine.start()
    assert engine.variables == {"up": MAX, "down": -MAX}


@pytest.mark.parametrize("value", [MAX, -MAX, 0])
def test_start_accepts_int_variables_at_the_bound(value: int) -> None:
    engine = Engine(_project(INT_VARS, []))
    engine.start(variables={"up": value})
    assert engine.variables["up"] == value


@pytest.mark.parametrize(
    "value", [MAX + 1, -MAX - 1, 2**63, -(10**30)], ids=["max+1", "-max-1", "2**63", "-10**30"]
)
def test_start_refuses_int_variables_past_the_bound(value: int) -> None:
    engine = Engine(_project(INT_VARS, []))
    with pytest.raises(StartError) as exc:
        engine.start(variables={"up": value})
    message = str(exc.value)
    assert "\n" not in message and "variable 'up'" in message and "2**53 - 1" in message
    assert not engine.started


@pytest.mark.parametrize("value", [10**4000, -(10**5000)], ids=["10**4000", "-10**5000"])
def test_start_refuses_a_huge_int_variable_with_a_short_message(value: int) -> None:
    engine = Engine(_project(INT_VARS, []))
    with pytest.raises(StartError) as exc:
        engine.start(variables={"up": value})
    message = str(exc.value)
    assert "\n" not in message and "variable 'up'" in message and len(message) < 300
    assert not engine.started


def _deposit(n: int, amount: int, status: str) -> Deposit:
    return Deposit(f"p1:{n}:a:option:o:0", f"p1:{n}:a:option:o", n, "g", amount, status, True)  # type: ignore[arg-type]


@pytest.mark.parametrize("status", ["confirmed", "pending"])
def test_deposit_totals_saturate(status: str) -> None:
    book = DepositBook(["g"])
    for n in range(3):
        book.add(_deposit(n, MAX, status))
    total = book.saved if status == "confirmed" else book.pending
    assert total["g"] == MAX
    assert book.committed("g") == MAX


def test_committed_saturates_when_saved_and_pending_together_pass_the_bound() -> None:
    book = DepositBook(["g"])
    book.add(_deposit(0, MAX - 1, "confirmed"))
    book.add(_deposit(1, MAX - 1, "pending"))
    assert (book.saved["g"], book.pending["g"], book.committed("g")) == (MAX - 1, MAX - 1, MAX)


def test_settling_a_pending_deposit_at_the_bound() -> None:
    book = DepositBook(["g"])
    book.add(_deposit(0, MAX, "confirmed"))
    book.add(_deposit(1, MAX, "pending"))
    settled = book.settle("p1:1:a:option:o:0", ok=True)
    assert settled is not None and settled.status == "confirmed"
    assert (book.saved["g"], book.pending["g"]) == (MAX, 0)


def test_wallet_refund_saturates() -> None:
    wallet = SimulatedWallet("accept", MAX)
    deposit = {"deposit_id": "p1:0:a:option:o:0", "goal": "g", "amount": MAX}
    assert wallet.on_event({"type": "deposit_requested", **deposit}) == (True, None)
    assert wallet.balance == 0
    wallet.balance = MAX  # topped up meanwhile: the refund of the executed deposit stays bounded
    wallet.on_event({"type": "deposit_cancelled", **deposit})
    assert wallet.balance == MAX


@pytest.mark.parametrize("balance", [MAX + 1, -1, 10**20])
def test_wallet_balance_past_the_bound_is_refused(balance: int) -> None:
    from studio.engine.wallet import WalletSpecError

    with pytest.raises(WalletSpecError):
        SimulatedWallet.from_json({"balance": balance})
    assert SimulatedWallet.from_json({"balance": MAX}).balance == MAX


# -- the same bound on the command line -------------------------------------------------------


def _play(*extra: str) -> Outcome:
    return run(["play", str(SAMPLES / "savings"), "--limit-ms", "1000", *extra])


@pytest.mark.parametrize("value", [str(MAX), str(-MAX)])
def test_play_set_accepts_the_bound(value: str) -> None:
    o = check(_play("--set", f"discipline={value}"), (0,))
    assert '"type":"playthrough_started"' in o.stdout


@pytest.mark.parametrize("value", [str(MAX + 1), str(-MAX - 1), "1" + "0" * 30])
def test_play_set_refuses_one_past_the_bound(value: str) -> None:
    o = check(_play("--set", f"discipline={value}"), (2,))
    assert "variable 'discipline'" in o.stderr and "2**53 - 1" in o.stderr and o.stdout == ""


def test_play_set_refuses_a_five_thousand_digit_value() -> None:
    o = check(_play("--set", "discipline=" + "9" * 5000), (2,))
    assert "discipline" in o.stderr and len(o.stderr) < 300


def test_play_wallet_balance_past_the_bound_is_refused() -> None:
    check(_play("--wallet", f"balance:{MAX + 1}"), (2,))
