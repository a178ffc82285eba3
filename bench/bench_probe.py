"""Probe and hash throughput, box-walk cost and cancel latency, against a same-run baseline.

Makes a 1 s H.264 clip with the ffmpeg program (as the tests do), then a "long" clip:
the same clip followed by an ``mdat`` box of ``--mib`` MiB of random bytes (real data,
not a hole), warms the page cache and times, rounds interleaved, best of ``--rounds``:

- ``baseline``: ``hashlib.sha256`` over the file read in 1 MiB chunks (plain Python);
- ``probe``: :func:`studio.media.probe.probe` (box walk, PyAV open + first frame, hash);
- ``hash_file``: :func:`studio.hashcache.hash_file` (SHA-256 + CRC-32, memory store);
- ``walk at limit``: the box walk of the clip followed by tiny boxes up to ``MAX_BOXES``;
- ``refuse 2M boxes``: probing the clip followed by 2,000,000 tiny boxes (refused);
- ``cancel latency``: from a cancel flag set while probe hashes to probe raising.

Prints seconds, MB/s, the throughput ratio probe/baseline (target >= 0.9: the bound
checks cost nothing measurable), hash_file/baseline for information (it computes a
CRC-32 too, on a second thread), the walk cost as the MiB the baseline hashes in the
same time, and the cancel latency in ms.
Usage: ``.venv/bin/python bench/bench_probe.py [--mib N] [--rounds N]``.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import struct
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from studio.hashcache import FingerprintStore, hash_file  # noqa: E402
from studio.media.containers import MAX_BOXES, walk_isobmff  # noqa: E402
from studio.media.probe import ProbeError, probe  # noqa: E402

MIB = 1 << 20


class Cancelled(Exception):
    pass


def make_clip(folder: Path) -> Path:
    ffmpeg = shutil.which("ffmpeg")
    if ffmpeg is None:
        raise SystemExit("bench_probe: needs the ffmpeg program")
    out = folder / "clip.mp4"
    subprocess.run(
        [ffmpeg, "-nostdin", "-loglevel", "error", "-y", "-f", "lavfi",
         "-i", "testsrc2=s=320x240:r=24:d=1", "-c:v", "libx264", "-preset", "ultrafast",
         "-pix_fmt", "yuv420p", str(out)],
        check=True,
    )  # fmt: skip
    return out


def make_long(clip: Path, mib: int) -> Path:
    out = clip.with_name("long.mp4")
    shutil.copyfile(clip, out)
    with open(out, "ab") as fh:
        fh.write(struct.pack(">I4sQ", 1, b"mdat", 16 + mib * MIB))
        for _ in range(mib):
            fh.write(os.urandom(MIB))
    return out


def make_boxes(clip: Path, name: str, count: int) -> Path:
    out = clip.with_name(name)
    out.write_bytes(clip.read_bytes() + struct.pack(">I4s", 8, b"free") * count)
    return out


def baseline(path: Path) -> None:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        while block := fh.read(MIB):
            digest.update(block)
    digest.hexdigest()


def walk(path: Path) -> None:
    with open(path, "rb") as fh:
        walk_isobmff(fh, path.stat().st_size)


def refuse(path: Path) -> None:
    try:
        probe(path)
    except ProbeError:
        return
    raise SystemExit(f"bench_probe: {path} was accepted")


def cancel_latency(path: Path) -> float:
    """Seconds from setting the cancel flag (while hashing) to probe raising."""
    flag = threading.Event()
    started = threading.Event()
    set_at: list[float] = []

    def check() -> None:
        if flag.is_set():
            raise Cancelled

    def progress(done: int, total: int) -> None:
        if done >= 8 * MIB:
            started.set()

    def canceller() -> None:
        started.wait()
        set_at.append(time.perf_counter())
        flag.set()

    thread = threading.Thread(target=canceller)
    thread.start()
    try:
        probe(path, check=check, progress=progress)
    except Cancelled:
        end = time.perf_counter()
    else:
        raise SystemExit("bench_probe: the file was hashed to the end before the cancel")
    finally:
        started.set()
        thread.join()
    return end - set_at[0]


def best(fn: Callable[[], object], rounds: int) -> float:
    times = []
    for _ in range(rounds):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mib", type=int, default=512, help="media data of the long clip (MiB)")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-probe-") as tmp:
        clip = make_clip(Path(tmp))
        long = make_long(clip, args.mib)
        at_limit = make_boxes(clip, "at_limit.mp4", MAX_BOXES - 50)
        many = make_boxes(clip, "many.mp4", 2_000_000)
        size = long.stat().st_size
        baseline(long)  # warm the page cache
        results: dict[str, list[float]] = {}
        cases: dict[str, Callable[[], object]] = {
            "baseline": lambda: baseline(long),
            "probe": lambda: probe(long),
            "hash_file": lambda: hash_file(long, FingerprintStore(None)),
            "walk at limit": lambda: walk(at_limit),
            "refuse 2M boxes": lambda: refuse(many),
        }
        for _ in range(args.rounds):  # interleaved rounds
            for name, fn in cases.items():
                results.setdefault(name, []).append(best(fn, 1))
        latency = min(cancel_latency(long) for _ in range(args.rounds))
    t = {name: min(values) for name, values in results.items()}
    mb = size / 1e6
    print(f"file: {size / MIB:.0f} MiB clip; best of {args.rounds} rounds")
    for name in ("baseline", "probe", "hash_file"):
        print(f"{name:>16}: {t[name]:7.3f} s  {mb / t[name]:8.1f} MB/s")
    per_mib = t["baseline"] / (size / MIB)
    for name in ("walk at limit", "refuse 2M boxes"):
        print(f"{name:>16}: {t[name]:7.3f} s  = hashing {t[name] / per_mib:6.1f} MiB in the baseline")
    cancel_mib = latency / per_mib
    print(f"{'cancel latency':>16}: {latency * 1000:7.2f} ms  = hashing {cancel_mib:.2f} MiB in the baseline")
    print(f"ratio probe/baseline throughput:     {t['baseline'] / t['probe']:.2f} (target >= 0.9)")
    ratio = t["baseline"] / t["hash_file"]
    print(f"ratio hash_file/baseline throughput: {ratio:.2f} (SHA-256 + CRC-32, two threads: information)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
