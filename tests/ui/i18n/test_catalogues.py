"""``scripts/translations.py check`` passes on every catalogue, and finds what it should find.

Each ``resources/translations/<lang>/<area>.ts`` is its own case (the helper who owns an area
runs ``-k <area>``): no unfinished or empty translation, no message in the sources the .ts lacks
(lupdate is run on a copy), the same placeholders in source and translation.
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support import ROOT

SCRIPT = ROOT / "scripts" / "translations.py"
CATALOGUES = sorted((ROOT / "resources" / "translations").glob("*/*.ts"))

_spec = importlib.util.spec_from_file_location("translations_script", SCRIPT)
assert _spec is not None and _spec.loader is not None
translations = importlib.util.module_from_spec(_spec)
sys.modules[_spec.name] = translations
_spec.loader.exec_module(translations)


def test_there_are_catalogues() -> None:
    assert ROOT / "resources/translations/zh_CN/shell.ts" in CATALOGUES
    assert {ts.stem for ts in CATALOGUES} <= set(translations.AREAS)


@pytest.mark.parametrize("ts", CATALOGUES, ids=[f"{ts.parent.name}-{ts.stem}" for ts in CATALOGUES])
def test_catalogue_is_complete_and_current(ts: Path) -> None:
    proc = subprocess.run([sys.executable, str(SCRIPT), "check", "--area", ts.stem], cwd=ROOT,
                          capture_output=True, text=True, timeout=300, check=False)
    assert proc.returncode == 0, proc.stdout + proc.stderr


BROKEN = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Actions</name>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>FileController</name>
    <message>
        <source>Saved {path}</source>
        <translation>已保存 {name}</translation>
    </message>
</context>
<context>
    <name>Gone</name>
    <message numerus="yes">
        <source>%n scene(s)</source>
        <translation><numerusform>场景</numerusform></translation>
    </message>
</context>
</TS>
"""


def test_check_names_every_kind_of_problem(tmp_path: Path) -> None:
    ts = tmp_path / "shell.ts"
    ts.write_text(BROKEN, "utf-8")
    problems = translations.check_file(ts, "zh_CN", "shell")
    assert f"{ts}: Actions: '&File': unfinished" in problems
    assert f"{ts}: Actions: '&Edit': empty translation" in problems
    wrong = f"{ts}: FileController: 'Saved {{path}}': placeholders ['{{name}}']"
    assert any(p.startswith(wrong) for p in problems)
    assert any(p.startswith(f"{ts}: Gone: '%n scene(s)': placeholders []") for p in problems)
    missing = [p for p in problems if p.endswith("not in the .ts (run scripts/translations.py update)")]
    assert f"{ts}: Actions: '&View': in the sources, not in the .ts (run scripts/translations.py update)" \
        in missing
    assert ts.read_text("utf-8") == BROKEN  # lupdate ran on a copy
