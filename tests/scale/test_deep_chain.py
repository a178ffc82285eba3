"""A 20,000-scene chain goes through every step with no recursion per scene (#13 item 14).

The interpreter's recursion limit is lowered to a couple of hundred frames
above the test's own depth: any step that recursed once per scene of the chain
(reachability, loops, path statistics, the richest path, playing, saving)
would raise ``RecursionError`` at once, and 20,000 is far beyond the default
limit of 1,000 as well.  Nothing here measures time.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from studio import cli
from studio.engine.runner import run_trace
from studio.graph import Validator, stats, validate
from studio.model import Project, dumps, load, save
from tests.graph.helpers import bench_module

big = bench_module("bigproject")
N = 20_000
HEADROOM = 250  # frames above the caller: the JSON, pydantic and formatting depth, not the chain's


@pytest.fixture
def shallow_stack() -> Iterator[None]:
    depth = 0
    frame = sys._getframe()
    while frame is not None:
        depth += 1
        frame = frame.f_back  # type: ignore[assignment]
    old = sys.getrecursionlimit()
    sys.setrecursionlimit(depth + HEADROOM)
    try:
        yield
    finally:
        sys.setrecursionlimit(old)


@pytest.mark.slow
def test_a_20000_scene_chain_loads_validates_plays_and_saves_to_the_same_bytes(
    tmp_path: Path, shallow_stack: None, capsys: pytest.CaptureFixture[str]
) -> None:
    big.write_media(tmp_path, big.N_CLIPS)
    file = tmp_path / "drama.json"
    file.write_bytes(dumps(Project.model_validate(big.chain_raw(N))))
    written = file.read_bytes()

    project = load(tmp_path).project
    assert len(project.scenes) == N
    assert validate(project, tmp_path) == []
    validator = Validator(tmp_path)
    validator.validate(project)
    assert validator.update(project, {f"s{N - 2}"}, True) == []

    st = stats(project)
    assert (st.scenes, st.reachable_scenes, st.paths) == (N, N, 1)
    assert [e.scene for e in st.endings] == [f"s{N - 1}"]
    assert st.richest is not None and len(st.richest.scenes) == N

    trace = run_trace(project, limit_ms=2**53 - 1)
    assert trace[-1]["type"] == "ending_reached" and trace[-1]["scene"] == f"s{N - 1}"
    assert sum(e["type"] == "scene_started" for e in trace) == N

    save(project, tmp_path)
    assert file.read_bytes() == written
    assert (tmp_path / "drama.json.bak").read_bytes() == written

    assert cli.main(["stats", str(tmp_path)]) == 0  # the saved file, reloaded
    out = capsys.readouterr().out
    assert f"scenes: {N} ({N} reachable from the start)" in out
    assert "paths to an ending: 1\n" in out
