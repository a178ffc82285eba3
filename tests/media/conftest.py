"""Session fixtures that build small real test clips with the ffmpeg command line.

ffmpeg here is only a test-data generator (and an independent oracle for rotation);
the code under test uses PyAV in-process.  Without ffmpeg the media tests are
skipped locally but fail under CI (``CI=true``): they must never be skipped there.
"""

from __future__ import annotations

import os
import shutil
import struct
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

FPS = 24
# (width, height) of the coded pictures of the quadrant clips used for rotation.
QUAD_SIZE = (320, 180)
# Quadrant colours of the coded picture: top-left, top-right, bottom-left, bottom-right.
QUAD_COLOURS = {
    "tl": (255, 0, 0),
    "tr": (0, 255, 0),
    "bl": (0, 0, 255),
    "br": (255, 255, 0),
}
SOLID_RGB = (0x33, 0x66, 0xCC)

RunFfmpeg = Callable[..., bytes]


@dataclass(frozen=True)
class Expected:
    """What probe() must report for a good test clip."""

    container: str
    width: int
    height: int
    video_codec: str
    audio_codec: str | None
    duration_ms: int = 1000
    rotation: int = 0


def _require_ffmpeg() -> str:
    exe = shutil.which("ffmpeg")
    if exe is None:
        if os.environ.get("CI") == "true":
            pytest.fail("ffmpeg is required for the media tests in CI (apt-get install ffmpeg)")
        pytest.skip("ffmpeg is not installed")
    return exe


def _ffmpeg(*args: str) -> bytes:
    """Run ffmpeg quietly and return its stdout; fail the test with stderr on error."""
    exe = _require_ffmpeg()
    cmd = [exe, "-nostdin", "-hide_banner", "-loglevel", "error", "-y", *args]
    result = subprocess.run(cmd, capture_output=True, check=False)
    if result.returncode != 0:
        pytest.fail(f"ffmpeg failed: {' '.join(cmd)}\n{result.stderr.decode(errors='replace')}")
    return result.stdout


@pytest.fixture(scope="session")
def run_ffmpeg() -> RunFfmpeg:
    _require_ffmpeg()
    return _ffmpeg


def _src(w: int, h: int, seconds: float = 1.0) -> list[str]:
    return ["-f", "lavfi", "-i", f"testsrc2=s={w}x{h}:r={FPS}:d={seconds}"]


def _tone(seconds: float = 1.0, rate: int = 48000) -> list[str]:
    return ["-f", "lavfi", "-i", f"sine=frequency=440:sample_rate={rate}:duration={seconds}"]


_H264 = ["-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p"]
_AAC = ["-c:a", "aac", "-b:a", "64k"]


def _quad_filter(w: int, h: int, seconds: float = 1.0) -> str:
    hw, hh = w // 2, h // 2
    parts = [
        f"color=c=0x{r:02X}{g:02X}{b:02X}:s={hw}x{hh}:r={FPS}:d={seconds}[{name}]"
        for name, (r, g, b) in QUAD_COLOURS.items()
    ]
    return ";".join(
        [*parts, "[tl][tr]hstack[top]", "[bl][br]hstack[bottom]", "[top][bottom]vstack"]
    )


def _fixed(value: float) -> int:
    return round(value * 65536)


def display_matrix(clockwise: int, width: int, height: int) -> tuple[int, ...]:
    """The QuickTime 'tkhd' matrix a camera writes to show a picture turned clockwise."""
    one = 1 << 30  # u, v, w are 2.30 fixed point; the rest 16.16
    return {
        0: (_fixed(1), 0, 0, 0, _fixed(1), 0, 0, 0, one),
        90: (0, _fixed(1), 0, _fixed(-1), 0, 0, _fixed(height), 0, one),
        180: (_fixed(-1), 0, 0, 0, _fixed(-1), 0, _fixed(width), _fixed(height), one),
        270: (0, _fixed(-1), 0, _fixed(1), 0, 0, 0, _fixed(width), one),
    }[clockwise]


def set_video_matrix(path: Path, matrix: tuple[int, ...]) -> None:
    """Patch the matrix of the video track's 'tkhd' box in place (as a phone would write)."""
    data = bytearray(path.read_bytes())
    patched = 0
    start = 0
    while (pos := data.find(b"tkhd", start)) != -1:
        start = pos + 4
        version = data[pos + 4]
        matrix_at = pos + 4 + 4 + (32 if version == 1 else 20) + 16
        width_fixed = struct.unpack(">I", data[matrix_at + 36 : matrix_at + 40])[0]
        if width_fixed == 0:  # audio track: no picture size
            continue
        data[matrix_at : matrix_at + 36] = struct.pack(">9i", *matrix)
        patched += 1
    assert patched == 1, f"expected exactly one video tkhd in {path}, found {patched}"
    path.write_bytes(bytes(data))


def _zero_mdat_payload(src: Path, dst: Path) -> None:
    """Copy an mp4 with every byte of sample data zeroed: boxes intact, frames garbage."""
    data = bytearray(src.read_bytes())
    offset = 0
    while offset + 8 <= len(data):
        size, kind = struct.unpack(">I4s", data[offset : offset + 8])
        if kind == b"mdat":
            data[offset + 8 : offset + size] = bytes(size - 8)
        offset += size
    dst.write_bytes(bytes(data))


@pytest.fixture(scope="session")
def media_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("media")


@pytest.fixture(scope="session")
def good_clips(media_dir: Path) -> dict[str, tuple[Path, Expected]]:
    """One small clip per allowed container (320x240, 1 s, 24 fps)."""
    _require_ffmpeg()
    w, h = 320, 240
    clips: dict[str, tuple[Path, Expected]] = {}
    av_in = [*_src(w, h), *_tone()]
    for name, fmt in (("clip.mp4", "mp4"), ("clip.mov", "mov"), ("clip.mkv", "matroska")):
        out = media_dir / name
        _ffmpeg(*av_in, *_H264, *_AAC, "-f", fmt, str(out))
        kind = {"mp4": "mp4", "mov": "mov", "matroska": "mkv"}[fmt]
        clips[kind] = (out, Expected(kind, w, h, "h264", "aac"))
    out = media_dir / "clip.m4v"
    _ffmpeg(*av_in, *_H264, *_AAC, "-f", "ipod", str(out))
    clips["m4v"] = (out, Expected("m4v", w, h, "h264", "aac"))
    out = media_dir / "clip.webm"
    vp9 = ["-c:v", "libvpx-vp9", "-deadline", "realtime", "-cpu-used", "8", "-b:v", "200k"]
    _ffmpeg(*av_in, *vp9, "-c:a", "libopus", "-b:a", "48k", str(out))
    clips["webm"] = (out, Expected("webm", w, h, "vp9", "opus"))
    out = media_dir / "clip_vp8.webm"
    vp8 = ["-c:v", "libvpx", "-deadline", "realtime", "-cpu-used", "8", "-b:v", "200k"]
    _ffmpeg(*_src(w, h), *vp8, str(out))
    clips["webm-vp8-silent"] = (out, Expected("webm", w, h, "vp8", None))
    return clips


@pytest.fixture(scope="session")
def rotated_clips(media_dir: Path) -> dict[int, Path]:
    """Quadrant clips coded 320x180 whose display matrix turns them 0/90/180/270° cw.

    The 90° one is what a phone writes for a portrait recording.
    """
    _require_ffmpeg()
    w, h = QUAD_SIZE
    base = media_dir / "quad.mp4"
    _ffmpeg("-f", "lavfi", "-i", _quad_filter(w, h), *_tone(), *_H264, *_AAC, str(base))
    clips = {0: base}
    for cw in (90, 180, 270):
        out = media_dir / f"phone_rot{cw}.mp4"
        shutil.copyfile(base, out)
        set_video_matrix(out, display_matrix(cw, w, h))
        clips[cw] = out
    return clips


@pytest.fixture(scope="session")
def solid_clip(media_dir: Path) -> Path:
    """180x320, 1 s, one flat colour (SOLID_RGB), BT.601 untagged like most encoders."""
    _require_ffmpeg()
    out = media_dir / "solid.mp4"
    colour = "0x{:02X}{:02X}{:02X}".format(*SOLID_RGB)
    _ffmpeg(
        "-f", "lavfi", "-i", f"color=c={colour}:s=180x320:r={FPS}:d=1", *_H264, str(out)
    )  # fmt: skip
    return out


@pytest.fixture(scope="session")
def red_blue_clip(media_dir: Path) -> Path:
    """64x64, 1 s: red for the first 0.5 s, then blue; keyframe every 6 frames, B-frames."""
    _require_ffmpeg()
    out = media_dir / "red_blue.mp4"
    graph = (
        f"color=c=red:s=64x64:r={FPS}:d=0.5[a];color=c=blue:s=64x64:r={FPS}:d=0.5[b];"
        "[a][b]concat=n=2:v=1:a=0"
    )
    _ffmpeg(
        "-f", "lavfi", "-i", graph, "-c:v", "libx264", "-preset", "veryfast", "-g", "6",
        "-bf", "2", "-pix_fmt", "yuv420p", str(out),
    )  # fmt: skip
    return out


@pytest.fixture(scope="session")
def bad_files(media_dir: Path) -> dict[str, Path]:
    """Files probe() must reject, by name."""
    _require_ffmpeg()
    bad = media_dir / "bad"
    bad.mkdir()
    files: dict[str, Path] = {}

    files["missing"] = bad / "does_not_exist.mp4"
    files["directory"] = bad / "folder.mp4"
    files["directory"].mkdir()
    files["empty"] = bad / "empty.mp4"
    files["empty"].write_bytes(b"")
    files["text"] = bad / "notes.mp4"
    files["text"].write_text("These are my notes, not a video.\nSecond line.\n")
    files["playlist"] = bad / "playlist.mp4"
    files["playlist"].write_text(
        "#EXTM3U\n#EXTINF:6,Episode 1\nhttp://example.invalid/ep1.mp4\n"
        "#EXTINF:6,Episode 2\nep2.mp4\n"
    )

    audio = bad / "song.mp4"  # an .m4a renamed .mp4
    _ffmpeg(*_tone(2.0, 44100), *_AAC, "-f", "ipod", str(audio))
    files["audio_only"] = audio

    plain = bad / "source_plain.tmp"  # moov written at the end
    _ffmpeg(*_src(320, 240), *_tone(), *_H264, *_AAC, "-f", "mp4", str(plain))
    fast = bad / "source_fast.tmp"  # moov moved to the front
    _ffmpeg(
        *_src(320, 240), *_tone(), *_H264, *_AAC, "-movflags", "+faststart", "-f", "mp4", str(fast)
    )
    for name, src in (("truncated", plain), ("truncated_faststart", fast)):
        data = src.read_bytes()
        files[name] = bad / f"{name}.mp4"
        files[name].write_bytes(data[: len(data) * 4 // 10])
    data = plain.read_bytes()
    files["no_moov"] = bad / "no_moov.mp4"  # cut exactly where the trailing moov box starts
    files["no_moov"].write_bytes(data[: data.rindex(b"moov") - 4])
    webm = bad / "source.webm.tmp"
    vp8 = ["-c:v", "libvpx", "-deadline", "realtime", "-cpu-used", "8", "-b:v", "300k"]
    _ffmpeg(*_src(320, 240), *vp8, "-f", "webm", str(webm))
    files["truncated_webm"] = bad / "cut.webm"
    files["truncated_webm"].write_bytes(webm.read_bytes()[: webm.stat().st_size * 4 // 10])
    files["zeroed_frames"] = bad / "zeroed_frames.mp4"
    _zero_mdat_payload(fast, files["zeroed_frames"])

    files["avi"] = bad / "old.avi"
    _ffmpeg(*_src(160, 120), "-c:v", "mpeg4", "-f", "avi", str(files["avi"]))
    files["mpegts"] = bad / "broadcast.mp4"  # MPEG-TS renamed .mp4
    _ffmpeg(*_src(160, 120), *_H264, "-f", "mpegts", str(files["mpegts"]))
    files["wav"] = bad / "voice.mp4"
    _ffmpeg(*_tone(0.5), "-f", "wav", str(files["wav"]))
    files["png"] = bad / "poster.mp4"
    _ffmpeg(*_src(64, 64), "-frames:v", "1", "-c:v", "png", "-f", "image2", str(files["png"]))
    return files
