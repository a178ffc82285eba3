"""scripts/coverage_ratchet.py on real coverage data (measured in a subprocess: the suite
itself may be running under coverage, and one process has one tracer)."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from scripts.coverage_ratchet import Figure, RatchetError, check, main, measure, read_floor, update

PACKAGES = ("lib/alpha", "lib/beta")


@pytest.fixture
def measured(tmp_path: Path) -> Path:
    """A two-package tree; alpha is run half-way, beta.used fully, beta.unused never imported."""
    alpha = tmp_path / "lib" / "alpha"
    beta = tmp_path / "lib" / "beta"
    for folder in (alpha, beta):
        folder.mkdir(parents=True)
    (alpha / "mod.py").write_text(textwrap.dedent("""\
        def half(x):
            if x:
                return 1
            return 2
        """))
    (beta / "used.py").write_text("A = 1\nB = 2\n")
    (beta / "unused.py").write_text("C = 3\nD = 4\n")
    (tmp_path / "run.py").write_text(textwrap.dedent("""\
        import sys
        sys.path[:0] = ["lib/alpha", "lib/beta"]
        import mod, used
        mod.half(True)
        """))
    data = tmp_path / ".coverage"
    subprocess.run(
        [sys.executable, "-m", "coverage", "run", f"--data-file={data}", "--source=lib", "run.py"],
        cwd=tmp_path, check=True, capture_output=True,
    )
    return data


def test_measure_counts_lines_per_package_and_unimported_modules_as_missed(measured: Path) -> None:
    alpha, beta = measure(measured, PACKAGES, measured.parent)
    assert (alpha.package, alpha.covered, alpha.statements) == ("lib/alpha", 3, 4)  # `return 2` missed
    assert (beta.covered, beta.statements) == (2, 4)  # unused.py: never imported, both lines missed
    assert beta.percent == 50.0


def test_a_drop_below_the_floor_fails_naming_the_package(measured: Path) -> None:
    figures = measure(measured, PACKAGES, measured.parent)
    lines, dropped = check(figures, {"lib/alpha": 75.0, "lib/beta": 50.1})
    assert dropped == ["lib/beta"]
    assert "lib/beta: 50.00% of 4 lines, below its floor of 50.1%" in lines[1]
    assert check(figures, {"lib/alpha": 75.0, "lib/beta": 50.0}) == (
        ["lib/alpha: 75.00% of 4 lines, floor 75.0%", "lib/beta: 50.00% of 4 lines, floor 50.0%"],
        [],
    )
    # A package without a floor is not silently accepted.
    assert check(figures, {"lib/alpha": 75.0})[1] == ["lib/beta"]


def test_update_raises_floors_and_never_lowers_one() -> None:
    figures = [Figure("a", 2, 3), Figure("b", 1, 2)]  # 66.67% and 50%
    assert update(figures, {"a": 60.0, "b": 80.0}) == {"a": 66.5, "b": 80.0}  # 0.15 under, rounded down
    assert update(figures, {}) == {"a": 66.5, "b": 49.8}


def test_missing_or_broken_inputs_are_one_line_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(RatchetError, match="no coverage data"):
        measure(tmp_path / ".coverage", PACKAGES, tmp_path)
    bad = tmp_path / "floor.json"
    bad.write_text('{"studio/model": "97"}')
    with pytest.raises(RatchetError, match="package -> percent"):
        read_floor(bad)
    assert main(["--data", str(tmp_path / "none"), "--floor", str(bad)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "no coverage data" in err


def test_the_committed_floor_covers_the_ratcheted_packages() -> None:
    from scripts.coverage_ratchet import FLOOR
    from scripts.coverage_ratchet import PACKAGES as RATCHETED

    floor = json.loads(FLOOR.read_text("utf-8"))
    assert sorted(floor) == sorted(RATCHETED)
    assert all(90.0 <= v <= 100.0 for v in floor.values()), floor  # model, engine, graph: 94-98%
