"""Steering a playthrough to an unwatched branch (review's "Play next unwatched branch").

The real engine on the savings sample, with a FakePlayer for the video: the route is
found by simulating the engine (option conditions honoured), played at once with the
timers off, and the story stops waiting at the branch's decision; the recorded inputs
reproduce the log with ``run_trace``.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from studio.app.document import Document
from studio.app.play_wallet import WalletSetting
from studio.app.playback.player import FakePlayer
from studio.app.playthrough import PlaythroughController
from studio.app.playthrough_steer import distances, plan, steer
from studio.engine import run_trace
from studio.model import load
from tests.support import SAMPLES

pytestmark = pytest.mark.gui


@pytest.fixture
def controller(qtbot: QtBot) -> Iterator[PlaythroughController]:
    doc = Document()
    doc.open(SAMPLES / "savings", read_only=True)
    player = FakePlayer()
    ctrl = PlaythroughController(doc, player, auto_tick=False)
    yield ctrl
    ctrl.shutdown()
    doc.close()


def reproduces(ctrl: PlaythroughController) -> bool:
    """run_trace with the recorded inputs gives the log (then plays on with defaults)."""
    trace = run_trace(ctrl.document.project, **ctrl.trace_args())
    return trace[: len(ctrl.log)] == ctrl.log


def test_distances_follow_options_backwards() -> None:
    project = load(SAMPLES / "savings").project
    near = distances(project, "month_end")
    assert near["month_end"] == 0 and near["save_path"] == 1 and near["payday"] == 2
    assert "ending_dream" not in near  # nothing leads from an ending back


def test_plan_honours_option_conditions() -> None:
    project = load(SAMPLES / "savings").project
    # "Book the trip" needs saved.trip >= 750: only accepting the round-up prompt gets there
    assert plan(project, "month_end", "book") == [
        ("accept_prompt", None),
        ("choose", "save"),
        ("choose", "save_more"),
    ]
    # "Borrow for a party" needs splurged: through the phone and the temptation
    assert plan(project, "month_end", "party") == [
        ("decline_prompt", None),
        ("choose", "spend"),
        ("choose", "keep_it"),
        ("choose", "give_in"),
    ]
    # a wallet refusing every deposit never reaches the saved total
    assert plan(project, "month_end", "book", WalletSetting("refuse")) is None


def test_steer_stops_waiting_at_the_branch_with_timers_off(controller: PlaythroughController) -> None:
    ctrl = controller
    ctrl.set_timers("normal")
    result = steer(ctrl, "month_end", "book", watched=None)
    assert (result.how, result.scene, result.option, result.decisions) == ("decision", "month_end", "book", 3)
    eng = ctrl.engine
    assert eng is not None and eng.scene_id == "month_end"
    assert eng.timers == "off" and ctrl.start_timers == "off" and ctrl.timers == "normal"
    assert eng.waiting and eng.pause_reason == "timers_off"  # it waits for the reviewer
    assert eng.open_choice is not None and "book" in [o.id for o in eng.open_choice.options]
    assert [i["action"] for i in ctrl.inputs] == ["accept_prompt", "choose", "choose"]
    assert reproduces(ctrl)
    # the video caught up once, on the branch's scene, holding the decision frame
    player = ctrl.player
    assert isinstance(player, FakePlayer)
    loads = [args for name, args in player.calls if name == "load"]
    media = ctrl.document.project.media_map()[ctrl.document.project.scene_map()["month_end"].media or ""]
    assert len(loads) == 1 and str(loads[0][0]).endswith(media.path)
    ctrl.tick(60_000)  # waiting: no countdown runs out
    assert ctrl.engine is eng and eng.scene_id == "month_end" and eng.open_choice is not None
    assert ctrl.choose("book")
    assert eng.scene_id == "ending_dream"


def test_steer_stops_at_the_first_unwatched_scene_on_the_way(controller: PlaythroughController) -> None:
    result = steer(controller, "month_end", "party", watched={"payday", "spend_path"})
    assert (result.how, result.scene, result.decisions) == ("unwatched", "temptation", 3)
    eng = controller.engine
    assert eng is not None and eng.scene_id == "temptation" and eng.t == 0
    assert not controller.running  # paused on its first frame
    assert reproduces(controller)


def test_steer_to_a_scene_nothing_reaches_plays_it_paused(controller: PlaythroughController) -> None:
    result = steer(controller, "temptation", None)
    assert result.how == "scene"
    assert controller.start_scene == "temptation" and not controller.running
    assert controller.engine is not None and controller.engine.timers == "off"


def test_steer_without_a_route_plays_from_the_branch_scene(controller: PlaythroughController) -> None:
    controller.set_wallet(WalletSetting("refuse"))
    result = steer(controller, "month_end", "book", tries=50)
    # no route shows "book" (no deposit is ever confirmed): from month_end, where it is hidden too
    assert result.how == "failed" and "condition" in result.reason
    assert steer(controller, "nowhere", "x").how == "failed"
