"""Validation of subtitles and dubs (studio.graph.track_checks and the audio media check)."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from studio.graph.validate import validate
from studio.model import Project, load
from studio.model.items import Placeholder
from studio.model.tracks import AudioAsset, Cue, Dub, SubtitleTrack
from tests.support import SAMPLES


def _with(project: Project, scene_id: str, **update: Any) -> Project:
    scenes = [s.model_copy(update=update) if s.id == scene_id else s for s in project.scenes]
    return Project.model_validate({**project.model_dump(), "scenes": [s.model_dump() for s in scenes]})


def _found(project: Project, folder: Path | None = None) -> list[tuple[str, str, str | None, str]]:
    problems = validate(project, folder, check_media=folder is not None)
    return [(p.severity, p.code, p.item, p.message) for p in problems
            if p.code.startswith(("subtitle", "dub", "media"))]


def _track(locale: str, *spans: tuple[int, int]) -> SubtitleTrack:
    return SubtitleTrack(locale=locale, cues=[Cue(start_ms=a, end_ms=b, text=f"{a}") for a, b in spans])


def test_a_project_without_tracks_has_no_track_findings() -> None:
    assert _found(load(SAMPLES / "savings").project) == []


def test_cues_outside_the_trim_locales_and_missing_tracks() -> None:
    project = load(SAMPLES / "savings").project.model_copy(update={"target_locales": ["en"]})
    project = _with(project, "payday", in_ms=1000, out_ms=4000,
                    subtitles=[_track("fr", (0, 500), (1500, 2000)), _track("zh-CN", (500, 900), (3000, 3900),
                                                                              (4000, 4500))])
    found = _found(project)
    codes = [(sev, code, item) for sev, code, item, _ in found]
    assert codes == [
        ("warning", "subtitle-outside-trim", "subtitles fr"),
        ("warning", "subtitle-locale", "subtitles fr"),
        ("warning", "subtitle-outside-trim", "subtitles zh-CN"),
        ("warning", "subtitle-missing", "subtitles"),
    ]
    assert "2 of the 3 zh-CN subtitles of “" in found[2][3] and "(first at 500 ms)" in found[2][3]
    assert found[1][3].endswith("is not one of the drama's locales (zh-CN, en): add it to the target locales")
    assert found[3][3].endswith("has subtitles in zh-CN but none in en")


def test_dubs_too_short_on_a_card_and_in_an_unknown_locale(tmp_path: Path) -> None:
    folder = tmp_path / "d"
    shutil.copytree(SAMPLES / "savings", folder)
    project = load(folder).project
    asset = AudioAsset(id="dub", path="media/dub.m4a", sha256="0" * 64, size=3, duration_ms=2000, codec="aac",
                       container="m4a")
    project = Project.model_validate({**project.model_dump(), "audio": [asset.model_dump()]})
    project = _with(project, "payday", dubs=[Dub(locale="ja", audio="dub")])
    found = _found(project, folder)
    assert [(sev, code, item) for sev, code, item, _ in found] == [
        ("warning", "dub-too-short", "dub ja"),
        ("warning", "subtitle-locale", "dub ja"),
        ("error", "media-missing", "audio 'dub'"),
    ]
    assert "ends at 2000 ms, before the scene does (6000 ms): the rest plays silent" in found[0][3]
    assert "file 'media/dub.m4a' is missing (used by scene “" in found[2][3]
    card = next(s for s in project.scenes if s.id == "temptation")
    placeholder = {"media": None, "placeholder": Placeholder(duration_ms=3000), "in_ms": 0, "out_ms": None}
    carded = _with(project, card.id, dubs=[Dub(locale="ja", audio="dub")], **placeholder)
    assert ("error", "dub-on-placeholder", "dub ja") in [(s, c, i) for s, c, i, _ in _found(carded)]
