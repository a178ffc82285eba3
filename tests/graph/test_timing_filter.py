"""The scan only skips ``check_timing`` for scenes where it finds nothing (hypothesis).

If the model's timing checks grow, this test fails until ``scan.scan_scenes``'s
suspect test is widened to match.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from studio.graph.context import make_context
from studio.graph.index import Index
from studio.graph.scan import scan_scenes
from studio.model import (
    ChoicePoint,
    MediaAsset,
    Option,
    ProductTag,
    Project,
    Rect,
    SavingsPrompt,
    Scene,
    check_timing,
)

MS = st.sampled_from([0, 500, 1000, 2999, 3000, 3001, 4000, 5000, 5999, 6000, 6001, 9000])
ASSET = MediaAsset.model_construct(id="clip", path="media/clip.mp4", sha256="0" * 64, size=1,
                                   duration_ms=6000, width=1, height=1, fps=24.0,
                                   video_codec="h264", container="mp4")
HOTSPOT = Rect(x=0, y=0, w=0.5, h=0.5)


@st.composite
def scenes(draw: st.DrawFn) -> Scene:
    choice = None
    if draw(st.booleans()):
        option = Option.model_construct(id="o", label="o", target="x", default=True)
        choice = ChoicePoint.model_construct(
            appear_ms=draw(MS), decision_ms=draw(MS), options=[option], timeout="default",
            mode="cut", show_countdown=True, one_shot=False)
    prompts = [SavingsPrompt.model_construct(id=f"p{k}", at_ms=draw(MS), goal="g", amount=1,
                                             text="?", pause=True)
               for k in range(draw(st.integers(0, 2)))]
    tags = [ProductTag.model_construct(id=f"t{k}", product="x", start_ms=draw(MS),
                                       end_ms=draw(MS), hotspot=HOTSPOT, cta="Shop")
            for k in range(draw(st.integers(0, 2)))]
    return Scene.model_construct(
        id="s", title="s", media=draw(st.sampled_from(["clip", "unknown"])), in_ms=draw(MS),
        out_ms=draw(st.one_of(st.none(), MS)), ending=choice is None, ending_kind=None,
        on_enter=[], choice=choice, prompts=prompts, tags=tags)


@settings(max_examples=1500, deadline=None)
@given(scenes())
def test_scenes_left_out_have_no_timing_findings(s: Scene) -> None:
    p = Project.model_construct(title="t", scenes=[s], media=[ASSET], goals=[], products=[],
                                variables=[], currency="CNY", start="s")
    _, suspects = scan_scenes(p.scenes, make_context(p), Index())
    if not suspects:
        assert check_timing(p) == []


def test_clean_scenes_skip_the_timing_checks() -> None:
    from tests.graph.helpers import generate

    p = generate(300, 3)
    _, suspects = scan_scenes(p.scenes, make_context(p), Index())
    assert check_timing(p) == []
    assert suspects == []
