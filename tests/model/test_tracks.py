"""Subtitle tracks, dubs and audio files in the model (schema v5)."""

from __future__ import annotations

import json
from typing import Any

import pytest

from studio.model import ProjectError, dumps, load
from studio.model.io import project_from_raw
from studio.model.migrations import migrate
from tests.support import SAMPLES

AUDIO = {"id": "dub_en", "path": "media/dub_en.m4a", "sha256": "0" * 64, "size": 10,
         "duration_ms": 9000, "codec": "aac", "container": "m4a"}


def _raw() -> dict[str, Any]:
    raw: dict[str, Any] = json.loads((SAMPLES / "savings" / "drama.json").read_bytes())
    return raw


def _scene(raw: dict[str, Any]) -> dict[str, Any]:
    scene: dict[str, Any] = raw["scenes"][0]
    return scene


def test_subtitles_dubs_and_audio_round_trip() -> None:
    raw = _raw()
    raw["audio"] = [AUDIO]
    _scene(raw)["subtitles"] = [{"locale": "en", "cues": [
        {"start_ms": 0, "end_ms": 1500, "text": "Pay day!"},
        {"start_ms": 1500, "end_ms": 3000, "text": "Two\nlines"}]}]
    _scene(raw)["dubs"] = [{"locale": "en", "audio": "dub_en"}]
    project, _ = project_from_raw(raw)
    track = project.scenes[0].subtitles[0]
    assert [c.text for c in track.cues] == ["Pay day!", "Two\nlines"]
    again, _ = project_from_raw(json.loads(dumps(project)))
    assert again == project


@pytest.mark.parametrize(("cues", "expected"), [
    ([{"start_ms": 10, "end_ms": 10, "text": "x"}], "must end after it starts"),
    ([{"start_ms": 0, "end_ms": 10, "text": "  "}], "text is empty"),
    ([{"start_ms": 0, "end_ms": 10, "text": "a\tb"}], "control character"),
    ([{"start_ms": 0, "end_ms": 10, "text": "x" * 501}], "at most 500"),
    ([{"start_ms": 500, "end_ms": 900, "text": "b"}, {"start_ms": 0, "end_ms": 10, "text": "a"}],
     "not in order of start time"),
    ([{"start_ms": 0, "end_ms": 10, "text": "a", "style": "x"}], "style"),
    ([{"start_ms": "0", "end_ms": 10, "text": "a"}], "start_ms"),
])
def test_bad_cues_are_refused_naming_the_field(cues: list[Any], expected: str) -> None:
    raw = _raw()
    _scene(raw)["subtitles"] = [{"locale": "en", "cues": cues}]
    with pytest.raises(ProjectError, match=expected):
        project_from_raw(raw)


def test_one_track_and_one_dub_per_locale_and_known_audio() -> None:
    raw = _raw()
    _scene(raw)["subtitles"] = [{"locale": "en", "cues": []}, {"locale": "en", "cues": []}]
    with pytest.raises(ProjectError, match="two subtitle tracks of locale en"):
        project_from_raw(raw)
    raw = _raw()
    _scene(raw)["dubs"] = [{"locale": "en", "audio": "nowhere"}]
    with pytest.raises(ProjectError, match=r"dub en: unknown audio 'nowhere'"):
        project_from_raw(raw)
    raw = _raw()
    raw["audio"] = [AUDIO, dict(AUDIO)]
    with pytest.raises(ProjectError, match="duplicate audio id 'dub_en'"):
        project_from_raw(raw)
    raw = _raw()
    raw["audio"] = [dict(AUDIO, path="../outside.m4a")]
    with pytest.raises(ProjectError, match="relative path inside the project folder"):
        project_from_raw(raw)


def test_a_v4_file_migrates_to_v5_unchanged() -> None:
    raw = _raw()
    raw.update(schema_version=4, min_reader_version=4)
    del raw["audio"]
    for scene in raw["scenes"]:
        scene.pop("subtitles", None)
        scene.pop("dubs", None)
    migrated, original = migrate(raw)
    assert original == 4 and migrated["schema_version"] == 5 and migrated["min_reader_version"] == 5
    project, _ = project_from_raw(raw)
    sample = load(SAMPLES / "savings").project
    bare = sample.model_copy(update={
        "audio": [], "scenes": [s.model_copy(update={"subtitles": [], "dubs": []}) for s in sample.scenes]})
    assert dumps(project) == dumps(bare)
