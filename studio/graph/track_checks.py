"""Validation of subtitles and dubs (schema v5; no Qt).

- ``subtitle-outside-trim`` (warning): cues that lie wholly outside the scene's trim (never shown);
- ``subtitle-locale`` (warning): a track (or dub) in a locale that is neither the drama's locale
  nor a target locale: no viewer's player picks it;
- ``subtitle-missing`` (warning): a scene with subtitles in some of the drama's locales but not
  in a target locale (per scene, listing the locales);
- ``dub-too-short`` (warning): a dub that ends before the scene's out point (the rest plays silent);
- ``dub-on-placeholder`` (error): a storyboard card has no clip to dub.

Missing or changed audio files are media findings (``media_checks``), checked with the clips.
"""

from __future__ import annotations

from studio.model import Problem, Project, Scene
from studio.model.checks import Severity
from studio.model.names import named


def _scene_checks(project: Project, scene: Scene, locales: list[str]) -> list[Problem]:
    out: list[Problem] = []

    def add(severity: Severity, code: str, item: str, message: str) -> None:
        out.append(Problem(severity, code, message, scene.id, item))

    title = named(scene.title)
    end = project.scene_out_ms(scene)
    drama_locales = ", ".join(locales)
    for track in scene.subtitles:
        item = f"subtitles {track.locale}"
        never = [c for c in track.cues if c.end_ms <= scene.in_ms or (end is not None and c.start_ms >= end)]
        if never:
            add("warning", "subtitle-outside-trim", item,
                f"{len(never)} of the {len(track.cues)} {track.locale} subtitles of {title} lie outside "
                f"its trim and are never shown (first at {never[0].start_ms} ms)")
        if track.locale not in locales:
            add("warning", "subtitle-locale", item,
                f"{title} has {track.locale} subtitles, but {track.locale} is not one of the drama's "
                f"locales ({drama_locales}): add it to the target locales")
    held = {t.locale for t in scene.subtitles if t.cues}
    missing = [loc for loc in locales if loc not in held]
    has = sorted(held & set(locales))
    if has and missing:
        add("warning", "subtitle-missing", "subtitles",
            f"{title} has subtitles in {', '.join(has)} but none in {', '.join(missing)}")
    audio = {a.id: a for a in project.audio}
    for dub in scene.dubs:
        item = f"dub {dub.locale}"
        if scene.placeholder is not None:
            add("error", "dub-on-placeholder", item, f"{title} is a storyboard card: it has no clip to dub")
            continue
        asset = audio.get(dub.audio)
        if asset is not None and end is not None and asset.duration_ms < end:
            add("warning", "dub-too-short", item,
                f"the {dub.locale} dub of {title} ends at {asset.duration_ms} ms, before the scene does "
                f"({end} ms): the rest plays silent")
        if dub.locale not in locales:
            add("warning", "subtitle-locale", item,
                f"{title} has a {dub.locale} dub, but {dub.locale} is not one of the drama's locales "
                f"({drama_locales}): add it to the target locales")
    return out


def track_checks(project: Project) -> list[Problem]:
    """Findings about every scene's subtitles and dubs (nothing for a project without any)."""
    if not project.audio and not any(s.subtitles or s.dubs for s in project.scenes):
        return []
    locales = [project.locale, *project.target_locales]
    out: list[Problem] = []
    for scene in project.scenes:
        if scene.subtitles or scene.dubs:
            out += _scene_checks(project, scene, locales)
    return out
