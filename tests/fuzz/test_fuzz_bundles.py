"""Standing fuzz test (issue #13): damaged bundles through ``studio import``.

The bundle is the savings sample exported once with the real exporter and the
real web player; each example damages it (tests/fuzz/zipmut.py: the zip bytes
patched in place, or the entries rebuilt around a mutated manifest) and
imports it. Import keeps the command-line contract; a refused import leaves
nothing behind; an accepted one gives a project that every read command
accepts and that saves and reloads to the same bytes.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from tests.fuzz import budget
from tests.fuzz.cli_run import check, check_round_trip, run, snapshot
from tests.fuzz.zipmut import Bundle, Damaged, patched, rebuilt

SHARE = 1.0


def exercise(damaged: Damaged, fuzz_root: Path) -> None:
    with tempfile.TemporaryDirectory(dir=fuzz_root) as tmp:
        work = Path(tmp)
        zp = work / "in.drama.zip"
        zp.write_bytes(damaged.data)
        before = snapshot(work)
        out = work / "imported"
        result = check(run(["import", zp, "-o", out]), (0, 2))
        if result.code != 0:
            assert snapshot(work) == before, f"{result.command} failed and left files behind"
            return
        check(run(["validate", out]), (0, 1))
        check(run(["info", out]), (0,))
        check_round_trip(out, work / "rt")


@budget.timeout(SHARE)
@budget.fuzz(SHARE)
@given(data=st.data())
def test_damaged_bundle(data: st.DataObject, bundle: Bundle, fuzz_root: Path) -> None:
    exercise(data.draw(st.one_of(patched(bundle), rebuilt(bundle)), label="bundle"), fuzz_root)


def test_undamaged_bundle_imports(bundle: Bundle, fuzz_root: Path) -> None:
    """The seed itself passes: every failure above comes from the damage."""
    exercise(Damaged(bundle.data), fuzz_root)
