"""GiveClip: a placeholder scene gets its clip in one edit, keeping its timed items; an item
past the clip's end refuses the edit with a reason (nothing is clamped); undo gives the card back."""

from __future__ import annotations

import pytest

from studio.model import dumps
from studio.model.ops import PROJECT, AddItem, OpError, SceneRef
from studio.model.ops.clip import GiveClip, clip_refusal, past_clip
from studio.model.project import MediaAsset, Project
from studio.templates import build


def asset(ident: str, ms: int) -> MediaAsset:
    return MediaAsset(
        id=ident, path=f"media/{ident}.mp4", sha256="b" * 64, size=10, duration_ms=ms, width=360,
        height=640, fps=25.0, video_codec="h264", container="mp4",
    )


def storyboard(*clips: MediaAsset) -> Project:
    project = build("savings", "Storyboard")
    for clip in clips:
        AddItem(PROJECT.media, clip).apply(project)
    return project


def test_give_clip_keeps_timed_items_and_undo_restores_the_card() -> None:
    project = storyboard(asset("payday_take1", 12_500))
    before = dumps(project)
    old = project.scene_map()["payday"]
    applied = GiveClip("payday", "payday_take1").apply(project)
    scene = project.scene_map()["payday"]
    assert scene.media == "payday_take1" and scene.placeholder is None
    assert (scene.in_ms, scene.out_ms) == (0, None)
    assert scene.choice == old.choice and scene.prompts == old.prompts and scene.tags == old.tags
    assert scene.title == old.title and scene.position == old.position
    assert project.scene_out_ms(scene) == 12_500
    assert applied.changes.scenes == frozenset({"payday"})
    applied.inverse.apply(project)
    assert dumps(project) == before
    assert project.scene_map()["payday"].placeholder == old.placeholder


def test_an_item_past_the_clip_refuses_with_a_reason() -> None:
    short = asset("short", 10_000)  # payday's choice window ends at 11 s
    project = storyboard(short)
    before = dumps(project)
    assert past_clip(project.scene_map()["payday"], short) == ["the choice window ends at 11 s"]
    reason = clip_refusal(project, "payday", "short")
    assert reason == "short.mp4 is 10 s long but the choice window ends at 11 s"
    with pytest.raises(OpError, match=r"short\.mp4 is 10 s long but the choice window ends at 11 s"):
        GiveClip("payday", "short").apply(project)
    assert dumps(project) == before  # nothing clamped, nothing changed
    tiny = asset("tiny", 2_000)
    AddItem(PROJECT.media, tiny).apply(project)
    assert len(past_clip(project.scene_map()["payday"], tiny)) == 2  # the window and the prompt
    assert clip_refusal(project, "payday", "tiny") == (
        "tiny.mp4 is 2 s long but the choice window ends at 11 s (and 1 more)"
    )
    # the end of the clip itself is still inside
    exact = asset("exact", 11_000)
    AddItem(PROJECT.media, exact).apply(project)
    assert clip_refusal(project, "payday", "exact") is None


def test_only_a_placeholder_scene_with_a_known_clip() -> None:
    project = storyboard(asset("a", 20_000))
    GiveClip("saving_it", "a").apply(project)
    assert clip_refusal(project, "saving_it", "a") == "scene 'Saving it' already has a clip"
    with pytest.raises(OpError, match="already has a clip"):
        GiveClip("saving_it", "a").apply(project)
    assert clip_refusal(project, "spending_it", "nope") == "clip 'nope' is not in the library"
    assert clip_refusal(project, "gone", "a") == "scene 'gone' does not exist"
    assert SceneRef("saving_it").get(project).next == "month_end"  # what follows is kept
