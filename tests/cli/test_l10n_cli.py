"""``studio l10n export|import`` as a process: exit codes and one-line messages (#16)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import polib

from studio.model import PROJECT_FILE, load_project
from tests.support import ROOT, SAMPLES


def studio(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "studio", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=120, check=False)


def test_export_and_import_through_the_command_line(tmp_path: Path) -> None:
    folder = tmp_path / "drama"
    folder.mkdir()
    (folder / PROJECT_FILE).write_bytes((SAMPLES / "savings" / PROJECT_FILE).read_bytes())
    po_file = tmp_path / "ja.po"
    done = studio("l10n", "export", str(folder), "--locale", "ja", "-o", str(po_file))
    assert done.returncode == 0 and done.stderr == "" and f"to {po_file}" in done.stdout
    po = polib.pofile(str(po_file))
    (unit,) = [e for e in po if e.msgctxt == "scene/payday/prompt/round_up/text"]
    unit.msgstr = "給料の{amount}を旅行に貯金しますか?"
    po.save(str(po_file))
    done = studio("l10n", "import", str(folder), str(po_file))
    assert done.returncode == 0 and "ja: 1 translations imported" in done.stdout
    held = load_project(folder).translations_of("ja")
    assert held is not None and [t.text for t in held.texts] == ["給料の{amount}を旅行に貯金しますか?"]
    checked = studio("validate", str(folder), "--no-media")
    assert checked.returncode == 0 and "no ja translation" in checked.stdout  # warnings only

    unit.msgstr = "給料を旅行に貯金しますか?"  # drops {amount}
    po.save(str(po_file))
    before = (folder / PROJECT_FILE).read_bytes()
    refused = studio("l10n", "import", str(folder), str(po_file))
    assert refused.returncode == 2 and refused.stdout == ""
    (line,) = refused.stderr.splitlines()
    assert "unit 'scene/payday/prompt/round_up/text'" in line and "drops {amount}" in line
    assert (folder / PROJECT_FILE).read_bytes() == before


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    assert studio("l10n").returncode == 2
    missing = studio("l10n", "export", str(SAMPLES / "savings"), "-o", str(tmp_path / "x.po"))
    assert missing.returncode == 2 and "--locale" in missing.stderr and not (tmp_path / "x.po").exists()
    nothing = studio("l10n", "import", str(tmp_path / "none"), str(tmp_path / "x.po"))
    assert nothing.returncode == 2 and len(nothing.stderr.splitlines()) == 1
