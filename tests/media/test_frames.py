"""Tests of studio.media.frames: colours, timing, rotation, JPEG posters, thumbnails."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import av
import pytest
from hypothesis import given
from hypothesis import strategies as st

from studio.media.frames import (
    Cancelled,
    Frame,
    extract_frame,
    extract_thumbnails,
    rotate_rgb,
    write_jpeg,
)
from studio.media.probe import ProbeError

from .conftest import QUAD_COLOURS, QUAD_SIZE, SOLID_RGB, Expected, RunFfmpeg

TOLERANCE = 12  # per channel, for YUV 4:2:0 round trips
RED, BLUE = (255, 0, 0), (0, 0, 255)


def close(got: tuple[int, int, int], want: tuple[int, int, int], tol: int = TOLERANCE) -> bool:
    return all(abs(g - w) <= tol for g, w in zip(got, want, strict=True))


def quadrants(frame: Frame) -> dict[str, tuple[int, int, int]]:
    """Colour at the centre of each quarter of a frame."""
    w, h = frame.width, frame.height
    return {
        "tl": frame.pixel(w // 4, h // 4),
        "tr": frame.pixel(3 * w // 4, h // 4),
        "bl": frame.pixel(w // 4, 3 * h // 4),
        "br": frame.pixel(3 * w // 4, 3 * h // 4),
    }


def test_solid_colour_centre_and_corners(solid_clip: Path) -> None:
    frame = extract_frame(solid_clip, 500)
    assert (frame.width, frame.height) == (180, 320)
    assert len(frame.rgb) == 180 * 320 * 3
    for x, y in [(90, 160), (0, 0), (179, 0), (0, 319), (179, 319)]:
        assert close(frame.pixel(x, y), SOLID_RGB), (x, y, frame.pixel(x, y))


def test_max_height_scales_keeping_aspect(solid_clip: Path) -> None:
    small = extract_frame(solid_clip, 0, max_height=160)
    assert (small.width, small.height) == (90, 160)
    assert close(small.pixel(45, 80), SOLID_RGB)
    unscaled = extract_frame(solid_clip, 0, max_height=1000)  # never upscaled
    assert (unscaled.width, unscaled.height) == (180, 320)


@pytest.mark.parametrize(
    ("at_ms", "colour"),
    [(0, RED), (250, RED), (458, RED), (459, BLUE), (500, BLUE), (999, BLUE), (60_000, BLUE)],
)
def test_frame_at_time_seeks_and_decodes_forward(
    at_ms: int, colour: tuple[int, int, int], red_blue_clip: Path
) -> None:
    # Frames are 1/24 s apart: the last red one is at 458.3 ms, the first blue at 500 ms.
    frame = extract_frame(red_blue_clip, at_ms)
    assert close(frame.pixel(32, 32), colour), frame.pixel(32, 32)


def _ffmpeg_display_frame(run_ffmpeg: RunFfmpeg, path: Path) -> Frame:
    """The first frame as the ffmpeg command line shows it (autorotate is on by default)."""
    ppm = run_ffmpeg(
        "-i", str(path), "-frames:v", "1", "-c:v", "ppm", "-f", "image2pipe", "-"
    )  # fmt: skip
    magic, size, maxval, pixels = ppm.split(b"\n", 3)
    assert (magic, maxval) == (b"P6", b"255")
    width, height = (int(v) for v in size.split())
    return Frame(width, height, pixels)


@pytest.mark.parametrize("clockwise", [0, 90, 180, 270])
def test_rotated_frame_matches_ffmpeg_autorotate(
    clockwise: int, rotated_clips: dict[int, Path], run_ffmpeg: RunFfmpeg
) -> None:
    ours = extract_frame(rotated_clips[clockwise], 0)
    oracle = _ffmpeg_display_frame(run_ffmpeg, rotated_clips[clockwise])
    assert (ours.width, ours.height) == (oracle.width, oracle.height)
    for corner, colour in quadrants(oracle).items():
        assert close(quadrants(ours)[corner], colour), (corner, quadrants(ours), colour)


def test_phone_portrait_frame_is_turned_clockwise(rotated_clips: dict[int, Path]) -> None:
    frame = extract_frame(rotated_clips[90], 0)
    w, h = QUAD_SIZE
    assert (frame.width, frame.height) == (h, w)
    # Turning clockwise brings the coded bottom-left quarter to the top-left.
    seen = quadrants(frame)
    assert close(seen["tl"], QUAD_COLOURS["bl"])
    assert close(seen["tr"], QUAD_COLOURS["tl"])
    assert close(seen["bl"], QUAD_COLOURS["br"])
    assert close(seen["br"], QUAD_COLOURS["tr"])


def test_rotated_frame_scaled_by_display_height(rotated_clips: dict[int, Path]) -> None:
    frame = extract_frame(rotated_clips[90], 0, max_height=160)
    assert (frame.width, frame.height) == (90, 160)


def test_rotate_rgb_small_picture_by_hand() -> None:
    # 2 wide x 3 high, pixels numbered 0..5 row by row
    px = [bytes([i, i, i]) for i in range(6)]
    rgb = b"".join(px)
    cw90 = b"".join(px[i] for i in (4, 2, 0, 5, 3, 1))  # 3 wide x 2 high
    assert rotate_rgb(rgb, 2, 3, 90) == cw90
    assert rotate_rgb(rgb, 2, 3, 180) == b"".join(reversed(px))
    assert rotate_rgb(rgb, 2, 3, 270) == b"".join(px[i] for i in (1, 3, 5, 0, 2, 4))
    with pytest.raises(ValueError):
        rotate_rgb(rgb, 2, 3, 45)


@given(
    w=st.integers(1, 7),
    h=st.integers(1, 7),
    data=st.data(),
)
def test_rotate_rgb_round_trips(w: int, h: int, data: st.DataObject) -> None:
    rgb = data.draw(st.binary(min_size=w * h * 3, max_size=w * h * 3))
    assert rotate_rgb(rotate_rgb(rgb, w, h, 90), h, w, 270) == rgb
    assert rotate_rgb(rotate_rgb(rgb, w, h, 90), h, w, 90) == rotate_rgb(rgb, w, h, 180)
    assert rotate_rgb(rotate_rgb(rgb, w, h, 180), w, h, 180) == rgb


def test_write_jpeg_is_a_decodable_jpeg(solid_clip: Path, tmp_path: Path) -> None:
    out = tmp_path / "poster.jpg"
    out.write_bytes(b"old poster")  # replaced atomically
    assert write_jpeg(solid_clip, 300, out, max_height=160) == (90, 160)
    data = out.read_bytes()
    assert data[:2] == b"\xff\xd8" and data[-2:] == b"\xff\xd9"
    assert os.listdir(tmp_path) == ["poster.jpg"]  # no temp file left behind
    with av.open(str(out)) as container:
        decoded = next(container.decode(video=0))
        assert (decoded.width, decoded.height) == (90, 160)
        assert container.streams.video[0].codec_context.name == "mjpeg"
        rgb = decoded.reformat(format="rgb24")
        plane = bytes(rgb.planes[0])
        stride = rgb.planes[0].line_size
        centre = plane[80 * stride + 45 * 3 : 80 * stride + 45 * 3 + 3]
    assert close((centre[0], centre[1], centre[2]), SOLID_RGB, tol=16)


def test_write_jpeg_of_rotated_clip_is_portrait(
    rotated_clips: dict[int, Path], tmp_path: Path
) -> None:
    out = tmp_path / "phone.jpg"
    assert write_jpeg(rotated_clips[90], 0, out) == (180, 320)
    with av.open(str(out)) as container:
        decoded = next(container.decode(video=0))
        assert (decoded.width, decoded.height) == (180, 320)


def test_write_jpeg_of_bad_file_writes_nothing(bad_files: dict[str, Path], tmp_path: Path) -> None:
    out = tmp_path / "poster.jpg"
    with pytest.raises(ProbeError) as info:
        write_jpeg(bad_files["truncated"], 0, out)
    assert "\n" not in str(info.value)
    assert os.listdir(tmp_path) == []


def test_thumbnails_evenly_spaced(red_blue_clip: Path) -> None:
    thumbs = extract_thumbnails(red_blue_clip, 4, max_height=32)
    assert len(thumbs) == 4
    assert all((t.width, t.height) == (32, 32) for t in thumbs)
    colours = [t.pixel(16, 16) for t in thumbs]  # at 125, 375, 625 and 875 ms
    assert [close(c, RED) for c in colours] == [True, True, False, False]
    assert [close(c, BLUE) for c in colours] == [False, False, True, True]


@pytest.mark.parametrize("name", ["mp4", "webm", "mkv"])
def test_thumbnails_from_each_container(
    name: str, good_clips: dict[str, tuple[Path, Expected]]
) -> None:
    thumbs = extract_thumbnails(good_clips[name][0], 3, max_height=60)
    assert [(t.width, t.height) for t in thumbs] == [(80, 60)] * 3
    assert len({t.rgb for t in thumbs}) == 3  # testsrc2 moves: three different pictures


def test_thumbnails_cancel_between_frames(red_blue_clip: Path) -> None:
    calls: list[int] = []

    def cancel() -> bool:
        calls.append(1)
        return len(calls) > 2

    with pytest.raises(Cancelled):
        extract_thumbnails(red_blue_clip, 5, max_height=32, cancel=cancel)
    assert len(calls) == 3  # two frames made, cancelled before the third


def test_thumbnails_not_cancelled_calls_cancel_per_frame(red_blue_clip: Path) -> None:
    calls: list[int] = []

    def cancel() -> bool:
        calls.append(1)
        return False

    assert len(extract_thumbnails(red_blue_clip, 3, max_height=16, cancel=cancel)) == 3
    assert len(calls) == 3


@pytest.mark.parametrize("name", ["text", "empty", "audio_only", "truncated_faststart"])
def test_extract_frame_bad_file_raises_probe_error(name: str, bad_files: dict[str, Path]) -> None:
    with pytest.raises(ProbeError) as info:
        extract_frame(bad_files[name], 0)
    assert "\n" not in str(info.value)
    assert bad_files[name].name in str(info.value)


def test_invalid_arguments(solid_clip: Path) -> None:
    with pytest.raises(ValueError):
        extract_frame(solid_clip, -1)
    with pytest.raises(ValueError):
        extract_frame(solid_clip, 0, max_height=0)
    with pytest.raises(ValueError):
        extract_thumbnails(solid_clip, 0, max_height=10)
    with pytest.raises(ValueError):
        Frame(2, 2, b"\0" * 11)


def test_media_modules_do_not_import_qt_or_vlc() -> None:
    code = (
        "import sys, studio.media.probe, studio.media.frames\n"
        "top = {m.split('.')[0] for m in sys.modules}\n"
        "bad = sorted(top & {'PySide6', 'shiboken6', 'vlc'})\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert result.stdout.strip() == ""
