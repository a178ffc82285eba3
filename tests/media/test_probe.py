"""Tests of studio.media.probe against real clips made by ffmpeg (see conftest.py)."""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import pickle
import shutil
from pathlib import Path
from types import ModuleType

import pytest

from studio.media.probe import ALLOWED_CONTAINERS, ProbeError, probe, sha256_file

from .conftest import QUAD_SIZE, Expected

REPO = Path(__file__).resolve().parents[2]
SAMPLE_CLIPS = sorted(REPO.glob("sample_projects/*/media/*.mp4"))

GOOD = ["mp4", "mov", "m4v", "webm", "mkv", "webm-vp8-silent"]


@pytest.mark.parametrize("name", GOOD)
def test_allowed_container_probes(name: str, good_clips: dict[str, tuple[Path, Expected]]) -> None:
    path, want = good_clips[name]
    result = probe(path)
    assert result.container == want.container
    assert abs(result.duration_ms - want.duration_ms) <= 60
    assert (result.width, result.height) == (want.width, want.height)
    assert (result.display_width, result.display_height) == (want.width, want.height)
    assert result.rotation == 0
    assert result.fps == 24.0
    assert result.video_codec == want.video_codec
    assert result.audio_codec == want.audio_codec
    assert result.size == path.stat().st_size
    assert result.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert result.path == str(path)


def test_every_allowed_container_is_covered(good_clips: dict[str, tuple[Path, Expected]]) -> None:
    assert {want.container for _, want in good_clips.values()} == set(ALLOWED_CONTAINERS)


def test_to_json_has_every_field_and_serialises(
    good_clips: dict[str, tuple[Path, Expected]],
) -> None:
    result = probe(good_clips["mp4"][0])
    data = result.to_json()
    assert set(data) == {
        "path", "size", "sha256", "duration_ms", "width", "height", "rotation",
        "display_width", "display_height", "fps", "video_codec", "audio_codec", "container",
    }  # fmt: skip
    assert json.loads(json.dumps(data)) == data
    assert data["duration_ms"] == result.duration_ms


def test_container_is_judged_by_content_not_extension(
    good_clips: dict[str, tuple[Path, Expected]], tmp_path: Path
) -> None:
    webm_as_mp4 = tmp_path / "really_webm.mp4"
    shutil.copyfile(good_clips["webm"][0], webm_as_mp4)
    mov_no_ext = tmp_path / "clip"
    shutil.copyfile(good_clips["mov"][0], mov_no_ext)
    assert probe(webm_as_mp4).container == "webm"
    assert probe(mov_no_ext).container == "mov"


@pytest.mark.parametrize("clockwise", [0, 90, 180, 270])
def test_rotation_from_display_matrix(clockwise: int, rotated_clips: dict[int, Path]) -> None:
    result = probe(rotated_clips[clockwise])
    w, h = QUAD_SIZE
    assert result.rotation == clockwise
    assert (result.width, result.height) == (w, h)
    if clockwise in (90, 270):
        assert (result.display_width, result.display_height) == (h, w)
    else:
        assert (result.display_width, result.display_height) == (w, h)


def test_phone_portrait_clip_displays_portrait(rotated_clips: dict[int, Path]) -> None:
    result = probe(rotated_clips[90])
    assert result.display_height > result.display_width
    assert result.width > result.height


BAD = {
    "missing": "file not found",
    "directory": "is a directory",
    "empty": "empty file",
    "text": "not a video file (text)",
    "playlist": "not a video file (text/playlist)",
    "audio_only": "has no video stream (audio only)",
    "truncated": "truncated or corrupt",
    "truncated_faststart": "truncated or corrupt",
    "zeroed_frames": "truncated or corrupt",
    "no_moov": "truncated or corrupt (no 'moov' box)",
    "truncated_webm": "truncated or corrupt (segment is missing",
    "avi": "container 'avi' is not allowed (allowed: mp4, mov, m4v, webm, mkv)",
    "mpegts": "container 'mpegts' is not allowed (allowed: mp4, mov, m4v, webm, mkv)",
    "wav": "container 'wav' is not allowed",
    "png": "not a video file (png image)",
}


@pytest.mark.parametrize("name", sorted(BAD))
def test_bad_file_raises_one_line_probe_error(name: str, bad_files: dict[str, Path]) -> None:
    path = bad_files[name]
    with pytest.raises(ProbeError) as info:
        probe(path)
    message = str(info.value)
    assert "\n" not in message
    assert message.startswith(f"{path}: ")
    assert path.name in message
    assert BAD[name] in message
    assert info.value.reason in message


def test_probe_error_names_the_path_as_given(bad_files: dict[str, Path]) -> None:
    path = bad_files["text"]
    relative = os.path.relpath(path)
    with pytest.raises(ProbeError) as info:
        probe(relative)
    assert str(info.value) == f"{relative}: not a video file (text)"


def test_probe_error_pickles(bad_files: dict[str, Path]) -> None:
    with pytest.raises(ProbeError) as info:
        probe(bad_files["empty"])
    copy = pickle.loads(pickle.dumps(info.value))
    assert (str(copy), copy.path, copy.reason) == (str(info.value), info.value.path, "empty file")


def test_truncated_faststart_keeps_moov_but_loses_frames(bad_files: dict[str, Path]) -> None:
    head = bad_files["truncated_faststart"].read_bytes()[:4096]
    assert b"moov" in head  # the index survived: only the sample data is cut
    with pytest.raises(ProbeError, match=r"missing \d+ bytes"):
        probe(bad_files["truncated_faststart"])


@pytest.mark.parametrize("chunk", [1, 7, 4096, 1 << 20])
def test_sha256_file_matches_hashlib(
    chunk: int, good_clips: dict[str, tuple[Path, Expected]], tmp_path: Path
) -> None:
    path = good_clips["mkv"][0] if chunk > 1 else tmp_path / "small.bin"
    if chunk == 1:
        path.write_bytes(bytes(range(256)) * 3)
    assert sha256_file(path, chunk) == hashlib.sha256(path.read_bytes()).hexdigest()


def _load_sample_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "make_sample_media", REPO / "scripts" / "make_sample_media.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _require_samples() -> None:
    if not SAMPLE_CLIPS:
        if os.environ.get("CI") == "true":
            pytest.fail("sample clips missing: run python scripts/make_sample_media.py")
        pytest.skip("sample clips not generated")


@pytest.mark.parametrize("path", SAMPLE_CLIPS, ids=[p.name for p in SAMPLE_CLIPS])
def test_sample_clip_is_vertical_h264_aac(path: Path) -> None:
    result = probe(path)
    assert (result.display_width, result.display_height) == (360, 640)
    assert result.rotation == 0
    assert (result.video_codec, result.audio_codec, result.container) == ("h264", "aac", "mp4")
    assert abs(result.duration_ms - 6000) <= 60
    assert result.fps == 24.0


def test_sample_script_lists_every_clip_and_sizes_are_small() -> None:
    _require_samples()
    script = _load_sample_script()
    expected = {out for out, *_ in script.all_clips()}
    assert expected == set(SAMPLE_CLIPS)
    assert sum(p.stat().st_size for p in SAMPLE_CLIPS) < 5_000_000
    assert script.main(["--check"]) == 0
