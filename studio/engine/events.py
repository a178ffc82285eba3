"""Typed engine events and their contract JSON shape (event contract version 2).

Every event has a ``type``, the ``clock`` and the current ``scene``/``t`` plus a
payload whose keys (and their order) are fixed per type by ``PAYLOAD_KEYS``.
``Event.to_json()`` gives exactly the object described in
``docs/engine-contract.md``: ``type, clock, scene, t`` then the payload keys.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal, get_args

EVENT_CONTRACT_VERSION = 2

EventType = Literal[
    "playthrough_started",
    "scene_started",
    "effects_applied",
    "choice_shown",
    "choice_made",
    "prompt_shown",
    "prompt_accepted",
    "prompt_declined",
    "deposit_requested",
    "deposit_confirmed",
    "deposit_refused",
    "deposit_cancelled",
    "deposit_simulated",
    "product_tag_shown",
    "product_tag_hidden",
    "product_clicked",
    "scene_looped",
    "paused_for_choice",
    "timers_changed",
    "went_back",
    "ending_reached",
    "stopped",
]

EVENT_TYPES: tuple[str, ...] = get_args(EventType)

PAYLOAD_KEYS: dict[str, tuple[str, ...]] = {
    "playthrough_started": ("playthrough", "replay", "real_deposits"),
    "scene_started": ("in_ms", "out_ms", "media"),
    "effects_applied": ("source", "item", "variables"),
    "choice_shown": ("options", "deadline_ms", "timeout_ms", "timeout", "countdown"),
    "choice_made": ("option", "target", "by"),
    "prompt_shown": ("prompt", "goal", "amount", "text", "pause"),
    "prompt_accepted": ("prompt",),
    "prompt_declined": ("prompt", "by"),
    "deposit_requested": (
        "deposit_id", "goal", "amount", "requested", "currency", "source", "item", "total",
    ),
    "deposit_confirmed": ("deposit_id", "goal", "amount", "saved"),
    "deposit_refused": ("deposit_id", "goal", "amount", "reason"),
    "deposit_cancelled": ("deposit_id", "goal", "amount"),
    "deposit_simulated": (
        "deposit_id", "goal", "amount", "requested", "currency", "source", "item", "saved",
    ),
    "product_tag_shown": ("tag", "product", "hotspot", "cta"),
    "product_tag_hidden": ("tag", "product"),
    "product_clicked": ("tag", "product", "sku", "name", "price", "currency", "url"),
    "scene_looped": (),
    "paused_for_choice": ("reason",),
    "timers_changed": ("timers",),
    "went_back": ("to_scene", "to_t", "variables", "saved"),
    "ending_reached": ("kind", "dead_end", "variables", "saved", "pending"),
    "stopped": ("reason",),
}

BASE_KEYS = ("type", "clock", "scene", "t")


@dataclass(frozen=True, slots=True)
class Event:
    """One engine event; ``payload`` holds the type's keys in contract order."""

    type: EventType
    clock: int
    scene: str
    t: int
    payload: Mapping[str, Any]

    def __getitem__(self, key: str) -> Any:
        """Read a payload key (``event["option"]``)."""
        return self.payload[key]

    def to_json(self) -> dict[str, Any]:
        """The contract's JSON object (stable key order, JSON-safe values)."""
        out: dict[str, Any] = {"type": self.type, "clock": self.clock, "scene": self.scene, "t": self.t}
        out.update(self.payload)
        return out


def check_event_json(obj: Mapping[str, Any]) -> None:
    """Raise ValueError unless ``obj`` has exactly the keys of its type, in order."""
    kind = obj.get("type")
    if kind not in PAYLOAD_KEYS:
        raise ValueError(f"unknown event type {kind!r}")
    want = BASE_KEYS + PAYLOAD_KEYS[kind]
    if tuple(obj) != want:
        raise ValueError(f"{kind}: keys {list(obj)} != {list(want)}")
