"""The playthrough controller: engine-driven playthroughs, recorded inputs, video sync.

Fast tests drive the clock by hand (``tick(ms)``) with a FakePlayer; the
real-time test plays both sample dramas with libVLC (speed 4x).  Every
scripted playthrough must give exactly ``run_trace`` of its recorded inputs.
"""

from __future__ import annotations

import os
import random
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from studio.app.document import Document
from studio.app.play_wallet import WalletSetting
from studio.app.playback.player import FakePlayer, PlayerState, frame_index, last_frame_ms
from studio.app.playthrough import PlaythroughController
from studio.engine import run_trace
from studio.model import Project
from tests.support import SAMPLES, require
from tests.ui.playthrough.script import PLANS, Step, Viewer

pytestmark = pytest.mark.gui


@pytest.fixture(params=["savings", "shoppable"])
def sample(request: pytest.FixtureRequest) -> str:
    return str(request.param)


def open_doc(name: str) -> Document:
    doc = Document()
    doc.open(SAMPLES / name, read_only=True)
    return doc


@pytest.fixture
def make(qapp: Any) -> Iterator[Any]:
    """Build controllers (FakePlayer unless given); shut them down after the test."""
    made: list[tuple[PlaythroughController, Document]] = []

    def build(name: str, player: Any = "fake", **kw: Any) -> PlaythroughController:
        doc = open_doc(name)
        fake = FakePlayer(duration=6000, fps=24.0) if player == "fake" else player
        ctrl = PlaythroughController(doc, fake, auto_tick=kw.pop("auto_tick", False), **kw)
        made.append((ctrl, doc))
        return ctrl

    yield build
    for ctrl, doc in made:
        ctrl.shutdown()
        doc.close()


def act_on(ctrl: PlaythroughController) -> Any:
    def act(step: Step) -> bool:
        if step.action == "choose":
            return ctrl.choose(step.arg or "")
        if step.action == "click_product":
            return ctrl.click_product(step.arg or "")
        return bool(getattr(ctrl, step.action)())

    return act


def answer_waiting(ctrl: PlaythroughController) -> None:
    """Like the trace runner's defaults, but as recorded viewer inputs."""
    eng = ctrl.engine
    assert eng is not None
    if eng.pausing_prompt_open:
        assert ctrl.decline_prompt()
        return
    choice = eng.open_choice
    assert choice is not None
    default = next((o for o in choice.options if o.default), choice.options[0])
    assert ctrl.choose(default.id)


def play_by_hand(ctrl: PlaythroughController, viewer: Viewer, seed: int, max_ms: int = 600_000) -> None:
    """Tick with random step sizes (the FakePlayer follows the same wall time)."""
    rng = random.Random(seed)
    eng = ctrl.engine
    assert eng is not None
    fake = ctrl.player
    waited = 0
    while not eng.ended and eng.clock < max_ms:
        step = rng.randint(1, 40)
        ctrl.tick(step)
        if isinstance(fake, FakePlayer):
            fake.advance(step)
        viewer.poll(eng.clock)
        waited = waited + step if eng.waiting and viewer.due is None else 0
        if waited > 1500:
            answer_waiting(ctrl)
            waited = 0


def replay(ctrl: PlaythroughController) -> list[dict[str, Any]]:
    """The trace runner's events for what the controller recorded (same wallet, same ids)."""
    assert ctrl.project is not None
    return run_trace(ctrl.project, **ctrl.trace_args())


@pytest.mark.parametrize(
    ("timers", "wallet"),
    [("normal", WalletSetting()), ("x2", WalletSetting("refuse")), ("off", WalletSetting("balance", 6000))],
)
def test_scripted_playthrough_equals_run_trace(
    make: Any, sample: str, timers: Any, wallet: WalletSetting
) -> None:
    ctrl = make(sample)
    ctrl.set_timers(timers)
    ctrl.set_wallet(wallet)
    viewer = Viewer(PLANS[sample], act_on(ctrl))
    ctrl.event_emitted.connect(viewer.on_event)
    assert ctrl.start()
    play_by_hand(ctrl, viewer, seed=len(sample) + len(timers))
    assert viewer.done and not viewer.refused, (viewer.index, viewer.refused)
    assert ctrl.log[-1]["type"] == "ending_reached"
    assert {"went_back", "choice_made"} <= {e["type"] for e in ctrl.log}
    assert ctrl.trace_args()["wallet"] == wallet.spec()
    assert ctrl.log == replay(ctrl)


def test_video_follows_the_engine(make: Any) -> None:
    ctrl = make("savings")
    fake = ctrl.player
    assert isinstance(fake, FakePlayer)
    viewer = Viewer(PLANS["savings"], act_on(ctrl))
    ctrl.event_emitted.connect(viewer.on_event)
    loads: list[str] = []
    ctrl.event_emitted.connect(lambda e: loads.append(e["media"]) if e["type"] == "scene_started" else None)
    assert ctrl.start()
    eng = ctrl.engine
    checked_paused = checked_playing = 0
    while not eng.ended:
        ctrl.tick(10)
        fake.advance(10)
        viewer.poll(eng.clock)
        if fake.state is PlayerState.LOADING:
            continue
        last = last_frame_ms(fake.out_ms, fake.fps)
        target = min(eng.t, last)
        if eng.paused:
            assert fake.state is PlayerState.PAUSED
            assert frame_index(fake.position_ms(), 24.0) == frame_index(target, 24.0)
            checked_paused += 1
        else:
            assert abs(fake.position_ms() - target) <= 2 * 1000 / 24 + 16
            checked_playing += 1
    assert checked_paused > 10 and checked_playing > 100
    loaded = [Path(str(args[0])).stem for name, args in fake.calls if name == "load"]
    # Every scene started loads its clip (went_back to another scene loads it again).
    assert set(loads) <= set(loaded)
    assert loaded[0] == "payday" and loaded[-1] == ctrl.scene(eng.scene_id).media


def test_speed_scales_engine_time_with_carry(make: Any) -> None:
    ctrl = make("savings", speed=1.5)
    assert ctrl.start()
    for _ in range(3):
        ctrl.tick(1)
    assert ctrl.engine.clock == 4  # 4.5 ms of engine time, the half carried
    ctrl.tick(1)
    assert ctrl.engine.clock == 6
    assert ("set_rate", (1.5,)) in ctrl.player.calls


def test_refused_input_is_reported_and_not_recorded(make: Any) -> None:
    ctrl = make("savings")
    notes: list[str] = []
    ctrl.message.connect(notes.append)
    assert ctrl.start()
    assert not ctrl.choose("save")
    assert not ctrl.back()
    assert ctrl.inputs == []
    assert notes == ["cannot choose 'save': no choice is open", "cannot go back: no earlier decision"]


def test_edits_during_play_do_not_disturb_it(make: Any) -> None:
    ctrl = make("savings")
    assert ctrl.start()
    doc_project: Project = ctrl._document.project
    doc_project.scenes[0].choice.options[0].label = "Edited while playing"  # type: ignore[union-attr]
    doc_project.scenes[0].prompts.clear()
    ctrl.tick(2000)
    assert [e["type"] for e in ctrl.log][-1] == "prompt_shown"
    choice_labels = [o.label for o in ctrl.project.scenes[0].choice.options]
    assert "Edited while playing" not in choice_labels


def test_play_from_here_with_variables(make: Any) -> None:
    ctrl = make("savings")
    notes: list[str] = []
    ctrl.message.connect(notes.append)
    assert ctrl.start("month_end", {"splurged": True})
    ctrl.tick(2600)
    choice = ctrl.engine.open_choice
    assert [o.id for o in choice.options] == ["keep_saving", "party"]
    assert ctrl.choose("party")
    ctrl.tick(7000)
    assert ctrl.last_ending is not None and ctrl.last_ending["kind"] == "bad"
    assert ctrl.log == replay(ctrl)
    assert not ctrl.start("month_end", {"splurged": 3})
    assert notes[-1] == "Cannot play: variable 'splurged' is bool, got int 3"


def test_user_pause_stops_the_clock_and_video(make: Any) -> None:
    ctrl = make("savings")
    assert ctrl.start()
    ctrl.tick(500)
    ctrl.player.advance(500)
    assert ctrl.player.state is PlayerState.PLAYING
    ctrl.set_paused(True)
    ctrl.tick(500)
    assert ctrl.engine.clock == 500 and not ctrl.running
    assert ctrl.player.state is PlayerState.PAUSED
    ctrl.set_paused(False)
    ctrl.tick(100)
    assert ctrl.engine.clock == 600 and ctrl.player.state is PlayerState.PLAYING


def test_back_after_the_ending_resumes(make: Any) -> None:
    ctrl = make("shoppable")
    assert ctrl.start("date_night")
    ctrl.tick(20_000)
    assert ctrl.engine.ended and not ctrl.running
    assert ctrl.back()
    assert ctrl.running and ctrl.engine.scene_id == "date_night"
    assert ctrl.log[-1]["type"] == "choice_shown"
    ctrl.tick(20_000)
    assert ctrl.log == replay(ctrl)


def test_countdown(make: Any) -> None:
    ctrl = make("savings")
    ctrl.set_timers("x2")
    assert ctrl.start("month_end")
    ctrl.tick(2500)
    assert ctrl.countdown() == (5000, 5000)
    ctrl.tick(2500)  # the clip reaches decision_ms; the window runs on
    assert ctrl.engine.paused and ctrl.countdown() == (2500, 5000)
    ctrl.set_timers("off")
    assert ctrl.start("month_end")
    ctrl.tick(6000)
    assert ctrl.engine.waiting and ctrl.countdown() is None


class LaggyFake(FakePlayer):
    """A FakePlayer whose play/seek-while-playing take effect ``latency`` ms late (like libVLC)."""

    def __init__(self, latency: int) -> None:
        super().__init__()
        self.latency = latency
        self.lag_left = 0

    def play(self) -> None:
        super().play()
        self.lag_left = self.latency

    def seek_ms(self, ms: int) -> None:
        super().seek_ms(ms)
        if self.state is PlayerState.PLAYING:
            self.lag_left = self.latency

    def advance(self, ms: int) -> None:
        used = min(ms, self.lag_left)
        self.lag_left -= used
        super().advance(ms - used)


def test_seeks_aim_ahead_by_the_learnt_latency(make: Any) -> None:
    player = LaggyFake(latency=180)
    ctrl = make("shoppable", player=player)
    assert ctrl.start()
    eng = ctrl.engine
    drifts: dict[str, list[int]] = {}
    while not eng.ended:
        ctrl.tick(10)
        player.advance(10)
        if player.state is PlayerState.PLAYING and not eng.paused:
            drifts.setdefault(eng.scene_id, []).append(player.position_ms() - eng.t)
    seeks = [c for c in player.calls if c[0] == "seek_ms"]
    # Without a lead every scene would lag 180 ms and re-seek forever; with it, the
    # last scenes play in step after the first switches taught the latency.
    assert 135 <= ctrl._lead_ms <= 225  # 180 ms, give or take a frame (41.7 ms)
    assert len(seeks) <= 12
    for scene in ("date_night", "ending_glow"):
        steady = drifts[scene][60:]  # after the command's check window
        assert steady and max(abs(d) for d in steady) <= 2 * 1000 / 24 + 10, (scene, steady[:5])


class PreloadingFake(FakePlayer):
    def __init__(self) -> None:
        super().__init__()
        self.preloads: list[str] = []

    def preload(self, path: str, in_ms: int, out_ms: int | None, fps: float | None) -> None:
        self.preloads.append(Path(path).stem)


def test_next_scenes_are_preloaded(make: Any) -> None:
    player = PreloadingFake()
    ctrl = make("savings", player=player)
    assert ctrl.start()
    assert player.preloads == ["save_path", "spend_path"]
    ctrl.tick(1600)
    assert ctrl.accept_prompt()
    ctrl.tick(1600)
    assert ctrl.choose("spend")
    assert player.preloads[2:] == ["save_path", "temptation"]


class SlowOpening(FakePlayer):
    """A player whose clips open only when the test says so (a slow disk or a first decode)."""

    def __init__(self) -> None:
        super().__init__(duration=6000, fps=24.0)
        self.pending: tuple[str, int, int | None, float | None] | None = None
        self.opened = self.pending

    def load(self, path: str, in_ms: int = 0, out_ms: int | None = None, fps: float | None = None) -> None:
        self.pending = (path, in_ms, out_ms, fps)
        self._path = path
        self._set_state(PlayerState.LOADING)

    def open_now(self) -> None:
        assert self.pending is not None
        self.opened, self.pending = self.pending, None
        FakePlayer.load(self, *self.opened)


def test_story_waits_while_a_clip_opens(make: Any) -> None:
    player = SlowOpening()
    ctrl = make("savings", player=player)
    assert ctrl.start() and player.state is PlayerState.LOADING
    ctrl.tick(1000)
    assert ctrl.engine.clock == 0  # the first scene is not played without its picture
    player.open_now()
    ctrl.tick(400)
    assert ctrl.engine.clock == 400 and player.state is PlayerState.PLAYING
    # A clip that never opens holds the story 3 s at most, then the story goes on without it.
    assert player.opened is not None
    player.load(*player.opened)
    ctrl.tick(2000)
    ctrl.tick(1000)
    assert ctrl.engine.clock == 400
    ctrl.tick(250)
    assert ctrl.engine.clock == 650


def test_untitled_project_plays_without_video(qapp: Any) -> None:
    from studio.model import load

    doc = Document(load(SAMPLES / "savings").project)
    fake = FakePlayer()
    ctrl = PlaythroughController(doc, fake, auto_tick=False)
    notes: list[str] = []
    ctrl.message.connect(notes.append)
    assert ctrl.start()
    ctrl.tick(1600)
    assert notes == ["Save the project to see its video in the playthrough."]
    assert ctrl.engine.pausing_prompt_open and not [c for c in fake.calls if c[0] == "load"]
    ctrl.shutdown()


# -- real libVLC, real time -------------------------------------------------------------
@pytest.mark.vlc
@pytest.mark.slow
def test_real_time_playthrough_with_libvlc(make: Any, sample: str, qtbot: QtBot) -> None:
    from studio.app.playback.vlc_player import VlcPlayer, vlc_problem

    problem = vlc_problem()
    if problem and os.environ.get("CI") == "true":
        pytest.fail(problem)
    require(problem is None, "libVLC")
    player = VlcPlayer(audio=False)
    ctrl = make(sample, player=player, speed=4.0, auto_tick=True)
    viewer = Viewer(PLANS[sample], act_on(ctrl))
    ctrl.event_emitted.connect(viewer.on_event)
    frames: dict[str, int] = {}  # frames shown per clip

    def on_frame(_image: object) -> None:
        stem = Path(player.path).stem
        frames[stem] = frames.get(stem, 0) + 1

    player.frame_ready.connect(on_frame)
    ctrl.ticked.connect(lambda: viewer.poll(ctrl.engine.clock))
    assert ctrl.start()
    qtbot.waitUntil(lambda: ctrl.engine.ended, timeout=90_000)
    assert viewer.done and not viewer.refused, (viewer.index, viewer.refused)
    assert ctrl.log == replay(ctrl)
    # libVLC showed frames of every scene on the final path (each played for seconds).
    clips = {ctrl.scene(sid).media for sid in ctrl.engine.path}
    assert clips <= {stem for stem, n in frames.items() if n >= 3}, (clips, frames)
