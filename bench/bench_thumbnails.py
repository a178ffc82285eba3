"""Timeline strips: decoded (cold) against read from the disk thumbnail store (warm), same run.

For each sample clip, ``strip_images`` with an empty store (decode with PyAV, then
store) and again with the store filled (read + JPEG decode), best of ``--rounds``.
Prints the seconds per strip and the ratio warm / cold (what a scene switch to a clip
seen before costs, against the old decode on every switch).
Usage: ``.venv/bin/python bench/bench_thumbnails.py [--rounds N]``.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtGui import QGuiApplication  # noqa: E402

from studio.app.thumbnails import ThumbStore, strip_images  # noqa: E402
from studio.model import load  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--count", type=int, default=48, help="frames per strip (the timeline's maximum)")
    args = parser.parse_args()
    _app = QGuiApplication([])
    loaded = load(ROOT / "sample_projects" / "savings")
    clips = [(loaded.folder / m.path, m.sha256) for m in loaded.project.media]
    cold = warm = 0.0
    with tempfile.TemporaryDirectory(prefix="bench-thumbs-") as tmp:
        for n, (path, sha) in enumerate(clips):
            best_cold = best_warm = float("inf")
            for r in range(args.rounds):
                store = ThumbStore(Path(tmp) / f"{n}-{r}")
                start = time.perf_counter()
                strip_images(path, sha, args.count, 88, store=store)
                best_cold = min(best_cold, time.perf_counter() - start)
                start = time.perf_counter()
                strip_images(path, sha, args.count, 88, store=store)
                best_warm = min(best_warm, time.perf_counter() - start)
                assert store.hits == 1
            cold += best_cold
            warm += best_warm
    print(f"{len(clips)} clips, {args.count} frames a strip")
    print(f"cold (decode + store)  {cold / len(clips) * 1000:8.1f} ms a strip")
    print(f"warm (disk store)      {warm / len(clips) * 1000:8.1f} ms a strip")
    print(f"warm / cold            {warm / cold:8.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
