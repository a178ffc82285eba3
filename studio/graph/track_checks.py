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
from studio.model.checks import Severity, problem
from studio.model.messages import QT_TRANSLATE_NOOP
from studio.model.names import named


def _scene_checks(project: Project, scene: Scene, locales: list[str]) -> list[Problem]:
    out: list[Problem] = []

    def add(severity: Severity, code: str, item: str, template: str, **params: object) -> None:
        out.append(problem(severity, code, template, scene.id, item, **params))

    title = named(scene.title)
    end = project.scene_out_ms(scene)
    drama_locales = ", ".join(locales)
    for track in scene.subtitles:
        item = f"subtitles {track.locale}"
        never = [c for c in track.cues if c.end_ms <= scene.in_ms or (end is not None and c.start_ms >= end)]
        if never:
            add("warning", "subtitle-outside-trim", item,
                QT_TRANSLATE_NOOP("Problems", "{count} of the {total} {locale} subtitles of {title} lie "
                                  "outside its trim and are never shown (first at {first} ms)"),
                count=len(never), total=len(track.cues), locale=track.locale, title=title,
                first=never[0].start_ms)
        if track.locale not in locales:
            add("warning", "subtitle-locale", item,
                QT_TRANSLATE_NOOP("Problems", "{title} has {locale} subtitles, but {locale} is not one of "
                                  "the drama's locales ({locales}): add it to the target locales"),
                title=title, locale=track.locale, locales=drama_locales)
    held = {t.locale for t in scene.subtitles if t.cues}
    missing = [loc for loc in locales if loc not in held]
    has = sorted(held & set(locales))
    if has and missing:
        add("warning", "subtitle-missing", "subtitles",
            QT_TRANSLATE_NOOP("Problems", "{title} has subtitles in {has} but none in {missing}"),
            title=title, has=", ".join(has), missing=", ".join(missing))
    audio = {a.id: a for a in project.audio}
    for dub in scene.dubs:
        item = f"dub {dub.locale}"
        if scene.placeholder is not None:
            add("error", "dub-on-placeholder", item,
                QT_TRANSLATE_NOOP("Problems", "{title} is a storyboard card: it has no clip to dub"),
                title=title)
            continue
        asset = audio.get(dub.audio)
        if asset is not None and end is not None and asset.duration_ms < end:
            add("warning", "dub-too-short", item,
                QT_TRANSLATE_NOOP("Problems", "the {locale} dub of {title} ends at {dub_end} ms, before the "
                                  "scene does ({end} ms): the rest plays silent"),
                locale=dub.locale, title=title, dub_end=asset.duration_ms, end=end)
        if dub.locale not in locales:
            add("warning", "subtitle-locale", item,
                QT_TRANSLATE_NOOP("Problems", "{title} has a {locale} dub, but {locale} is not one of the "
                                  "drama's locales ({locales}): add it to the target locales"),
                locale=dub.locale, title=title, locales=drama_locales)
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
