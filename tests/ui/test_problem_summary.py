"""The problem count reads as English in the Problems panel and the status bar (#15 defect 12)."""

from __future__ import annotations

from studio.model.checks import Problem
from studio.ui.problems.panel import summary


def _problems(errors: int, warnings: int) -> list[Problem]:
    return [Problem("error", "e", "bad")] * errors + [Problem("warning", "w", "odd")] * warnings


def test_counts_are_singular_for_one() -> None:
    assert summary(_problems(0, 1)) == "0 errors, 1 warning"
    assert summary(_problems(1, 0)) == "1 error, 0 warnings"
    assert summary(_problems(2, 3)) == "2 errors, 3 warnings"
