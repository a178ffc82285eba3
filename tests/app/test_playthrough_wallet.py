"""Play story's simulated wallet, replays and restarts (controller level, manual ticks).

Every playthrough here must still be reproduced exactly by ``run_trace`` with
the controller's ``trace_args()`` (the wallet as it was at the start, the
playthrough id, the replay flag and the recorded inputs, host answers included).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest

from studio.app.document import Document
from studio.app.play_wallet import WalletSetting
from studio.app.playback.player import FakePlayer
from studio.app.playthrough import PlaythroughController
from studio.engine import run_trace
from studio.model import load
from tests.support import SAMPLES

pytestmark = pytest.mark.gui
Ctrl = PlaythroughController


@pytest.fixture
def ctrl(qapp: Any) -> Iterator[Ctrl]:
    doc = Document()
    doc.open(SAMPLES / "savings", read_only=True)
    controller = PlaythroughController(doc, FakePlayer(duration=6000, fps=24.0), auto_tick=False)
    yield controller
    controller.shutdown()
    doc.close()


def tick_until(c: Ctrl, cond: Callable[[], bool], limit: int = 120_000) -> None:
    eng = c.engine
    assert eng is not None
    while not cond():
        assert eng.clock < limit and not (eng.ended and not cond()), (eng.clock, eng.scene_id)
        c.tick(10)


def choice_in(c: Ctrl, scene: str) -> Callable[[], bool]:
    def check() -> bool:
        choice = c.engine.open_choice if c.engine else None
        return choice is not None and choice.scene == scene

    return check


def types(log: list[dict[str, Any]], prefix: str = "deposit_") -> list[str]:
    return [e["type"] for e in log if e["type"].startswith(prefix)]


def reproduces(c: Ctrl) -> bool:
    assert c.project is not None
    return c.log == run_trace(c.project, **c.trace_args())


def save_everything(c: Ctrl) -> None:
    """Accept the ¥50 prompt, save ¥200, save ¥500 more, then let month_end time out."""
    eng = c.engine
    assert eng is not None
    tick_until(c, lambda: eng.pausing_prompt_open)
    assert c.accept_prompt()
    tick_until(c, choice_in(c, "payday"))
    assert c.choose("save")
    tick_until(c, choice_in(c, "save_path"))
    assert c.choose("save_more")
    tick_until(c, choice_in(c, "month_end"))


def test_refuse_all_shows_the_refused_path(ctrl: Ctrl) -> None:
    ctrl.set_wallet(WalletSetting("refuse"))
    assert ctrl.start()
    save_everything(ctrl)
    assert [o.id for o in ctrl.engine.open_choice.options] == ["keep_saving"]  # book needs ¥750 saved
    tick_until(ctrl, lambda: ctrl.engine.ended)
    assert types(ctrl.log) == ["deposit_requested", "deposit_refused"] * 3
    refused = [e for e in ctrl.log if e["type"] == "deposit_refused"]
    assert {e["reason"] for e in refused} == {"refused"}
    assert ctrl.log[-1]["saved"] == {"trip": 0} and ctrl.log[-1]["pending"] == {"trip": 0}
    assert [m.kind for m in ctrl.wallet.moves] == ["refused"] * 3
    assert ctrl.trace_args()["wallet"] == "refuse" and reproduces(ctrl)


def test_balance_refuses_what_it_cannot_pay(ctrl: Ctrl) -> None:
    ctrl.set_wallet(WalletSetting("balance", 30_000))  # ¥300
    assert ctrl.start()
    save_everything(ctrl)
    wallet = ctrl.wallet
    assert wallet is not None and wallet.balance == 5_000  # ¥50 + ¥200 paid, ¥500 refused
    assert ctrl.engine.saved == {"trip": 25_000}
    refused = next(e for e in ctrl.log if e["type"] == "deposit_refused")
    assert refused["amount"] == 50_000 and refused["reason"] == "insufficient_balance"
    assert [(m.kind, m.money, m.balance) for m in wallet.moves] == [
        ("saved", 5_000, 25_000), ("saved", 20_000, 5_000), ("refused", 0, 5_000),
    ]  # fmt: skip
    tick_until(ctrl, lambda: ctrl.engine.ended)
    assert ctrl.trace_args()["wallet"] == {"balance": 30_000} and reproduces(ctrl)


def test_watch_again_is_a_replay_of_the_same_viewer(ctrl: Ctrl) -> None:
    ctrl.set_wallet(WalletSetting("balance", 100_000))
    assert ctrl.start() and ctrl.playthrough == "p1" and not ctrl.replay
    save_everything(ctrl)
    tick_until(ctrl, lambda: ctrl.engine.ended)
    wallet = ctrl.wallet
    assert wallet is not None and wallet.balance == 25_000
    first = ctrl.log
    assert ctrl.watch_again()
    assert ctrl.wallet is wallet and ctrl.playthrough == "p2" and ctrl.replay
    assert ctrl.previous is not None and ctrl.previous["log"] == first
    assert ctrl.log[0]["type"] == "playthrough_started"
    assert (ctrl.log[0]["playthrough"], ctrl.log[0]["replay"], ctrl.log[0]["real_deposits"]) == (
        "p2", True, False,
    )  # fmt: skip
    save_everything(ctrl)
    # The replay shows the same story (simulated savings count) ...
    assert "book" in [o.id for o in ctrl.engine.open_choice.options]
    tick_until(ctrl, lambda: ctrl.engine.ended)
    # ... but with replay_deposits=false (the default) no money moves.
    assert types(ctrl.log) == ["deposit_simulated"] * 3 and wallet.balance == 25_000
    assert [m.kind for m in wallet.moves[3:]] == ["simulated"] * 3
    assert ctrl.log[-1]["saved"] == {"trip": 75_000}
    assert ctrl.trace_args()["wallet"] == {"balance": 25_000} and reproduces(ctrl)
    # "Play story" is a new viewer: a fresh wallet, a first playthrough.
    assert ctrl.start() and ctrl.wallet is not wallet and ctrl.wallet.balance == 100_000
    assert ctrl.playthrough == "p3" and not ctrl.replay


def test_replays_deposit_for_real_when_the_project_says_so(ctrl: Ctrl) -> None:
    ctrl._document.project.replay_deposits = True
    ctrl.set_wallet(WalletSetting("balance", 100_000))
    assert ctrl.start()
    save_everything(ctrl)
    tick_until(ctrl, lambda: ctrl.engine.ended)
    assert ctrl.watch_again() and ctrl.log[0]["real_deposits"] is True
    save_everything(ctrl)
    # ¥250 left: the ¥50 and ¥200 go through, the ¥500 does not.
    assert ctrl.wallet.balance == 0 and ctrl.engine.saved == {"trip": 25_000}
    assert types(ctrl.log)[-1] == "deposit_refused"
    tick_until(ctrl, lambda: ctrl.engine.ended)
    assert reproduces(ctrl)


def test_restart_midway_abandons_and_the_wallet_gives_money_back(ctrl: Ctrl) -> None:
    ctrl.set_wallet(WalletSetting("balance", 100_000))
    assert ctrl.start()
    eng = ctrl.engine
    tick_until(ctrl, lambda: eng.pausing_prompt_open)
    assert ctrl.accept_prompt()
    tick_until(ctrl, choice_in(ctrl, "payday"))
    assert ctrl.choose("save")  # ¥200 paid
    tick_until(ctrl, choice_in(ctrl, "save_path"))
    assert ctrl.back()  # back to payday's choice: the ¥200 is rewound, still at the wallet
    assert ctrl.wallet.balance == 75_000
    assert ctrl.watch_again()  # before the story asked again: abandoned, cancelled, given back
    previous = ctrl.previous
    assert previous is not None
    assert previous["inputs"][-1]["action"] == "abandon"
    assert types(previous["log"])[-1] == "deposit_cancelled"
    assert ctrl.wallet.balance == 95_000
    assert [m.kind for m in ctrl.wallet.moves] == ["saved", "saved", "reversed"]
    assert ctrl.wallet.moves[-1].money == -20_000
    project = load(SAMPLES / "savings").project
    prev_args = {k: v for k, v in previous.items() if k != "log"}
    assert run_trace(project, **prev_args) == previous["log"]
    tick_until(ctrl, lambda: ctrl.engine.pausing_prompt_open)
    assert ctrl.decline_prompt()
    tick_until(ctrl, lambda: ctrl.engine.ended)
    assert reproduces(ctrl)


def test_a_refused_restart_leaves_the_playthrough_alone(ctrl: Ctrl) -> None:
    notes: list[str] = []
    ctrl.message.connect(notes.append)
    assert ctrl.start()
    ctrl.tick(500)
    assert not ctrl.start("month_end", {"splurged": 3})
    assert notes[-1] == "Cannot play: variable 'splurged' is bool, got int 3"
    assert not ctrl.engine.ended and ctrl.playthrough == "p1" and ctrl.previous is None
    assert ctrl.inputs == []  # not abandoned


def test_answer_by_hand_keeps_deposits_pending(ctrl: Ctrl) -> None:
    ctrl.set_wallet(WalletSetting("hand"))
    assert ctrl.start()
    eng = ctrl.engine
    tick_until(ctrl, lambda: eng.pausing_prompt_open)
    assert ctrl.accept_prompt()
    tick_until(ctrl, choice_in(ctrl, "payday"))
    assert eng.pending == {"trip": 5_000} and eng.saved == {"trip": 0}
    assert ctrl.choose("save")
    [first, second] = [r["deposit_id"] for r in eng.pending_requests()]
    assert first == "p1:0:payday:prompt:round_up:0" and second == "p1:0:payday:option:save:0"
    assert ctrl.answer_deposit(first, True) and ctrl.answer_deposit(second, False)
    assert not ctrl.answer_deposit(second, True)  # answered: not pending any more
    assert eng.saved == {"trip": 5_000} and eng.pending == {"trip": 0}
    tick_until(ctrl, choice_in(ctrl, "save_path"))
    assert ctrl.back()
    tick_until(ctrl, choice_in(ctrl, "payday"))
    assert ctrl.choose("save")  # asked again: the studio answers as before, as a recorded input
    assert ctrl.inputs[-1] == {
        "at": eng.clock, "action": "deposit_result", "deposit_id": second, "ok": False, "reason": "refused",
    }  # fmt: skip
    assert [m.kind for m in ctrl.wallet.moves] == ["waiting", "waiting", "saved", "refused", "repeat"]
    tick_until(ctrl, lambda: eng.ended)
    assert ctrl.trace_args()["wallet"] == "none" and reproduces(ctrl)


def test_wallet_setting_is_checked() -> None:
    assert WalletSetting("balance", 0).spec() == {"balance": 0}
    assert WalletSetting("hand").spec() == "none" and WalletSetting().spec() == "accept"
    with pytest.raises(ValueError, match="unknown wallet mode 'x'"):
        WalletSetting("x")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="minor units >= 0"):
        WalletSetting("balance", -1)
