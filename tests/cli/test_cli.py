"""The headless CLI: Qt-free import, probe/info/validate output and errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from studio import cli
from tests.support import ROOT, SAMPLES


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "studio", *args], cwd=ROOT, capture_output=True, text=True,
        timeout=120, check=False,
    )


def test_importing_cli_and_building_parser_never_imports_qt_or_vlc() -> None:
    code = (
        "import sys, studio.cli as c; c.get_parser();"
        "bad=[m for m in sys.modules if m.startswith(('PySide6','vlc','shiboken'))];"
        "print(bad); sys.exit(1 if bad else 0)"
    )
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                          check=False)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_probe_sample_clip_prints_json() -> None:
    clip = SAMPLES / "savings" / "media" / "payday.mp4"
    proc = run("probe", str(clip))
    assert proc.returncode == 0, proc.stderr
    info = json.loads(proc.stdout)
    assert (info["width"], info["height"], info["video_codec"]) == (360, 640, "h264")
    assert abs(info["duration_ms"] - 6000) < 100


def test_probe_bad_file_one_line_no_traceback(tmp_path: Path) -> None:
    bad = tmp_path / "notes.mp4"
    bad.write_text("hello, this is not a video\n")
    proc = run("probe", str(bad))
    assert proc.returncode != 0
    assert "Traceback" not in proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and "notes.mp4" in lines[0]


@pytest.mark.parametrize("name", ["savings", "shoppable"])
def test_samples_validate_clean(name: str) -> None:
    proc = run("validate", str(SAMPLES / name))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "error" not in proc.stdout


def test_info_json() -> None:
    proc = run("info", str(SAMPLES / "savings"), "--json")
    assert proc.returncode == 0, proc.stderr
    info = json.loads(proc.stdout)
    assert info["start"] == "payday"
    assert set(info["endings"]) == {"ending_dream", "ending_steady", "ending_broke"}


def test_validate_broken_project_names_scene(tmp_path: Path) -> None:
    data = json.loads((SAMPLES / "savings" / "drama.json").read_text())
    data["scenes"][0]["choice"]["options"][0]["target"] = "nowhere"
    (tmp_path / "drama.json").write_text(json.dumps(data))
    proc = run("validate", str(tmp_path))
    assert proc.returncode == 2
    assert proc.stderr.count("\n") == 1
    assert "scene 'payday'" in proc.stderr and "nowhere" in proc.stderr


def test_main_without_gui_package_reports_cleanly(monkeypatch: pytest.MonkeyPatch) -> None:
    parser = cli.get_parser()
    args = parser.parse_args(["info", str(SAMPLES / "shoppable")])
    assert args.func(args) == 0
