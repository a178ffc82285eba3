"""Small hand-made dramas for the player tests (they reuse the sample clips)."""

from __future__ import annotations

from typing import Any

from tests.player.support import sample_drama

PAYLOAD = '<img src=x onerror=alert(1)><script>alert("x")</script>'


def _media(*ids: str) -> list[dict[str, Any]]:
    assets = {m["id"]: m for m in sample_drama("savings")["media"]}
    return [dict(assets[i]) for i in ids]


def xss_drama() -> dict[str, Any]:
    """Every author string carries an HTML/script payload; the product URL is not https."""
    return {
        "format": "drama-studio-project",
        "schema_version": 1,
        "min_reader_version": 1,
        "title": "Title " + PAYLOAD,
        "aspect": "9:16",
        "locale": "en",
        "currency": "JPY",
        "variables": [],
        "goals": [{"id": "g", "name": "Goal " + PAYLOAD, "target": 100000, "cap": None}],
        "products": [
            {"id": "p", "sku": "SKU " + PAYLOAD, "name": "Product " + PAYLOAD, "price": 12800,
             "currency": "JPY", "image": None, "url": "javascript:alert(1)"},
        ],
        "media": _media("payday", "ending_dream"),
        "scenes": [
            {
                "id": "s1", "title": "S1", "media": "payday", "in_ms": 0, "out_ms": None,
                "ending": False, "ending_kind": None, "on_enter": [],
                "tags": [{"id": "t", "product": "p", "start_ms": 0, "end_ms": 6000,
                          "hotspot": {"x": 0.55, "y": 0.2, "w": 0.35, "h": 0.15},
                          "cta": "Buy " + PAYLOAD}],
                "prompts": [{"id": "q", "at_ms": 400, "goal": "g", "amount": 500,
                             "text": "Prompt " + PAYLOAD, "accept_effects": [],
                             "decline_effects": [], "pause": True}],
                "choice": {
                    "appear_ms": 1000, "decision_ms": 5000, "timeout": "pause", "mode": "cut",
                    "show_countdown": True, "one_shot": False,
                    "options": [
                        {"id": "a", "label": "Option " + PAYLOAD, "target": "end",
                         "condition": None, "effects": [], "deposit": None,
                         "hotspot": {"x": 0.1, "y": 0.5, "w": 0.5, "h": 0.1}, "default": False},
                        {"id": "b", "label": "Other " + PAYLOAD, "target": "end",
                         "condition": None, "effects": [], "deposit": {"goal": "g", "amount": 700},
                         "hotspot": None, "default": False},
                    ],
                },
            },
            {"id": "end", "title": "End", "media": "ending_dream", "in_ms": 0, "out_ms": 1500,
             "ending": True, "ending_kind": "good", "on_enter": [], "choice": None,
             "prompts": [], "tags": []},
        ],
        "start": "s1",
    }


def _next(scene_id: str, target: str, in_ms: int) -> dict[str, Any]:
    """A one-option choice that times out into ``target`` and plays the clip to its end."""
    return {"appear_ms": in_ms + 100, "decision_ms": in_ms + 300, "timeout": "default",
            "mode": "play_to_end", "show_countdown": False,
            "options": [{"id": f"{scene_id}_next", "label": "Next", "target": target,
                         "default": True}]}


def trim_drama() -> dict[str, Any]:
    """Three trimmed scenes (two start mid-clip, one ends early) chained by timeouts."""
    return {
        "title": "Trims",
        "currency": "CNY",
        "goals": [{"id": "g", "name": "Goal", "target": 1000}],
        "media": _media("payday", "save_path", "month_end"),
        "scenes": [
            {"id": "t1", "title": "T1", "media": "payday", "in_ms": 2000, "out_ms": 3500,
             "choice": _next("t1", "t2", 2000)},
            {"id": "t2", "title": "T2", "media": "save_path", "in_ms": 1000, "out_ms": 2000,
             "on_enter": [], "choice": _next("t2", "t3", 1000)},
            {"id": "t3", "title": "T3", "media": "month_end", "in_ms": 4000,
             "ending": True, "ending_kind": "neutral"},
        ],
        "start": "t1",
    }
