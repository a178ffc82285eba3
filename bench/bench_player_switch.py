"""Scene switch gaps of the web player in headless Chromium, against a naive single <video>.

Clips are generated with ffmpeg into a temp dir (H.264 + AAC, 360x640, a
keyframe at 0 and every second, 4 s) at each ``--fps`` (default 30 and 24).
Per fps, a chain of ``--scenes`` scenes (``--seconds`` trims, some starting
mid-clip; each scene's play_to_end choice times out into the next one early,
so the engine knows the next scene well before the trim end) plays in the same
browser run as:

- ``player``: the real web player (resources/player) on a bundle folder: the
  next clip is started early, hidden, by the start latency it measures;
- ``preroll``: the same player with the early start turned off
  (``DRAMA_PLAYER_OPTIONS.earlyStart = false``): the next clip is pre-rolled
  and played at the switch (what the player does when the next scene is only
  known at the end);
- ``naive``: one <video> whose ``src`` is replaced (and seeked to the trim
  start) when a rAF loop sees the trim end reached (like the player, unmuted).

Every presented frame of every <video> is recorded with
requestVideoFrameCallback (``expectedDisplayTime``, ``mediaTime``); when a
<video> is brought on top, a ResizeObserver probe gives the frame whose paint
shows it. From these the *visible* picture sequence is rebuilt, and per switch:

- *gap*: last visible frame of A inside its trim -> first visible frame of B,
  in frame intervals (1000/fps ms). A seamless cut is exactly 1.0 at 30 fps
  (one frame = 2 vsyncs at 60 Hz); at 24 fps a frame is up for 2 or 3 vsyncs,
  so even uninterrupted playback shows 0.8 / 1.2;
- *held*: how long B's first visible frame stays up (the freeze a late start
  shows after the cut);
- frames of A shown at or past its trim end and frames of B's clip shown
  from before its trim start (content the author cut), frames
  of A missing before its trim end (its last visible frame is not the last one
  inside the trim) and frames of B skipped at its start (they ran while
  hidden);
- for reference, p95 of the ordinary frame intervals inside scenes (what
  uninterrupted playback looks like in the same run);
- audio overlap: Chromium keeps audio in sync with the frames on screen, so
  B is heard from one frame time before its first played frame goes up
  (hidden or not; ``currentTime`` moves earlier, during its startup); the
  overlap is how much of that falls before the end of A's last frame (an
  upper bound: A is paused, silent, from its last frame callback).

Target (issue #8), judged at 30 fps: player gap p95 <= 1.02 frame intervals
(1.0 plus timestamp rounding of ``expectedDisplayTime``) and no worse than
naive. Also printed, stricter (a cut can be on time and then freeze): held
p95 <= 1.02. Needs /usr/bin/chromium and ffmpeg. About 3 minutes. Usage:
``.venv/bin/python bench/bench_player_switch.py [--scenes 24] [--seconds 1.0]
[--fps 30,24] [--variants player,preroll,naive] [--verbose]``.
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import json
import math
import shutil
import statistics
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests.player.support import CHROMIUM, CHROMIUM_ARGS, assemble_bundle, serve  # noqa: E402

CLIP_SECONDS = 4
CLIPS = 4
TARGET_GAP = 1.02

RECORDER = """(() => {
  window.__frames = [];
  window.__swaps = [];
  window.__switches = [];
  const hook = (v) => {
    let handle = null;
    const cb = (now, m) => {
      window.__frames.push({el: v.id, src: v.currentSrc, media: m.mediaTime,
                            at: m.expectedDisplayTime, now});
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
  document.addEventListener('DOMContentLoaded', () => {
    const videos = [...document.querySelectorAll('video')];
    // The rendering update after a class change is the frame that paints it.
    const probe = document.createElement('div');
    probe.style.cssText = 'position:fixed;left:-20px;top:0;width:1px;height:1px';
    document.body.appendChild(probe);
    let pending = [];
    new ResizeObserver(() => {
      const frame = document.timeline.currentTime;
      for (const el of pending) window.__swaps.push({el, frame});
      pending = [];
    }).observe(probe);
    const watch = new MutationObserver((records) => {
      for (const r of records) {
        if (r.target.classList.contains('is-active') && !(r.oldValue || '').includes('is-active')) {
          pending.push(r.target.id);
          probe.style.width = probe.style.width === '1px' ? '2px' : '1px';
        }
      }
    });
    for (const v of videos) {
      hook(v);
      watch.observe(v, {attributes: true, attributeFilter: ['class'], attributeOldValue: true});
    }
  });
  window.addEventListener('drama:scene_started',
    (e) => window.__switches.push({scene: e.detail.scene, at: performance.now()}));
  window.addEventListener('drama:ending_reached', () => { window.__done = true; });
})();
"""

NO_EARLY_START = "window.DRAMA_PLAYER_OPTIONS = {earlyStart: false};"

NAIVE_HTML = """<!doctype html><html><head><meta charset="utf-8"><title>naive</title>
<link rel="icon" href="data:,">
<style>html,body{margin:0;background:#000}video{width:360px;height:640px;display:block}</style>
</head><body><video id="v" playsinline preload="auto"></video>
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


def make_clips(folder: Path, fps: int) -> list[dict[str, Any]]:
    """ffmpeg: CLIPS test clips at ``fps``; returns their media entries (drama.json shape)."""
    ffmpeg = shutil.which("ffmpeg")
    if ffmpeg is None:
        raise SystemExit("bench_player_switch: needs the ffmpeg program")
    (folder / "media").mkdir(parents=True, exist_ok=True)
    media = []
    for n in range(CLIPS):
        out = folder / "media" / f"clip{n}.mp4"
        subprocess.run(
            [ffmpeg, "-nostdin", "-loglevel", "error", "-y",
             "-f", "lavfi", "-i", f"testsrc2=size=360x640:rate={fps}:duration={CLIP_SECONDS}",
             "-f", "lavfi", "-i", f"sine=frequency={330 + 110 * n}:duration={CLIP_SECONDS}",
             "-map", "0:v", "-map", "1:a", "-c:v", "libx264", "-preset", "veryfast",
             "-crf", "30", "-g", str(fps), "-pix_fmt", "yuv420p", "-c:a", "aac", "-b:a", "48k",
             "-ac", "1", "-t", str(CLIP_SECONDS), "-movflags", "+faststart", str(out)],
            check=True,
        )  # fmt: skip
        data = out.read_bytes()
        media.append(
            {"id": f"clip{n}", "path": f"media/{out.name}",
             "sha256": hashlib.sha256(data).hexdigest(), "size": len(data),
             "duration_ms": CLIP_SECONDS * 1000, "width": 360, "height": 640, "rotation": 0,
             "fps": float(fps), "video_codec": "h264", "audio_codec": "aac", "container": "mp4"}
        )  # fmt: skip
    return media


def segments(count: int, length_ms: int) -> list[Seg]:
    out = []
    for i in range(count):
        start = (i % 3) * 1000
        out.append(Seg(f"s{i:02d}", f"clip{i % CLIPS}", start, start + length_ms))
    return out


def bench_drama(segs: list[Seg], media: list[dict[str, Any]]) -> dict[str, Any]:
    scenes: list[dict[str, Any]] = []
    for i, seg in enumerate(segs):
        scene: dict[str, Any] = {
            "id": seg.id,
            "title": seg.id,
            "media": seg.media,
            "in_ms": seg.in_ms,
            "out_ms": seg.out_ms,
        }
        if i + 1 < len(segs):
            scene["choice"] = {
                "appear_ms": seg.in_ms + 100,
                "decision_ms": seg.in_ms + 200,
                "timeout": "default",
                "mode": "play_to_end",
                "show_countdown": False,
                "options": [{"id": "next", "label": "Next", "target": segs[i + 1].id, "default": True}],
            }
        else:
            scene["ending"] = True
        scenes.append(scene)
    return {"title": "switch bench", "currency": "CNY", "media": media, "scenes": scenes, "start": segs[0].id}


@dataclass
class Recording:
    frames: list[dict[str, Any]]
    swaps: list[dict[str, Any]]
    switches: list[dict[str, Any]]
    deck: dict[str, Any] | None


@dataclass
class Result:
    gaps: list[float] = field(default_factory=list)  # frame intervals
    holds: list[float] = field(default_factory=list)
    normal: list[float] = field(default_factory=list)  # in-scene frame intervals
    past_end: int = 0  # frames of A shown at or past its trim end
    before_in: int = 0  # frames of B's clip shown from before its trim start
    a_cut: list[int] = field(default_factory=list)  # frames of A missing before its trim end
    b_skipped: list[int] = field(default_factory=list)  # frames of B not shown at its start
    overlap: list[float] = field(default_factory=list)  # ms of B heard before A's last frame ends
    rows: list[str] = field(default_factory=list)  # per switch, for --verbose
    missing: int = 0


def visible(rec: Recording, first_top: str) -> list[tuple[float, str, float]]:
    """The sequence of pictures on screen: (display time, src, media time) at each change."""
    offsets = [f["at"] - f["now"] for f in rec.frames if 0 < f["at"] - f["now"] < 100]
    paint = statistics.median(offsets) if offsets else 1000 / 60
    events: list[tuple[float, int, str, dict[str, Any] | None]] = [
        (f["at"], 0, f["el"], f) for f in rec.frames
    ]
    events += [(s["frame"] + paint, 1, s["el"], None) for s in rec.swaps]
    events.sort(key=lambda e: (e[0], e[1]))
    shown: dict[str, tuple[str, float]] = {}
    top = first_top
    out: list[tuple[float, str, float]] = []
    i = 0
    while i < len(events):
        t = events[i][0]
        while i < len(events) and events[i][0] - t < 2.0:  # one vsync's events together
            _, _, el, frame = events[i]
            if frame is not None:
                shown[el] = (frame["src"], frame["media"])
            else:
                top = el
            i += 1
        pic = shown.get(top)
        if pic is not None and (not out or out[-1][1:] != pic):
            out.append((t, pic[0], pic[1]))
    return out


def analyse(rec: Recording, segs: list[Seg], src_of: dict[str, str], fps: int, first_top: str) -> Result:
    frame_ms = 1000 / fps
    pics = visible(rec, first_top)
    starts = {s["scene"]: s["at"] for s in rec.switches}
    res = Result()
    for a, b in itertools.pairwise(segs):
        if a.id not in starts or b.id not in starts:
            res.missing += 1
            continue
        window = [p for p in pics if p[0] >= starts[a.id] - 50]

        def is_b(p: tuple[float, str, float], b: Seg = b) -> bool:
            return p[1].endswith(src_of[b.media]) and b.in_ms - 1 <= p[2] * 1000 < b.out_ms

        first_b = next((k for k, p in enumerate(window) if is_b(p)), None)
        if first_b is None:
            res.missing += 1
            continue
        of_a = [(k, p) for k, p in enumerate(window[:first_b]) if p[1].endswith(src_of[a.media])]
        inside = [(k, p) for k, p in of_a if p[2] * 1000 < a.out_ms - 0.5]
        if not inside:
            res.missing += 1
            continue
        res.past_end += len(of_a) - len(inside)
        res.before_in += sum(1 for p in window[:first_b] if p[1].endswith(src_of[b.media]))
        last_a = inside[-1][1]
        res.gaps.append((window[first_b][0] - last_a[0]) / frame_ms)
        hold = math.nan
        if first_b + 1 < len(window):
            hold = (window[first_b + 1][0] - window[first_b][0]) / frame_ms
            res.holds.append(hold)
        last_index = math.ceil(a.out_ms * fps / 1000 - 1e-6) - 1
        res.a_cut.append(last_index - round(last_a[2] * fps))
        res.b_skipped.append(round(window[first_b][2] * fps) - round(b.in_ms * fps / 1000))
        played = [
            f
            for f in rec.frames
            if f["src"].endswith(src_of[b.media])
            and f["at"] >= starts[a.id]
            and b.in_ms + frame_ms / 2 <= f["media"] * 1000 < b.out_ms
        ]
        if played:
            b1 = min(played, key=lambda f: f["at"])
            heard = b1["at"] - round(b1["media"] * fps - b.in_ms * fps / 1000) * frame_ms
            res.overlap.append(max(0.0, last_a[0] + frame_ms - heard))
        res.rows.append(
            f"{a.id}->{b.id} gap {res.gaps[-1]:4.2f} held {hold:4.2f} "
            f"B skipped {res.b_skipped[-1]} A cut {res.a_cut[-1]}"
        )
        scene_a = [p for _, p in inside]
        res.normal += [(y[0] - x[0]) / frame_ms for x, y in itertools.pairwise(scene_a[1:])]
    return res


def pct(values: list[float], q: float) -> float:
    if not values:
        return math.nan
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, round(q * (len(ordered) - 1))))
    return ordered[k]


def record(context: Any, url: str, timeout_s: float) -> Recording:
    page = context.new_page()
    try:
        page.goto(url)
        page.wait_for_function("() => window.__done === true", timeout=timeout_s * 1000)
        page.wait_for_timeout(300)
        deck = page.evaluate(
            "() => window.dramaPlayer ? {switches: window.dramaPlayer.deck.switches,"
            " samples: Object.fromEntries(window.dramaPlayer.deck.latency.samples)} : null"
        )
        return Recording(
            page.evaluate("window.__frames"),
            page.evaluate("window.__swaps"),
            page.evaluate("window.__switches"),
            deck,
        )
    finally:
        page.close()


def report(name: str, r: Result, rec: Recording) -> None:
    g, h = r.gaps, r.holds
    early = ""
    if rec.deck is not None:
        sw = rec.deck["switches"]
        leads = [s["lead"] for s in sw if s["early"] and s["lead"] is not None]
        lead = f", lead p50 {statistics.median(leads):.0f} ms" if leads else ""
        early = f" | early starts {sum(1 for s in sw if s['early'])}/{len(sw)}{lead}"
    print(
        f"  {name:>7}: gap p50 {pct(g, 0.5):4.2f} p95 {pct(g, 0.95):4.2f} max {max(g, default=0):4.2f}"
        f" | held p50 {pct(h, 0.5):4.2f} p95 {pct(h, 0.95):4.2f} max {max(h, default=0):4.2f}"
        f" | past trim end {r.past_end}, before trim start {r.before_in}"
        f" | A frames cut {sum(r.a_cut)} (max {max(r.a_cut, default=0)})"
        f" | B frames skipped {sum(r.b_skipped)} (max {max(r.b_skipped, default=0)})"
        f" | normal p95 {pct(r.normal, 0.95):4.2f} | audio overlap max {max(r.overlap, default=0):.0f} ms"
        f" | unmeasured {r.missing}{early}"
    )


def run_fps(pw_browser: Any, fps: int, args: argparse.Namespace, variants: list[str]) -> bool:
    segs = segments(args.scenes, int(args.seconds * 1000))
    with tempfile.TemporaryDirectory(prefix="switch-bench-") as tmp:
        root = Path(tmp)
        media = make_clips(root / "src", fps)
        bundle = assemble_bundle(bench_drama(segs, media), root / "src", root / "bundle")
        manifest = json.loads((bundle / "manifest.json").read_text(encoding="utf-8"))
        src_of = {m["id"]: m["path"] for m in manifest["drama"]["media"]}
        seq = [{"id": s.id, "src": f"bundle/{src_of[s.media]}", "in": s.in_ms, "out": s.out_ms} for s in segs]
        (root / "naive.html").write_text(NAIVE_HTML, encoding="utf-8")
        (root / "naive.js").write_text(NAIVE_JS, encoding="utf-8")
        (root / "naive.json").write_text(json.dumps(seq), encoding="utf-8")
        limit = args.scenes * args.seconds * 3 + 30
        results: dict[str, tuple[Result, Recording]] = {}
        with serve(root) as base:
            for variant in variants:
                context = pw_browser.new_context(viewport={"width": 400, "height": 720})
                context.add_init_script(RECORDER)
                if variant == "preroll":
                    context.add_init_script(NO_EARLY_START)
                url = f"{base}/naive.html" if variant == "naive" else f"{base}/bundle/player/index.html"
                try:
                    rec = record(context, url, limit)
                finally:
                    context.close()
                top = "v" if variant == "naive" else "video-a"
                results[variant] = (analyse(rec, segs, src_of, fps, top), rec)
    print(
        f"{fps} fps clips (frame interval {1000 / fps:.1f} ms): {len(segs) - 1} switches per "
        f"variant, {args.seconds:g} s scenes; all times in frame intervals"
    )
    for name, (res, rec) in results.items():
        report(name, res, rec)
        if args.verbose:
            deck = rec.deck["switches"] if rec.deck else []
            for k, row in enumerate(res.rows):
                extra = ""
                if len(deck) == len(res.rows) and deck[k]["startedAt"] is not None:
                    d = deck[k]
                    extra = (
                        f" | {'early' if d['early'] else 'at end'} lead {d['lead']:.0f} ms,"
                        f" play() at cut{d['startedAt'] - d['cut']:+.0f} ms"
                    )
                print(f"      {row}{extra}")
    if "player" in results and "naive" in results:
        p, n = results["player"][0].gaps, results["naive"][0].gaps
        if p and n:
            ratio = f"  player/naive gap p95 ratio {pct(p, 0.95) / pct(n, 0.95):.2f}; "
            if fps % 30:
                normal = pct(results["player"][0].normal, 0.95)
                print(
                    f"{ratio}not judged at {fps} fps (a frame is up for 2 or 3 vsyncs): "
                    f"player gap p95 {pct(p, 0.95):.2f} vs uninterrupted playback p95 {normal:.2f}"
                )
                return True
            ok = pct(p, 0.95) <= TARGET_GAP and pct(p, 0.95) <= pct(n, 0.95)
            print(f"{ratio}target (gap p95 <= {TARGET_GAP} and <= naive): {'met' if ok else 'NOT met'}")
            held = pct(results["player"][0].holds, 0.95)
            print(
                f"  stricter, no freeze after the cut (held p95 <= {TARGET_GAP}): "
                f"{'met' if held <= TARGET_GAP else 'NOT met'} ({held:.2f})"
            )
            return ok
    return False


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scenes", type=int, default=24)
    parser.add_argument("--seconds", type=float, default=1.0)
    parser.add_argument("--fps", default="30,24", help="comma-separated clip frame rates")
    parser.add_argument("--variants", default="player,preroll,naive")
    parser.add_argument("--verbose", action="store_true", help="print every switch")
    args = parser.parse_args()
    if args.scenes < 2 or not 0.3 <= args.seconds <= CLIP_SECONDS - 2:
        raise SystemExit("bench_player_switch: --scenes >= 2 and 0.3 <= --seconds <= 2")
    variants = [v for v in args.variants.split(",") if v]
    if set(variants) - {"player", "preroll", "naive"}:
        raise SystemExit("bench_player_switch: --variants: player, preroll, naive")
    if not Path(CHROMIUM).is_file():
        raise SystemExit(f"bench_player_switch: needs {CHROMIUM}")
    from playwright.sync_api import sync_playwright

    ok = True
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        try:
            for fps in (int(x) for x in args.fps.split(",") if x):
                ok = run_fps(browser, fps, args, variants) and ok
        finally:
            browser.close()
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
