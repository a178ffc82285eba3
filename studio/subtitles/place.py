"""Putting read cues on a scene: file time to clip time, checked against the clip."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from studio.model import Project, Scene
from studio.model.names import named
from studio.model.tracks import Cue, SubtitleTrack
from studio.subtitles.parse import SubtitleError

RelativeTo = Literal["clip", "in"]


@dataclass(frozen=True)
class TrackChange:
    """The scene's new subtitle tracks and what the creator should know about them."""

    scene: str
    tracks: list[SubtitleTrack]
    replaced: bool
    outside_trim: int  # cues that will never show with the current trim


def shift(cues: list[Cue], offset_ms: int) -> list[Cue]:
    """``cues`` moved by ``offset_ms``; a cue moved before 0 is an error."""
    if offset_ms == 0:
        return list(cues)
    out = []
    for cue in cues:
        if cue.start_ms + offset_ms < 0:
            raise SubtitleError(f"a cue at {cue.start_ms} ms would start before the clip")
        out.append(cue.model_copy(update={"start_ms": cue.start_ms + offset_ms,
                                          "end_ms": cue.end_ms + offset_ms}))
    return out


def clip_length(project: Project, scene: Scene) -> int | None:
    """The length of the scene's clip (or placeholder card) in ms; None when unknown."""
    if scene.placeholder is not None:
        return scene.placeholder.duration_ms
    asset = project.media_map().get(scene.media or "")
    return asset.duration_ms if asset is not None else None


def place_track(project: Project, scene_id: str, locale: str, cues: list[Cue],
                relative_to: RelativeTo = "clip", source: str = "subtitles") -> TrackChange:
    """The scene's tracks with ``locale``'s replaced by ``cues`` (file times ``relative_to`` the
    clip's start or the scene's in point).  A cue starting after the clip ends is an error: the
    file belongs to another clip, or its times are not clip times."""
    scene = project.scene_map().get(scene_id)
    if scene is None:
        raise SubtitleError(f"{source}: no scene '{scene_id}' in the project")
    where = f"{source}: scene {named(scene.title)} ({scene.id})"
    placed = shift(cues, scene.in_ms if relative_to == "in" else 0)
    length = clip_length(project, scene)
    if length is not None:
        late = next((c for c in placed if c.start_ms >= length), None)
        if late is not None:
            raise SubtitleError(f"{where}: a cue starts at {late.start_ms} ms, after the clip ends "
                                f"({length} ms): is this the subtitle file of another clip?")
    end = project.scene_out_ms(scene)
    outside = sum(1 for c in placed if c.end_ms <= scene.in_ms or (end is not None and c.start_ms >= end))
    track = SubtitleTrack(locale=locale, cues=placed)
    tracks = [t for t in scene.subtitles if t.locale != locale]
    replaced = len(tracks) != len(scene.subtitles)
    tracks.append(track)
    tracks.sort(key=lambda t: t.locale)
    return TrackChange(scene=scene_id, tracks=tracks, replaced=replaced, outside_trim=outside)
