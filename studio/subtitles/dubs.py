"""Dubs: adding an audio file to the project as a scene's alternative audio for one locale."""

from __future__ import annotations

import os
from pathlib import Path

from studio.media.audio import AudioProbe, probe_audio
from studio.media.probe import ProbeError
from studio.model import Project
from studio.model.names import named
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


def with_dub(project: Project, scene_id: str, locale: str, probe: AudioProbe, rel: str) -> Project:
    """``project`` with the scene's ``locale`` dub set to the probed file (added to Project.audio once)."""
    scene = project.scene_map().get(scene_id)
    if scene is None:
        raise SubtitleError(f"no scene '{scene_id}' in the project")
    if scene.media is None:
        raise SubtitleError(f"scene {named(scene.title)} ({scene_id}) is a placeholder: "
                            "it has no clip to dub")
    audio = list(project.audio)
    asset = next((a for a in audio if a.path == rel), None)
    if asset is None:
        asset = AudioAsset.model_validate({
            "id": _free_id(project, Path(rel).stem), "path": rel, "sha256": probe.sha256, "size": probe.size,
            "duration_ms": probe.duration_ms, "codec": probe.codec, "container": probe.container})
        audio.append(asset)
    elif asset.sha256 != probe.sha256:
        asset = asset.model_copy(update={"sha256": probe.sha256, "size": probe.size,
                                         "duration_ms": probe.duration_ms, "codec": probe.codec})
        audio = [asset if a.path == rel else a for a in audio]
    dubs = sorted([d for d in scene.dubs if d.locale != locale] + [Dub(locale=locale, audio=asset.id)],
                  key=lambda d: d.locale)
    scenes = [s.model_copy(update={"dubs": dubs}) if s.id == scene_id else s for s in project.scenes]
    return Project.model_validate({**project.model_dump(), "audio": [a.model_dump() for a in audio],
                                   "scenes": [s.model_dump() for s in scenes]})


def without_dub(project: Project, scene_id: str, locale: str) -> Project:
    """``project`` without the scene's ``locale`` dub (an audio file no scene uses any more goes too)."""
    scene = project.scene_map().get(scene_id)
    if scene is None or all(d.locale != locale for d in scene.dubs):
        raise SubtitleError(f"scene '{scene_id}' has no {locale} dub")
    scenes = [s.model_copy(update={"dubs": [d for d in s.dubs if d.locale != locale]}) if s.id == scene_id
              else s for s in project.scenes]
    used = {d.audio for s in scenes for d in s.dubs}
    audio = [a for a in project.audio if a.id in used]
    return Project.model_validate({**project.model_dump(), "audio": [a.model_dump() for a in audio],
                                   "scenes": [s.model_dump() for s in scenes]})


def probe_dub(file: str | os.PathLike[str]) -> AudioProbe:
    try:
        return probe_audio(file)
    except ProbeError as exc:
        raise SubtitleError(str(exc)) from None
