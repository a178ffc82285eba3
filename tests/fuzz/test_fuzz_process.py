"""The fuzz tests' contract through the real ``studio`` program: real exit codes, real stderr.

A small sample of mutated projects and damaged bundles runs as a separate
process (the installed ``studio`` script next to this interpreter); its exit
code and stderr must keep the contract and match what the same command gives
in process, which is what the larger fuzz tests use.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from tests.fuzz import budget
from tests.fuzz.cli_run import STUDIO, check, run, run_process
from tests.fuzz.mutations import Doc, documents
from tests.fuzz.seeds import TREES, Pool, write_project
from tests.fuzz.zipmut import Bundle, patched, rebuilt
from tests.support import require

SHARE = 0.05  # about a second per process


def _same(argv: list[str]) -> None:
    real = check(run_process(argv))
    inside = check(run(argv))
    assert (real.code, real.stderr) == (inside.code, inside.stderr), (
        f"{real.command}: the real process gave {real.code} {real.stderr!r:.300}, "
        f"in process {inside.code} {inside.stderr!r:.300}"
    )


@budget.timeout(SHARE)
@budget.fuzz(SHARE)
@given(doc=documents(TREES), command=st.sampled_from(["validate", "info", "stats", "play"]))
def test_mutated_project_real_process(doc: Doc, command: str, fuzz_root: Path, pool: Pool) -> None:
    require(STUDIO.is_file(), f"the studio script at {STUDIO}")
    with tempfile.TemporaryDirectory(dir=fuzz_root) as tmp:
        folder = write_project(Path(tmp) / "project", pool, doc.seed, doc.data)
        _same([command, str(folder)])


@budget.timeout(SHARE)
@budget.fuzz(SHARE)
@given(data=st.data())
def test_damaged_bundle_real_process(data: st.DataObject, bundle: Bundle, fuzz_root: Path) -> None:
    require(STUDIO.is_file(), f"the studio script at {STUDIO}")
    damaged = data.draw(st.one_of(patched(bundle), rebuilt(bundle)), label="bundle")
    with tempfile.TemporaryDirectory(dir=fuzz_root) as tmp:
        zp = Path(tmp) / "in.drama.zip"
        zp.write_bytes(damaged.data)
        real = check(run_process(["import", str(zp), "-o", str(Path(tmp) / "a")]))
        inside = check(run(["import", str(zp), "-o", str(Path(tmp) / "b")]))
        assert real.code == inside.code, f"{real.command}: {real.code} as a process, {inside.code} in process"
