"""Branch-switch smoothness of the preview: longest gap between shown frames across a switch.

Compares, in the same run and on the same clips, with the same callback rendering
(libVLC vmem -> QImage -> queued Qt signal -> GUI thread, where arrival times are
taken):

(a) ``preview``: :class:`studio.ui.preview.switching.SwitchingPlayer` (the next clip
    pre-rolled in a second player, switched in with its held first frame);
(b) ``naive``: one libVLC player, ``stop(); set_media(); play()`` at each switch;
(c) ``medialist``: libVLC's ``MediaListPlayer`` over the same sequence, ``next()``.

Each clip plays for a random 0.45-0.75 s (seeded, identical for every mode), then
the next clip of the sequence is switched to.  For a switch, the measured value is
the longest time a picture stays on screen from the last frame shown before the
switch request to the first frame shown 120 ms after it (a frame replaced within
5 ms is never seen and does not count), divided by the clip frame interval
(1.0 = perfectly smooth).  Frames whose sampled pixels are all black
are counted as blank.  Prints p50 / p95 / max for each mode and the ratios.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_switch.py [--switches 24]
"""

from __future__ import annotations

import argparse
import glob
import itertools
import os
import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer
from PySide6.QtGui import QImage

from studio.app.playback.vlc_player import VlcBaseline, VlcPlayer, vlc_problem
from studio.ui.preview.switching import SwitchingPlayer

AFTER_S = 0.120  # look until ~3 frame intervals after the switch
MERGE_S = 0.005


def wait(ms: float) -> None:
    loop = QEventLoop()
    QTimer.singleShot(max(0, round(ms)), loop.quit)
    loop.exec()


def wait_until(cond: Callable[[], bool], timeout_ms: int = 5000) -> bool:
    deadline = time.perf_counter() + timeout_ms / 1000
    while not cond():
        if time.perf_counter() > deadline:
            return False
        wait(5)
    return True


def is_blank(image: QImage) -> bool:
    w, h = image.width(), image.height()
    points = [(w // 2, h // 8), (w // 4, h // 2), (3 * w // 4, 7 * h // 8), (w // 2, h // 2)]
    def brightest(x: int, y: int) -> int:
        colour = image.pixelColor(x, y)
        return max(colour.red(), colour.green(), colour.blue())

    return all(brightest(x, y) < 16 for x, y in points)


class Recorder:
    """Arrival time of every shown frame, and the blank ones."""

    def __init__(self) -> None:
        self.times: list[float] = []
        self.blank = 0

    def __call__(self, image: QImage) -> None:
        self.times.append(time.perf_counter())
        if is_blank(image):
            self.blank += 1

    def gap_across(self, t_switch: float, interval_s: float) -> float | None:
        """Longest time one picture stays on screen around the switch, in intervals.

        From the last frame shown before the switch to the first frame shown at least
        ``AFTER_S`` after it; a frame replaced within ``MERGE_S`` is never seen and is
        merged into the next one.
        """
        before = [t for t in self.times if t <= t_switch]
        after = [t for t in self.times if t > t_switch]
        end = next((i for i, t in enumerate(after) if t - t_switch >= AFTER_S), None)
        if not before or end is None:
            return None
        chain = [before[-1], *after[: end + 1]]
        seen = [t for i, t in enumerate(chain) if i + 1 == len(chain) or chain[i + 1] - t > MERGE_S]
        seen = [chain[0], *seen] if seen[0] != chain[0] else seen
        return max(b - a for a, b in itertools.pairwise(seen)) / interval_s


def run_preview(seq: list[str], holds: list[int], interval_s: float) -> tuple[list[float], int]:
    player = SwitchingPlayer(lambda: VlcPlayer(audio=False))
    rec = Recorder()
    player.frame_ready.connect(rec)
    switch_times: list[float] = []
    try:
        player.load(seq[0])
        wait_until(lambda: player.ready)
        player.play()
        for i, hold in enumerate(holds):
            wait(60)
            player.preload(seq[i + 1])  # the scene that can come next
            wait(hold - 60)
            if not wait_until(lambda: player.preloaded() != [], 2000):
                print("warning: preload did not start", file=sys.stderr)
            switch_times.append(time.perf_counter())
            player.load(seq[i + 1])  # what a playthrough does on a scene change
            player.play()
        wait(400)
    finally:
        player.close()
    return gaps(rec, switch_times, interval_s), rec.blank


def run_baseline(mode: str, seq: list[str], holds: list[int],
                 interval_s: float) -> tuple[list[float], int]:
    base = VlcBaseline(mode, seq)
    rec = Recorder()
    base.frame_ready.connect(rec)
    switch_times: list[float] = []
    try:
        base.start(0)
        wait_until(lambda: bool(rec.times))
        for i, hold in enumerate(holds):
            wait(hold)
            switch_times.append(time.perf_counter())
            base.switch(i + 1)
        wait(400)
    finally:
        base.close()
    return gaps(rec, switch_times, interval_s), rec.blank


def gaps(rec: Recorder, switch_times: list[float], interval_s: float) -> list[float]:
    found = [rec.gap_across(t, interval_s) for t in switch_times]
    return [g for g in found if g is not None]


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--switches", type=int, default=24)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--fps", type=float, default=24.0, help="frame rate of the clips")
    parser.add_argument("clips", nargs="*", help="clips (default: sample_projects/*/media)")
    args = parser.parse_args()
    problem = vlc_problem()
    if problem:
        print(problem, file=sys.stderr)
        return 2
    root = Path(__file__).resolve().parent.parent
    clips = args.clips or sorted(glob.glob(str(root / "sample_projects/*/media/*.mp4")))
    if len(clips) < 2:
        print("need at least two clips (run scripts/make_sample_media.py)", file=sys.stderr)
        return 2
    rnd = random.Random(args.seed)
    seq = [clips[0]]
    for _ in range(args.switches):
        seq.append(rnd.choice([c for c in clips if c != seq[-1]]))
    holds = [rnd.randint(450, 750) for _ in range(args.switches)]
    interval_s = 1.0 / args.fps
    _app = QCoreApplication.instance() or QCoreApplication(sys.argv)
    results: dict[str, tuple[list[float], int]] = {}
    results["preview"] = run_preview(seq, holds, interval_s)
    results["naive"] = run_baseline("naive", seq, holds, interval_s)
    results["medialist"] = run_baseline("list", seq, holds, interval_s)
    print(f"{args.switches} switches, {len(clips)} clips, frame interval "
          f"{interval_s * 1000:.1f} ms; gap across a switch in frame intervals")
    print(f"{'mode':<10} {'n':>3} {'p50':>6} {'p95':>6} {'max':>6} {'blank':>6}")
    for mode, (values, blank) in results.items():
        if not values:
            print(f"{mode:<10} no switch measured")
            continue
        print(f"{mode:<10} {len(values):>3} {statistics.median(values):>6.2f} "
              f"{pct(values, 0.95):>6.2f} {max(values):>6.2f} {blank:>6}")
    pv = results["preview"][0]
    if pv:
        for mode in ("naive", "medialist"):
            other = results[mode][0]
            if other:
                print(f"p95 preview / {mode}: {pct(pv, 0.95) / pct(other, 0.95):.2f}")
        print(f"target p95 <= 1.5: {'met' if pct(pv, 0.95) <= 1.5 else 'NOT met'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
