"""Work grows linearly with the number of scenes: load, validate, stats, play and save (#13 item 14).

Measured without clocks (``tests/scale/work.py``): the Python lines run in
``studio/`` and the peak of memory allocated, for a project and the same shape
four times larger.  A linear job grows by the size ratio (``growth`` about 1);
each defect these tests were written against grew by about the size ratio
*again*: the engine copied every answered choice into the snapshot of each new
decision (quadratic memory: a 100,000-scene chain could not be played),
looked a host's answer up by scanning every deposit record, validation
listed the scenes using a clip by scanning every scene once per clip with a
finding (a clip per scene, none on disk: quadratic), and the statistics kept
every scene's exact path count to the end (two options per scene: 2**n paths,
n bits per count, n**2 / 2 bits in all).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from studio.engine.runner import run_trace
from studio.graph import stats, validate
from studio.model import Project
from studio.model.io import project_from_bytes, validate_for_save
from tests.graph.helpers import bench_module
from tests.scale.work import lines_run, peak_bytes

big = bench_module("bigproject")
SMALL, LARGE = 250, 1000
LINEAR = 1.2  # the most a linear job's growth may show (1.0: no fixed part at all)
NO_LIMIT = 2**53 - 1


def growth(measure: Callable[[int], int]) -> float:
    """``measure(LARGE) / measure(SMALL)`` per unit of size growth (1.0: linear)."""
    return measure(LARGE) / measure(SMALL) / (LARGE / SMALL)


def chain(n: int, **options: Any) -> Project:
    return Project.model_validate(big.chain_raw(n, **options))


def fanout(n: int) -> Project:
    return Project.model_validate(big.fanout_raw(n, width=8))


def test_playing_a_chain_takes_linear_work_and_memory() -> None:
    """Every scene decides and deposits: snapshots and host answers must cost O(1) each."""
    projects = {n: chain(n, deposit_every=1) for n in (SMALL, LARGE)}

    def play(n: int) -> list[dict[str, Any]]:
        trace = run_trace(projects[n], limit_ms=NO_LIMIT)
        assert trace[-1]["type"] == "ending_reached"
        assert sum(e["type"] == "deposit_confirmed" for e in trace) == n - 1
        return trace

    assert growth(lambda n: lines_run(lambda: play(n))) < LINEAR
    assert growth(lambda n: peak_bytes(lambda: play(n))) < LINEAR


@pytest.mark.parametrize("shape", ["chain", "fanout"])
def test_load_validate_stats_and_save_take_linear_work(shape: str, tmp_path: Path) -> None:
    files: dict[int, Path] = {}
    for n in (SMALL, LARGE):
        raw = big.chain_raw(n, extra_options=2) if shape == "chain" else big.fanout_raw(n, width=8)
        files[n] = big.write_project(tmp_path / str(n), raw)
    loaded = {n: project_from_bytes(f, f.read_bytes())[0] for n, f in files.items()}
    jobs: dict[str, Callable[[int], Any]] = {
        "load": lambda n: project_from_bytes(files[n], files[n].read_bytes()),
        "validate": lambda n: validate(loaded[n], files[n].parent),
        "stats": lambda n: stats(loaded[n]),
        "save": lambda n: validate_for_save(loaded[n]),
    }
    for phase, job in jobs.items():
        assert growth(lambda n, job=job: lines_run(lambda: job(n))) < LINEAR, phase


def test_validation_names_the_users_of_missing_clips_in_linear_work(tmp_path: Path) -> None:
    """A clip per scene and no file on disk: every clip has a finding naming its scene."""
    folders: dict[int, Path] = {}
    for n in (SMALL, LARGE):
        folders[n] = big.write_project(tmp_path / str(n), big.chain_raw(n, clips=n), media=False).parent
    projects = {n: project_from_bytes(f / "drama.json", (f / "drama.json").read_bytes())[0]
                for n, f in folders.items()}
    found = validate(projects[SMALL], folders[SMALL])
    missing = [p for p in found if p.code == "media-missing"]
    assert len(missing) == SMALL
    assert missing[7].scene == "s7" and "used by scene “Scene 7”" in missing[7].message  # named by title
    assert growth(lambda n: lines_run(lambda: validate(projects[n], folders[n]))) < LINEAR


def test_statistics_keep_only_the_path_counts_still_needed() -> None:
    """Two options to the next scene everywhere: the count doubles per scene (8,000 bits at the end)."""
    projects = {n: chain(n, extra_options=1, clips=1) for n in (2000, 8000)}
    for n, project in projects.items():
        st = stats(project)
        assert st.paths == 2 ** (n - 1) and st.endings[0].paths == st.paths
    assert peak_bytes(lambda: stats(projects[8000])) / peak_bytes(lambda: stats(projects[2000])) / 4 < LINEAR
