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
  While the current clip is opening the clock waits (at most 3 s), as the
  web player waits for its video: every scene is seen from its first frame.
* **Video.**  After every advance or input the player (any
  :class:`~studio.app.playback.player.PlayerBackend`) is brought in step with the
  engine (:mod:`studio.app.playthrough_video`).  The video never drives the
  story.  While the viewer pauses (``set_paused``) the clock stops and the
  video holds its frame.
* **Wallet.**  Deposits are answered by a simulated wallet
  (:class:`~studio.app.play_wallet.StudioWallet`, the host rules of
  docs/host-integration.md) set with ``set_wallet`` (accept all, refuse all,
  refuse over a balance, answer by hand).  ``start`` is a new viewer: a fresh
  wallet from the setting, a first playthrough (``replay=False``).
  ``watch_again`` (and ``start(..., replay=True)``) is the same viewer again: the
  same wallet, ``replay=True``, whose deposits are real only if the project's
  ``replay_deposits`` is set.  Every playthrough gets a new id (``p1``, ``p2``...);
  starting one while another has not ended first ``abandon()`` s it (its
  rewound deposits are cancelled: the wallet gives that money back).
* **Record.**  Every engine event is emitted as its contract JSON dict
  (``event_emitted`` is a Signal(object): a ``dict`` signal would become a
  QVariantMap and lose the contract's key order) and appended to ``log``;
  every viewer and host input (a deposit answered by hand, or answered again by
  the studio) is recorded in ``inputs`` (the runner's input JSON) with the
  engine clock at which it was applied.  As the engine is step-size
  independent, ``run_trace(project, **controller.trace_args())`` (start scene,
  variables, timers, inputs, playthrough id, replay flag and the wallet as it
  was at the start) reproduces ``log`` exactly (the tests check this).
  ``previous`` keeps the log and trace arguments of the playthrough before.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from fractions import Fraction
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from PySide6.QtCore import QElapsedTimer, QObject, Qt, QTimer, Signal

from studio.app.play_wallet import StudioWallet, WalletSetting
from studio.app.playback.player import PlayerBackend
from studio.app.playthrough_video import NS_PER_MS, VideoFollower
from studio.app.playthrough_view import PlaythroughView
from studio.engine import Engine, EngineError, Event, Input, InputError, Timers
from studio.engine.runner import apply_input
from studio.l10n.localized import localized
from studio.model import MediaAsset, Project, Scene

if TYPE_CHECKING:
    from studio.app.document import Document

Value = int | bool | str
TIMER_SETTINGS: tuple[Timers, ...] = ("normal", "x2", "x10", "off")
TICK_MS = 16
Action = Literal[
    "choose", "accept_prompt", "decline_prompt", "click_product", "back", "deposit_result", "abandon"
]


class PlaythroughController(QObject, PlaythroughView, VideoFollower):
    """Plays the document's project with an engine and keeps a player in step."""

    event_emitted = Signal(object)  # one engine event: its contract JSON dict (key order kept)
    state_changed = Signal()  # after a start, an input or an advance that emitted events
    ticked = Signal()  # the clock moved (countdowns)
    running_changed = Signal(bool)  # the clock runs (not stopped, not paused by the user)
    message = Signal(str)  # one-line note: refused start/input, player error
    starting = Signal()  # a new playthrough starts (after the one before was abandoned)

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
        self._fast = False  # steering: the video does not follow each step (see fast())
        self.timers: Timers = "normal"
        self.locale: str | None = None  # the next start's locale (None: the drama's own)
        self.wallet_setting = WalletSetting()
        self.wallet: StudioWallet | None = None  # the simulated viewer's wallet
        self.playthrough = ""  # the current playthrough's id
        self.replay = False
        self.start_timers: Timers = "normal"
        self.start_wallet: Any = "accept"  # the runner's wallet JSON as it was at the start
        self.previous: dict[str, Any] | None = None  # trace_args() and "log" of the one before
        self._count = 0
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
        self._answers: list[tuple[str, bool, str | None]] = []  # the studio's answers to apply
        self._wall_ns = 0  # wall time counted while running (scaled by speed into the engine)
        self._load_wait_ns = 0
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

    def set_wallet(self, setting: WalletSetting) -> None:
        """The wallet of the next new viewer (``start``); a replay keeps the viewer's wallet."""
        self.wallet_setting = setting

    def trace_args(self) -> dict[str, Any]:
        """``run_trace`` keyword arguments that reproduce ``log`` (with ``project``)."""
        return {
            "start_from": self.start_scene,
            "variables": dict(self.start_variables),
            "timers": self.start_timers,
            "inputs": list(self.inputs),
            "playthrough": self.playthrough,
            "replay": self.replay,
            "wallet": self.start_wallet,
        }

    # -- driving -----------------------------------------------------------------------
    def start(
        self,
        from_scene: str | None = None,
        variables: Mapping[str, Value] | None = None,
        replay: bool = False,
        timers: Timers | None = None,
    ) -> bool:
        """Start a new playthrough (from the project start or ``from_scene``); False if refused.

        ``replay=False``: a new viewer with a fresh wallet; ``True``: the same viewer again.
        ``timers``: this playthrough's timers (default: the setting, :meth:`set_timers`)."""
        self.stop()
        timers = self.timers if timers is None else timers
        source = self._document.project
        locale = self.locale if self.locale in self.locales() else source.locale
        project = localized(source, locale).model_copy(deep=True)
        wallet = self.wallet if replay and self.wallet is not None else StudioWallet(self.wallet_setting)
        playthrough = f"p{self._count + 1}"
        values = dict(variables or {})
        try:
            engine = Engine(project, timers, None if wallet.by_hand else wallet)
            old = self._engine
            if old is not None and not old.ended:  # refuse bad values before abandoning it
                Engine(project, timers).start(from_scene, values, playthrough, replay)
                self._input("abandon")
            start_wallet = wallet.to_json()  # before the start: a deposit may come at once
            events = engine.start(from_scene, values, playthrough, replay)
        except (EngineError, KeyError, ValueError) as exc:
            self.message.emit(self.tr("Cannot play: {reason}").format(reason=exc))
            return False
        if self._engine is not None:
            self.previous = {**self.trace_args(), "log": self.log}
        self.starting.emit()
        self._engine, self.wallet = engine, wallet
        self._count += 1
        self._project = project
        self.playthrough, self.replay = playthrough, replay
        self.start_timers, self.start_wallet = timers, start_wallet
        self._folder = self._document.folder
        self._scenes = project.scene_map()
        self._media = project.media_map()
        self.start_scene = from_scene
        self.start_variables = values
        self.log, self.inputs, self.last_ending = [], [], None
        self._wall_ns = self._advanced_ms = self._load_wait_ns = 0
        self._loaded, self._preloaded, self._check = None, (), None
        if self._player is not None and self._folder is None and self._media:
            self.message.emit(self.tr("Save the project to see its video in the playthrough."))
        self._resume_clock()
        self._publish(events)
        return True

    def skip(self, ms: int) -> None:
        """Let ``ms`` of story time pass at once (steering; use inside :meth:`fast`)."""
        eng = self._engine
        if eng is None or eng.ended or ms <= 0:
            return
        try:
            events = eng.advance(ms)
        except EngineError as exc:
            self.stop()
            self.message.emit(self.tr("Playthrough stopped: {reason}").format(reason=exc))
            return
        self._publish(events)

    @contextmanager
    def fast(self) -> Iterator[None]:
        """Jump through the story (:meth:`skip`, inputs) without the video following each step;
        the video catches up once at the end, and the wall time spent is not story time."""
        self._fast = True
        try:
            yield
        finally:
            self._fast = False
            self._last_ns = self._elapsed.nsecsElapsed() if self._elapsed.isValid() else 0
            self._check = None
            self._sync()

    def watch_again(self) -> bool:
        """The same viewer plays again from the same start: a replay with a new id."""
        return self.start(self.start_scene, dict(self.start_variables), replay=True)

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
            gap = max(0, now - self._last_ns)
            self._last_ns = now
        else:
            gap = max(0, int(elapsed_ms)) * NS_PER_MS
        if self._video_opening(gap):
            return  # the story waits for the clip's first frame (see playthrough_video)
        self._wall_ns += gap
        target = int(self._wall_ns * self._speed.numerator // (self._speed.denominator * NS_PER_MS))
        step, self._advanced_ms = target - self._advanced_ms, target
        if step <= 0 or eng.ended:
            return
        try:
            events = eng.advance(step)
        except EngineError as exc:
            self.stop()
            self.message.emit(self.tr("Playthrough stopped: {reason}").format(reason=exc))
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

    def answer_deposit(self, deposit_id: str, ok: bool) -> bool:
        """The creator answers a pending deposit (wallet "answer by hand"); False if not pending."""
        eng, wallet = self._engine, self.wallet
        if eng is None or wallet is None:
            return False
        request = next((r for r in eng.pending_requests() if r["deposit_id"] == deposit_id), None)
        if request is None:
            self.message.emit(self.tr("deposit '{id}' is not waiting for an answer").format(id=deposit_id))
            return False
        answer = wallet.decide(request, ok)
        return self._input("deposit_result", deposit_id, answer)

    def _input(
        self, action: Action, arg: str | None = None, answer: tuple[bool, str | None] | None = None
    ) -> bool:
        eng = self._engine
        if eng is None:
            return False
        ok, reason = answer if answer is not None else (None, None)
        record = Input(eng.clock, action, arg, ok, reason if ok is False else None)
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
        wallet = self.wallet
        for event in events:
            obj = event.to_json()
            self.log.append(obj)
            if wallet is not None and (wallet.by_hand or obj["type"] == "deposit_simulated"):
                # The engine tells an automatic wallet itself; by hand, the studio is the host.
                answer = wallet.on_event(obj)
                if answer is not None:
                    self._answers.append((str(obj["deposit_id"]), *answer))
            if obj["type"] == "ending_reached":
                self.last_ending = obj
            elif obj["type"] in ("went_back", "scene_started"):
                self.last_ending = None
            self.event_emitted.emit(obj)
        if self._engine is not None and self._engine.ended:
            self._pause_clock()
        self._sync()
        self.state_changed.emit()
        while self._answers:  # a deposit asked for again: the stored answer, as a recorded input
            deposit_id, ok, reason = self._answers.pop(0)
            self._input("deposit_result", deposit_id, (ok, reason))

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

    def shutdown(self) -> None:
        """Stop the clock and close the player (call before the QApplication goes)."""
        self._timer.stop()
        self._running = False
        if self._player is not None:
            player, self._player = self._player, None
            player.close()
