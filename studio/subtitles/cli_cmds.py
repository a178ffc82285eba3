"""``studio subtitles import|export|list`` and ``studio dubs add|remove``: argparse glue for studio.cli.

Exit codes: 0 done, 2 refused (one line on stderr naming the file, scene or line; nothing written).
"""

from __future__ import annotations

import argparse
import re
import shutil
import sys
from pathlib import Path
from typing import Any

from studio.model import Project, ProjectError, load, save
from studio.model.atomic import atomic_write_bytes
from studio.model.errors import one_line
from studio.model.ops import SceneRef, SetField
from studio.model.types import _LOCALE
from studio.subtitles.dubs import destination, probe_dub, with_dub, without_dub
from studio.subtitles.formats import to_srt, to_vtt
from studio.subtitles.parse import SubtitleError, read_subtitles
from studio.subtitles.place import place_track, shift

TIMES_HELP = ("clip: the file's times are clip times (from the start of the scene's media file); "
              "in: they start at the scene's in point (a file made for the trimmed scene)")


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("project", metavar="PROJECT")
    p.add_argument("--scene", required=True, metavar="ID", help="the scene's id")
    p.add_argument("--locale", required=True, metavar="LOC", help="the track's locale (BCP 47, e.g. en)")


def add_subtitles_parser(sub: Any) -> None:
    p = sub.add_parser("subtitles", help="import, export or list scene subtitles (WebVTT or SubRip)")
    inner = p.add_subparsers(dest="subtitles_command", metavar="ACTION", required=True)
    i = inner.add_parser("import", help="set a scene's subtitles in one locale from a .vtt or .srt file")
    _common(i)
    i.add_argument("file", metavar="FILE", help="the .vtt or .srt file")
    i.add_argument("--times", choices=("clip", "in"), default="clip", help=TIMES_HELP)
    i.add_argument("--encoding", default="utf-8", help="the file's text encoding (default utf-8)")
    e = inner.add_parser("export", help="write a scene's subtitles of one locale as .vtt or .srt")
    _common(e)
    e.add_argument("-o", "--output", required=True, metavar="FILE", help="FILE.vtt or FILE.srt")
    e.add_argument("--times", choices=("clip", "in"), default="clip", help=TIMES_HELP)
    ls = inner.add_parser("list", help="list the subtitle tracks and dubs of every scene")
    ls.add_argument("project", metavar="PROJECT")


def add_dubs_parser(sub: Any) -> None:
    p = sub.add_parser("dubs", help="add or remove a scene's dubbed audio for one locale")
    inner = p.add_subparsers(dest="dubs_command", metavar="ACTION", required=True)
    a = inner.add_parser("add", help="use an audio file as a scene's audio for one locale")
    _common(a)
    a.add_argument("file", metavar="FILE", help="the audio file (.m4a, .mp3, .ogg, .opus, .wav, .webm)")
    r = inner.add_parser("remove", help="remove a scene's dub of one locale")
    _common(r)


def _cues(count: int) -> str:
    return f"{count} cue" if count == 1 else f"{count} cues"


def _locale(value: str) -> str:
    if not re.match(_LOCALE, value):
        raise SubtitleError(f"--locale '{value}' is not a locale tag such as zh-CN or en")
    return value


def _fail(exc: Exception) -> int:
    sys.stderr.write(f"studio: {one_line(str(exc))}\n")
    return 2


def _list(project: Project) -> None:
    for scene in project.scenes:
        parts = [f"{t.locale} ({_cues(len(t.cues))})" for t in scene.subtitles]
        parts += [f"{d.locale} dub ({d.audio})" for d in scene.dubs]
        if parts:
            sys.stdout.write(f"{scene.id}: {', '.join(parts)}\n")


def run_subtitles(args: argparse.Namespace) -> int:
    try:
        loaded = load(args.project)
        project = loaded.project
        if args.subtitles_command == "list":
            _list(project)
            return 0
        locale = _locale(args.locale)
        scene = project.scene_map().get(args.scene)
        if scene is None:
            raise SubtitleError(f"{loaded.path}: no scene '{args.scene}'")
        if args.subtitles_command == "export":
            track = next((t for t in scene.subtitles if t.locale == locale), None)
            if track is None:
                raise SubtitleError(f"scene '{args.scene}' has no {locale} subtitles")
            cues = shift(track.cues, -scene.in_ms) if args.times == "in" else track.cues
            out = Path(args.output)
            writer = {".vtt": to_vtt, ".srt": to_srt}.get(out.suffix.lower())
            if writer is None:
                raise SubtitleError(f"{out}: give a .vtt or .srt file name")
            atomic_write_bytes(out, writer(cues).encode())
            sys.stdout.write(f"wrote {_cues(len(cues))} to {out}\n")
            return 0
        cues = read_subtitles(args.file, args.encoding)
        change = place_track(project, args.scene, locale, cues, args.times, source=args.file)
        SetField(SceneRef(args.scene).subtitles, change.tracks).apply(project)  # loaded here: edited in place
        written = save(project, loaded.path)
    except (SubtitleError, ProjectError, OSError) as exc:
        return _fail(exc)
    verb = "replaced" if change.replaced else "added"
    note = f"; {change.outside_trim} outside the scene's trim (not shown)" if change.outside_trim else ""
    sys.stdout.write(f"{args.scene}: {verb} {locale} subtitles, {_cues(len(cues))}{note}; saved {written}\n")
    return 0


def _add_dub(file: Path, project: Project, scene: str, locale: str, audio: Path) -> Path:
    """Probe, check, copy the audio into media/ if it lies outside the folder, then save; a copy
    made for a save that fails is removed again."""
    probe = probe_dub(audio)
    rel, copy = destination(file.parent, audio)
    changed = with_dub(project, scene, locale, probe, rel)
    target = file.parent / rel
    if copy:
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(audio, target)
    try:
        return save(changed, file)
    except BaseException:
        if copy:
            target.unlink(missing_ok=True)
        raise


def run_dubs(args: argparse.Namespace) -> int:
    try:
        loaded = load(args.project)
        locale = _locale(args.locale)
        if args.dubs_command == "remove":
            written = save(without_dub(loaded.project, args.scene, locale), loaded.path)
        else:
            written = _add_dub(loaded.path, loaded.project, args.scene, locale, Path(args.file))
    except (SubtitleError, ProjectError, OSError) as exc:
        return _fail(exc)
    sys.stdout.write(f"{args.scene}: {locale} dub {(args.dubs_command == 'add' and 'set') or 'removed'}; "
                     f"saved {written}\n")
    return 0
