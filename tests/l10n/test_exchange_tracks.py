"""Subtitles and dubs survive the translators' PO round trip (#16 part 3)."""

from __future__ import annotations

from pathlib import Path

import polib
import pytest

from studio.cli import main
from studio.model import load_project
from tests.l10n.test_exchange import entry, export, project_copy


def test_a_po_round_trip_keeps_every_subtitle_track(tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    folder = project_copy(tmp_path)
    vtt = tmp_path / "a.vtt"
    vtt.write_text("WEBVTT\n\n00:00.200 --> 00:01.500\n这款精华……\n", encoding="utf-8")
    scene = load_project(folder).scenes[0].id
    for locale in ("zh-CN", "en"):
        assert main(["subtitles", "import", str(folder), "--scene", scene, "--locale", locale, str(vtt)]) == 0
    before = load_project(folder)
    assert "added en subtitles, 1 cue;" in capsys.readouterr().out
    po_file = export(folder, "en", capsys)
    po = polib.pofile(str(po_file))
    unit = entry(po, f"scene/{scene}/title")
    unit.msgstr = "Translated title"
    po.save(str(po_file))
    assert main(["l10n", "import", str(folder), str(po_file)]) == 0
    after = load_project(folder)
    assert [s.subtitles for s in after.scenes] == [s.subtitles for s in before.scenes]
    assert after.scenes[0].subtitles[0].cues[0].text == "这款精华……"
    held = after.translations_of("en")
    assert held is not None and [t.text for t in held.texts] == ["Translated title"]
