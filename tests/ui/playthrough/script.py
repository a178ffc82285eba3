"""Scripted viewers for the sample dramas (shared by the controller and panel tests).

A :class:`Viewer` follows a plan of steps: each waits for an engine event
(type, scene, optional item) and then, ``delay`` ms of *engine clock* later,
performs one input through a callback (the controller, or a click on the
preview's overlay).  Acting on the engine clock keeps the script the same for
manual ticks (FakePlayer) and real-time play (libVLC).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Step:
    """After ``event`` (type, scene, item or None) wait ``delay`` ms, then do ``action``."""

    event: str
    scene: str
    item: str | None
    delay: int
    action: str
    arg: str | None = None


PLANS: dict[str, tuple[Step, ...]] = {
    "savings": (
        Step("prompt_shown", "payday", "round_up", 400, "accept_prompt"),
        Step("choice_shown", "payday", None, 300, "choose", "spend"),
        Step("choice_shown", "spend_path", None, 500, "choose", "return_it"),
        Step("scene_started", "save_path", None, 700, "back"),
        Step("choice_shown", "spend_path", None, 200, "choose", "keep_it"),
        Step("choice_shown", "month_end", None, 600, "choose", "party"),
    ),
    "shoppable": (
        Step("product_tag_shown", "morning", "serum_vanity", 300, "click_product", "serum_vanity"),
        Step("choice_shown", "morning", None, 400, "choose", "spa"),
        Step("product_tag_shown", "skip_it", "cream_spa", 200, "click_product", "cream_spa"),
        Step("scene_started", "date_night", None, 500, "back"),
        Step("choice_shown", "skip_it", None, 100, "choose", "evening"),
    ),
}

_ITEM_KEY = {"prompt_shown": "prompt", "product_tag_shown": "tag"}


class Viewer:
    """Plays one plan: feed it every event (``on_event``) and poll it on every tick."""

    def __init__(self, plan: tuple[Step, ...], act: Callable[[Step], bool]) -> None:
        self.plan = plan
        self.act = act
        self.index = 0
        self.due: int | None = None  # engine clock at which the current step acts
        self.refused: list[Step] = []

    @property
    def done(self) -> bool:
        return self.index >= len(self.plan)

    def on_event(self, event: dict[str, Any]) -> None:
        if self.done or self.due is not None:
            return
        step = self.plan[self.index]
        key = _ITEM_KEY.get(event["type"])
        item = event[key] if key else None
        if (
            event["type"] == step.event
            and event["scene"] == step.scene
            and (step.item is None or step.item == item)
        ):
            self.due = int(event["clock"]) + step.delay

    def poll(self, clock: int) -> None:
        if self.done or self.due is None or clock < self.due:
            return
        step = self.plan[self.index]
        self.index += 1
        self.due = None
        if not self.act(step):
            self.refused.append(step)
