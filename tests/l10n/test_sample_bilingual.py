"""The savings sample is bilingual (#16): Chinese source, a complete English translation, and
dialogue subtitles in both languages, each kept beside the project in the file format a creator
hands to the studio (``translations/en.po``, ``subtitles/<scene>.<locale>.vtt``)."""

from __future__ import annotations

import shutil
from pathlib import Path

from studio.graph import validate
from studio.l10n.exchange import export, import_file
from studio.model import PROJECT_FILE, load_project
from studio.model.texts import source_texts, translation_map
from studio.subtitles.parse import read_subtitles
from tests.support import SAMPLES

SAVINGS = SAMPLES / "savings"


def test_the_source_is_chinese_and_every_text_has_a_current_english_translation() -> None:
    project = load_project(SAVINGS)
    assert (project.locale, project.target_locales) == ("zh-CN", ["en"])
    held = translation_map(project, "en")
    sources = list(source_texts(project))
    assert [s.key for s in sources] == list(held)
    for src in sources:
        assert any("\u4e00" <= ch <= "\u9fff" for ch in src.text), src.key  # written in Chinese
        assert held[src.key].source_sha == src.sha, src.key  # translated from this very text
        assert held[src.key].text.isascii(), src.key  # and into English
    assert held["scene/payday/option/save/label"].text == "Save {amount} for the trip"
    assert [str(p) for p in validate(project, SAVINGS)] == []


def test_the_kept_po_file_is_what_export_writes_and_importing_it_changes_nothing(tmp_path: Path) -> None:
    out = tmp_path / "en.po"
    assert export(SAVINGS, "en", out) == len(list(source_texts(load_project(SAVINGS))))
    assert out.read_bytes() == (SAVINGS / "translations" / "en.po").read_bytes()
    copy = tmp_path / "savings"
    copy.mkdir()
    shutil.copyfile(SAVINGS / PROJECT_FILE, copy / PROJECT_FILE)
    done = import_file(copy, SAVINGS / "translations" / "en.po")
    assert (done.locale, done.changed, done.empty, done.written) == ("en", 0, 0, None)
    assert (copy / PROJECT_FILE).read_bytes() == (SAVINGS / PROJECT_FILE).read_bytes()


def test_dialogue_subtitles_in_both_languages_are_the_kept_vtt_files_within_each_clip() -> None:
    project = load_project(SAVINGS)
    files = sorted((SAVINGS / "subtitles").glob("*.vtt"))
    scenes = {f.name.split(".")[0] for f in files}
    assert len(scenes) >= 3
    assert [f.name for f in files] == sorted(f"{s}.{loc}.vtt" for s in scenes for loc in ("en", "zh-CN"))
    for scene in project.scenes:
        tracks = {t.locale: t.cues for t in scene.subtitles}
        if scene.id not in scenes:
            assert tracks == {}, scene.id
            continue
        assert sorted(tracks) == ["en", "zh-CN"], scene.id
        end = project.scene_out_ms(scene)
        assert end is not None
        for locale, cues in tracks.items():
            assert cues == read_subtitles(SAVINGS / "subtitles" / f"{scene.id}.{locale}.vtt")
            assert 2 <= len(cues) <= 3 and scene.in_ms <= cues[0].start_ms and cues[-1].end_ms <= end
        times = {loc: [(c.start_ms, c.end_ms) for c in cues] for loc, cues in tracks.items()}
        assert times["en"] == times["zh-CN"], scene.id  # the same lines, said at the same times
