"""Scene switch gaps of the web player in headless Chromium, against a naive single <video>.

A chain of ``--scenes`` scenes (1 s trims of the 24 fps sample clips, some
starting mid-clip) plays twice in the same browser run:

- ``player``: the real web player (resources/player) on a bundle folder; the
  next scene is pre-rolled in the second <video> and swapped in on its first
  frame;
- ``naive``: one <video> whose ``src`` is replaced (and seeked to the trim
  start) when the trim end is reached.

Every presented frame of every <video> is recorded with
requestVideoFrameCallback (``expectedDisplayTime``, ``mediaTime``). For each
switch, *gap* is the time from the last presented frame of scene A inside its
trim to the first presented frame of scene B, in frame intervals (1000/24
ms): a seamless cut is 1.0 (A's last frame stays up for one normal frame
time). *extra* = gap - 1: how long the picture froze (or went black, for the
naive swap) beyond a normal frame. Also counted: frames of A shown past its
trim end (content the author cut).
Prints p50/p95/max per variant. Target: player p95 extra <= 1 frame interval.

Needs /usr/bin/chromium. About 1 minute. Usage:
``.venv/bin/python bench/bench_player_switch.py [--scenes 24] [--seconds 1.0]``.
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests.player.support import (  # noqa: E402
    CHROMIUM,
    CHROMIUM_ARGS,
    assemble_bundle,
    sample_drama,
    serve,
)

FPS = 24
FRAME_MS = 1000 / FPS
CLIPS = ("payday", "save_path", "spend_path", "month_end", "temptation", "ending_dream",
         "ending_steady", "ending_broke")

RECORDER = """(() => {
  window.__frames = [];
  window.__switches = [];
  const hook = (v) => {
    let handle = null;
    const cb = (now, m) => {
      window.__frames.push({el: v.id, src: v.currentSrc, media: m.mediaTime,
                            at: m.expectedDisplayTime, n: m.presentedFrames});
      handle = v.requestVideoFrameCallback(cb);
    };
    const arm = () => {
      if (handle !== null) v.cancelVideoFrameCallback(handle);
      handle = v.requestVideoFrameCallback(cb);
    };
    v.addEventListener('play', arm);
    v.addEventListener('loadstart', arm);
    arm();
  };
  window.__swaps = [];
  const vsync = 1000 / 60;
  // A video brought to the top is visible from the paint of the next animation frame.
  const watch = new MutationObserver((records) => {
    for (const r of records) {
      if (r.target.classList.contains('is-active') && !(r.oldValue || '').includes('is-active')) {
        const el = r.target.id;
        requestAnimationFrame((now) => window.__swaps.push({el, at: now + vsync}));
      }
    }
  });
  document.addEventListener('DOMContentLoaded', () => document.querySelectorAll('video').forEach((v) => {
    hook(v);
    watch.observe(v, {attributes: true, attributeFilter: ['class'], attributeOldValue: true});
  }));
  window.addEventListener('drama:scene_started',
    (e) => window.__switches.push({scene: e.detail.scene, at: performance.now()}));
  window.addEventListener('drama:ending_reached', () => { window.__done = true; });
})();
"""

NAIVE_HTML = """<!doctype html><html><head><meta charset="utf-8"><title>naive</title>
<link rel="icon" href="data:,">
<style>html,body{margin:0;background:#000}video{width:360px;height:640px;display:block}</style>
</head><body><video id="v" playsinline muted preload="auto"></video>
<script src="naive.js"></script></body></html>
"""

NAIVE_JS = """(async () => {
  const seq = await (await fetch('naive.json')).json();
  const v = document.getElementById('v');
  let i = -1;
  const next = () => {
    i += 1;
    if (i >= seq.length) { v.pause(); window.__done = true; return; }
    const s = seq[i];
    window.__switches.push({scene: s.id, at: performance.now()});
    v.src = s.src;
    const go = () => { v.currentTime = s.in / 1000; v.play().catch(() => {}); };
    if (s.in > 0) v.addEventListener('loadedmetadata', go, {once: true}); else v.play().catch(() => {});
  };
  const tick = () => {
    if (i >= 0 && i < seq.length && (v.currentTime * 1000 >= seq[i].out || v.ended)) next();
    if (!window.__done) requestAnimationFrame(tick);
  };
  next();
  requestAnimationFrame(tick);
})();
"""


@dataclass(frozen=True)
class Seg:
    id: str
    media: str
    in_ms: int
    out_ms: int


def segments(count: int, length_ms: int) -> list[Seg]:
    out = []
    for i in range(count):
        clip = CLIPS[i % len(CLIPS)]
        start = (i % 3) * 1000
        out.append(Seg(f"s{i:02d}", clip, start, start + length_ms))
    return out


def bench_drama(segs: list[Seg]) -> dict[str, Any]:
    media = {m["id"]: m for m in sample_drama("savings")["media"]}
    scenes: list[dict[str, Any]] = []
    for i, seg in enumerate(segs):
        scene: dict[str, Any] = {"id": seg.id, "title": seg.id, "media": seg.media,
                                 "in_ms": seg.in_ms, "out_ms": seg.out_ms}
        if i + 1 < len(segs):
            scene["choice"] = {
                "appear_ms": seg.in_ms + 100, "decision_ms": seg.in_ms + 200,
                "timeout": "default", "mode": "play_to_end", "show_countdown": False,
                "options": [{"id": "next", "label": "Next", "target": segs[i + 1].id,
                             "default": True}],
            }
        else:
            scene["ending"] = True
        scenes.append(scene)
    used = sorted({s.media for s in segs})
    return {"title": "switch bench", "currency": "CNY", "media": [media[m] for m in used],
            "scenes": scenes, "start": segs[0].id}


@dataclass
class Result:
    gaps: list[float]  # last in-trim frame of A -> first frame of B, frame intervals
    holds: list[float]  # how long B's first frame stayed up, frame intervals
    leaked: int  # frames of A shown at or past A's trim end
    missing: int  # switches that could not be measured


def gaps(frames: list[dict[str, Any]], switches: list[dict[str, Any]],
         swaps: list[dict[str, Any]], segs: list[Seg], src_of: dict[str, str]) -> Result:
    """Per switch: gap in frame intervals; plus frames shown past trim ends and misses."""
    out: list[float] = []
    holds: list[float] = []
    leaked = missing = 0
    starts = {s["scene"]: s["at"] for s in switches}
    for a, b in itertools.pairwise(segs):
        if b.id not in starts or a.id not in starts:
            missing += 1
            continue
        b_frames = [f for f in frames if f["src"].endswith(src_of[b.media])
                    and b.in_ms / 1000 - 0.002 <= f["media"] < b.in_ms / 1000 + 0.5
                    and f["at"] >= starts[b.id] - 5]
        if not b_frames:
            missing += 1
            continue
        first_b = min(f["at"] for f in b_frames)
        second_b = min((f["at"] for f in b_frames if f["at"] > first_b), default=None)
        # With two elements, B's pre-rolled first frame becomes visible at the swap.
        b_el = min(b_frames, key=lambda f: f["at"])["el"]
        shown = [w["at"] for w in swaps if w["el"] == b_el and w["at"] >= starts[b.id] - 5]
        if shown and min(shown) < first_b:
            second_b, first_b = first_b, min(shown)
        if second_b is not None:
            holds.append((second_b - first_b) / FRAME_MS)
        a_frames = [f for f in frames if f["src"].endswith(src_of[a.media])
                    and a.in_ms / 1000 - 0.002 <= f["media"] <= a.out_ms / 1000 + 0.3
                    and starts[a.id] - 5 <= f["at"] < first_b]
        if not a_frames:
            missing += 1
            continue
        legit = [f["at"] for f in a_frames if f["media"] < a.out_ms / 1000 - 0.0005]
        leaked += len(a_frames) - len(legit)
        if not legit:
            missing += 1
            continue
        out.append((first_b - max(legit)) / FRAME_MS)
    return Result(out, holds, leaked, missing)


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, round(q * (len(ordered) - 1))))
    return ordered[k]


def run(page: Any, url: str, timeout_s: float) -> tuple[list[Any], list[Any], list[Any]]:
    page.goto(url)
    page.wait_for_function("() => window.__done === true", timeout=timeout_s * 1000)
    page.wait_for_timeout(300)
    return (page.evaluate("window.__frames"), page.evaluate("window.__switches"),
            page.evaluate("window.__swaps"))


def report(name: str, r: Result) -> None:
    g, extra, h = r.gaps, [v - 1 for v in r.gaps], r.holds
    print(f"{name:>7}: switches {len(g):3d}  gap p50 {pct(g, 0.5):4.2f} p95 {pct(g, 0.95):4.2f} "
          f"max {max(g):4.2f} | extra p50 {pct(extra, 0.5):4.2f} p95 {pct(extra, 0.95):4.2f} | "
          f"B first frame held p50 {pct(h, 0.5):4.2f} p95 {pct(h, 0.95):4.2f} | "
          f"frames past trim end {r.leaked}, unmeasured {r.missing}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scenes", type=int, default=24)
    parser.add_argument("--seconds", type=float, default=1.0)
    args = parser.parse_args()
    if not Path(CHROMIUM).is_file():
        raise SystemExit(f"bench_player_switch: needs {CHROMIUM}")
    from playwright.sync_api import sync_playwright

    segs = segments(args.scenes, int(args.seconds * 1000))
    with tempfile.TemporaryDirectory(prefix="switch-bench-") as tmp:
        root = Path(tmp)
        bundle = assemble_bundle(bench_drama(segs), ROOT / "sample_projects" / "savings",
                                 root / "bundle")
        manifest = json.loads((bundle / "manifest.json").read_text(encoding="utf-8"))
        src_of = {m["id"]: m["path"] for m in manifest["drama"]["media"]}
        seq = [{"id": s.id, "src": f"bundle/{src_of[s.media]}", "in": s.in_ms, "out": s.out_ms}
               for s in segs]
        (root / "naive.html").write_text(NAIVE_HTML, encoding="utf-8")
        (root / "naive.js").write_text(NAIVE_JS, encoding="utf-8")
        (root / "naive.json").write_text(json.dumps(seq), encoding="utf-8")
        limit = args.scenes * args.seconds * 3 + 30
        with serve(root) as base, sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS,
                                         headless=True)
            try:
                context = browser.new_context(viewport={"width": 400, "height": 720})
                context.add_init_script(RECORDER)
                page = context.new_page()
                player = run(page, f"{base}/bundle/player/index.html", limit)
                naive = run(page, f"{base}/naive.html", limit)
                context.close()
            finally:
                browser.close()
    print(f"{len(segs) - 1} switches per variant, {FPS} fps clips "
          f"(frame interval {FRAME_MS:.1f} ms), {args.seconds:g} s per scene")
    p = gaps(*player, segs, src_of)
    n = gaps(*naive, segs, src_of)
    print("(all in frame intervals; a seamless cut has gap 1.0 and holds B's first frame 1.0)")
    report("player", p)
    report("naive", n)
    p_gaps, n_gaps = p.gaps, n.gaps
    if p_gaps and n_gaps:
        print(f"player/naive p95 gap ratio: {pct(p_gaps, 0.95) / pct(n_gaps, 0.95):.2f}")
        ok = pct([v - 1 for v in p_gaps], 0.95) <= 1.0
        print(f"target (player p95 extra <= 1 frame interval): {'met' if ok else 'NOT met'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
