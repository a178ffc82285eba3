"""``studio l10n export/import``: PO round trips through polib's own API, and files that are refused."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import polib
import pytest

from studio.cli import main
from studio.graph import validate
from studio.model import PROJECT_FILE, load_project, save
from studio.model.texts import BUDGETS, source_map, source_sha
from tests.support import SAMPLES


def project_copy(tmp_path: Path, sample: str = "shoppable") -> Path:
    folder = tmp_path / sample
    folder.mkdir()
    (folder / PROJECT_FILE).write_bytes((SAMPLES / sample / PROJECT_FILE).read_bytes())
    return folder


def export(folder: Path, locale: str, capsys: pytest.CaptureFixture[str]) -> Path:
    out = folder.parent / f"{locale}.po"
    assert main(["l10n", "export", str(folder), "--locale", locale, "-o", str(out)]) == 0
    assert capsys.readouterr().out.startswith("wrote ")
    return out


def entry(po: polib.POFile, key: str) -> polib.POEntry:
    (found,) = [e for e in po if e.msgctxt == key]
    return found


def test_export_then_edit_with_polib_then_import(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = project_copy(tmp_path)
    project = load_project(folder)
    sources = source_map(project)
    out = export(folder, "en", capsys)
    po = polib.pofile(str(out))
    assert po.metadata["Language"] == "en" and po.metadata["X-Drama-Source-Locale"] == project.locale
    assert [e.msgctxt for e in po] == list(sources)
    assert [e.msgid for e in po] == [s.text for s in sources.values()]
    assert all(e.msgstr == "" and not e.fuzzy for e in po)
    scene = next(s for s in project.scenes if s.tags)
    tag = scene.tags[0]
    cta = entry(po, f"scene/{scene.id}/tag/{tag.id}/cta")
    assert f"max-length:{BUDGETS['tag_cta']}" in cta.flags and "python-brace-format" in cta.flags
    assert f"Scene: {scene.title} ({scene.id})" in cta.comment.splitlines()
    assert "Item: a product tag's call to action" in cta.comment
    assert "{price}, {product} may be used" in cta.comment
    # a translator edits two units with the library and saves the file
    cta.msgstr = "Buy"
    entry(po, "project/title").msgstr = "Translated title"
    po.save(str(out))
    before = (folder / PROJECT_FILE).read_bytes()
    assert main(["l10n", "import", str(folder), str(out)]) == 0
    assert "en: 2 translations imported (0 unchanged, " in capsys.readouterr().out
    assert (folder / PROJECT_FILE).read_bytes() != before
    after = load_project(folder)
    assert after.target_locales == ["en"]
    held = after.translations_of("en")
    assert held is not None
    assert [(t.key, t.text, t.source_sha) for t in held.texts] == [
        ("project/title", "Translated title", source_sha(project.title)),
        (cta.msgctxt, "Buy", source_sha(tag.cta)),
    ]
    assert not [p for p in validate(after) if p.code in ("l10n-stale", "l10n-placeholders")]
    # exporting again carries the translations; importing that unchanged file writes nothing
    again = polib.pofile(str(export(folder, "en", capsys)))
    assert entry(again, "project/title").msgstr == "Translated title"
    saved = (folder / PROJECT_FILE).read_bytes()
    assert main(["l10n", "import", str(folder), str(out)]) == 0
    assert "nothing changed (2 unchanged" in capsys.readouterr().out
    assert (folder / PROJECT_FILE).read_bytes() == saved


def test_an_unchanged_export_leaves_the_project_byte_identical(tmp_path: Path,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    folder = project_copy(tmp_path, "savings")
    before = (folder / PROJECT_FILE).read_bytes()
    out = export(folder, "ja", capsys)
    assert main(["l10n", "import", str(folder), str(out)]) == 0
    assert (folder / PROJECT_FILE).read_bytes() == before
    assert not (folder / (PROJECT_FILE + ".bak")).exists()


def test_a_stale_translation_is_exported_fuzzy_and_confirmed_by_removing_the_mark(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = project_copy(tmp_path, "savings")
    out = export(folder, "en", capsys)
    po = polib.pofile(str(out))
    entry(po, "scene/payday/title").msgstr = "Payday"
    entry(po, "scene/payday/option/save/label").msgstr = "Put {amount} aside"
    po.save(str(out))
    assert main(["l10n", "import", str(folder), str(out)]) == 0
    capsys.readouterr()
    project = load_project(folder)
    project.scene_map()["payday"].title = "Pay day!"
    save(project, folder)
    stale = [p for p in validate(load_project(folder)) if p.code == "l10n-stale"]
    assert [(p.scene, p.item) for p in stale] == [("payday", None)] and " en " in stale[0].message
    po = polib.pofile(str(export(folder, "en", capsys)))
    unit = entry(po, "scene/payday/title")
    assert unit.fuzzy and unit.msgid == "Pay day!" and unit.msgstr == "Payday" and "Stale:" in unit.comment
    assert not entry(po, "scene/payday/option/save/label").fuzzy
    fuzzy_file = folder.parent / "fuzzy.po"
    po.save(str(fuzzy_file))
    before = (folder / PROJECT_FILE).read_bytes()
    assert main(["l10n", "import", str(folder), str(fuzzy_file)]) == 0  # still fuzzy: nothing changes
    assert (folder / PROJECT_FILE).read_bytes() == before
    unit.flags.remove("fuzzy")  # the translator checked it
    po.save(str(fuzzy_file))
    assert main(["l10n", "import", str(folder), str(fuzzy_file)]) == 0
    assert not [p for p in validate(load_project(folder)) if p.code == "l10n-stale"]


Edit = Callable[[Path, Path], None]


def _po_edit(change: Callable[[polib.POFile], None]) -> Edit:
    def run(folder: Path, po_path: Path) -> None:
        po = polib.pofile(str(po_path))
        change(po)
        po.save(str(po_path))
    return run


def _write(data: bytes) -> Edit:
    def run(folder: Path, po_path: Path) -> None:
        po_path.write_bytes(data)
    return run


def _set_meta(key: str, value: str) -> Edit:
    def change(po: polib.POFile) -> None:
        po.metadata[key] = value
    return _po_edit(change)


def _source_changed(folder: Path, po_path: Path) -> None:
    project = load_project(folder)
    project.title = "A new title"
    save(project, folder, keep_backup=False)


def _unknown_key(po: polib.POFile) -> None:
    po[0].msgctxt = "scene/nowhere/title"
    po[0].msgstr = "Nowhere"


def _duplicate(po: polib.POFile) -> None:
    po.append(polib.POEntry(msgctxt=po[1].msgctxt, msgid=po[1].msgid, msgstr="Twice"))


def _dropped_placeholder(po: polib.POFile) -> None:
    entry(po, "scene/payday/option/save/label").msgstr = "Save for the trip"


def _plural(po: polib.POFile) -> None:
    unit = entry(po, "scene/payday/title")
    unit.msgid_plural = "Paydays"
    unit.msgstr_plural = {0: "a", 1: "b"}


def _no_key(po: polib.POFile) -> None:
    po.append(polib.POEntry(msgid="Loose", msgstr="Lose"))


def _huge(folder: Path, po_path: Path) -> None:
    with po_path.open("r+b") as f:
        f.truncate((64 << 20) + 1)  # sparse: the size is refused before anything is read


REFUSED: dict[str, tuple[Edit, str]] = {
    "json": (_write(b'{"not": "a po file"}\n'), "not a PO file (no msgid)"),
    "binary": (_write(os.urandom(64) + b"\xff\xfe"), "not a PO file (not UTF-8 at byte"),
    "empty": (_write(b""), "not a PO file (no msgid)"),
    "names-a-path": (_write(str(SAMPLES / "savings" / PROJECT_FILE).encode()), "not a PO file"),
    "syntax": (_write(b'msgid "a"\nmsgstr "b\nmsgid\n'), "not a PO file ("),
    "no-language": (_write(b'msgid ""\nmsgstr ""\n"X-Drama-Source-Locale: zh-CN\\n"\n'),
                    "names no target locale (Language)"),
    "wrong-source": (_set_meta("X-Drama-Source-Locale", "fr"),
                     "the file translates from fr, the project is written in zh-CN"),
    "source-as-target": (_set_meta("Language", "zh-CN"), "zh-CN is the project's source locale"),
    "bad-locale": (_set_meta("Language", "english"), "'english' is not a locale"),
    "charset": (_set_meta("Content-Type", "text/plain; charset=ISO-8859-1"), "only UTF-8 is read"),
    "unknown-key": (_po_edit(_unknown_key), "unit 'scene/nowhere/title' (line "),
    "duplicate-key": (_po_edit(_duplicate), "appears twice (first at line"),
    "stale-unit": (_source_changed, "unit 'project/title' (line "),
    "placeholder": (_po_edit(_dropped_placeholder), "the en translation drops {amount}"),
    "plural": (_po_edit(_plural), "has plural forms"),
    "no-key": (_po_edit(_no_key), "has no key (msgctxt)"),
    "huge": (_huge, "is larger than 64 MiB"),
}


@pytest.mark.parametrize("case", list(REFUSED))
def test_a_bad_file_is_refused_in_one_line_writing_nothing(case: str, tmp_path: Path,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    folder = project_copy(tmp_path, "savings")
    out = export(folder, "en", capsys)
    po = polib.pofile(str(out))
    entry(po, "scene/payday/title").msgstr = "Pay day"  # a real change, so a refusal is what stops it
    po.save(str(out))
    edit, message = REFUSED[case]
    edit(folder, out)
    before = (folder / PROJECT_FILE).read_bytes()
    assert main(["l10n", "import", str(folder), str(out)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.splitlines()
    assert len(lines) == 1 and lines[0].startswith("studio: ") and message in lines[0], lines
    assert (folder / PROJECT_FILE).read_bytes() == before
    assert not (folder / (PROJECT_FILE + ".bak")).exists()
    assert lines[0].endswith("; nothing was imported")


def test_export_refuses_the_source_locale_and_a_bad_tag(tmp_path: Path,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    folder = project_copy(tmp_path, "savings")
    for locale, message in (("zh-CN", "is the project's source locale"), ("EN_us", "is not a locale")):
        out = tmp_path / "x.po"
        assert main(["l10n", "export", str(folder), "--locale", locale, "-o", str(out)]) == 2
        err = capsys.readouterr().err.splitlines()
        assert len(err) == 1 and message in err[0] and not out.exists()


def test_quotes_newlines_tabs_backslashes_and_braces_survive_the_round_trip(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = project_copy(tmp_path, "savings")
    project = load_project(folder)
    ending = next(s for s in project.scenes if s.ending)
    ending.ending_text = 'Line one\nLine "two"\t\\ back {{brace}} 中文'
    save(project, folder, keep_backup=False)
    po = polib.pofile(str(export(folder, "de", capsys)))
    unit = entry(po, f"scene/{ending.id}/ending_text")
    assert unit.msgid == ending.ending_text
    unit.msgstr = ending.ending_text.replace("Line", "Zeile")
    out = tmp_path / "de.po"
    po.save(str(out))
    assert main(["l10n", "import", str(folder), str(out)]) == 0
    held = load_project(folder).translations_of("de")
    assert held is not None
    assert [t.text for t in held.texts] == ['Zeile one\nZeile "two"\t\\ back {{brace}} 中文']
