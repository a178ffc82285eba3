"""Loading and running the language-neutral vectors in tests/vectors/ (shared by tests and regen)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from studio.engine import run_trace
from studio.model import Project, load
from studio.model.io import project_from_raw

ROOT = Path(__file__).resolve().parents[2]
VECTOR_DIR = ROOT / "tests" / "vectors"
SAMPLES = ROOT / "sample_projects"
VECTOR_KEYS = ["name", "description", "project", "start", "inputs", "limit_ms", "expected"]


def vector_files() -> list[Path]:
    return sorted(VECTOR_DIR.glob("*.json"))


def read_vector(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def vector_project(vector: dict[str, Any]) -> Project:
    raw = vector["project"]
    if isinstance(raw, dict) and set(raw) == {"sample"}:
        return load(SAMPLES / raw["sample"]).project
    project, _ = project_from_raw(raw)
    return project


def run_vector(vector: dict[str, Any]) -> list[dict[str, Any]]:
    start = vector["start"]
    return run_trace(
        vector_project(vector),
        start_from=start.get("from"),
        variables=start.get("variables") or {},
        timers=start.get("timers", "normal"),
        inputs=vector["inputs"],
        limit_ms=vector.get("limit_ms"),
        playthrough=start.get("playthrough", "p1"),
        replay=start.get("replay", False),
        wallet=start.get("wallet", "accept"),
    )


def first_mismatch(expected: list[dict[str, Any]], actual: list[dict[str, Any]]) -> str | None:
    """A readable description of the first differing event (None if equal)."""
    for i, (want, got) in enumerate(zip(expected, actual, strict=False)):
        if want != got or list(want) != list(got):
            keys = list(dict.fromkeys([*want, *got]))
            diff = [f"  {k}: expected {want.get(k, '<missing>')!r}, got {got.get(k, '<missing>')!r}"
                    for k in keys if want.get(k, "<missing>") != got.get(k, "<missing>")]
            if not diff:
                diff = [f"  key order: expected {list(want)}, got {list(got)}"]
            context = "\n".join(f"    {json.dumps(e, ensure_ascii=False)}" for e in actual[max(0, i - 3) : i])
            return (f"event {i} differs ({want.get('type')} vs {got.get('type')}):\n" + "\n".join(diff)
                    + f"\n  preceding events:\n{context}\n  expected: {json.dumps(want, ensure_ascii=False)}"
                    f"\n  actual:   {json.dumps(got, ensure_ascii=False)}")
    if len(expected) != len(actual):
        n = min(len(expected), len(actual))
        extra = (expected if len(expected) > n else actual)[n]
        which = "missing" if len(expected) > n else "unexpected extra"
        return (f"{len(expected)} events expected, {len(actual)} produced; first {which} event {n}: "
                f"{json.dumps(extra, ensure_ascii=False)}")
    return None
