"""The engine's state machine: processing the current instant of the current scene.

``Core`` holds the playthrough state and implements the contract's rules
(entering a scene, timed items in their fixed order, deadlines and timeout
policies, taking options, deposits, prompts, scene end).  Every change that
may make more items due at the same instant sets ``_dirty``; ``_settle()``
re-processes the instant until nothing changes.  Processing is idempotent
(items are marked as handled), so re-running an instant never repeats an
event.  The public facade with inputs and ``advance`` is ``engine.Engine``.
"""

from __future__ import annotations

from typing import Any, Literal

from studio.engine.errors import StartError, ZeroTimeLoopError
from studio.engine.events import Event, EventType
from studio.engine.keys import sorted_keys
from studio.engine.money import DepositBook
from studio.engine.money_rules import MoneyRules, Wallet
from studio.engine.schedule import CompiledScene, compile_project
from studio.engine.state import OpenChoice, Snapshot, Value, Visit
from studio.model import Effect, Option, Project
from studio.model.conditions import ConditionError, evaluate, saturate, truthy

Timers = Literal["normal", "x2", "x10", "off"]
TIMER_FACTOR: dict[str, int | None] = {"normal": 1, "x2": 2, "x10": 10, "off": None}
MAX_ZERO_TIME_STEPS = 10_000


class Core(MoneyRules):
    """Playthrough state and the contract's processing rules (no public inputs)."""

    def __init__(self, project: Project, timers: Timers = "normal", wallet: Wallet | None = None) -> None:
        if timers not in TIMER_FACTOR:
            raise StartError(f"unknown timers setting '{timers}'")
        self.project = project
        self.timers: Timers = timers
        self._k = TIMER_FACTOR[timers]
        self._wallet = wallet
        self._scenes = compile_project(project)
        self._goals = project.goal_map()
        self._products = project.product_map()
        self._reset()

    def _reset(self) -> None:
        self._started = False
        self._ended = False
        self._abandoned = False
        self._clock = 0
        self._t = 0
        self._sc: CompiledScene | None = None
        self._vars: dict[str, Value] = {v.id: v.default for v in self.project.variables}
        self._book = DepositBook(g.id for g in self.project.goals)
        self._playthrough = "p1"
        self._replay = False
        self._real = True
        self._answered: dict[str, str] = {}
        # (scene, its answer before) for every change of ``_answered``: a snapshot keeps only the
        # log's length, so taking one costs O(1) however many scenes were answered (a long chain).
        self._answer_log: list[tuple[str, str | None]] = []
        self._path: list[str] = []
        self._visit = Visit()
        self._choice: OpenChoice | None = None
        self._decisions: list[Snapshot] = []
        self._pending: Snapshot | None = None
        self._dirty = False
        self._out: list[Event] = []
        self._spin = 0
        self._spin_clock = 0

    # -- small helpers -------------------------------------------------
    @property
    def _scene(self) -> CompiledScene:
        assert self._sc is not None, "engine not started"
        return self._sc

    def _emit(self, event_type: EventType, /, **payload: Any) -> None:
        self._out.append(Event(event_type, self._clock, self._scene.id, self._t, payload))

    def _take_events(self) -> list[Event]:
        out, self._out = self._out, []
        return out

    def _rewind_answers(self, length: int) -> None:
        """Undo the changes of ``_answered`` made after the log had ``length`` entries."""
        log, answered = self._answer_log, self._answered
        while len(log) > length:
            sid, before = log.pop()
            if before is None:
                del answered[sid]
            else:
                answered[sid] = before

    def _vars_json(self) -> dict[str, Value]:
        return {k: self._vars[k] for k in sorted_keys(self._vars)}

    def _saved_json(self) -> dict[str, int]:
        return self._book.sorted_saved()

    def _spin_guard(self) -> None:
        if self._spin_clock != self._clock:
            self._spin_clock, self._spin = self._clock, 0
        self._spin += 1
        if self._spin > MAX_ZERO_TIME_STEPS:
            raise ZeroTimeLoopError(
                f"scene '{self._scene.id}' entered or restarted {MAX_ZERO_TIME_STEPS} times at "
                f"clock {self._clock} without time passing (zero-time loop)"
            )

    def _pausing_prompt_open(self) -> bool:
        prompts = self._visit.open_prompts  # (asked several times per instant: no generator if none)
        return bool(prompts) and any(p.pause for p in prompts)

    def _playing(self) -> bool:
        return (
            self._started
            and not self._ended
            and not self._visit.end_done
            and (self._choice is None or self._choice.pause is None)
            and not self._pausing_prompt_open()
        )

    def _visible(self, option: Option) -> bool:
        if option.condition is None:
            return True
        env: dict[str, Any] = dict(self._vars)
        env.update({f"saved.{g}": total for g, total in self._book.saved.items()})
        try:
            return truthy(evaluate(option.condition, env))
        except ConditionError:
            return False  # a condition that cannot be evaluated hides its option

    # -- effects and deposits ------------------------------------------
    def _apply_effects(self, effects: list[Effect], source: str, item: str | None) -> None:
        if not effects:
            return
        touched: set[str] = set()
        for e in effects:
            if e.op == "set":
                self._vars[e.var] = e.value
            else:
                old = self._vars[e.var]
                assert isinstance(old, int) and isinstance(e.value, int)
                self._vars[e.var] = saturate(old + e.value if e.op == "add" else old - e.value)
            touched.add(e.var)
        changed = {k: self._vars[k] for k in sorted_keys(touched)}
        self._emit("effects_applied", source=source, item=item, variables=changed)

    # -- scenes --------------------------------------------------------
    def _enter(self, scene_id: str) -> None:
        if self._path:  # a transition: the visit being left can no longer ask for its deposits
            self._cancel_rewound(len(self._path) - 1)
        self._sc = self._scenes[scene_id]
        self._spin_guard()
        sc = self._sc
        self._t = sc.scene.in_ms
        self._visit = Visit()
        self._choice = None
        self._pending = None
        self._path.append(scene_id)
        self._emit("scene_started", in_ms=sc.scene.in_ms, out_ms=sc.out, media=sc.scene.media)
        self._apply_effects(sc.scene.on_enter, "scene", None)
        self._dirty = True

    def _hide_tags(self) -> None:
        v = self._visit
        for tag in self._scene.scene.tags:
            if tag.id in v.tags_visible:
                v.tags_visible.discard(tag.id)
                self._emit("product_tag_hidden", tag=tag.id, product=tag.product)

    def _expire_prompts(self) -> None:
        while self._visit.open_prompts:
            p = self._visit.open_prompts.pop(0)
            self._emit("prompt_declined", prompt=p.id, by="expired")
            self._apply_effects(p.decline_effects, "prompt_decline", p.id)

    def _leave_and_enter(self, target: str) -> None:
        self._hide_tags()
        self._expire_prompts()
        self._enter(target)

    def _end_reached(self, dead_end: bool) -> None:
        kind = None if dead_end else self._scene.scene.ending_kind
        self._cancel_rewound()
        self._emit(
            "ending_reached",
            kind=kind,
            dead_end=dead_end,
            variables=self._vars_json(),
            saved=self._saved_json(),
            pending=self._book.sorted_pending(),
        )
        self._ended = True
        self._dirty = False

    # -- choices -------------------------------------------------------
    def _show_choice(self, options: tuple[Option, ...]) -> None:
        cp = self._scene.scene.choice
        assert cp is not None
        v = self._visit
        self._pending = Snapshot(
            scene=self._scene.id,
            t=self._t,
            variables=dict(self._vars),
            deposits_len=len(self._book.records),
            answered_len=len(self._answer_log),
            path_len=len(self._path),
            prompts_seen=frozenset(v.prompts_seen),
            tags_seen=frozenset(v.tags_seen),
            tags_visible=frozenset(v.tags_visible),
            option_ids=tuple(o.id for o in options),
        )
        timeout = None if self._k is None else (cp.decision_ms - cp.appear_ms) * self._k
        self._choice = OpenChoice(options, self._clock, timeout)
        self._emit(
            "choice_shown",
            options=[{"id": o.id, "label": o.label} for o in options],
            deadline_ms=cp.decision_ms,
            timeout_ms=timeout,
            timeout=cp.timeout,
            countdown=cp.show_countdown,
        )

    def _take(self, option: Option, by: str) -> None:
        """Take ``option``: effects, deposit, answered; then cut or play on."""
        sc = self._scene
        cp = sc.scene.choice
        assert cp is not None
        self._emit("choice_made", option=option.id, target=option.target, by=by)
        self._cancel_other_options(option.id)
        self._apply_effects(option.effects, "option", option.id)
        if option.deposit is not None:
            self._deposit(option.deposit.goal, option.deposit.amount, "option", option.id)
        self._answer_log.append((sc.id, self._answered.get(sc.id)))
        self._answered[sc.id] = option.id
        if self._pending is not None:
            self._decisions.append(self._pending)
            self._pending = None
        self._choice = None
        if cp.mode == "cut":
            self._leave_and_enter(option.target)
        else:
            self._visit.taken = option
        self._dirty = True

    def _apply_policy(self) -> None:
        ch = self._choice
        cp = self._scene.scene.choice
        assert ch is not None and cp is not None
        ch.ext_clock = None
        ch.pause = None
        policy = cp.timeout
        if policy == "default":
            default = next((o for o in ch.options if o.default), None)
            if default is not None:
                self._take(default, "timeout")
                return
            policy = "pause"
        if policy == "loop":
            self._loop()
            return
        ch.pause = "pause"
        self._emit("paused_for_choice", reason="pause")
        self._dirty = True

    def _loop(self) -> None:
        self._emit("scene_looped")
        self._hide_tags()
        self._choice = None
        self._pending = None
        self._visit.new_pass()
        self._t = self._scene.scene.in_ms
        self._spin_guard()
        self._dirty = True

    def _deadline(self) -> None:
        ch = self._choice
        assert ch is not None
        if self._k == 1:
            self._apply_policy()
            return
        if self._k is None:
            ch.pause = "timers_off"
            self._emit("paused_for_choice", reason="timers_off")
        else:
            cp = self._scene.scene.choice
            assert cp is not None
            ch.pause = "extended"
            ch.ext_clock = ch.shown_clock + (cp.decision_ms - cp.appear_ms) * self._k
            self._emit("paused_for_choice", reason="extended")
            if ch.ext_clock <= self._clock:
                self._apply_policy()
        self._dirty = True

    # -- the instant ---------------------------------------------------
    def _settle(self) -> None:
        while self._dirty and not self._ended:
            self._dirty = False
            self._process()

    def _process(self) -> None:
        """Process the items due at the current instant, in the contract's order."""
        if self._pausing_prompt_open():
            return
        sc, v, t = self._scene, self._visit, self._t
        scene = sc.scene
        for tag in scene.tags:  # 1. tags hidden
            if tag.id in v.tags_visible and tag.end_ms <= t:
                v.tags_visible.discard(tag.id)
                self._emit("product_tag_hidden", tag=tag.id, product=tag.product)
        for tag in scene.tags:  # 2. tags shown
            if tag.id not in v.tags_seen and tag.start_ms <= t < tag.end_ms:
                v.tags_seen.add(tag.id)
                v.tags_visible.add(tag.id)
                self._emit(
                    "product_tag_shown",
                    tag=tag.id,
                    product=tag.product,
                    hotspot=tag.hotspot.model_dump(mode="json"),
                    cta=tag.cta,
                )
        for p in scene.prompts:  # 3. prompts
            if p.id not in v.prompts_seen and p.at_ms <= t:
                v.prompts_seen.add(p.id)
                v.open_prompts.append(p)
                self._emit(
                    "prompt_shown", prompt=p.id, goal=p.goal, amount=p.amount, text=p.text,
                    pause=p.pause,
                )
                if p.pause:
                    return
        cp = scene.choice
        if cp is not None and not v.choice_done and cp.appear_ms <= t:  # 4. choice appears
            v.choice_done = True
            remembered = sc.options.get(self._answered.get(sc.id, "")) if cp.one_shot else None
            if remembered is not None and self._visible(remembered):
                self._take(remembered, "remembered")
                return
            visible = tuple(o for o in cp.options if self._visible(o))
            if visible:
                self._show_choice(visible)
        if (  # 5. deadline
            cp is not None and self._choice is not None and not v.deadline_done
            and t >= cp.decision_ms
        ):
            v.deadline_done = True
            self._deadline()
            return
        if t >= sc.out:  # 6. scene end
            if not v.end_done:
                v.end_done = True
                self._hide_tags()
                self._expire_prompts()
            if v.taken is not None:
                self._enter(v.taken.target)
            elif scene.next is not None:  # continue automatically: a transition, not a decision
                self._enter(scene.next)
            elif scene.ending:
                self._end_reached(dead_end=False)
            elif self._choice is None:
                self._end_reached(dead_end=True)
