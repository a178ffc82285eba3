"""Seed documents for the fuzz tests: the sample dramas, the model factory's small drama and a v0 draft.

Each seed is a JSON tree plus the media files its folder needs, so that a
mutated seed written to a fresh folder validates, plays and exports against
real clips.  The factory and v0 seeds point their one asset at a real sample
clip (hash, size and probe values copied from the savings sample).
"""

from __future__ import annotations

import json
import os
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tests.model.factories import raw_project
from tests.support import ROOT, SAMPLES

V0_FIXTURE = ROOT / "tests" / "model" / "fixtures" / "v0.json"


@dataclass(frozen=True)
class Seed:
    tree: Any
    media: dict[str, Path]  # relative path in the project folder -> source file


def _sample(name: str) -> Seed:
    folder = SAMPLES / name
    tree = json.loads((folder / "drama.json").read_text("utf-8"))
    return Seed(tree, {m["path"]: folder / m["path"] for m in tree["media"]})


def _real_clip() -> tuple[dict[str, Any], Path]:
    savings = json.loads((SAMPLES / "savings" / "drama.json").read_text("utf-8"))
    asset = dict(savings["media"][0], id="clip", path="media/clip.mp4")
    return asset, SAMPLES / "savings" / savings["media"][0]["path"]


def _factory() -> Seed:
    tree = raw_project()
    asset, clip = _real_clip()
    tree["media"] = [asset]
    return Seed(tree, {"media/clip.mp4": clip})


def _v0() -> Seed:
    tree = json.loads(V0_FIXTURE.read_text("utf-8"))
    asset, clip = _real_clip()
    asset.pop("rotation")
    asset.pop("audio_codec")
    tree["media"] = [asset]
    return Seed(tree, {"media/clip.mp4": clip})


SEEDS: dict[str, Seed] = {
    "savings": _sample("savings"),
    "shoppable": _sample("shoppable"),
    "factory": _factory(),
    "v0": _v0(),
}
TREES = {name: seed.tree for name, seed in SEEDS.items()}


class Pool(dict[str, dict[str, Path]]):
    """Per seed: relative media path -> a private copy of the clip (never the repository's own)."""

    def __repr__(self) -> str:
        return "Pool(...)"


def media_pool(root: Path) -> Pool:
    """Copies of every seed's media under ``root``."""
    pool = Pool()
    for name, seed in SEEDS.items():
        pool[name] = {}
        for rel, source in seed.media.items():
            copy = root / name / rel
            copy.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, copy)
            pool[name][rel] = copy
    return pool


def write_project(folder: Path, pool: Pool, seed: str, data: bytes) -> Path:
    """A project folder holding ``data`` as drama.json and the seed's media (hard links to the pool)."""
    folder.mkdir(parents=True)
    for rel, source in pool[seed].items():
        target = folder / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.link(source, target)
        except OSError:
            shutil.copyfile(source, target)
    (folder / "drama.json").write_bytes(data)
    return folder
