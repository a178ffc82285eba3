"""``studio play``: JSON-lines trace, --from/--set/--inputs/--timers, one-line errors (exit 2)."""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from studio.engine.cli_play import add_play_parser, run_play
from tests.support import ROOT, SAMPLES


def play(*argv: str) -> tuple[int, str, str]:
    proc = subprocess.run([sys.executable, "-m", "studio.engine.cli_play", *argv], cwd=ROOT,
                          capture_output=True, text=True, timeout=60, check=False)
    return proc.returncode, proc.stdout, proc.stderr


def parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="studio")
    add_play_parser(parser.add_subparsers(dest="command"))
    return parser.parse_args(["play", *argv])


def test_play_prints_json_lines_in_contract_key_order(tmp_path: Path) -> None:
    inputs = tmp_path / "in.json"
    inputs.write_text(json.dumps([{"at": 2000, "action": "accept_prompt"}]))
    code, out, err = play(str(SAMPLES / "savings"), "--inputs", str(inputs), "--timers", "x2")
    assert code == 0, err
    lines = out.splitlines()
    events = [json.loads(line) for line in lines]
    assert list(events[0]) == ["type", "clock", "scene", "t", "playthrough", "replay", "real_deposits"]
    assert list(events[1]) == ["type", "clock", "scene", "t", "in_ms", "out_ms", "media"]
    assert events[-1]["type"] == "ending_reached"
    assert any(e["type"] == "prompt_accepted" and e["clock"] == 2000 for e in events)
    assert lines[1] == json.dumps(events[1], ensure_ascii=False, separators=(",", ":"))


def test_play_prints_author_text_unescaped(tmp_path: Path) -> None:
    project = tmp_path / "savings"
    shutil.copytree(SAMPLES / "savings", project, ignore=shutil.ignore_patterns("*.lock"))
    data = json.loads((project / "drama.json").read_text(encoding="utf-8"))
    prompt = data["scenes"][0]["prompts"][0]
    prompt["text"] = "把 {amount} 存进{goal}？"
    (project / "drama.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    code, out, err = play(str(project))
    assert code == 0, err
    shown = [json.loads(line) for line in out.splitlines() if '"prompt_shown"' in line]
    assert shown and shown[0]["text"] == "把 {amount} 存进{goal}？"
    assert "把 {amount} 存进{goal}？" in out  # not escaped as \\uXXXX


def test_run_play_with_from_and_sets(capsys: pytest.CaptureFixture[str]) -> None:
    args = parse([str(SAMPLES / "savings"), "--from", "month_end", "--set", "splurged=true",
                  "--set", "discipline=-3"])
    assert args.func is run_play
    assert run_play(args) == 0
    events = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert events[0]["scene"] == "month_end"
    shown = next(e for e in events if e["type"] == "choice_shown")
    assert [o["id"] for o in shown["options"]] == ["keep_saving", "party"]
    assert events[-1]["variables"] == {"discipline": -3, "splurged": True}


@pytest.mark.parametrize(
    ("extra", "needle"),
    [
        (["--from", "nowhere"], "unknown scene 'nowhere'"),
        (["--set", "ghost=1"], "--set ghost: unknown variable 'ghost'"),
        (["--set", "discipline=lots"], "--set discipline: 'lots' is not an int"),
        (["--set", "splurged=yes"], "--set splurged: 'yes' is not a bool (true/false)"),
        (["--set", "discipline"], "expected VAR=VALUE"),
        (["--inputs", "/nonexistent/in.json"], "/nonexistent/in.json: cannot read"),
    ],
)
def test_bad_arguments_exit_2_with_one_line(extra: list[str], needle: str,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    assert run_play(parse([str(SAMPLES / "savings"), *extra])) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.count("\n") == 1 and needle in captured.err
    assert captured.err.startswith("studio play: error: ")


@pytest.mark.parametrize(
    ("content", "needle"),
    [
        ("[{\"at\": 5, \"action\": \"fly\"}]", "in.json: inputs[0] > action"),
        ("[{\"at\": 1, \"at\": 2, \"action\": \"back\"}]", "in.json: duplicate key 'at'"),
        ("not json", "in.json: invalid JSON at line 1"),
        ("[{\"at\": 2000, \"action\": \"choose\", \"option\": \"save\"}]",
         "inputs[0] (choose at 2000): cannot choose 'save'"),
    ],
)
def test_bad_input_files(tmp_path: Path, content: str, needle: str) -> None:
    inputs = tmp_path / "in.json"
    inputs.write_text(content)
    code, out, err = play(str(SAMPLES / "savings"), "--inputs", str(inputs))
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and needle in err


def test_bad_project_is_one_line(tmp_path: Path) -> None:
    (tmp_path / "drama.json").write_text("{\"title\": 3}")
    code, out, err = play(str(tmp_path))
    assert code == 2 and out == "" and err.count("\n") == 1 and "drama.json" in err
    code, _, err = play(str(tmp_path / "missing"))
    assert code == 2 and "no such project file" in err
