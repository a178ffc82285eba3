"""Browser preview builds: first build vs rebuild after an edit, against a plain copy of the media.

Same project as ``bench_export.py`` (4 distinct ~52 MB raw clips, made by ffmpeg,
aged past the fingerprint cache's racy window, page cache warmed).  Timed, best of
``--rounds``, rounds interleaved:

- ``copy``: ``shutil.copyfile`` of the media into a fresh folder (the baseline);
- ``first build``: :meth:`Site.build` into a new site, fingerprints cached (the kernel
  copies every clip, posters from the cache);
- ``rebuild after an edit``: the project's title changed and saved, then the same site
  rebuilt: every clip is kept (named by sha256, stat unchanged), only the manifest is new.

Prints seconds and the ratios to ``copy`` and the bytes each build copied
(the rebuild must copy none of the clips).
Usage: ``.venv/bin/python bench/bench_preview_web.py [--rounds N] [--seconds S]``.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.bench_export import make_clips, make_project, wait_until_old  # noqa: E402
from studio.hashcache import ENV_CACHE  # noqa: E402
from studio.model import load, save  # noqa: E402
from studio.preview_web.site import Site  # noqa: E402


def best(fn: Callable[[], object], rounds: int) -> float:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--seconds", type=int, default=5, help="clip length (~10 MB/s each)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-preview-") as tmp:
        work = Path(tmp)
        os.environ[ENV_CACHE] = str(work / "cache")
        project = work / "project"
        (project / "media").mkdir(parents=True)
        clips = make_clips(project / "media", args.seconds)
        make_project(project, clips)
        wait_until_old(clips)
        total = sum(c.stat().st_size for c in clips)
        for clip in clips:
            clip.read_bytes()
        with Site(work / "warmup") as warm:
            warm.build(project)  # fingerprints and posters into the cache
        copies = iter(range(1 << 30))
        sites = iter(range(1 << 30))

        def copy() -> None:
            out = work / f"copy{next(copies)}"
            out.mkdir()
            for clip in clips:
                shutil.copyfile(clip, out / clip.name)

        first_bytes: list[int] = []

        def first_build() -> None:
            site = Site(work / f"site{next(sites)}")
            first_bytes.append(site.build(project).copied_bytes)

        site = Site(work / "kept")
        site.build(project)
        rebuild_bytes: list[int] = []
        edits = iter(range(1 << 30))

        def rebuild() -> None:
            loaded = load(project)
            save(loaded.project.model_copy(update={"title": f"Edit {next(edits)}"}), project,
                 keep_backup=False)
            result = site.build(project)
            assert result.reused == result.media
            rebuild_bytes.append(result.copied_bytes)

        base = best(copy, args.rounds)
        cold = best(first_build, args.rounds)
        warm = best(rebuild, args.rounds)
        print(f"media: {len(clips)} clips, {total / 1e6:.1f} MB")
        print(f"copy                   {base:7.3f} s  1.00x")
        print(f"first build            {cold:7.3f} s  {cold / base:5.2f}x copy  "
              f"({max(first_bytes) / 1e6:.1f} MB copied)")
        print(f"rebuild after an edit  {warm:7.3f} s  {warm / base:5.2f}x copy  "
              f"({max(rebuild_bytes) / 1e3:.1f} kB copied: manifest and changed files only)")
        print(f"rebuild / first build  {warm / cold:5.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
