"""Schema v3 dramas for the player's card tests: placeholders in author text, deposit options that
show their amount, ending titles and texts, product tags that end, storyboard (placeholder) scenes.
They reuse the savings sample's clips (6 s each, 24 fps)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.player.support import assemble_bundle, sample_drama
from tests.support import SAMPLES

LONG_TEXT = " ".join(
    f"Line {i}: the money you put aside each payday added up, and the trip was paid for."
    for i in range(1, 13)
)


def _media(*ids: str) -> list[dict[str, Any]]:
    assets = {m["id"]: m for m in sample_drama("savings")["media"]}
    return [dict(assets[i]) for i in ids]


def _project(title: str, scenes: list[dict[str, Any]], media: list[str], **extra: Any) -> dict[str, Any]:
    drama: dict[str, Any] = {
        "format": "drama-studio-project", "schema_version": 3, "min_reader_version": 3,
        "title": title, "aspect": "9:16", "locale": "en", "currency": "USD",
        "goals": [{"id": "trip", "name": "Trip", "target": 300000}],
        "products": [{"id": "serum", "sku": "SER-1", "name": "Serum", "price": 1999, "currency": "USD",
                      "url": "https://shop.example.com/serum"}],
        "media": _media(*media), "scenes": scenes, "start": scenes[0]["id"],
    }
    drama.update(extra)
    return drama


def _choice(appear: int, decision: int, options: list[dict[str, Any]], **extra: Any) -> dict[str, Any]:
    return {"appear_ms": appear, "decision_ms": decision, "timeout": "pause", "mode": "cut",
            "show_countdown": False, "options": options, **extra}


def badge_drama(hotspots: bool = False) -> dict[str, Any]:
    """A deposit option that shows its amount, one that does not, a plain one; a tag CTA with
    {product} and {price}; an ending with its own title (escaped braces) and text.
    ``hotspots``: the options are hotspots on the frame (small boxes) instead of the dock's list."""
    drama = _project("Badges", [
        {"id": "s1", "title": "Payday", "media": "payday", "out_ms": 4000,
         "prompts": [{"id": "p", "at_ms": 200, "goal": "trip", "amount": 5000, "pause": False,
                      "text": "Put {amount} towards {goal}? {{really}}"}],
         "tags": [{"id": "t", "product": "serum", "start_ms": 0, "end_ms": 4000,
                   "cta": "Get {product} for {price}",
                   "hotspot": {"x": 0.55, "y": 0.2, "w": 0.35, "h": 0.12}}],
         "choice": _choice(300, 1500, [
             {"id": "save", "label": "Save {amount} for {goal}", "target": "end",
              "deposit": {"goal": "trip", "amount": 20000}},
             {"id": "quiet", "label": "Put a little aside", "target": "end",
              "deposit": {"goal": "trip", "amount": 500}, "show_amount": False},
             {"id": "spend", "label": "Spend it", "target": "end"},
         ])},
        {"id": "end", "title": "The end", "media": "ending_dream", "out_ms": 1200, "ending": True,
         "ending_kind": "good", "ending_title": "Off to {{the coast}}",
         "ending_text": "Saving paid for the trip."},
    ], ["payday", "ending_dream"])
    if hotspots:
        for i, option in enumerate(drama["scenes"][0]["choice"]["options"]):
            option["hotspot"] = {"x": 0.06 + 0.31 * i, "y": 0.62, "w": 0.28, "h": 0.08}
    return drama


def ending_drama(dead_end: bool = False) -> dict[str, Any]:
    """One short scene: an ending with a long text (or a dead end: no ending, no choice)."""
    scene: dict[str, Any] = {"id": "only", "title": "Only", "media": "ending_dream", "out_ms": 800}
    if not dead_end:
        scene.update(ending=True, ending_kind="neutral", ending_title="A long way home",
                     ending_text=LONG_TEXT)
    return _project("Ending", [scene], ["ending_dream"])


def product_drama() -> dict[str, Any]:
    """A tag that ends before the choice, one that lasts the scene; the next scene has a tag too."""
    hotspot = {"x": 0.1, "y": 0.25, "w": 0.3, "h": 0.12}
    return _project("Products", [
        {"id": "p1", "title": "Shop", "media": "payday",
         "tags": [{"id": "short", "product": "serum", "start_ms": 0, "end_ms": 1500, "hotspot": hotspot},
                  {"id": "long", "product": "serum", "start_ms": 0, "end_ms": 6000,
                   "hotspot": {"x": 0.55, "y": 0.25, "w": 0.3, "h": 0.12}}],
         "choice": _choice(2000, 4000, [{"id": "go", "label": "Go on", "target": "p2"},
                                        {"id": "stay", "label": "Stay here", "target": "p2"}])},
        {"id": "p2", "title": "After", "media": "save_path", "ending": True, "ending_kind": "good",
         "tags": [{"id": "after", "product": "serum", "start_ms": 0, "end_ms": 6000, "hotspot": hotspot}]},
    ], ["payday", "save_path"])


def storyboard_drama() -> dict[str, Any]:
    """Card -> (choice) -> clip -> (timeout) -> card ending; the first card has a prompt and a tag."""
    return _project("Storyboard", [
        {"id": "c1", "title": "Payday (storyboard)", "media": None,
         "placeholder": {"colour": "#e76f51", "duration_ms": 2500},
         "prompts": [{"id": "p", "at_ms": 300, "goal": "trip", "amount": 5000, "pause": False,
                      "text": "Put {amount} aside?"}],
         "tags": [{"id": "t", "product": "serum", "start_ms": 0, "end_ms": 2500, "cta": "Shop {product}",
                   "hotspot": {"x": 0.55, "y": 0.2, "w": 0.35, "h": 0.12}}],
         "choice": _choice(800, 2000, [{"id": "to_clip", "label": "Watch the clip", "target": "m1"},
                                       {"id": "to_card", "label": "Skip to the end", "target": "c2"}])},
        {"id": "m1", "title": "Clip", "media": "payday", "in_ms": 1000, "out_ms": 3000,
         "choice": _choice(1200, 2000, [{"id": "on", "label": "On", "target": "c2", "default": True}],
                           timeout="default", mode="play_to_end")},
        {"id": "c2", "title": "Ending card", "media": None,
         "placeholder": {"colour": "#f4e285", "duration_ms": 1500},
         "ending": True, "ending_kind": "good", "ending_title": "Storyboard done"},
    ], ["payday"])


def next_drama() -> dict[str, Any]:
    """Scene.next: a card continues by itself into a clip, which continues into an ending card."""
    return _project("Next", [
        {"id": "c1", "title": "Opening card", "media": None,
         "placeholder": {"colour": "#3d5a80", "duration_ms": 1200}, "next": "m1"},
        {"id": "m1", "title": "Clip", "media": "payday", "out_ms": 1500, "next": "c2"},
        {"id": "c2", "title": "Closing card", "media": None,
         "placeholder": {"colour": "#264653", "duration_ms": 1000}, "ending": True, "ending_kind": "neutral"},
    ], ["payday"])


def bundle(drama: dict[str, Any], root: Path, name: str) -> str:
    """Lay the drama out as a served bundle under ``root``; returns its player's path."""
    dest = root / name
    if not (dest / "manifest.json").is_file():
        assemble_bundle(drama, SAMPLES / "savings", dest)
    return f"{name}/player/index.html"
