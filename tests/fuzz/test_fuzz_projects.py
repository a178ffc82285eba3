"""Standing fuzz test (issue #13): mutated projects through every read command, export and import.

Each example writes a mutated seed (tests/fuzz/mutations.py) as a project
folder with real clips and runs ``studio validate / info / stats / play /
export`` in process, then imports what was exported. Every command keeps the
contract of :func:`tests.fuzz.cli_run.check`; the read commands change nothing
on disk; a refused export leaves nothing behind. What ``load`` accepts must
be accepted by every command, save, and reload to the same bytes; what it
refuses every command refuses with exit 2.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from studio.engine.cli_play import TIMERS
from studio.model import ProjectError, load
from tests.fuzz import budget
from tests.fuzz.cli_run import check, check_round_trip, run, snapshot
from tests.fuzz.mutations import Doc, documents
from tests.fuzz.seeds import TREES, Pool, write_project

SHARE = 1.0


def _accepts(target: Path) -> bool:
    try:
        load(target)
    except ProjectError as exc:
        assert len(str(exc).splitlines()) == 1 and str(exc).strip(), f"ProjectError not one line: {exc!r}"
        return False
    return True


def _export_and_import(target: Path, work: Path, accepted: bool) -> None:
    bundle = work / "out.drama.zip"
    before = snapshot(work)
    exported = check(run(["export", target, "-o", bundle]), (0, 2) if accepted else (2,))
    if exported.code != 0:
        assert snapshot(work) == before, f"{exported.command} failed and left files behind"
        return
    imported = work / "imported"
    check(run(["import", bundle, "-o", imported]), (0,))
    check_round_trip(imported, work / "imported-rt")


def exercise(doc: Doc, as_file: bool, timers: str, root: Path, pool: Pool) -> None:
    """The whole property for one mutated project (also used to explore failures by hand)."""
    with tempfile.TemporaryDirectory(dir=root) as tmp:
        work = Path(tmp)
        folder = write_project(work / "project", pool, doc.seed, doc.data)
        target = folder / "drama.json" if as_file else folder
        before = snapshot(folder)
        accepted = _accepts(target)
        ok = (0,) if accepted else (2,)
        check(run(["validate", target]), (0, 1) if accepted else (2,))
        check(run(["info", target]), ok)
        check(run(["info", "--json", target]), ok)
        check(run(["stats", target]), ok)
        check(run(["play", target, "--timers", timers]), (0, 2) if accepted else (2,))
        assert snapshot(folder) == before, "a read-only command changed the project folder"
        if accepted:
            check_round_trip(target, work / "rt")
        _export_and_import(target, work, accepted)


@budget.timeout(SHARE)
@budget.fuzz(SHARE)
@given(doc=documents(TREES), as_file=st.booleans(), timers=st.sampled_from(TIMERS))
def test_mutated_project(doc: Doc, as_file: bool, timers: str, fuzz_root: Path, pool: Pool) -> None:
    exercise(doc, as_file, timers, fuzz_root, pool)
