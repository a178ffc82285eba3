"""Projects that omit every optional field, and the generated tables that fill them in.

``MINIMAL_PROJECTS`` hold one object of every kind of the project schema with
only its required fields (the empty project covers ``start``, which a project
with scenes must set).  The tables come from ``scripts/gen_player_tables.py``
(what ``resources/player/generated/tables.js`` holds; a test keeps the two
equal), so a default added to the model is covered here without editing this
file; a new kind of object makes :func:`uncovered` name it until a minimal
project holds one.
"""

from __future__ import annotations

import copy
import hashlib
import importlib.util
import json
from collections.abc import Iterator
from functools import cache
from types import ModuleType
from typing import Any

from tests.support import ROOT

GENERATOR = ROOT / "scripts" / "gen_player_tables.py"
Path_ = tuple[str | int, ...]

_SHA = "0" * 64


def _sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


_RECT = {"x": 0.5, "y": 0.5, "w": 0.2, "h": 0.2}

MINIMAL_PROJECTS: dict[str, dict[str, Any]] = {
    "empty": {"title": "Nothing yet"},
    "every-kind": {
        "title": "Defaults",
        "start": "open",
        "variables": [{"id": "score", "type": "int", "default": 0}],
        "goals": [{"id": "trip", "name": "Trip", "target": 10000}],
        "products": [{"id": "mug", "sku": "MUG-1", "name": "Mug"}],
        "media": [{"id": "clip", "path": "media/clip.mp4", "sha256": _SHA, "size": 1000,
                   "duration_ms": 6000, "width": 360, "height": 640, "fps": 24.0,
                   "video_codec": "h264", "container": "mp4"}],
        "audio": [{"id": "dub", "path": "media/dub.m4a", "sha256": _SHA, "size": 100, "duration_ms": 6000,
                   "codec": "aac", "container": "m4a"}],
        "scenes": [
            {"id": "open", "title": "Open", "media": "clip",
             "on_enter": [{"var": "score", "value": 1}],
             "prompts": [{"id": "ask", "at_ms": 1000, "goal": "trip", "amount": 500, "text": "Save?",
                          "accept_effects": [{"var": "score", "value": 2}],
                          "decline_effects": [{"var": "score", "value": 3}]},
                         {"id": "ask-again", "at_ms": 2000, "goal": "trip", "amount": 200, "text": "Again?"}],
             "tags": [{"id": "tag", "product": "mug", "start_ms": 500, "end_ms": 2500, "hotspot": _RECT}],
             # timeout "default" (the default) needs a default option: "a" sets it, "b" omits it.
             "choice": {"appear_ms": 3000, "decision_ms": 5000, "options": [
                 {"id": "a", "label": "A", "target": "end", "default": True,
                  "effects": [{"var": "score", "value": 4}],
                  "deposit": {"goal": "trip", "amount": 100}, "hotspot": _RECT},
                 {"id": "b", "label": "B", "target": "end"}]},
             # Subtitles: "en" omits its cues (SubtitleTrack's default), "ja" holds one; an en dub.
             "subtitles": [{"locale": "en"}, {"locale": "ja", "cues": [
                 {"start_ms": 0, "end_ms": 1000, "text": "Hiraku"}]}],
             "dubs": [{"locale": "en", "audio": "dub"}]},
            # "open" omits position (Scene's default); "end" gives one that omits x and y (Point's).
            {"id": "end", "title": "End", "media": "clip", "ending": True, "position": {}},
            # A storyboard card: no media (Scene's default), a placeholder that omits its colour and
            # duration (Placeholder's), continuing to "end" with no choice.
            {"id": "card", "title": "Card", "placeholder": {}, "next": "end"},
        ],
        # Translations: "en" omits its texts (LocaleTranslations' default), "ja" holds one.
        "target_locales": ["en", "ja"],
        "translations": [{"locale": "en"}, {"locale": "ja", "texts": [
            {"key": "scene/open/title", "text": "Hiraku", "source_sha": _sha256("Open")}]}],
    },
}


@cache
def generator() -> ModuleType:
    """``scripts/gen_player_tables.py`` as a module."""
    spec = importlib.util.spec_from_file_location("gen_player_tables", GENERATOR)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@cache
def _tables_json() -> str:
    gen = generator()
    from studio.model.currency import MINOR_UNITS, SYMBOLS

    schema = json.loads(gen.SCHEMA.read_text(encoding="utf-8"))
    return json.dumps(gen.build_tables(schema, MINOR_UNITS, SYMBOLS))


def tables() -> dict[str, Any]:
    """A fresh copy of the generated tables (ROOT, DEFAULTS, NESTED, MINOR_UNITS, SYMBOLS)."""
    loaded: dict[str, Any] = json.loads(_tables_json())
    return loaded


def walk(raw: Any, kind: str, path: Path_ = ()) -> Iterator[tuple[Path_, str, dict[str, Any]]]:
    """Every object in ``raw`` with its path and kind, by the tables' NESTED map."""
    if not isinstance(raw, dict):
        return
    yield path, kind, raw
    for field, (shape, child) in tables()["NESTED"][kind].items():
        value = raw.get(field)
        if shape == "list" and isinstance(value, list):
            for i, item in enumerate(value):
                yield from walk(item, child, (*path, field, i))
        elif shape == "one":
            yield from walk(value, child, (*path, field))


def omitted(raw: dict[str, Any]) -> list[tuple[Path_, str, str]]:
    """(object path, kind, field) of every defaulted field that ``raw`` leaves out."""
    defaults = tables()["DEFAULTS"]
    return [(path, kind, field) for path, kind, obj in walk(raw, tables()["ROOT"])
            for field in defaults[kind] if field not in obj]


def uncovered() -> set[tuple[str, str]]:
    """(kind, field) of every default that no minimal project leaves out (so nothing checks it)."""
    every = {(kind, field) for kind, fields in tables()["DEFAULTS"].items() for field in fields}
    seen = {(kind, field) for raw in MINIMAL_PROJECTS.values() for _, kind, field in omitted(raw)}
    return every - seen


def kinds_seen() -> set[str]:
    return {kind for raw in MINIMAL_PROJECTS.values() for _, kind, _ in walk(raw, tables()["ROOT"])}


def at(value: Any, path: Path_) -> Any:
    for key in path:
        value = value[key]
    return value


def fill(raw: dict[str, Any]) -> dict[str, Any]:
    """What engine.js's normalize() does, in Python, from the same tables (a check of the tables).

    Each object is filled before the walk goes into the objects it holds, as in engine.js."""
    out = copy.deepcopy(raw)
    defaults = tables()["DEFAULTS"]
    for _, kind, obj in walk(out, tables()["ROOT"]):
        for field, value in defaults[kind].items():
            obj.setdefault(field, copy.deepcopy(value))
    return out
