"""``studio validate`` and ``studio stats``: argparse glue for ``studio.cli``.

Exit codes: 0 ok (warnings allowed), 1 errors found (validate), 2 the project
cannot be loaded (one line on stderr naming the file and the place).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from studio.graph.counts import short
from studio.graph.names import SceneNames
from studio.graph.stats import Stats, stats
from studio.graph.validate import validate
from studio.model import Problem, Project, ProjectError, load
from studio.model.currency import format_money
from studio.model.errors import one_line
from studio.model.names import named


def _out(line: str = "") -> None:
    sys.stdout.write(line + "\n")


def _fail(message: str) -> int:
    sys.stderr.write(f"studio: {one_line(message)}\n")
    return 2


def add_validate_parser(sub: Any) -> None:
    p = sub.add_parser("validate", help="check a project: structure, timing, graph and media")
    p.add_argument("project", metavar="PROJECT", help="project folder or its drama.json")
    p.add_argument("--json", action="store_true", help="print a JSON list of problems")
    p.add_argument("--no-media", action="store_true", help="do not check media files on disk")


def summary(problems: list[Problem]) -> str:
    errors = sum(p.severity == "error" for p in problems)
    warnings = len(problems) - errors
    parts = [f"{errors} error{'s' * (errors != 1)}"] if errors else []
    if warnings:
        parts.append(f"{warnings} warning{'s' * (warnings != 1)}")
    return ", ".join(parts) if parts else "ok: no problems"


def run_validate(args: argparse.Namespace) -> int:
    try:
        loaded = load(args.project)
    except ProjectError as exc:
        return _fail(str(exc))
    problems = validate(loaded.project, Path(loaded.folder),
                        check_media=not getattr(args, "no_media", False))
    if args.json:
        _out(json.dumps([p.to_json() for p in problems], ensure_ascii=False, indent=2))
    else:
        for p in problems:
            _out(str(p))
        _out(summary(problems))
    return 1 if any(p.severity == "error" for p in problems) else 0


def add_stats_parser(sub: Any) -> None:
    p = sub.add_parser("stats", help="paths, endings, playing times and deposit ranges")
    p.add_argument("project", metavar="PROJECT", help="project folder or its drama.json")
    p.add_argument("--json", action="store_true", help="print the statistics as JSON")


def _seconds(ms: int | None) -> str:
    return "unbounded" if ms is None else f"{ms / 1000:.1f} s"


def _count(n: int | None) -> str:
    return "none" if n is None else short(n)


def describe(st: Stats, project: Project) -> list[str]:
    """Human-readable lines for ``studio stats``: scenes, goals and products by name (``--json``
    gives the ids)."""
    currency = project.currency
    scene = SceneNames(project.scenes)
    goals = {g.id: g.name for g in project.goals}
    products = {x.id: x.name for x in project.products}

    def money(amount: int | None) -> str:
        return "unbounded" if amount is None else format_money(amount, currency)

    paths = "unbounded (a loop leads on to an ending)" if st.paths_unbounded else _count(st.paths)
    lines = [f"scenes: {st.scenes} ({st.reachable_scenes} reachable from the start)",
             f"paths to an ending: {paths}", "endings:"]
    for e in st.endings:
        count = "unbounded" if e.paths_unbounded else _count(e.paths)
        kind = f" ({e.kind})" if e.kind else ""
        lines.append(f"  {scene(e.scene)}{kind}: {count} paths, "
                     f"{_seconds(e.shortest_ms)} .. {_seconds(e.longest_ms)}")
    if not st.endings:
        lines.append("  (no ending can be reached)")
    if st.unreachable_endings:
        lines.append("unreachable endings: " + ", ".join(map(scene, st.unreachable_endings)))
    for g in st.goals:
        cap = f" (cap {money(g.cap)})" if g.cap is not None else ""
        high = money(g.max_total) + (" (a loop keeps depositing)" if g.max_unbounded else "")
        lines.append(f"goal {named(goals.get(g.goal, g.goal))}: {money(g.min_total)} .. {high}{cap}")
    for name, path in (("richest", st.richest), ("poorest", st.poorest)):
        if path is None:
            continue
        lines.append(f"{name} path ({money(path.total)}): {' > '.join(map(scene, path.scenes))}")
        shown = ", ".join(named(products.get(x, x)) for x in path.products)
        lines.append(f"  products shown: {shown or '-'}")
    return lines


def run_stats(args: argparse.Namespace) -> int:
    try:
        loaded = load(args.project)
    except ProjectError as exc:
        return _fail(str(exc))
    st = stats(loaded.project)
    if args.json:
        _out(json.dumps(st.to_json(), ensure_ascii=False, indent=2))
    else:
        for line in describe(st, loaded.project):
            _out(line)
    return 0
