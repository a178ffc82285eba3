"""Story playthrough in the studio: the engine is the master clock, the video follows.

:class:`PlaythroughController` (a widget-free QObject) plays the open project:

* **Engine.**  ``start`` builds a new :class:`~studio.engine.Engine` from a deep
  copy of ``document.project`` (edits made during play do not disturb it; the
  next start picks them up) with the timers setting (``normal``/``x2``/``x10``/
  ``off``, WCAG 2.2.1).
* **Clock.**  A precise QTimer ticks every ~16 ms; each tick measures the
  monotonic time since the last one (QElapsedTimer, nanoseconds) and calls
  ``engine.advance(ms)`` with whole milliseconds, carrying the remainder.
  ``speed`` scales engine time (tests use 4x; the video then plays at rate 4).
  ``tick(elapsed_ms)`` does the same with a given elapsed time (tests).
* **Video.**  After every advance or input, the player (any
  :class:`~studio.media.player.PlayerBackend`) is synced: another clip/trim ->
  ``load``; engine paused -> ``pause`` and show the exact frame of ``t``;
  playing -> ``play``; drift between ``t`` and the video beyond ~2 frames ->
  ``seek_ms``.  A seek or resume of a real player takes effect some time
  later, so seeks while the story plays aim *ahead* by a learnt lead: each is
  followed, :data:`CHECK_AFTER_MS` later, by a drift measurement that adjusts
  the lead (and no other seek happens before it).  A player with a
  ``preload(path, in_ms, out_ms, fps)`` method (a pre-rolling switching player)
  is told the clips of ``engine.next_scene_candidates()``.  The video
  never drives the story: a slow or missing clip only shows late.  While the
  viewer pauses (``set_paused``) the clock stops and the video holds its frame.
* **Record.**  Every engine event is emitted as its contract JSON dict
  (``event_emitted`` is a Signal(object): a ``dict`` signal would become a
  QVariantMap and lose the contract's key order) and appended to ``log``;
  every viewer input is recorded in ``inputs`` (the runner's input JSON) with
  the engine clock at which it was applied.  As the engine is
  step-size independent, ``run_trace(project, start_scene, start_variables,
  timers, inputs)`` reproduces ``log`` exactly (the tests check this).
"""

from __future__ import annotations

from collections.abc import Mapping
from fractions import Fraction
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from PySide6.QtCore import QElapsedTimer, QObject, Qt, QTimer, Signal

from studio.engine import Engine, EngineError, Event, Input, InputError, Timers
from studio.engine.runner import apply_input
from studio.media.player import PlayerBackend, PlayerState, frame_index, last_frame_ms
from studio.model import (
    MediaAsset,
    Product,
    ProductTag,
    Project,
    SavingsGoal,
    SavingsPrompt,
    Scene,
)

if TYPE_CHECKING:
    from studio.app.document import Document

Value = int | bool | str
TIMER_SETTINGS: tuple[Timers, ...] = ("normal", "x2", "x10", "off")
TICK_MS = 16
CHECK_AFTER_MS = 500  # wall time from a seek/resume to its drift measurement
MAX_LEAD_MS = 600  # the learnt command latency (wall ms) stays within [0, this]
TOLERANCE_FRAMES = 2
NS_PER_MS = 1_000_000
Action = Literal["choose", "accept_prompt", "decline_prompt", "click_product", "back"]


class PlaythroughController(QObject):
    """Plays the document's project with an engine and keeps a player in step."""

    event_emitted = Signal(object)  # one engine event: its contract JSON dict (key order kept)
    state_changed = Signal()  # after a start, an input or an advance that emitted events
    ticked = Signal()  # the clock moved (countdowns)
    running_changed = Signal(bool)  # the clock runs (not stopped, not paused by the user)
    message = Signal(str)  # one-line note: refused start/input, player error

    def __init__(
        self,
        document: Document,
        player: PlayerBackend | None = None,
        *,
        speed: float = 1.0,
        tick_ms: int = TICK_MS,
        auto_tick: bool = True,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        if speed <= 0:
            raise ValueError(f"speed must be positive, got {speed}")
        self._document = document
        self._player: PlayerBackend | None = None
        self._speed = Fraction(speed).limit_denominator(1000)
        self._tick_ms = tick_ms
        self._auto_tick = auto_tick
        self._running = False
        self.timers: Timers = "normal"
        self._engine: Engine | None = None
        self._project: Project | None = None
        self._folder: Path | None = None
        self._scenes: dict[str, Scene] = {}
        self._media: dict[str, MediaAsset] = {}
        self.start_scene: str | None = None
        self.start_variables: dict[str, Value] = {}
        self.log: list[dict[str, Any]] = []
        self.inputs: list[dict[str, Any]] = []
        self.last_ending: dict[str, Any] | None = None
        self._wall_ns = 0  # wall time counted while running (scaled by speed into the engine)
        self._advanced_ms = 0
        self._elapsed = QElapsedTimer()
        self._last_ns = 0
        self._loaded: tuple[str, int, int | None] | None = None
        self._preloaded: tuple[str, ...] = ()
        self._lead_ms = 0.0  # learnt latency of a seek/resume command (wall ms)
        self._check: tuple[int, bool] | None = None  # (wall ms, after a seek) of the next drift check
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(tick_ms)
        self._timer.timeout.connect(self.tick)
        self.set_player(player)

    # -- configuration -----------------------------------------------------------------
    @property
    def player(self) -> PlayerBackend | None:
        return self._player

    def set_player(self, player: PlayerBackend | None) -> None:
        """Use ``player`` for the video (None: play the story without video)."""
        if self._player is not None:
            self._player.error.disconnect(self.message)
        self._player = player
        self._loaded = None
        self._preloaded = ()
        if player is not None:
            player.error.connect(self.message)

    @property
    def speed(self) -> float:
        return float(self._speed)

    def set_timers(self, timers: Timers) -> None:
        """Timers setting for the next start (the running engine keeps its own)."""
        if timers not in TIMER_SETTINGS:
            raise ValueError(f"unknown timers setting '{timers}'")
        self.timers = timers

    # -- state -------------------------------------------------------------------------
    @property
    def engine(self) -> Engine | None:
        """The running engine (read its state; drive it only through this controller)."""
        return self._engine

    @property
    def project(self) -> Project | None:
        """The copy of the project being played."""
        return self._project

    @property
    def running(self) -> bool:
        """The clock runs: started, not ended, not paused by the viewer."""
        return self._running

    @property
    def active(self) -> bool:
        """A playthrough exists (started, possibly ended or paused)."""
        return self._engine is not None

    def scene(self, scene_id: str | None = None) -> Scene | None:
        sid = scene_id if scene_id is not None else (self._engine.scene_id if self._engine else None)
        return self._scenes.get(sid) if sid is not None else None

    def open_prompt_items(self) -> list[SavingsPrompt]:
        """Open savings prompts of the current scene, oldest first."""
        scene, eng = self.scene(), self._engine
        if scene is None or eng is None:
            return []
        by_id = {p.id: p for p in scene.prompts}
        return [by_id[i] for i in eng.open_prompts if i in by_id]

    def shown_tag_items(self) -> list[ProductTag]:
        scene, eng = self.scene(), self._engine
        if scene is None or eng is None:
            return []
        shown = set(eng.shown_tags)
        return [t for t in scene.tags if t.id in shown]

    def countdown(self) -> tuple[int, int] | None:
        """(remaining, total) ms of the open choice's timer; None when no timer runs."""
        eng = self._engine
        choice = eng.open_choice if eng is not None else None
        if eng is None or choice is None or choice.timeout_ms is None:
            return None
        if choice.paused in ("pause", "timers_off"):
            return None
        if eng.timers == "normal":
            remaining = choice.deadline_ms - eng.t
        else:  # extended: the window runs on the clock, past the pause at decision_ms
            remaining = choice.shown_clock + choice.timeout_ms - eng.clock
        return max(0, min(remaining, choice.timeout_ms)), choice.timeout_ms

    def goal(self, goal_id: str) -> SavingsGoal | None:
        return self._project.goal_map().get(goal_id) if self._project else None

    def product(self, product_id: str) -> Product | None:
        return self._project.product_map().get(product_id) if self._project else None

    def currency(self) -> str:
        return self._project.currency if self._project else self._document.project.currency

    # -- driving -----------------------------------------------------------------------
    def start(self, from_scene: str | None = None, variables: Mapping[str, Value] | None = None) -> bool:
        """Start a new playthrough (from the project start or ``from_scene``); False if refused."""
        self.stop()
        project = self._document.project.model_copy(deep=True)
        try:
            engine = Engine(project, self.timers)
            events = engine.start(from_scene, dict(variables or {}))
        except (EngineError, KeyError, ValueError) as exc:
            self.message.emit(f"Cannot play: {exc}")
            return False
        self._engine, self._project = engine, project
        self._folder = self._document.folder
        self._scenes = project.scene_map()
        self._media = project.media_map()
        self.start_scene = from_scene
        self.start_variables = dict(variables or {})
        self.log, self.inputs, self.last_ending = [], [], None
        self._wall_ns = self._advanced_ms = 0
        self._loaded, self._preloaded, self._check = None, (), None
        if self._player is not None and self._folder is None:
            self.message.emit("Save the project to see its video in the playthrough.")
        self._resume_clock()
        self._publish(events)
        return True

    def stop(self) -> None:
        """Stop the clock; the video pauses on the engine's frame and the state stays readable."""
        self._pause_clock()
        self._sync()

    def set_paused(self, paused: bool) -> None:
        """The viewer pauses/resumes the whole playthrough (the engine clock stops)."""
        if self._engine is None or self._engine.ended:
            return
        if paused:
            self.stop()
        else:
            self._resume_clock()
            self._sync()

    def tick(self, elapsed_ms: int | None = None) -> None:
        """Advance the engine by the wall time since the last tick (or ``elapsed_ms``)."""
        eng = self._engine
        if eng is None or not self._running:
            return
        if elapsed_ms is None:
            now = self._elapsed.nsecsElapsed()
            self._wall_ns += max(0, now - self._last_ns)
            self._last_ns = now
        else:
            self._wall_ns += max(0, int(elapsed_ms)) * NS_PER_MS
        target = int(self._wall_ns * self._speed.numerator // (self._speed.denominator * NS_PER_MS))
        step, self._advanced_ms = target - self._advanced_ms, target
        if step <= 0 or eng.ended:
            return
        try:
            events = eng.advance(step)
        except EngineError as exc:
            self.stop()
            self.message.emit(f"Playthrough stopped: {exc}")
            return
        if events:
            self._publish(events)
        else:
            self._sync()
        self.ticked.emit()

    # -- viewer inputs (recorded with the engine clock) --------------------------------
    def choose(self, option_id: str) -> bool:
        return self._input("choose", option_id)

    def accept_prompt(self) -> bool:
        return self._input("accept_prompt")

    def decline_prompt(self) -> bool:
        return self._input("decline_prompt")

    def click_product(self, tag_id: str) -> bool:
        return self._input("click_product", tag_id)

    def back(self) -> bool:
        return self._input("back")

    def _input(self, action: Action, arg: str | None = None) -> bool:
        eng = self._engine
        if eng is None:
            return False
        record = Input(eng.clock, action, arg)
        try:
            events = apply_input(eng, record)
        except InputError as exc:
            self.message.emit(str(exc))
            return False
        self.inputs.append(record.to_json())
        if action == "back":
            self._resume_clock()  # playback continues after an ending too
        self._publish(events)
        return True

    # -- internals ---------------------------------------------------------------------
    def _publish(self, events: list[Event]) -> None:
        for event in events:
            obj = event.to_json()
            self.log.append(obj)
            if obj["type"] == "ending_reached":
                self.last_ending = obj
            elif obj["type"] in ("went_back", "scene_started"):
                self.last_ending = None
            self.event_emitted.emit(obj)
        if self._engine is not None and self._engine.ended:
            self._pause_clock()
        self._sync()
        self.state_changed.emit()

    def _resume_clock(self) -> None:
        if self._running:
            return
        self._running = True
        self._elapsed.start()
        self._last_ns = 0
        if self._auto_tick:
            self._timer.start()
        self.running_changed.emit(True)

    def _pause_clock(self) -> None:
        if not self._running:
            return
        self._running = False
        self._timer.stop()
        self.running_changed.emit(False)

    def _clip_of(self, scene_id: str) -> tuple[str, int, int | None, float] | None:
        scene = self._scenes.get(scene_id)
        asset = self._media.get(scene.media) if scene else None
        if scene is None or asset is None or self._folder is None:
            return None
        return str(self._folder / asset.path), scene.in_ms, scene.out_ms, asset.fps

    def _sync(self) -> None:
        """Bring the video in step with the engine (see the module docstring)."""
        player, eng = self._player, self._engine
        if player is None or eng is None or eng.scene_id is None:
            return
        clip = self._clip_of(eng.scene_id)
        if clip is None:
            return
        key = clip[:3]
        if key != self._loaded:
            self._loaded = key
            player.load(clip[0], clip[1], clip[2], clip[3])
            if self._speed != 1:
                player.set_rate(float(self._speed))
        self._preload()
        state = player.state
        if state not in (PlayerState.PAUSED, PlayerState.PLAYING):
            return  # loading (the next tick syncs), error or unloaded
        fps = player.fps or clip[3]
        frame_ms = 1000.0 / fps
        last = last_frame_ms(player.out_ms, fps) if player.out_ms > 0 else eng.t
        target = min(eng.t, last)
        pos = player.position_ms()
        if eng.paused or eng.ended or not self._running:  # held by the story or the viewer
            if state is PlayerState.PLAYING:
                player.pause()
            if frame_index(pos, fps) != frame_index(target, fps):
                player.seek_ms(target)
            return
        speed = float(self._speed)
        tolerance = (TOLERANCE_FRAMES * frame_ms + self._tick_ms) * speed
        now = self._wall_ns // NS_PER_MS  # wall time played (ticks), not the engine's
        # Where a seek aims: the frame nearest to where the engine is once it takes effect.
        ahead = min(last, target + round(self._lead_ms * speed + frame_ms / 2))
        if state is PlayerState.PAUSED:
            if pos >= last and target >= last - tolerance:
                return  # the video waits at its out point for the engine
            seek = frame_index(pos, fps) != frame_index(ahead, fps)
            if seek:
                player.seek_ms(ahead)
            player.play()
            self._check = (now + CHECK_AFTER_MS, seek)
            return
        if self._check is not None:
            if now < self._check[0]:
                return  # a command is taking effect
            if self._check[1]:  # the lead is the latency of seeks (a bare resume may be quicker)
                drift = pos + frame_ms / 2 - target  # pos is the start of the frame shown
                self._lead_ms = max(0.0, min(MAX_LEAD_MS, self._lead_ms - drift / speed))
                ahead = min(last, target + round(self._lead_ms * speed + frame_ms / 2))
            self._check = None
        if abs(pos - target) > tolerance:
            player.seek_ms(ahead)
            self._check = (now + CHECK_AFTER_MS, True)

    def _preload(self) -> None:
        player, eng = self._player, self._engine
        preload = getattr(player, "preload", None)
        if eng is None or not callable(preload):
            return
        candidates = tuple(eng.next_scene_candidates())
        if candidates == self._preloaded:
            return
        self._preloaded = candidates
        for scene_id in candidates:
            clip = self._clip_of(scene_id)
            if clip is not None:
                preload(*clip)

    def shutdown(self) -> None:
        """Stop the clock and close the player (call before the QApplication goes)."""
        self._timer.stop()
        self._running = False
        if self._player is not None:
            player, self._player = self._player, None
            player.close()
