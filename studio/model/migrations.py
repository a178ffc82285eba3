"""Schema migrations: pure functions over raw dicts, run before validation.

Each step upgrades exactly one version (N -> N+1) and must accept any JSON
value where it expects an object or a list (it leaves what it does not
recognise to validation, which names it).  ``migrate(raw)`` applies
the chain up to ``SCHEMA_VERSION``.  Files whose ``min_reader_version`` is
newer than this build are refused by ``studio.model.io`` before migration.

History
-------
v0 (pre-release drafts): no ``format`` or ``min_reader_version``; the start
scene was ``start_scene``; an ending was ``"end": true`` on a scene; money
amounts on deposits were named ``amount_fen``.
v1: the first released schema.
v2: ``replay_deposits`` (whether a replay's deposits are real; v1 files had no
such choice and are migrated to ``false``, the default). Readers older than v2
would refuse the new key, so v2 files say ``min_reader_version: 2``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from studio.model.project import FORMAT, SCHEMA_VERSION

Raw = dict[str, Any]
STEPS: dict[int, Callable[[Raw], Raw]] = {}


def step(from_version: int) -> Callable[[Callable[[Raw], Raw]], Callable[[Raw], Raw]]:
    """Register ``fn`` as the migration from ``from_version`` to the next."""

    def register(fn: Callable[[Raw], Raw]) -> Callable[[Raw], Raw]:
        if from_version in STEPS:
            raise RuntimeError(f"duplicate migration from v{from_version}")
        STEPS[from_version] = fn
        return fn

    return register


class MigrationError(ValueError):
    """A file that cannot be brought up to the current schema."""


@step(0)
def _v0_to_v1(raw: Raw) -> Raw:
    # Anything that is not the expected shape is passed on untouched: validation then names it
    # ("scene 3: Input should be a valid dictionary"), instead of the migration crashing on it.
    out = dict(raw)
    out["format"] = FORMAT
    out["min_reader_version"] = 1
    if "start_scene" in out:
        out["start"] = out.pop("start_scene")
    scenes = out.get("scenes")
    if isinstance(scenes, list):
        out["scenes"] = [_v0_scene(scene) for scene in scenes]
    return out


def _v0_scene(scene: Any) -> Any:
    if not isinstance(scene, dict):
        return scene
    scene = dict(scene)
    if "end" in scene:
        scene["ending"] = scene.pop("end")
    choice = scene.get("choice")
    if isinstance(choice, dict) and isinstance(choice.get("options"), list):
        choice = dict(choice)
        choice["options"] = [_v0_option(opt) for opt in choice["options"]]
        scene["choice"] = choice
    return scene


def _v0_option(opt: Any) -> Any:
    if not isinstance(opt, dict):
        return opt
    dep = opt.get("deposit")
    if isinstance(dep, dict) and "amount_fen" in dep:
        opt = dict(opt)
        dep = dict(dep)
        dep["amount"] = dep.pop("amount_fen")
        opt["deposit"] = dep
    return opt


@step(1)
def _v1_to_v2(raw: Raw) -> Raw:
    out = dict(raw)
    out.setdefault("replay_deposits", False)
    out["min_reader_version"] = 2
    return out


def migrate(raw: Raw) -> tuple[Raw, int]:
    """Return ``(raw upgraded to SCHEMA_VERSION, original version)``."""
    version = raw.get("schema_version", 0)
    if isinstance(version, bool) or not isinstance(version, int) or version < 0:
        raise MigrationError(f"schema_version {version!r} is not a non-negative integer")
    original = version
    if version >= SCHEMA_VERSION:
        return raw, original  # nothing to do: no copy (it costs ~40 ms per 1,000 scenes)
    # Each step copies what it changes (never the caller's dicts) and nothing recursive runs
    # here: nesting depth was bounded by the parser before (studio.model.strict_json).
    data = dict(raw)
    while version < SCHEMA_VERSION:
        fn = STEPS.get(version)
        if fn is None:
            raise MigrationError(f"no migration from schema v{version}")
        data = fn(data)
        version += 1
        data["schema_version"] = version
    return data, original
