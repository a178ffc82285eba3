"""The subtitle lane's edits: each is one ``SetField(SceneRef(id).subtitles, tracks)``.

Cues stay in clip time, ordered by start (a moved cue is re-sorted), never before 0 or past
the clip's end, and a cue always ends after it starts (at least :data:`MIN_CUE_MS`).  A track
whose last cue is removed goes away.  Nothing here touches a widget; undo texts are translated
(context "Subtitles").
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from studio.model.ops import Op, SceneRef, SetField
from studio.model.project import Project, Scene
from studio.model.tracks import Cue, SubtitleTrack
from studio.subtitles.place import clip_length

__all__ = [
    "MIN_CUE_MS",
    "NEW_CUE_MS",
    "CueEdit",
    "add_cue",
    "edit_text",
    "remove_cue",
    "retime_cue",
    "scene_cues",
    "tracks_with",
]

MIN_CUE_MS = 100
NEW_CUE_MS = 2000


@dataclass(frozen=True)
class CueEdit:
    """An op, its undo text and where the edited cue is afterwards (None: removed)."""

    op: Op
    text: str
    index: int | None


def scene_cues(scene: Scene, locale: str) -> list[Cue]:
    track = next((t for t in scene.subtitles if t.locale == locale), None)
    return list(track.cues) if track is not None else []


def tracks_with(scene: Scene, locale: str, cues: list[Cue]) -> list[SubtitleTrack]:
    """The scene's tracks with ``locale``'s cues replaced (sorted by start; none: no track), in
    order of locale (as :func:`studio.subtitles.place_track` keeps them)."""
    tracks = [t for t in scene.subtitles if t.locale != locale]
    if cues:
        tracks.append(SubtitleTrack(locale=locale, cues=sorted(cues, key=lambda c: c.start_ms)))
        tracks.sort(key=lambda t: t.locale)
    return tracks


def _op(scene: Scene, locale: str, cues: list[Cue]) -> Op:
    return SetField(SceneRef(scene.id).subtitles, tracks_with(scene, locale, cues))


def _index(cues: list[Cue], cue: Cue) -> int:
    """Where ``cue`` lands once ``cues`` are sorted by start (stable, as :func:`tracks_with`)."""
    ordered = sorted(cues, key=lambda c: c.start_ms)
    return next(i for i, c in enumerate(ordered) if c is cue)


def clip_end(project: Project, scene: Scene) -> int:
    """The last clip millisecond a cue may reach."""
    length = clip_length(project, scene)
    if length is None:
        length = project.scene_out_ms(scene) or scene.in_ms + NEW_CUE_MS
    return length


def retime_cue(
    project: Project, scene: Scene, locale: str, index: int, start: int, end: int, resize: bool = False
) -> CueEdit | None:
    """Cue ``index`` moved (or resized) to ``[start, end)``, kept inside the clip; None if unchanged."""
    cues = scene_cues(scene, locale)
    if not 0 <= index < len(cues):
        return None
    old = cues[index]
    limit = clip_end(project, scene)
    if resize:
        start = max(0, min(start, limit - MIN_CUE_MS))
        end = max(start + MIN_CUE_MS, min(end, limit))
    else:
        length = old.end_ms - old.start_ms
        start = max(0, min(start, limit - length))
        end = start + length
    if (start, end) == (old.start_ms, old.end_ms):
        return None
    cue = old.model_copy(update={"start_ms": start, "end_ms": end})
    cues[index] = cue
    text = (
        QCoreApplication.translate("Subtitles", "Resize subtitle")
        if resize
        else QCoreApplication.translate("Subtitles", "Move subtitle")
    )
    return CueEdit(_op(scene, locale, cues), text, _index(cues, cue))


def edit_text(scene: Scene, locale: str, index: int, text: str) -> CueEdit | None:
    """Cue ``index`` with new text (lines kept; blank lines at the ends dropped); None if unchanged."""
    cues = scene_cues(scene, locale)
    text = "\n".join(line.rstrip() for line in text.replace("\r\n", "\n").split("\n")).strip("\n")
    if not 0 <= index < len(cues) or text == cues[index].text:
        return None
    cues[index] = Cue(start_ms=cues[index].start_ms, end_ms=cues[index].end_ms, text=text)
    return CueEdit(_op(scene, locale, cues), QCoreApplication.translate("Subtitles", "Edit subtitle"), index)


def add_cue(project: Project, scene: Scene, locale: str, at_ms: int, text: str) -> CueEdit:
    """A new cue at ``at_ms`` (up to the next cue, at most :data:`NEW_CUE_MS` long)."""
    cues = scene_cues(scene, locale)
    limit = clip_end(project, scene)
    start = max(0, min(at_ms, limit - MIN_CUE_MS))
    later = [c.start_ms for c in cues if c.start_ms > start]
    end = min(start + NEW_CUE_MS, limit, *later) if later else min(start + NEW_CUE_MS, limit)
    cue = Cue(start_ms=start, end_ms=max(end, start + MIN_CUE_MS), text=text)
    cues.append(cue)
    return CueEdit(
        _op(scene, locale, cues), QCoreApplication.translate("Subtitles", "Add subtitle"), _index(cues, cue)
    )


def remove_cue(scene: Scene, locale: str, index: int) -> CueEdit | None:
    cues = scene_cues(scene, locale)
    if not 0 <= index < len(cues):
        return None
    del cues[index]
    return CueEdit(_op(scene, locale, cues), QCoreApplication.translate("Subtitles", "Delete subtitle"), None)
