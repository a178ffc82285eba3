"""``studio export`` / ``studio import`` through the real CLI entry point."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from studio.cli import main
from studio.model import load


def test_export_then_import(
    project_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "x.drama.zip"
    assert main(["export", str(project_dir), "-o", str(out)]) == 0
    captured = capsys.readouterr()
    with zipfile.ZipFile(out) as zf:
        count = len(zf.namelist())
    mb = out.stat().st_size / 1e6
    assert captured.out == f"exported {count} files ({mb:.1f} MB) to {out}\n"
    assert captured.err == ""  # no progress when stderr is not a terminal
    target = tmp_path / "imported"
    assert main(["import", str(out), "-o", str(target)]) == 0
    assert str(target) in capsys.readouterr().out
    assert load(target).project.title == load(project_dir).project.title


def test_export_errors_are_one_line(
    project_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project_dir / "media" / "b.mp4").unlink()
    assert main(["export", str(project_dir), "-o", str(tmp_path / "x.zip")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("studio: ") and "media/b.mp4" in err
    assert not (tmp_path / "x.zip").exists()


def test_export_web_player_missing_or_present(
    project_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from studio.bundle.export import PLAYER_DIR

    code = main(["export", str(project_dir), "-o", str(tmp_path / "x.zip"), "--web-player"])
    if PLAYER_DIR.is_dir():
        assert code == 0
        with zipfile.ZipFile(tmp_path / "x.zip") as zf:
            assert any(n.startswith("player/") for n in zf.namelist())
    else:
        assert code == 2 and "web player not found" in capsys.readouterr().err


def test_import_errors_are_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.zip"
    bad.write_text("not a zip")
    assert main(["import", str(bad), "-o", str(tmp_path / "p")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "not a zip file" in err
    assert not (tmp_path / "p").exists()


def test_missing_project(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", str(tmp_path / "nothing"), "-o", str(tmp_path / "x.zip")]) == 2
    assert "no such project file" in capsys.readouterr().err


def test_progress_on_a_terminal(
    project_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import sys

    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    assert main(["export", str(project_dir), "-o", str(tmp_path / "x.zip")]) == 0
    captured = capsys.readouterr()
    assert "\rexporting 100%\n" in captured.err and captured.out.startswith("exported ")


def test_export_host_origins(project_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import json

    out = tmp_path / "x.zip"
    args = ["export", str(project_dir), "-o", str(out)]
    origins = ["--host-origin", "https://Wallet.example.com:443", "--host-origin", "http://localhost:8000"]
    assert main([*args, *origins]) == 0  # allowed without --web-player (the manifest is read by hosts)
    with zipfile.ZipFile(out) as zf:
        manifest = json.loads(zf.read("manifest.json"))
    assert manifest["host_origins"] == ["http://localhost:8000", "https://wallet.example.com"]
    capsys.readouterr()
    out.unlink()
    assert main([*args, "--web-player", "--host-origin", "https://wallet.example.com/pay"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("studio: ")
    assert "host origin 'https://wallet.example.com/pay': an origin has no path" in err
    assert not out.exists()
