"""``bench/bench_scale.py`` runs end to end on small sizes (it is not timed here: its output is)."""

from __future__ import annotations

import pytest

from tests.graph.helpers import bench_module

PHASES = ["json.loads", "load", "validate", "stats", "play", "save", "load + save"]


def rows(text: str) -> list[tuple[str, list[float]]]:
    """Indented table rows: (name, trailing numbers)."""
    out = []
    for line in text.splitlines():
        if not line.startswith("  "):
            continue
        words = line.split()
        numbers: list[float] = []
        while words:
            try:
                numbers.insert(0, float(words[-1]))
            except ValueError:
                break
            words.pop()
        out.append((" ".join(words), numbers))
    return out


@pytest.mark.parametrize("shape", ["chain", "fanout"])
def test_bench_scale_prints_every_phase_and_the_growth(
    shape: str, capsys: pytest.CaptureFixture[str]
) -> None:
    bench = bench_module("bench_scale")
    assert bench.main(["--sizes", "120", "360", "--runs", "1", "--shape", shape]) == 0
    out = capsys.readouterr().out
    assert sum(line.startswith(f"{shape} of ") for line in out.splitlines()) == 2
    assert "360/120 scenes (linear: 3)" in out
    table = rows(out)
    for phase in PHASES:
        found = [numbers for name, numbers in table if name == phase]
        assert [len(n) for n in found] == [4, 4, 2], phase  # per size: wall, x, cpu, x; growth: wall, cpu
        assert all(x > 0 for n in found for x in n), phase
    baseline = [numbers for name, numbers in table if name == "json.loads"]
    assert baseline[0][1] == baseline[0][3] == 1.0  # the baseline's ratio to itself
