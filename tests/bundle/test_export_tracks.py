"""Subtitles and dubs in a bundle: carried, audio files shipped and checked, round trip (#16 part 3)."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from studio.bundle.errors import BundleError
from studio.bundle.export import export_project
from studio.bundle.importer import import_bundle
from studio.model import load, save
from studio.model.tracks import Cue
from studio.subtitles import place_track
from studio.subtitles.dubs import probe_dub, with_dub
from tests.bundle.zipcraft import manifest_of, read_items, replace_manifest, write_items
from tests.cli.test_subtitles_cli import write_audio


@pytest.fixture
def tracked(project_dir: Path) -> Path:
    """The bundle test project with zh-CN and en subtitles on intro and the same en dub twice
    (two audio ids, one content: shipped once)."""
    media = project_dir / "media"
    write_audio(media / "intro_en.m4a", 1.0)
    (media / "bad_en.m4a").write_bytes((media / "intro_en.m4a").read_bytes())
    project = load(project_dir).project
    for locale, text in (("zh-CN", "开始"), ("en", "Start <here> & now")):
        change = place_track(project, "intro", locale, [Cue(start_ms=0, end_ms=600, text=text)])
        scenes = [s.model_copy(update={"subtitles": change.tracks}) if s.id == "intro" else s
                  for s in project.scenes]
        project = project.model_copy(update={"scenes": scenes})
    for scene, name in (("intro", "intro_en.m4a"), ("bad", "bad_en.m4a")):
        project = with_dub(project, scene, "en", probe_dub(media / name), f"media/{name}")
    save(project, project_dir, keep_backup=False)
    return project_dir


def test_subtitles_and_dubs_travel_in_the_bundle(tracked: Path, tmp_path: Path) -> None:
    bundle = tmp_path / "b.zip"
    export_project(tracked, bundle)
    with zipfile.ZipFile(bundle) as z:
        names = z.namelist()
        drama = json.loads(z.read("manifest.json"))["drama"]
    audio = [n for n in names if n.endswith(".m4a")]
    assert len(audio) == 1  # one content, one entry
    assert [a["path"] for a in drama["audio"]] == audio  # the duplicate id merged into the kept one
    dubs = {s["id"]: s["dubs"] for s in drama["scenes"]}
    assert dubs["intro"] == dubs["bad"] == [{"locale": "en", "audio": drama["audio"][0]["id"]}]
    intro = next(s for s in drama["scenes"] if s["id"] == "intro")
    assert [(t["locale"], t["cues"][0]["text"]) for t in intro["subtitles"]] == [
        ("en", "Start <here> & now"), ("zh-CN", "开始")]
    target = import_bundle(bundle, tmp_path / "imported")
    imported = load(target).project
    assert imported.scene_map()["intro"].subtitles == load(tracked).project.scene_map()["intro"].subtitles
    assert (target / imported.audio[0].path).read_bytes() == (tracked / "media" / "intro_en.m4a").read_bytes()
    again = tmp_path / "again.zip"
    export_project(target, again)
    assert again.read_bytes() == bundle.read_bytes()


def test_a_missing_dub_file_stops_the_export(tracked: Path, tmp_path: Path) -> None:
    (tracked / "media" / "bad_en.m4a").unlink()
    with pytest.raises(BundleError, match=r"audio '[^']+' \(media/bad_en\.m4a, used by scene 'bad'\): "
                                          r"the file is missing"):
        export_project(tracked, tmp_path / "b.zip")
    assert not (tmp_path / "b.zip").exists()


def test_an_audio_path_outside_the_bundle_media_is_refused(tracked: Path, tmp_path: Path) -> None:
    bundle = tmp_path / "b.zip"
    export_project(tracked, bundle)
    items = read_items(bundle)
    manifest = manifest_of(items)
    manifest["drama"]["audio"][0]["path"] = "manifest.schema.json"
    bad = write_items(tmp_path / "bad.zip", replace_manifest(items, manifest))
    expected = r"drama > audio '[^']+': 'manifest.schema.json' is not a media file"
    with pytest.raises(BundleError, match=expected):
        import_bundle(bad, tmp_path / "p")
    assert not (tmp_path / "p").exists()


@pytest.mark.parametrize(("name", "head", "ok"), [
    ("a.m4a", b"\0\0\0\x20ftypM4A ", True), ("a.ogg", b"OggS\0\2", True), ("a.opus", b"OggS\0\2", True),
    ("a.wav", b"RIFF\0\0\0\0WAVEfmt ", True), ("a.wav", b"RIFF\0\0\0\0WEBPVP8 ", False),
    ("a.mp3", b"ID3\4\0", True), ("a.mp3", b"\xff\xfb\x90\x00", True), ("a.mp3", b"<html>", False),
    ("a.aac", b"\xff\xf1\x50\x80", True), ("a.aac", b"\xff\xfb\x90\x00", False), ("a.ogg", b"RIFF", False),
])
def test_audio_entries_must_hold_what_their_extension_says(name: str, head: bytes, ok: bool) -> None:
    from studio.bundle.importer import _magic_ok

    assert _magic_ok(name, head) is ok
