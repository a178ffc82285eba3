"""Coverage ratchet: the model, the engine and the graph analyses never lose test coverage.

``scripts/setup.sh test`` (the full suite, no arguments) runs pytest with coverage of
the packages in :data:`PACKAGES` and then this script, which reads the coverage data
and compares each package's line coverage with its floor in ``scripts/coverage-floor.json``
(committed)::

    python scripts/coverage_ratchet.py [--data .coverage] [--floor scripts/coverage-floor.json] [--update]

Exit 0 when every package is at or above its floor (it prints each figure and, where a
package rose by at least :data:`RAISE_STEP` points, the ``--update`` that would lock the
gain in); exit 1 naming each package that dropped; exit 2 for missing or unreadable data.
``--update`` raises floors to today's figures less :data:`SLACK` (rounded down to 0.1) and
never lowers one.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("studio/model", "studio/engine", "studio/graph")
FLOOR = ROOT / "scripts" / "coverage-floor.json"
RAISE_STEP = 0.5  # points above the floor before the script suggests --update
# --update sets a floor this far under today's figure: a few lines run or not by timing
# (a worker's cancel, a cache hit) and move a package's figure by up to ~0.1 point between runs.
SLACK = 0.15


class RatchetError(Exception):
    """Missing or unreadable coverage data or floor (exit 2)."""


@dataclass(frozen=True)
class Figure:
    package: str
    covered: int
    statements: int

    @property
    def percent(self) -> float:
        return 100.0 * self.covered / self.statements if self.statements else 100.0


def measure(data_file: Path, packages: tuple[str, ...] = PACKAGES, root: Path = ROOT) -> list[Figure]:
    """Line coverage per package from a coverage data file (as written by pytest-cov)."""
    import coverage

    if not data_file.is_file():
        raise RatchetError(f"{data_file}: no coverage data (run the full suite with scripts/setup.sh test)")
    cov = coverage.Coverage(data_file=str(data_file))
    try:
        cov.load()
        measured = {Path(f).resolve() for f in cov.get_data().measured_files()}
    except coverage.CoverageException as exc:
        raise RatchetError(f"{data_file}: unreadable coverage data: {exc}") from exc
    figures = []
    for package in packages:
        covered = statements = 0
        for source in sorted((root / package).rglob("*.py")):
            # A module no test imported counts with all its lines missed.
            _name, lines, _excluded, missing, _text = cov.analysis2(str(source))
            if source.resolve() not in measured:
                missing = lines
            statements += len(lines)
            covered += len(lines) - len(missing)
        if statements == 0:
            raise RatchetError(f"{package}: no Python source found under {root / package}")
        figures.append(Figure(package, covered, statements))
    return figures


def read_floor(path: Path) -> dict[str, float]:
    try:
        raw = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError) as exc:
        raise RatchetError(f"{path}: cannot read the coverage floor: {exc}") from exc
    if not isinstance(raw, dict) or not all(
        isinstance(k, str) and isinstance(v, (int, float)) and not isinstance(v, bool) for k, v in raw.items()
    ):
        raise RatchetError(f"{path}: the floor must be an object of package -> percent")
    return {k: float(v) for k, v in raw.items()}


def round_down(percent: float) -> float:
    return math.floor(percent * 10 + 1e-9) / 10


def check(figures: list[Figure], floor: dict[str, float]) -> tuple[list[str], list[str]]:
    """(lines to print, packages below their floor)."""
    lines, dropped = [], []
    for fig in figures:
        limit = floor.get(fig.package)
        text = f"{fig.package}: {fig.percent:.2f}% of {fig.statements} lines"
        if limit is None:
            lines.append(f"{text} (no floor yet: run with --update)")
            dropped.append(fig.package)
        elif fig.percent + 1e-9 < limit:
            lines.append(f"{text}, below its floor of {limit:.1f}%: test what the change left untested")
            dropped.append(fig.package)
        else:
            gain = " (rose: --update locks the gain in)" if fig.percent - limit >= RAISE_STEP else ""
            lines.append(f"{text}, floor {limit:.1f}%{gain}")
    return lines, dropped


def update(figures: list[Figure], floor: dict[str, float]) -> dict[str, float]:
    """Floors raised to today's figures less SLACK (rounded down to 0.1); never lowered."""
    new = dict(floor)
    for fig in figures:
        new[fig.package] = max(floor.get(fig.package, 0.0), round_down(fig.percent - SLACK))
    return new


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT / ".coverage")
    parser.add_argument("--floor", type=Path, default=FLOOR)
    parser.add_argument("--update", action="store_true", help="raise the floors to today's figures")
    args = parser.parse_args(argv)
    try:
        figures = measure(args.data)
        floor = read_floor(args.floor) if args.floor.exists() or not args.update else {}
    except RatchetError as exc:
        print(f"coverage ratchet: {exc}", file=sys.stderr)
        return 2
    if args.update:
        new = update(figures, floor)
        args.floor.write_text(json.dumps(new, indent=2, sort_keys=True) + "\n", "utf-8")
        for fig in figures:
            print(f"{fig.package}: {fig.percent:.2f}%, floor {floor.get(fig.package, 0.0):.1f}% -> "
                  f"{new[fig.package]:.1f}%")
        return 0
    lines, dropped = check(figures, floor)
    for line in lines:
        print(f"coverage ratchet: {line}")
    return 1 if dropped else 0


if __name__ == "__main__":
    sys.exit(main())
