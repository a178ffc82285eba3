"""Big synthetic projects for the scale benchmark (``bench_scale.py``) and the scale tests.

Two shapes, both deterministic and valid (every scene reachable, every path ends):

- ``chain_raw(n)``: ``n`` scenes in one chain, ``s0 -> s1 -> ... -> s{n-1}`` (an
  ending).  Each scene plays a clip (``clips`` assets shared round-robin, like
  a series reusing its footage) and has a choice whose default option leads to
  the next scene; every few scenes the choice plays to the end, an option
  deposits, a savings prompt or a product tag shows, or ``on_enter`` counts
  the scenes.  A second, conditional option (``extra_options``) points to the
  same next scene, so conditions are checked and evaluated without changing
  the path or the path count (two options to the same scene are two paths:
  keep ``extra_options`` 0 for a count of 1).
- ``fanout_raw(n, width)``: blocks of a hub scene whose choice fans out to
  ``width`` branch scenes (options with conditions on variables and saved
  totals, deposits, prompts, tags), each branch joining the next hub; a few
  hubs also loop back to the previous hub (a loop with a way out).  The path
  count grows as ``width ** blocks``: this is the shape that makes statistics
  and validation do real work.

``write_project(folder, raw)`` validates the data, saves it canonically
(``studio.model.io.save``: what a load + save reproduces byte for byte) and
writes the fake clip files so that validation with media checks finds them.

Command line: ``python bench/bigproject.py chain|fanout N OUTDIR``.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from studio.model import Project, save  # noqa: E402

CLIP_MS = 6000
APPEAR_MS = 3000
DECISION_MS = 5000
GOALS = ({"id": "fund", "name": "Rainy day fund", "target": 5_000_000, "cap": 4_000_000},
         {"id": "trip", "name": "Trip", "target": 2_000_000})
PRODUCTS = 4
N_CLIPS = 50  # clips shared round-robin by default
HOTSPOT = {"x": 0.1, "y": 0.1, "w": 0.3, "h": 0.2}


def clip_bytes(k: int) -> bytes:
    """The bytes of fake clip ``k`` (never decoded: only sized and hashed)."""
    return (f"drama-studio big project clip {k}\n".encode() * 40)[: 900 + 13 * k % 500]


def _media(clips: int) -> list[dict[str, Any]]:
    out = []
    for k in range(clips):
        data = clip_bytes(k)
        out.append({
            "id": f"clip{k}", "path": f"media/clip{k}.mp4",
            "sha256": hashlib.sha256(data).hexdigest(), "size": len(data),
            "duration_ms": CLIP_MS, "width": 360, "height": 640, "fps": 24.0,
            "video_codec": "h264", "audio_codec": "aac", "container": "mp4",
        })
    return out


def _base(title: str, clips: int) -> dict[str, Any]:
    return {
        "title": title,
        "variables": [
            {"id": "count", "type": "int", "default": 0},
            {"id": "brave", "type": "bool", "default": False},
            {"id": "mood", "type": "string", "default": "calm"},
        ],
        "goals": [dict(g) for g in GOALS],
        "products": [
            {"id": f"prod{k}", "sku": f"SKU-{k}", "name": f"Product {k}", "price": 1000 + 100 * k,
             "url": f"https://shop.example.com/p{k}"}
            for k in range(PRODUCTS)
        ],
        "media": _media(clips),
    }


def _extras(scene: dict[str, Any], i: int) -> None:
    """Timed items on some scenes: a prompt (every 7th), a tag (every 5th), a counter (every 3rd)."""
    if i % 7 == 3:
        scene["prompts"] = [{"id": "p0", "at_ms": 1500, "goal": GOALS[i % 2]["id"],
                             "amount": 100 + i % 9 * 100, "text": "Save a little?",
                             "pause": i % 14 == 3}]
    if i % 5 == 1:
        scene["tags"] = [{"id": "t0", "product": f"prod{i % PRODUCTS}", "start_ms": 500,
                          "end_ms": 2500, "hotspot": dict(HOTSPOT)}]
    if i % 3 == 0:
        scene["on_enter"] = [{"var": "count", "op": "add", "value": 1}]


def chain_raw(
    n: int, clips: int = N_CLIPS, extra_options: int = 0, deposit_every: int = 10
) -> dict[str, Any]:
    """``n`` scenes in one chain (see the module docstring); every ``deposit_every``-th option deposits."""
    if n < 1:
        raise ValueError("n must be at least 1")
    clips = max(1, min(clips, n))
    raw = _base(f"Chain of {n} scenes", clips)
    scenes: list[dict[str, Any]] = []
    for i in range(n):
        scene: dict[str, Any] = {
            "id": f"s{i}", "title": f"Scene {i}", "media": f"clip{i % clips}",
            "position": {"x": float(i % 100) * 300.0, "y": float(i // 100) * 200.0},
        }
        if i == n - 1:
            scene["ending"] = True
            scene["ending_kind"] = "good"
        else:
            option: dict[str, Any] = {"id": "next", "label": "Go on", "target": f"s{i + 1}",
                                      "default": True}
            if i % deposit_every == 4 % deposit_every:
                option["deposit"] = {"goal": GOALS[i % 2]["id"], "amount": 100}
            options = [option]
            for k in range(extra_options):
                options.append({"id": f"alt{k}", "label": f"Alt {k}", "target": f"s{i + 1}",
                                "condition": {">": [{"var": "count"}, 1_000_000 + k]}})
            scene["choice"] = {"appear_ms": APPEAR_MS, "decision_ms": DECISION_MS,
                               "mode": "play_to_end" if i % 4 == 2 else "cut", "options": options}
        _extras(scene, i)
        scenes.append(scene)
    raw["scenes"] = scenes
    raw["start"] = "s0"
    return raw


def _condition(i: int, k: int) -> Any:
    kind = (i + k) % 4
    if kind == 0:
        return {">=": [{"var": f"saved.{GOALS[k % 2]['id']}"}, 100 * (k + 1)]}
    if kind == 1:
        return {"==": [{"var": "brave"}, k % 2 == 0]}
    if kind == 2:
        return {"or": [{"<": [{"var": "count"}, k]}, {"in": [{"var": "mood"}, ["calm", "bold"]]}]}
    return {"and": [{">": [{"var": "count"}, -1]}, {"!": [{"==": [{"var": "mood"}, "sad"]}]}]}


def fanout_raw(n: int, width: int = 8, clips: int = N_CLIPS) -> dict[str, Any]:
    """About ``n`` scenes: hubs fanning out to ``width`` branches that join the next hub."""
    if not 1 <= width <= 12:
        raise ValueError("width must be 1..12 (options per choice)")
    blocks = max(1, n // (width + 1))
    clips = max(1, min(clips, n))
    raw = _base(f"Fan-out of {blocks} hubs x {width} branches", clips)
    scenes: list[dict[str, Any]] = []

    def add(sid: str, i: int, options: list[dict[str, Any]] | None) -> None:
        scene: dict[str, Any] = {
            "id": sid, "title": sid, "media": f"clip{i % clips}",
            "position": {"x": float(i % 100) * 300.0, "y": float(i // 100) * 200.0},
        }
        if options is None:
            scene["ending"] = True
            scene["ending_kind"] = ("good", "neutral", "bad")[i % 3]
        else:
            scene["choice"] = {"appear_ms": APPEAR_MS, "decision_ms": DECISION_MS,
                               "mode": "play_to_end" if i % 6 == 5 else "cut", "options": options}
        _extras(scene, i)
        scenes.append(scene)

    for b in range(blocks):
        hub, nxt = f"h{b}", f"h{b + 1}"
        options = []
        for k in range(width):
            option: dict[str, Any] = {"id": f"o{k}", "label": f"Branch {k}", "target": f"b{b}_{k}"}
            if k == 0:
                option["default"] = True
            else:
                option["condition"] = _condition(b, k)
            if k % 3 == 1:
                option["deposit"] = {"goal": GOALS[k % 2]["id"], "amount": 50 * k}
            options.append(option)
        add(hub, len(scenes), options)
        for k in range(width):
            back = b > 0 and b % 50 == 7 and k == width - 1  # a loop back, with a way out
            targets = [nxt] + ([f"h{b - 1}"] if back else [])
            add(f"b{b}_{k}", len(scenes), [
                {"id": f"to{j}", "label": "On", "target": t, "default": j == 0}
                for j, t in enumerate(targets)
            ])
    add(f"h{blocks}", len(scenes), None)
    raw["scenes"] = scenes
    raw["start"] = "h0"
    return raw


def write_media(folder: Path, clips: int) -> None:
    """The fake clip files of ``_media(clips)`` (size and sha256 match)."""
    (folder / "media").mkdir(parents=True, exist_ok=True)
    for k in range(clips):
        (folder / "media" / f"clip{k}.mp4").write_bytes(clip_bytes(k))


def write_project(folder: Path, raw: dict[str, Any], media: bool = True) -> Path:
    """Validate ``raw``, save it canonically in ``folder`` (and its clips); the file written."""
    project = Project.model_validate(raw)
    if media:
        write_media(folder, len(project.media))
    return save(project, folder, keep_backup=False)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Write a big synthetic drama project folder.")
    parser.add_argument("shape", choices=("chain", "fanout"))
    parser.add_argument("n", type=int)
    parser.add_argument("outdir", type=Path)
    parser.add_argument("--width", type=int, default=8, help="fan-out width (fanout)")
    parser.add_argument("--clips", type=int, default=N_CLIPS)
    args = parser.parse_args(argv)
    raw = chain_raw(args.n, args.clips) if args.shape == "chain" else fanout_raw(
        args.n, args.width, args.clips)
    path = write_project(args.outdir, raw)
    print(f"wrote {path} ({len(raw['scenes'])} scenes, {path.stat().st_size} bytes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
