"""Synthetic drama projects for benchmarks and property tests.

``generate(n_scenes, seed)`` builds a deterministic project: branching of 1-4
options, merges (options point to scenes a little further on), a few cycles
that always have a way out (back edges from scenes that also have forward
options), conditions on variables and saved totals, option deposits, savings
prompts, product tags and ~5% endings.  Media entries are fake: a handful of
assets shared by all scenes, hashed from bytes that ``write_media`` can put on
disk so that a written folder validates against its media.

Command line: ``python bench/gen_project.py N OUTDIR [--seed S]`` writes
``OUTDIR/drama.json`` and the fake media files.
"""

from __future__ import annotations

import argparse
import hashlib
import random
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from studio.model import Project, save  # noqa: E402

N_ASSETS = 6
CLIP_MS = 6000
GOALS = ({"id": "fund", "name": "Rainy day fund", "target": 500000, "cap": 400000},
         {"id": "trip", "name": "Trip", "target": 200000, "cap": None})
PRODUCTS = 8


def fake_media_bytes(k: int) -> bytes:
    """The bytes of fake asset ``k`` (never decoded: only sized and hashed)."""
    return (f"drama-studio fake clip {k}\n".encode() * 64)[: 1000 + 37 * k]


def _media() -> list[dict[str, Any]]:
    out = []
    for k in range(N_ASSETS):
        data = fake_media_bytes(k)
        out.append({
            "id": f"clip{k}", "path": f"media/clip{k}.mp4",
            "sha256": hashlib.sha256(data).hexdigest(), "size": len(data),
            "duration_ms": CLIP_MS, "width": 360, "height": 640, "fps": 24.0,
            "video_codec": "h264", "audio_codec": "aac", "container": "mp4",
        })
    return out


def _condition(rng: random.Random) -> Any:
    roll = rng.random()
    if roll < 0.4:
        return {">=": [{"var": f"saved.{rng.choice(GOALS)['id']}"}, rng.randrange(1, 50) * 1000]}
    if roll < 0.7:
        return {"==": [{"var": "brave"}, rng.random() < 0.5]}
    return {">": [{"var": "score"}, rng.randrange(-3, 5)]}


def _options(
    rng: random.Random, i: int, n: int, ending_from: int, endings: set[int]
) -> list[dict[str, Any]]:
    count = rng.choice((1, 2, 2, 2, 3, 3, 4))
    skip = i + 1 in endings and i + 2 < n  # keep the spine going past an ending
    if skip:
        count = max(count, 2)
    options: list[dict[str, Any]] = []
    for k in range(count):
        back = k > 0 and i > 5 and rng.random() < 0.007
        if k < 2 and (k == 0 or skip):
            target = i + 1 + k  # a spine through all scenes keeps everything reachable
        elif back:
            target = rng.randrange(max(1, i - 20), i)
        else:
            target = min(n - 1, i + 1 + int(rng.expovariate(1 / 6)))
        if target >= ending_from and rng.random() < 0.5:
            target = rng.randrange(ending_from, n)
        opt: dict[str, Any] = {"id": f"o{k}", "label": f"Option {k}", "target": f"s{target}"}
        if k == 0:
            opt["default"] = True
        elif rng.random() < 0.25:
            opt["condition"] = _condition(rng)
        if rng.random() < 0.2:
            opt["deposit"] = {"goal": rng.choice(GOALS)["id"], "amount": rng.randrange(1, 100) * 100}
        if rng.random() < 0.2:
            opt["effects"] = [{"var": "score", "op": rng.choice(("add", "sub")), "value": 1}]
        options.append(opt)
    return options


def _scene(
    rng: random.Random, i: int, n: int, ending_from: int, endings: set[int]
) -> dict[str, Any]:
    scene: dict[str, Any] = {
        "id": f"s{i}", "title": f"Scene {i}", "media": f"clip{rng.randrange(N_ASSETS)}",
        "position": {"x": float(i % 100) * 300.0, "y": float(i // 100) * 200.0},
    }
    if rng.random() < 0.2:
        scene["in_ms"] = 500
    if i in endings:
        scene["ending"] = True
        scene["ending_kind"] = rng.choice(("good", "neutral", "bad", None))
    else:
        scene["choice"] = {
            "appear_ms": 3000, "decision_ms": 5500,
            "mode": "cut" if rng.random() < 0.7 else "play_to_end",
            "options": _options(rng, i, n, ending_from, endings),
        }
    if rng.random() < 0.1:
        scene["prompts"] = [{
            "id": "p0", "at_ms": 1500, "goal": rng.choice(GOALS)["id"],
            "amount": rng.randrange(1, 50) * 100, "text": "Save a little?",
        }]
    if rng.random() < 0.2:
        scene["tags"] = [{
            "id": "t0", "product": f"prod{rng.randrange(PRODUCTS)}", "start_ms": 1000,
            "end_ms": 2500, "hotspot": {"x": 0.1, "y": 0.1, "w": 0.3, "h": 0.2},
        }]
    return scene


def generate_raw(n_scenes: int, seed: int = 0) -> dict[str, Any]:
    """The project as JSON-ready data (see module docstring)."""
    if n_scenes < 2:
        raise ValueError("n_scenes must be at least 2")
    rng = random.Random(seed)
    ending_from = n_scenes - max(1, n_scenes // 50)
    endings = {i for i in range(1, n_scenes) if i >= ending_from or rng.random() < 0.04}
    goals = [{k: v for k, v in g.items() if v is not None} for g in GOALS]
    products = [
        {"id": f"prod{k}", "sku": f"SKU-{k}", "name": f"Product {k}",
         "price": 1000 + 100 * k, "url": f"https://shop.example.com/p{k}"}
        for k in range(PRODUCTS)
    ]
    return {
        "title": f"Synthetic drama ({n_scenes} scenes, seed {seed})",
        "variables": [
            {"id": "brave", "type": "bool", "default": False},
            {"id": "score", "type": "int", "default": 0},
        ],
        "goals": goals,
        "products": products,
        "media": _media(),
        "scenes": [_scene(rng, i, n_scenes, ending_from, endings) for i in range(n_scenes)],
        "start": "s0",
    }


def generate(n_scenes: int, seed: int = 0) -> Project:
    """A synthetic, valid project with ``n_scenes`` scenes (deterministic for a seed)."""
    return Project.model_validate(generate_raw(n_scenes, seed))


def write_media(folder: Path) -> None:
    """Write the fake media files so that size and sha256 match the entries."""
    (folder / "media").mkdir(parents=True, exist_ok=True)
    for k in range(N_ASSETS):
        (folder / "media" / f"clip{k}.mp4").write_bytes(fake_media_bytes(k))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Write a synthetic drama project folder.")
    parser.add_argument("n_scenes", type=int)
    parser.add_argument("outdir", type=Path)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    project = generate(args.n_scenes, args.seed)
    write_media(args.outdir)
    path = save(project, args.outdir, keep_backup=False)
    print(f"wrote {path} ({len(project.scenes)} scenes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
