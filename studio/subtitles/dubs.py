"""Dubs: adding an audio file to the project as a scene's alternative audio for one locale."""

from __future__ import annotations

import os
from pathlib import Path

from studio.media.audio import AudioProbe, probe_audio
from studio.media.probe import ProbeError
from studio.model import Project
from studio.model.names import named
from studio.model.ops import PROJECT, AddItem, AudioRef, Batch, Op, RemoveItem, SceneRef, SetField
from studio.model.tracks import AudioAsset, Dub
from studio.subtitles.parse import SubtitleError


def _inside(folder: Path, file: Path) -> str | None:
    try:
        return file.resolve().relative_to(folder.resolve()).as_posix()
    except ValueError:
        return None


def _free_id(project: Project, stem: str) -> str:
    base = "".join(c if c.isalnum() or c in "_-." else "_" for c in stem)[:56] or "dub"
    taken = {a.id for a in project.audio}
    name, n = base, 2
    while name in taken:
        name, n = f"{base}_{n}", n + 1
    return name


def destination(folder: Path, file: Path) -> tuple[str, bool]:
    """Where ``file`` lives in the project folder (relative path) and whether it must be copied
    there first (to media/, when it lies outside the folder)."""
    rel = _inside(folder, file)
    if rel is not None:
        return rel, False
    target = folder / "media" / file.name
    if target.exists():
        if target.read_bytes() != file.read_bytes():
            raise SubtitleError(f"{file}: media/{file.name} already exists in the project with other content")
        return f"media/{file.name}", False
    return f"media/{file.name}", True


def dub_ops(project: Project, scene_id: str, locale: str, probe: AudioProbe, rel: str) -> list[Op]:
    """The edits that make the probed file at ``rel`` the scene's ``locale`` dub (the file joins
    Project.audio once): typed edit ops, applied by the CLI and pushed as one undo step by the studio."""
    scene = project.scene_map().get(scene_id)
    if scene is None:
        raise SubtitleError(f"no scene '{scene_id}' in the project")
    if scene.media is None:
        raise SubtitleError(f"scene {named(scene.title)} ({scene_id}) is a placeholder: "
                            "it has no clip to dub")
    ops: list[Op] = []
    asset = next((a for a in project.audio if a.path == rel), None)
    if asset is None:
        asset = AudioAsset.model_validate({
            "id": _free_id(project, Path(rel).stem), "path": rel, "sha256": probe.sha256, "size": probe.size,
            "duration_ms": probe.duration_ms, "codec": probe.codec, "container": probe.container})
        ops.append(AddItem(PROJECT.audio, asset))
    elif asset.sha256 != probe.sha256:
        asset = asset.model_copy(update={"sha256": probe.sha256, "size": probe.size,
                                         "duration_ms": probe.duration_ms, "codec": probe.codec})
        ops.append(SetField(AudioRef(asset.id), asset))
    dubs = sorted([d for d in scene.dubs if d.locale != locale] + [Dub(locale=locale, audio=asset.id)],
                  key=lambda d: d.locale)
    ops.append(SetField(SceneRef(scene_id).dubs, dubs))
    return ops


def remove_dub_ops(project: Project, scene_id: str, locale: str) -> list[Op]:
    """The edits that remove the scene's ``locale`` dub (and an audio file no scene uses any more)."""
    scene = project.scene_map().get(scene_id)
    gone = next((d.audio for d in scene.dubs if d.locale == locale), None) if scene is not None else None
    if scene is None or gone is None:
        raise SubtitleError(f"scene '{scene_id}' has no {locale} dub")
    ops: list[Op] = [SetField(SceneRef(scene_id).dubs, [d for d in scene.dubs if d.locale != locale])]
    others = {d.audio for s in project.scenes if s.id != scene_id for d in s.dubs}
    if gone not in others and gone in {a.id for a in project.audio}:
        ops.append(RemoveItem(AudioRef(gone)))
    return ops


def edited(project: Project, ops: list[Op]) -> Project:
    """A copy of ``project`` with ``ops`` applied (the original is left as it is)."""
    copy = project.model_copy(deep=True)
    Batch(tuple(ops), "").apply(copy)
    return copy


def with_dub(project: Project, scene_id: str, locale: str, probe: AudioProbe, rel: str) -> Project:
    """``project`` with the scene's ``locale`` dub set to the probed file (see :func:`dub_ops`)."""
    return edited(project, dub_ops(project, scene_id, locale, probe, rel))


def without_dub(project: Project, scene_id: str, locale: str) -> Project:
    """``project`` without the scene's ``locale`` dub (see :func:`remove_dub_ops`)."""
    return edited(project, remove_dub_ops(project, scene_id, locale))


def probe_dub(file: str | os.PathLike[str]) -> AudioProbe:
    try:
        return probe_audio(file)
    except ProbeError as exc:
        raise SubtitleError(str(exc)) from None
