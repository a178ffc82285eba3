"""Qt-free timeline arithmetic: frames, snapping, items and their problems."""

from __future__ import annotations

import pytest

from studio.model import load
from studio.model.new_items import add_choice as add_choice_op
from studio.model.ops import OpError, SceneRef, SetField
from studio.ui.timeline import geometry as g
from studio.ui.timeline.items import build_items, find_item, retime_op, tag_rows
from tests.support import SAMPLES


@pytest.mark.parametrize("fps", [24.0, 25.0, 29.97, 30.0, 60.0])
def test_frame_starts_round_trip(fps: float) -> None:
    for n in range(0, 2000, 7):
        ms = g.frame_ms(n, fps)
        assert g.frame_index(ms, fps) == n
        assert g.snap_to_frame(ms, fps) == ms
        assert g.step_frames(ms, 1, fps) == g.frame_ms(n + 1, fps)
        assert ms <= n * 1000 / fps < ms + 1  # the first whole ms showing frame n


def test_snapper_prefers_targets_within_tolerance_then_frames() -> None:
    snap = g.Snapper(24.0, (1000, 1730), tolerance=20)
    assert snap.point(1745) == (1730, 1730)
    assert snap.point(1800) == (g.snap_to_frame(1800, 24.0), None)
    # a moved range sticks by whichever edge is nearer a target
    start, target = snap.range(705, 1010)  # end at 1715 -> 1730
    assert (start, target) == (720, 1730)
    off = g.Snapper(24.0, (1000,), tolerance=20, enabled=False)
    assert off.point(1003.4) == (1003, None)


def test_axis_maps_both_ways() -> None:
    axis = g.Axis(6000, 1224)
    assert axis.x(0) == g.MARGIN
    assert axis.ms(axis.x(4321)) == 4321
    assert g.format_time(83450) == "1:23.45"


def test_items_and_problems_of_a_trimmed_scene() -> None:
    project = load(SAMPLES / "savings").project
    SetField(SceneRef("payday").out_ms, 5000).apply(project)
    scene = project.scene_map()["payday"]
    items = build_items(project, scene)
    choice = find_item(items, ("scene", "payday", "choice"))
    prompt = find_item(items, ("scene", "payday", "prompt", "round_up"))
    assert choice is not None and choice.problem and "decision_ms 5500" in choice.problem
    assert prompt is not None and prompt.problem is None
    assert tag_rows(items) == 1


def test_retime_and_add_ops_validate() -> None:
    project = load(SAMPLES / "shoppable").project
    scene = project.scene_map()["office"]
    tag = find_item(build_items(project, scene), ("scene", "office", "tag", "cream_desk"))
    assert tag is not None
    retime_op(scene, tag, 100, 900).apply(project)
    scene = project.scene_map()["office"]  # an edit puts a new scene object in the project
    assert (scene.tags[0].start_ms, scene.tags[0].end_ms) == (100, 900)
    with pytest.raises(OpError):
        retime_op(scene, tag, 900, 100).apply(project)
    scene = project.scene_map()["office"]
    assert (scene.tags[0].start_ms, scene.tags[0].end_ms) == (100, 900)
    with pytest.raises(OpError, match="already has a choice"):
        add_choice_op(project, scene, 0, 6000)
