"""Play story through storyboard placeholder scenes: the story runs on the engine clock over each
card's planned duration (no video to wait for), the video pauses on a card and loads again on a
scene with a clip; automatic continuations (Scene.next) and choices both lead on; the recorded
inputs reproduce the log."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from studio.app.document import Document
from studio.app.playback.player import FakePlayer, PlayerState
from studio.app.playthrough import PlaythroughController
from studio.engine import run_trace
from studio.model.io import load
from studio.model.ops import PROJECT, AddItem
from studio.model.ops.clip import GiveClip
from studio.templates import build
from tests.support import SAMPLES

pytestmark = pytest.mark.gui


@pytest.fixture
def played(qapp: Any) -> Iterator[tuple[PlaythroughController, FakePlayer, Document]]:
    """The savings storyboard (placeholder scenes); 'Spending it' has been given its 6 s clip."""
    project = build("savings", "Storyboard")
    for asset in load(SAMPLES / "savings").project.media:
        AddItem(PROJECT.media, asset).apply(project)
    GiveClip("spending_it", "spend_path").apply(project)
    doc = Document()
    doc.set_project(project, Path(SAMPLES / "savings") / "drama.json")
    fake = FakePlayer(duration=6000, fps=24.0)
    ctrl = PlaythroughController(doc, fake, auto_tick=False)
    yield ctrl, fake, doc
    ctrl.shutdown()
    doc.close()


def run_until(ctrl: PlaythroughController, done: Any, step: int = 100, limit: int = 60_000) -> int:
    spent = 0
    while not done():
        assert spent < limit, f"not reached after {spent} ms"
        ctrl.tick(step)
        spent += step
    return spent


def types(ctrl: PlaythroughController) -> list[str]:
    return [e["type"] for e in ctrl.log]


def test_placeholder_scenes_play_on_the_engine_clock(
    played: tuple[PlaythroughController, FakePlayer, Document],
) -> None:
    ctrl, fake, _doc = played
    assert ctrl.start()
    eng = ctrl.engine
    assert eng is not None
    shown = ctrl.placeholder()
    assert shown is not None and shown[0].id == "payday" and shown[1] == 0
    started = next(e for e in ctrl.log if e["type"] == "scene_started")
    assert started["scene"] == "payday" and started["media"] is None
    assert not [c for c in fake.calls if c[0] == "load"]  # no clip to open: nothing waits for one
    ctrl.tick(1000)
    assert eng.t == 1000 and ctrl.placeholder() == (shown[0], 1000)  # the card's clock is the engine's
    # the prompt at 2.5 s holds the story (pause) as on a clip
    run_until(ctrl, lambda: eng.pausing_prompt_open)
    assert eng.t == 2500
    assert ctrl.decline_prompt()
    run_until(ctrl, lambda: eng.open_choice is not None)
    assert eng.t == 6000
    assert ctrl.choose("spend")  # -> a scene with a clip: the video loads it
    assert ctrl.placeholder() is None and eng.scene_id == "spending_it"
    loads = [args for name, args in fake.calls if name == "load"]
    assert loads[-1][0].endswith("spend_path.mp4")
    fake.advance(0)
    # the clip ends and the scene continues automatically to 'Month end', a card again
    run_until(ctrl, lambda: eng.scene_id == "month_end")
    assert ctrl.placeholder() is not None
    assert fake.state is not PlayerState.PLAYING  # the video stops under the card
    starts = [i for i, e in enumerate(ctrl.log) if e["type"] == "scene_started"]
    assert [ctrl.log[i]["scene"] for i in starts] == ["payday", "spending_it", "month_end"]
    assert "choice_shown" not in types(ctrl)[starts[1]:starts[2]]  # continued with no choice
    run_until(ctrl, lambda: eng.open_choice is not None)
    assert ctrl.choose("keep_going")
    run_until(ctrl, lambda: eng.ended)
    assert eng.scene_id == "ending_later" and ctrl.last_ending is not None
    assert run_trace(ctrl.project, **ctrl.trace_args()) == ctrl.log


def test_a_saved_path_through_cards_only(played: tuple[PlaythroughController, FakePlayer, Document]) -> None:
    ctrl, fake, _doc = played
    assert ctrl.start()
    eng = ctrl.engine
    assert eng is not None
    run_until(ctrl, lambda: eng.pausing_prompt_open)
    assert ctrl.accept_prompt()
    run_until(ctrl, lambda: eng.open_choice is not None)
    assert ctrl.choose("save")
    spent = run_until(ctrl, lambda: eng.scene_id == "month_end")
    assert 7_900 <= spent <= 8_100  # 'Saving it' is an 8 s card, then continues by itself
    run_until(ctrl, lambda: eng.ended)
    last = [s for s in ctrl.log if s["type"] == "scene_started"][-1]
    assert last["scene"] in ("ending_trip", "ending_later")
    assert not [c for c in fake.calls if c[0] == "load"]
    assert run_trace(ctrl.project, **ctrl.trace_args()) == ctrl.log
