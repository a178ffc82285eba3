"""Schema migrations: pure functions over raw dicts, run before validation.

Each step upgrades exactly one version (N -> N+1).  ``migrate(raw)`` applies
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

import copy
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
    out = dict(raw)
    out["format"] = FORMAT
    out["min_reader_version"] = 1
    if "start_scene" in out:
        out["start"] = out.pop("start_scene")
    scenes = []
    for scene in out.get("scenes", []):
        scene = dict(scene)
        if "end" in scene:
            scene["ending"] = scene.pop("end")
        choice = scene.get("choice")
        if isinstance(choice, dict):
            choice = dict(choice)
            options = []
            for opt in choice.get("options", []):
                opt = dict(opt)
                dep = opt.get("deposit")
                if isinstance(dep, dict) and "amount_fen" in dep:
                    dep = dict(dep)
                    dep["amount"] = dep.pop("amount_fen")
                    opt["deposit"] = dep
                options.append(opt)
            choice["options"] = options
            scene["choice"] = choice
        scenes.append(scene)
    if "scenes" in out:
        out["scenes"] = scenes
    return out


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
    data = copy.deepcopy(raw)
    while version < SCHEMA_VERSION:
        fn = STEPS.get(version)
        if fn is None:
            raise MigrationError(f"no migration from schema v{version}")
        data = fn(data)
        version += 1
        data["schema_version"] = version
    return data, original
