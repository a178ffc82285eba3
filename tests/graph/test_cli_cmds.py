"""``studio validate`` / ``studio stats`` output and exit codes."""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from studio.graph.cli_cmds import add_stats_parser, add_validate_parser, run_stats, run_validate
from studio.model import load
from tests.support import ROOT, SAMPLES


def parse(*argv: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers(dest="command")
    add_validate_parser(sub)
    add_stats_parser(sub)
    return parser.parse_args(argv)


def broken_copy(tmp_path: Path, edit: str) -> Path:
    folder = tmp_path / "drama"
    shutil.copytree(SAMPLES / "savings", folder)
    data = json.loads((folder / "drama.json").read_text())
    if edit == "dead-end":
        data["scenes"][0]["choice"]["options"][0]["target"] = "ending_steady"
        data["scenes"].append({"id": "stub", "title": "Stub", "media": "payday"})
        data["scenes"][0]["choice"]["options"][1]["target"] = "stub"
    (folder / "drama.json").write_text(json.dumps(data))
    return folder


def test_validate_clean_sample(capsys: pytest.CaptureFixture[str]) -> None:
    assert run_validate(parse("validate", str(SAMPLES / "shoppable"))) == 0
    assert capsys.readouterr().out == "ok: no problems\n"


def test_validate_errors_exit_1_with_located_lines(tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    folder = broken_copy(tmp_path, "dead-end")
    assert run_validate(parse("validate", str(folder))) == 1
    out = capsys.readouterr().out.splitlines()
    assert "error: scene 'stub': has neither a choice point nor a next scene and is not marked as an " \
           "ending: playback stops here" in out
    assert out[-1].startswith("1 error")
    assert run_validate(parse("validate", str(folder), "--json")) == 1
    found = json.loads(capsys.readouterr().out)
    dead_end = next(f for f in found if f["code"] == "dead-end")
    assert {"severity": "error", "code": "dead-end", "scene": "stub", "item": None,
            "message": dead_end["message"]} in found


def test_warnings_only_exit_0(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = broken_copy(tmp_path, "none")
    data = json.loads((folder / "drama.json").read_text())
    data["scenes"].append({"id": "extra", "title": "Extra", "media": "payday", "ending": True})
    (folder / "drama.json").write_text(json.dumps(data))
    assert run_validate(parse("validate", str(folder))) == 0
    out = capsys.readouterr().out
    assert "warning: scene 'extra': cannot be reached" in out and "error" not in out


def test_missing_media_is_an_error_unless_skipped(tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    folder = broken_copy(tmp_path, "none")
    (folder / "media" / "payday.mp4").unlink()
    assert run_validate(parse("validate", str(folder))) == 1
    assert "media/payday.mp4" in capsys.readouterr().out
    assert run_validate(parse("validate", str(folder), "--no-media")) == 0


def test_load_error_is_one_line_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "drama.json").write_text("{not json")
    for command in ("validate", "stats"):
        args = parse(command, str(tmp_path))
        assert (run_validate if command == "validate" else run_stats)(args) == 2
        captured = capsys.readouterr()
        assert captured.out == ""
        assert captured.err.count("\n") == 1 and "drama.json" in captured.err


def test_stats_human_and_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert run_stats(parse("stats", str(SAMPLES / "savings"))) == 0
    out = capsys.readouterr().out
    assert "paths to an ending: 15" in out and "goal “云南梦想之旅”: ¥0.00 .. ¥750.00" in out
    # scenes by title, not by id (the JSON below has the ids)
    assert "richest path (¥750.00): “发薪日” > “把钱存起来” > “月底” > “梦想之旅”" in out
    assert "  “稳稳当当” (neutral): 5 paths" in out
    assert not any(ident in out for ident in ("payday", "save_path", "ending_dream", "trip:"))
    assert run_stats(parse("stats", str(SAMPLES / "shoppable"))) == 0
    shop = load(SAMPLES / "shoppable").project
    shown = capsys.readouterr().out.splitlines()[-1]
    assert shown.startswith("  products shown: “") and all(p.id not in shown for p in shop.products)
    assert [p.name for p in shop.products if f"“{p.name}”" in shown]
    assert run_stats(parse("stats", str(SAMPLES / "savings"), "--json")) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["paths"] == 15 and data["goals"][0]["max_total"] == 75000


def test_studio_cli_subprocess() -> None:
    proc = subprocess.run([sys.executable, "-m", "studio", "stats", str(SAMPLES / "shoppable"),
                           "--json"], cwd=ROOT, capture_output=True, text=True, timeout=120,
                          check=False)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["paths"] == 3
