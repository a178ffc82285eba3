"""``studio new DIR --template KIND`` makes a project that ``studio validate`` passes (#15)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from studio.cli import main
from studio.model import load_project
from tests.support import ROOT


@pytest.mark.parametrize("kind", ["savings", "shoppable", "blank"])
def test_new_then_validate(kind: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / kind
    assert main(["new", str(folder), "--template", kind, "--title", f"My {kind}"]) == 0
    out = capsys.readouterr().out
    assert str(folder) in out and "studio open" in out
    assert load_project(folder).title == f"My {kind}"
    assert main(["validate", str(folder)]) == 0
    assert "error" not in capsys.readouterr().out.replace("0 errors", "")


def test_new_refuses_an_existing_project_in_one_line(tmp_path: Path) -> None:
    folder = tmp_path / "taken"
    assert main(["new", str(folder)]) == 0
    before = (folder / "drama.json").read_bytes()
    proc = subprocess.run([sys.executable, "-m", "studio", "new", str(folder), "--template", "savings"],
                          cwd=ROOT, capture_output=True, text=True, timeout=120, check=False)
    assert proc.returncode == 2
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and str(folder) in lines[0] and "already holds a project" in lines[0]
    assert (folder / "drama.json").read_bytes() == before
    bad = subprocess.run([sys.executable, "-m", "studio", "new", str(tmp_path / "x"), "--template", "nope"],
                         cwd=ROOT, capture_output=True, text=True, timeout=120, check=False)
    assert bad.returncode == 2 and "invalid choice" in bad.stderr and not (tmp_path / "x").exists()
