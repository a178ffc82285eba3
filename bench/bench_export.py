"""Bundle export throughput against a plain copy of the same media, in the same run.

Builds a project with 4 distinct ~52 MB clips (raw video in Matroska made by
ffmpeg: no encoding cost, so generation takes seconds), warms the page cache,
then times (best of ``--rounds``):

- ``copy``: ``shutil.copyfile`` of the media files into one folder;
- ``copy+fsync``: the same, each copy fsynced (the export fsyncs its output);
- ``copy+sha256+fsync``: a userspace copy that also hashes (what export must do);
- ``export``: ``export_project`` (load, validate, posters, hashes, zip, fsync, rename);
- ``export, no posters``: the same plan without posters.

Prints MB/s and the ratios export/copy (target: >= 0.8 against ``copy``).
``copy`` uses the kernel's copy_file_range from a warm page cache, so on a
fast disk it is bound only by memory bandwidth; the export must also hash
every byte (SHA-256 verification and the zip CRC) and fsync, so the other two
baselines are printed to show where the time goes.  Runs in well under a
minute.  Usage: ``.venv/bin/python bench/bench_export.py [--rounds N]``.
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
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


def best(rounds: int, fn: Callable[[], None], cleanup: Callable[[], None]) -> float:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
        cleanup()
    return min(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
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
        print(f"setup: {len(clips)} clips, {total / 1e6:.1f} MB in {time.perf_counter() - start:.1f} s")
        for clip in clips:  # warm the page cache for every contender alike
            clip.read_bytes()
        out = work / "out"
        out.mkdir()

        def copy(sync: bool) -> None:
            for clip in clips:
                target = out / clip.name
                shutil.copyfile(clip, target)
                if sync:
                    fd = os.open(target, os.O_RDONLY)
                    os.fsync(fd)
                    os.close(fd)

        def copy_hashed() -> None:
            for clip in clips:
                digest = hashlib.sha256()
                with open(clip, "rb") as src, open(out / clip.name, "wb") as dst:
                    while block := src.read(1 << 20):
                        digest.update(block)
                        dst.write(block)
                    dst.flush()
                    os.fsync(dst.fileno())

        def clean() -> None:
            for p in out.iterdir():
                p.unlink()

        bundle = out / "bench.drama.zip"
        loaded = load(project)
        no_posters = dataclasses.replace(plan_bundle(loaded.project, project), posters=())
        results = {
            "copy": best(args.rounds, lambda: copy(False), clean),
            "copy+fsync": best(args.rounds, lambda: copy(True), clean),
            "copy+sha256+fsync": best(args.rounds, copy_hashed, clean),
            "export": best(args.rounds, lambda: export_project(project, bundle) and None, clean),
            "export, no posters": best(
                args.rounds, lambda: write_bundle(no_posters, bundle) and None, clean
            ),
        }
    for name, seconds in results.items():
        print(f"{name:>20}: {seconds:6.3f} s  {total / 1e6 / seconds:7.1f} MB/s")
    for name in ("export", "export, no posters"):
        for base in ("copy", "copy+fsync", "copy+sha256+fsync"):
            ratio = results[base] / results[name]
            print(f"throughput ratio {name} / {base}: {ratio:.2f} (target >= 0.8)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
