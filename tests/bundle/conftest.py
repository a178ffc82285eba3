"""Fixtures for the bundle tests: two tiny real clips (ffmpeg), a small project
folder using them (one clip shared by two assets and scenes, a product image),
a fake web player folder and a good exported bundle.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from studio.bundle.export import export_project
from studio.media.frames import write_jpeg
from studio.media.probe import probe
from studio.model import Project, save
from tests.support import require_exe


def _ffmpeg(*args: str) -> None:
    exe = require_exe("ffmpeg")
    subprocess.run(
        [exe, "-nostdin", "-hide_banner", "-loglevel", "error", "-y", *args],
        check=True,
        capture_output=True,
        timeout=120,
    )


@pytest.fixture(scope="session")
def clips(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Two distinct 1 s H.264/AAC clips (96x160) and a small JPEG image."""
    folder = tmp_path_factory.mktemp("clips")
    out = {}
    for name, source in (("a", "testsrc=size=96x160:rate=24"), ("b", "color=c=red:size=96x160")):
        path = folder / f"{name}.mp4"
        _ffmpeg(
            "-f", "lavfi", "-i", f"{source}:duration=1",
            "-f", "lavfi", "-i", "sine=frequency=440:duration=1",
            "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-r", "24",
            "-c:a", "aac", "-shortest", "-movflags", "+faststart", str(path),
        )  # fmt: skip
        out[name] = path
    image = folder / "serum.jpg"
    write_jpeg(out["b"], 0, image, max_height=64)
    out["image"] = image
    return out


def _asset(asset_id: str, path: str, file: Path) -> dict[str, Any]:
    info = probe(file)
    return {
        "id": asset_id,
        "path": path,
        "sha256": info.sha256,
        "size": info.size,
        "duration_ms": info.duration_ms,
        "width": info.width,
        "height": info.height,
        "rotation": info.rotation,
        "fps": info.fps,
        "video_codec": info.video_codec,
        "audio_codec": info.audio_codec,
        "container": info.container,
    }


def build_project(folder: Path, clips: dict[str, Path]) -> Path:
    """A valid 3-scene drama; clip ``a`` is used by two assets (a, a2) and three scenes."""
    media = folder / "media"
    media.mkdir(parents=True)
    shutil.copyfile(clips["a"], media / "a.mp4")
    shutil.copyfile(clips["a"], media / "a_copy.mp4")
    shutil.copyfile(clips["b"], media / "b.mp4")
    (folder / "img").mkdir()
    shutil.copyfile(clips["image"], folder / "img" / "serum.JPG")
    raw = {
        "title": "Bundle test",
        "goals": [{"id": "trip", "name": "Trip", "target": 10000}],
        "products": [
            {"id": "serum", "sku": "S-1", "name": "Serum", "price": 9900, "image": "img/serum.JPG"}
        ],
        "media": [
            _asset("a", "media/a.mp4", media / "a.mp4"),
            _asset("b", "media/b.mp4", media / "b.mp4"),
            _asset("a2", "media/a_copy.mp4", media / "a_copy.mp4"),
        ],
        "scenes": [
            {
                "id": "intro",
                "title": "Intro",
                "media": "a",
                "tags": [
                    {
                        "id": "t1",
                        "product": "serum",
                        "start_ms": 100,
                        "end_ms": 500,
                        "hotspot": {"x": 0.1, "y": 0.1, "w": 0.3, "h": 0.2},
                    }
                ],
                "choice": {
                    "appear_ms": 200,
                    "decision_ms": 800,
                    "options": [
                        {
                            "id": "save",
                            "label": "Save",
                            "target": "good",
                            "default": True,
                            "deposit": {"goal": "trip", "amount": 500},
                        },
                        {"id": "spend", "label": "Spend", "target": "bad"},
                    ],
                },
            },
            {"id": "good", "title": "Good", "media": "b", "ending": True, "ending_kind": "good"},
            {
                "id": "bad",
                "title": "Bad",
                "media": "a2",
                "in_ms": 400,
                "ending": True,
                "ending_kind": "bad",
            },
        ],
        "start": "intro",
    }
    save(Project.model_validate(raw), folder, keep_backup=False)
    return folder


@pytest.fixture
def project_dir(tmp_path: Path, clips: dict[str, Path]) -> Path:
    return build_project(tmp_path / "project", clips)


def make_player(folder: Path) -> Path:
    (folder / "lib").mkdir(parents=True)
    (folder / "index.html").write_text("<!doctype html><title>player</title>\n")
    (folder / "app.js").write_text("console.log('player');\n")
    (folder / "lib" / "style.css").write_text("body { margin: 0 }\n")
    (folder / ".DS_Store").write_bytes(b"junk")
    return folder


@pytest.fixture
def player_dir(tmp_path: Path) -> Path:
    return make_player(tmp_path / "player")


@pytest.fixture(scope="session")
def good_bundle(tmp_path_factory: pytest.TempPathFactory, clips: dict[str, Path]) -> Path:
    """A valid bundle (with a web player) to derive the malicious corpus from."""
    root = tmp_path_factory.mktemp("good")
    project = build_project(root / "project", clips)
    player = make_player(root / "player")
    out = root / "good.drama.zip"
    export_project(project, out, web_player=True, player_dir=player)
    return out


def snapshot(folder: Path) -> dict[str, tuple[bool, int]]:
    """Every path below ``folder`` with (is_dir, size): to prove nothing was written."""
    return {
        str(p.relative_to(folder)): (p.is_dir(), 0 if p.is_dir() else p.stat().st_size)
        for p in sorted(folder.rglob("*"))
    }
