"""The public story engine: ``start``, ``advance``, viewer inputs and state accessors.

See the package docstring (``studio.engine``) for the API overview and
``docs/engine-contract.md`` for the rules.  The engine never reads a clock:
only ``advance(ms)`` moves time, and any step size gives the same trace.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from studio.engine.core import TIMER_FACTOR, Core, Timers
from studio.engine.errors import InputError, StartError
from studio.engine.events import Event
from studio.engine.keys import sorted_keys
from studio.engine.money import PLAYTHROUGH_PATTERN
from studio.engine.money_rules import Wallet
from studio.engine.state import Value, Visit
from studio.engine.upcoming import next_scene_candidates
from studio.model import Option, Project
from studio.model.errors import show_int
from studio.model.types import MAX_SAFE_INT


@dataclass(frozen=True)
class ChoiceView:
    """Read-only view of the open choice (for a UI)."""

    scene: str
    options: tuple[Option, ...]
    deadline_ms: int
    timeout_ms: int | None
    timeout: str
    countdown: bool
    shown_clock: int
    paused: str | None


def _type_name(value: object) -> str:
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, int):
        return "int"
    return "string" if isinstance(value, str) else type(value).__name__


class Engine(Core):
    """Deterministic player of one project; create a new Engine after editing the model."""

    def __init__(self, project: Project, timers: Timers = "normal", wallet: Wallet | None = None) -> None:
        super().__init__(project, timers, wallet)

    # -- driving ---------------------------------------------------------
    def start(
        self,
        from_scene: str | None = None,
        variables: Mapping[str, Value] | None = None,
        playthrough: str = "p1",
        replay: bool = False,
    ) -> list[Event]:
        """(Re)start at ``from_scene`` (default: the project start) as playthrough ``playthrough``.

        ``replay``: not the viewer's first playthrough of this drama; its deposits are real only
        if the project's ``replay_deposits`` is set (otherwise ``deposit_simulated``).
        """
        if not isinstance(playthrough, str) or not re.fullmatch(PLAYTHROUGH_PATTERN, playthrough):
            raise StartError(f"playthrough id must match {PLAYTHROUGH_PATTERN}, got {playthrough!r}")
        if not isinstance(replay, bool):
            raise StartError(f"replay must be true or false, got {replay!r}")
        scene_id = from_scene if from_scene is not None else self.project.start
        if scene_id is None:
            raise StartError("the project has no start scene")
        if scene_id not in self._scenes:
            raise StartError(f"unknown scene '{scene_id}'")
        declared = {v.id: v.type for v in self.project.variables}
        for name, value in (variables or {}).items():
            kind = declared.get(name)
            if kind is None:
                raise StartError(f"unknown variable '{name}'")
            if _type_name(value) != kind:
                raise StartError(
                    f"variable '{name}' is {kind}, got {_type_name(value)} {value!r}"
                )
            if kind == "int" and not -MAX_SAFE_INT <= value <= MAX_SAFE_INT:  # type: ignore[operator]
                raise StartError(
                    f"variable '{name}' is outside ±{MAX_SAFE_INT} (2**53 - 1), got {show_int(value)}"  # type: ignore[arg-type]
                )
        self._reset()
        self._vars.update(variables or {})
        self._started = True
        self._playthrough = playthrough
        self._replay = replay
        self._real = not replay or self.project.replay_deposits
        self._out.append(Event(
            "playthrough_started", self._clock, scene_id, self._scenes[scene_id].scene.in_ms,
            {"playthrough": playthrough, "replay": replay, "real_deposits": self._real},
        ))
        self._enter(scene_id)
        self._settle()
        return self._take_events()

    def advance(self, ms: int) -> list[Event]:
        """Let ``ms`` milliseconds of clock pass, processing everything due on the way."""
        self._require_started()
        if isinstance(ms, bool) or not isinstance(ms, int) or ms < 0:
            raise InputError(f"advance needs a non-negative int of ms, got {ms!r}")
        target = self._clock + ms
        while not self._ended:
            if self._playing():
                nxt = self._scene.next_time(self._t)
                if nxt is None or self._clock + (nxt - self._t) > target:
                    self._t += target - self._clock
                    break
                self._clock += nxt - self._t
                self._t = nxt
                self._dirty = True
                self._settle()
            elif self._choice is not None and self._choice.ext_clock is not None:
                if self._choice.ext_clock > target:
                    break
                self._clock = self._choice.ext_clock
                self._apply_policy()
                self._settle()
            else:
                break
        self._clock = target
        return self._take_events()

    def next_wake_clock(self) -> int | None:
        """Clock of the next scheduled instant that may have something due (None: ended or waiting)."""
        if not self._started or self._ended:
            return None
        if self._playing():
            nxt = self._scene.next_time(self._t)
            return None if nxt is None else self._clock + nxt - self._t
        if self._choice is not None and self._choice.ext_clock is not None:
            return self._choice.ext_clock
        return None

    # -- viewer inputs -----------------------------------------------------
    def choose(self, option_id: str) -> list[Event]:
        """Choose a visible option of the open choice."""
        self._require_started()
        ch = self._choice
        if ch is None or self._ended:
            raise InputError(f"cannot choose '{option_id}': no choice is open")
        option = next((o for o in ch.options if o.id == option_id), None)
        if option is None:
            raise InputError(
                f"option '{option_id}' is not a visible option of the choice in scene "
                f"'{self._scene.id}'"
            )
        self._take(option, "viewer")
        self._settle()
        return self._take_events()

    def _oldest_prompt(self, verb: str) -> None:
        self._require_started()
        if self._ended or not self._visit.open_prompts:
            raise InputError(f"cannot {verb} a prompt: no prompt is open")

    def accept_prompt(self) -> list[Event]:
        """Accept the oldest open savings prompt (deposit, then accept effects)."""
        self._oldest_prompt("accept")
        p = self._visit.open_prompts.pop(0)
        self._emit("prompt_accepted", prompt=p.id)
        self._deposit(p.goal, p.amount, "prompt", p.id)
        self._apply_effects(p.accept_effects, "prompt_accept", p.id)
        self._dirty = True
        self._settle()
        return self._take_events()

    def decline_prompt(self) -> list[Event]:
        """Decline the oldest open savings prompt (decline effects)."""
        self._oldest_prompt("decline")
        p = self._visit.open_prompts.pop(0)
        self._emit("prompt_declined", prompt=p.id, by="viewer")
        self._apply_effects(p.decline_effects, "prompt_decline", p.id)
        self._dirty = True
        self._settle()
        return self._take_events()

    def click_product(self, tag_id: str) -> list[Event]:
        """Click a shown product tag: ``product_clicked`` (never pauses)."""
        self._require_started()
        if self._ended or tag_id not in self._visit.tags_visible:
            raise InputError(f"tag '{tag_id}' is not shown")
        tag = self._scene.tags[tag_id]
        prod = self._products[tag.product]
        self._emit(
            "product_clicked",
            tag=tag.id,
            product=prod.id,
            sku=prod.sku,
            name=prod.name,
            price=prod.price,
            currency=prod.currency,
            url=prod.url,
        )
        return self._take_events()

    def back(self) -> list[Event]:
        """Return to the most recent decision (its ``choice_shown``), restoring the state."""
        self._require_started()
        if self._abandoned:
            raise InputError("cannot go back: this playthrough was abandoned")
        if not self._decisions:
            raise InputError("cannot go back: no earlier decision")
        snap = self._decisions.pop()
        self._book.rewind(snap.deposits_len)
        self._emit(
            "went_back",
            to_scene=snap.scene,
            to_t=snap.t,
            variables={k: snap.variables[k] for k in sorted_keys(snap.variables)},
            saved=self._book.sorted_saved(),
        )
        self._ended = False
        self._sc = self._scenes[snap.scene]
        self._t = snap.t
        self._vars = dict(snap.variables)
        self._rewind_answers(snap.answered_len)
        del self._path[snap.path_len :]
        v = self._visit = Visit()
        v.prompts_seen = set(snap.prompts_seen)
        v.tags_seen = set(snap.tags_seen)
        v.choice_done = True
        for tag in self._scene.scene.tags:
            if tag.id in snap.tags_visible:
                v.tags_visible.add(tag.id)
                self._emit(
                    "product_tag_shown",
                    tag=tag.id,
                    product=tag.product,
                    hotspot=tag.hotspot.model_dump(mode="json"),
                    cta=tag.cta,
                )
        self._show_choice(tuple(self._scene.options[i] for i in snap.option_ids))
        self._dirty = True
        self._settle()
        return self._take_events()

    # -- host inputs ---------------------------------------------------------
    def deposit_result(self, deposit_id: str, ok: bool, reason: str | None = None) -> list[Event]:
        """The host's answer to a ``deposit_requested`` (unknown or repeated answers change nothing)."""
        self._require_started()
        if not isinstance(deposit_id, str) or not isinstance(ok, bool):
            raise InputError(
                f"deposit_result needs a string deposit_id and a bool ok, got {deposit_id!r}, {ok!r}"
            )
        if reason is not None and not isinstance(reason, str):
            raise InputError(f"deposit_result reason must be a string or null, got {reason!r}")
        self._answer(deposit_id, ok, reason)
        return self._take_events()

    def set_timers(self, timers: Timers) -> list[Event]:
        """Change the choice timers from now on (WCAG 2.2.1); ``timers_changed`` unless unchanged."""
        self._require_started()
        if timers not in TIMER_FACTOR:
            raise InputError(f"unknown timers setting {timers!r} (normal, x2, x10, off)")
        if timers == self.timers:
            return []
        self.timers, self._k = timers, TIMER_FACTOR[timers]
        self._emit("timers_changed", timers=timers)
        ch = self._choice
        if ch is not None and not self._ended and ch.pause == "extended" and self._k is None:
            ch.pause, ch.ext_clock = "timers_off", None
            self._emit("paused_for_choice", reason="timers_off")
        return self._take_events()

    def abandon(self) -> list[Event]:
        """Another playthrough starts before this one ended: cancel the rewound deposits; end."""
        self._require_started()
        self._cancel_rewound()
        self._ended = self._abandoned = True
        self._choice = None
        return self._take_events()

    def _require_started(self) -> None:
        if not self._started:
            raise InputError("the engine has not started (call start() first)")

    # -- read-only state -------------------------------------------------
    @property
    def started(self) -> bool:
        return self._started

    @property
    def scene_id(self) -> str | None:
        return self._sc.id if self._sc is not None else None

    @property
    def t(self) -> int:
        return self._t

    @property
    def clock(self) -> int:
        return self._clock

    @property
    def paused(self) -> bool:
        """True while playback does not move (prompt, choice pause, waiting at the end)."""
        return self._started and not self._ended and not self._playing()

    @property
    def waiting(self) -> bool:
        """True when only a viewer input can make the story progress."""
        return self.paused and self.next_wake_clock() is None

    @property
    def pause_reason(self) -> str | None:
        """``paused_for_choice`` reason of the open choice, if it holds playback."""
        return self._choice.pause if self._choice is not None else None

    @property
    def ended(self) -> bool:
        return self._ended

    @property
    def open_choice(self) -> ChoiceView | None:
        ch, cp = self._choice, self._sc.scene.choice if self._sc is not None else None
        if ch is None or cp is None:
            return None
        return ChoiceView(
            self._scene.id, ch.options, cp.decision_ms, ch.timeout_ms, cp.timeout,
            cp.show_countdown, ch.shown_clock, ch.pause,
        )

    @property
    def open_prompts(self) -> list[str]:
        """Ids of open savings prompts, oldest first."""
        return [p.id for p in self._visit.open_prompts]

    @property
    def pausing_prompt_open(self) -> bool:
        """True while an open savings prompt holds playback."""
        return self._pausing_prompt_open()

    @property
    def shown_tags(self) -> list[str]:
        """Ids of shown product tags (model order)."""
        if self._sc is None:
            return []
        return [t.id for t in self._sc.scene.tags if t.id in self._visit.tags_visible]

    @property
    def variables(self) -> dict[str, Value]:
        return self._vars_json()

    @property
    def saved(self) -> dict[str, int]:
        """Goal -> confirmed total (what conditions read as ``saved.<goal>``)."""
        return self._saved_json()

    @property
    def pending(self) -> dict[str, int]:
        """Goal -> total of deposits still waiting for the host's answer."""
        return self._book.sorted_pending()

    def pending_requests(self) -> list[dict[str, Any]]:
        """The ``deposit_requested`` JSON of every pending deposit (what a reloaded player re-sends)."""
        return self._book.pending_requests()

    @property
    def playthrough(self) -> str:
        return self._playthrough

    @property
    def replay(self) -> bool:
        return self._replay

    @property
    def real_deposits(self) -> bool:
        """Whether deposits of this playthrough go to the host (else ``deposit_simulated``)."""
        return self._real

    @property
    def path(self) -> list[str]:
        """Scene ids entered so far (``back()`` truncates it)."""
        return list(self._path)

    @property
    def can_go_back(self) -> bool:
        return bool(self._decisions) and not self._abandoned

    def next_scene_candidates(self) -> list[str]:
        """Scene ids that could come next from the current scene (for pre-rolling video)."""
        return next_scene_candidates(self._sc, self._visit, self._choice, self._ended)
