"""Builders for small valid projects (raw dicts) used across model tests."""

from __future__ import annotations

import copy
from typing import Any

ASSET = {
    "id": "clip",
    "path": "media/clip.mp4",
    "sha256": "a" * 64,
    "size": 1000,
    "duration_ms": 6000,
    "width": 360,
    "height": 640,
    "rotation": 0,
    "fps": 24.0,
    "video_codec": "h264",
    "audio_codec": "aac",
    "container": "mp4",
}


def raw_project() -> dict[str, Any]:
    """A small complete drama: two scenes, a goal, a product, a variable."""
    return copy.deepcopy(
        {
            "format": "drama-studio-project",
            "schema_version": 1,
            "min_reader_version": 1,
            "title": "Test drama",
            "variables": [{"id": "mood", "type": "int", "default": 0}],
            "goals": [{"id": "trip", "name": "Trip", "target": 100000, "cap": 50000}],
            "products": [
                {
                    "id": "serum",
                    "sku": "S-1",
                    "name": "Serum",
                    "price": 9900,
                    "currency": "CNY",
                    "url": "https://shop.example.com/serum",
                }
            ],
            "media": [ASSET],
            "scenes": [
                {
                    "id": "intro",
                    "title": "Intro",
                    "media": "clip",
                    "on_enter": [{"var": "mood", "op": "add", "value": 1}],
                    "prompts": [
                        {"id": "p1", "at_ms": 1000, "goal": "trip", "amount": 500, "text": "Save?"}
                    ],
                    "tags": [
                        {
                            "id": "t1",
                            "product": "serum",
                            "start_ms": 500,
                            "end_ms": 2500,
                            "hotspot": {"x": 0.1, "y": 0.1, "w": 0.3, "h": 0.2},
                        }
                    ],
                    "choice": {
                        "appear_ms": 3000,
                        "decision_ms": 5000,
                        "options": [
                            {
                                "id": "save",
                                "label": "Save",
                                "target": "end",
                                "default": True,
                                "deposit": {"goal": "trip", "amount": 2000},
                            },
                            {
                                "id": "rich",
                                "label": "Rich ending",
                                "target": "end",
                                "condition": {">=": [{"var": "saved.trip"}, 2500]},
                            },
                        ],
                    },
                },
                {"id": "end", "title": "End", "media": "clip", "ending": True, "ending_kind": "good"},
            ],
            "start": "intro",
        }
    )
