"""Bundle export throughput against a plain copy of the same media, in the same run.

Builds a project with 4 distinct ~52 MB clips (raw video in Matroska made by
ffmpeg: no encoding cost, so generation takes seconds), waits until they are
older than the fingerprint cache's racy window (2 s), warms the page cache,
then times, rounds interleaved, best of ``--rounds``:

- ``copy``: ``shutil.copyfile`` of the media files into one folder (a kernel copy);
- ``copy+fsync``: the same, each copy fsynced;
- ``export cold``: ``export_project`` with an empty cache folder
  (``$DRAMA_STUDIO_CACHE``): every clip is read, hashed (SHA-256 + CRC-32) and
  its poster rendered with PyAV; ``(sync)`` is ``sync=True`` (``--sync``);
- ``export cold, no posters``: the same plan without posters (where cold time goes);
- ``export warm``: the cache filled by an earlier export: fingerprints and
  posters come from the cache and the kernel copies the clips.

Prints seconds, MB/s and the ratios (targets: warm export / copy >= 0.8 and
warm export (sync) / copy+fsync >= 0.8; cold ratios are printed as they are).
Usage: ``.venv/bin/python bench/bench_export.py [--rounds N] [--seconds S]``.
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from studio.bundle.export import export_project, plan_bundle, write_bundle  # noqa: E402
from studio.hashcache import ENV_CACHE, RACY_WINDOW_NS  # noqa: E402
from studio.media.probe import probe  # noqa: E402
from studio.model import Project, load, save  # noqa: E402

SOURCES = ("testsrc", "testsrc2", "smptebars", "rgbtestsrc")


def make_clips(folder: Path, seconds: int) -> list[Path]:
    ffmpeg = shutil.which("ffmpeg")
    if ffmpeg is None:
        raise SystemExit("bench_export: needs the ffmpeg program")
    clips = []
    for n, source in enumerate(SOURCES):
        out = folder / f"clip{n}.mkv"
        subprocess.run(
            [ffmpeg, "-nostdin", "-loglevel", "error", "-y", "-f", "lavfi",
             "-i", f"{source}=size=640x360:rate=30:duration={seconds}",
             "-c:v", "rawvideo", "-pix_fmt", "yuv420p", str(out)],
            check=True,
        )  # fmt: skip
        clips.append(out)
    return clips


def make_project(folder: Path, clips: list[Path]) -> None:
    media: list[dict[str, Any]] = []
    scenes: list[dict[str, Any]] = []
    for n, clip in enumerate(clips):
        info = probe(clip)
        media.append(
            {"id": f"m{n}", "path": f"media/{clip.name}", "sha256": info.sha256,
             "size": info.size, "duration_ms": info.duration_ms, "width": info.width,
             "height": info.height, "fps": info.fps, "video_codec": info.video_codec,
             "container": info.container}
        )  # fmt: skip
        last = n == len(clips) - 1
        scene: dict[str, Any] = {"id": f"s{n}", "title": f"Scene {n}", "media": f"m{n}"}
        if last:
            scene["ending"] = True
        else:
            scene["choice"] = {
                "appear_ms": 1000, "decision_ms": 3000, "timeout": "pause",
                "options": [{"id": "next", "label": "Next", "target": f"s{n + 1}"}],
            }  # fmt: skip
        scenes.append(scene)
    raw = {"title": "Export bench", "media": media, "scenes": scenes, "start": "s0"}
    save(Project.model_validate(raw), folder, keep_backup=False)


def wait_until_old(paths: list[Path]) -> float:
    """Sleep until every file is older than the racy window; return the seconds slept."""
    newest = max(max(p.stat().st_mtime_ns, p.stat().st_ctime_ns) for p in paths)
    wait = (newest + RACY_WINDOW_NS + 100_000_000 - time.time_ns()) / 1e9
    if wait > 0:
        time.sleep(wait)
    return max(wait, 0.0)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--seconds", type=int, default=5, help="clip length (~10 MB/s each)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-export-") as tmp:
        work = Path(tmp)
        project = work / "project"
        (project / "media").mkdir(parents=True)
        start = time.perf_counter()
        clips = make_clips(project / "media", args.seconds)
        make_project(project, clips)
        total = sum(c.stat().st_size for c in clips)
        slept = wait_until_old(clips)
        print(f"setup: {len(clips)} clips, {total / 1e6:.1f} MB in {time.perf_counter() - start:.1f} s "
              f"(incl. {slept:.1f} s waiting out the racy window)")
        for clip in clips:  # warm the page cache for every contender alike
            clip.read_bytes()
        out = work / "out"
        out.mkdir()
        bundle = out / "bench.drama.zip"
        caches = work / "caches"
        fresh = iter(range(1 << 30))

        def use_cache(name: str) -> None:
            os.environ[ENV_CACHE] = str(caches / name)

        def copy(sync: bool) -> None:
            for clip in clips:
                target = out / clip.name
                shutil.copyfile(clip, target)
                if sync:
                    fd = os.open(target, os.O_RDONLY)
                    os.fsync(fd)
                    os.close(fd)

        def export(cache: str | None, sync: bool) -> Callable[[], None]:
            def run() -> None:
                use_cache(cache if cache is not None else f"cold-{next(fresh)}")
                export_project(project, bundle, sync=sync)
            return run

        use_cache("warm")  # never the user's own cache
        no_posters = dataclasses.replace(plan_bundle(load(project).project, project), posters=())

        def cold_no_posters() -> None:
            use_cache(f"cold-{next(fresh)}")
            write_bundle(no_posters, bundle)

        export_project(project, bundle)  # imports (networkx, PyAV) and fills the warm cache
        copy(False)  # the first write of this much data is slower for everyone: not timed
        for p in out.iterdir():
            p.unlink()
        contenders: dict[str, Callable[[], None]] = {
            "copy": lambda: copy(False),
            "copy+fsync": lambda: copy(True),
            "export cold": export(None, False),
            "export cold (sync)": export(None, True),
            "export cold, no posters": cold_no_posters,
            "export warm": export("warm", False),
            "export warm (sync)": export("warm", True),
        }
        times: dict[str, list[float]] = {name: [] for name in contenders}
        for _ in range(args.rounds):
            for name, fn in contenders.items():
                begin = time.perf_counter()
                fn()
                times[name].append(time.perf_counter() - begin)
                for p in out.iterdir():
                    p.unlink()
    best = {name: min(values) for name, values in times.items()}
    for name, values in times.items():
        spread = max(values) / min(values)
        print(f"{name:>24}: best {best[name]:6.3f} s  {total / 1e6 / best[name]:7.1f} MB/s"
              f"  (worst/best {spread:.2f})")
    print(f"posters cost (cold - cold without posters): "
          f"{best['export cold'] - best['export cold, no posters']:.3f} s")
    for name, base, target in (
        ("export warm", "copy", True), ("export warm (sync)", "copy+fsync", True),
        ("export cold", "copy", False), ("export cold (sync)", "copy+fsync", False),
        ("export cold, no posters", "copy", False),
    ):
        note = " (target >= 0.8)" if target else ""
        print(f"ratio {name} / {base}: {best[base] / best[name]:.2f}{note}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
