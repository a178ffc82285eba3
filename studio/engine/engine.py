"""The public story engine: ``start``, ``advance``, viewer inputs and state accessors.

See the package docstring (``studio.engine``) for the API overview and
``docs/engine-contract.md`` for the rules.  The engine never reads a clock:
only ``advance(ms)`` moves time, and any step size gives the same trace.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from studio.engine.core import Core, Timers, Value, Visit
from studio.engine.errors import InputError, StartError
from studio.engine.events import Event
from studio.model import Option, Project


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

    def __init__(self, project: Project, timers: Timers = "normal") -> None:
        super().__init__(project, timers)

    # -- driving ---------------------------------------------------------
    def start(
        self,
        from_scene: str | None = None,
        variables: Mapping[str, Value] | None = None,
    ) -> list[Event]:
        """(Re)start the playthrough at ``from_scene`` (default: the project start)."""
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
        self._reset()
        self._vars.update(variables or {})
        self._started = True
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
        if not self._decisions:
            raise InputError("cannot go back: no earlier decision")
        snap = self._decisions.pop()
        self._emit(
            "went_back",
            to_scene=snap.scene,
            to_t=snap.t,
            variables={k: snap.variables[k] for k in sorted(snap.variables)},
            saved={k: snap.saved[k] for k in sorted(snap.saved)},
        )
        self._ended = False
        self._sc = self._scenes[snap.scene]
        self._t = snap.t
        self._vars = dict(snap.variables)
        self._saved = dict(snap.saved)
        self._answered = dict(snap.answered)
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
        return self._saved_json()

    @property
    def path(self) -> list[str]:
        """Scene ids entered so far (``back()`` truncates it)."""
        return list(self._path)

    @property
    def can_go_back(self) -> bool:
        return bool(self._decisions)

    def next_scene_candidates(self) -> list[str]:
        """Scene ids that could come next from the current scene (for pre-rolling video)."""
        if self._sc is None or self._ended:
            return []
        if self._visit.taken is not None:
            return [self._visit.taken.target]
        cp = self._sc.scene.choice
        if cp is None or (self._visit.choice_done and self._choice is None):
            return []  # no choice point, or it was skipped (all options hidden): a dead end
        options = self._choice.options if self._choice is not None else tuple(cp.options)
        return list(dict.fromkeys(o.target for o in options))
