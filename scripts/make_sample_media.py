"""Generate the sample clips of the sample projects with ffmpeg (a dev tool, not the app).

Every clip is a real H.264 (main profile, yuv420p, BT.709 tagged) + AAC MP4 with
``+faststart``: vertical 360x640, 24 fps, 6.0 s, a flat background colour unique to
the clip (see :data:`CLIPS`), the scene name drawn large in the middle band, a running
time counter ``mm:ss.ff`` (ff = frame within the second, 00-23) under it, and a quiet
sine tone whose frequency is unique to the clip.  Outside the band ``y`` in
[240, 400) the picture is the flat background, so tests can check decoded colours.

Output is deterministic (bitexact flags, no metadata, one encoder thread): rerunning
with the same ffmpeg version gives identical bytes.

    python scripts/make_sample_media.py           # regenerate every clip
    python scripts/make_sample_media.py --check   # verify they exist and total < 5 MB
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf")
WIDTH, HEIGHT, FPS, SECONDS = 360, 640, 24, 6
TEXT_BAND = (240, 400)  # rows [top, bottom) that hold text; the rest is flat colour
MAX_TOTAL_BYTES = 5 * 1000 * 1000

# project -> scene id -> (title, background RGB, tone Hz)
CLIPS: dict[str, dict[str, tuple[str, tuple[int, int, int], int]]] = {
    "savings": {
        "payday": ("Payday", (46, 125, 50), 330),
        "temptation": ("Temptation", (183, 28, 28), 349),
        "save_path": ("Saving it", (21, 101, 192), 392),
        "spend_path": ("Spending it", (230, 81, 0), 440),
        "month_end": ("Month end", (94, 53, 177), 494),
        "ending_dream": ("Dream trip", (0, 151, 167), 523),
        "ending_steady": ("Steady", (130, 119, 23), 587),
        "ending_broke": ("Broke", (69, 90, 100), 659),
    },
    "shoppable": {
        "morning": ("Morning routine", (249, 168, 37), 294),
        "office": ("At the office", (38, 50, 56), 370),
        "date_night": ("Date night", (173, 20, 87), 415),
        "skip_it": ("Skip it", (121, 85, 72), 466),
        "ending_glow": ("The glow", (240, 98, 146), 554),
        "ending_regret": ("Regret", (40, 53, 147), 622),
    },
}


def media_dir(project: str) -> Path:
    return ROOT / "sample_projects" / project / "media"


def all_clips() -> list[tuple[Path, str, tuple[int, int, int], int]]:
    """(output path, title, colour, tone) for every clip of every project."""
    return [
        (media_dir(project) / f"{scene}.mp4", title, colour, tone)
        for project, scenes in CLIPS.items()
        for scene, (title, colour, tone) in scenes.items()
    ]


def ffmpeg_command(out: Path, title: str, colour: tuple[int, int, int], tone: int) -> list[str]:
    if not all(ch.isalnum() or ch == " " for ch in title):
        raise ValueError(f"title {title!r}: only letters, digits and spaces are drawn")
    fontsize = 40 if len(title) <= 11 else 32  # keep long titles inside 360 px
    hex_colour = "0x{:02X}{:02X}{:02X}".format(*colour)
    counter = (
        r"%{eif\:floor(t/60)\:d\:2}\:%{eif\:mod(floor(t)\,60)\:d\:2}"
        r".%{eif\:mod(n\," + str(FPS) + r")\:d\:2}"
    )
    font = f"fontfile={FONT}"
    video = ",".join(
        [
            f"color=c={hex_colour}:s={WIDTH}x{HEIGHT}:r={FPS}:d={SECONDS}",
            f"drawtext={font}:text='{title}':fontsize={fontsize}:fontcolor=white"
            ":shadowcolor=black@0.6:shadowx=2:shadowy=2:x=(w-text_w)/2:y=268",
            f"drawtext={font}:text='{counter}':fontsize=30:fontcolor=white@0.9"
            ":x=(w-text_w)/2:y=338",
            "scale=out_color_matrix=bt709:out_range=tv",
            "format=yuv420p",
        ]
    )
    audio = f"sine=frequency={tone}:sample_rate=48000:duration={SECONDS},volume=0.12"
    return [
        "ffmpeg", "-nostdin", "-hide_banner", "-loglevel", "error", "-y",
        "-f", "lavfi", "-i", video,
        "-f", "lavfi", "-i", audio,
        "-map", "0:v", "-map", "1:a", "-map_metadata", "-1",
        "-c:v", "libx264", "-profile:v", "main", "-preset", "medium", "-crf", "30",
        "-maxrate", "250k", "-bufsize", "500k", "-g", str(FPS), "-threads", "1",
        "-pix_fmt", "yuv420p", "-colorspace", "bt709", "-color_primaries", "bt709",
        "-color_trc", "bt709", "-color_range", "tv",
        "-c:a", "aac", "-b:a", "32k", "-ac", "1",
        "-t", str(SECONDS), "-movflags", "+faststart",
        "-fflags", "+bitexact", "-flags:v", "+bitexact", "-flags:a", "+bitexact",
        str(out),
    ]  # fmt: skip


def generate() -> int:
    if shutil.which("ffmpeg") is None:
        print("error: ffmpeg not found on PATH (apt-get install ffmpeg)", file=sys.stderr)
        return 2
    if not FONT.is_file():
        print(f"error: font {FONT} missing (apt-get install fonts-dejavu-core)", file=sys.stderr)
        return 2
    for out, title, colour, tone in all_clips():
        out.parent.mkdir(parents=True, exist_ok=True)
        tmp = out.with_name(f".{out.stem}.tmp.mp4")
        result = subprocess.run(
            ffmpeg_command(tmp, title, colour, tone), capture_output=True, text=True
        )
        if result.returncode != 0:
            tmp.unlink(missing_ok=True)
            print(f"error: ffmpeg failed for {out}:\n{result.stderr}", file=sys.stderr)
            return 1
        os.replace(tmp, out)
        rel = out.relative_to(ROOT)
        print(f"{rel}  rgb{colour}  {tone} Hz  {out.stat().st_size} B  {title!r}")
    return check()


def check() -> int:
    missing = [out for out, *_ in all_clips() if not out.is_file()]
    for out in missing:
        print(f"missing: {out.relative_to(ROOT)}", file=sys.stderr)
    total = sum(out.stat().st_size for out, *_ in all_clips() if out.is_file())
    print(f"{len(all_clips()) - len(missing)} clips, {total} bytes in total")
    if total >= MAX_TOTAL_BYTES:
        print(f"error: total {total} B is not under {MAX_TOTAL_BYTES} B", file=sys.stderr)
        return 1
    return 1 if missing else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument(
        "--check", action="store_true", help="only verify the clips exist and total < 5 MB"
    )
    args = parser.parse_args(argv)
    return check() if args.check else generate()


if __name__ == "__main__":
    sys.exit(main())
