"""ruff, mypy and lint-imports stay clean on studio/ (run as part of the test suite and CI)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.support import ROOT

LINTED = ("studio", "tests", "bench", "scripts")
# import-linter's command, installed beside this Python (the dev extras); contracts in pyproject.toml
LINT_IMPORTS = str(Path(sys.executable).with_name("lint-imports"))


@pytest.mark.slow
@pytest.mark.parametrize(
    "command",
    [
        [sys.executable, "-m", "ruff", "check", *(d for d in LINTED if (ROOT / d).is_dir())],
        [sys.executable, "-m", "mypy", "studio"],
        [LINT_IMPORTS, "--no-cache"],
    ],
    ids=["ruff", "mypy", "lint-imports"],
)
def test_static_checks_clean(command: list[str]) -> None:
    proc = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=600,
                          check=False)
    assert proc.returncode == 0, proc.stdout[-4000:] + proc.stderr[-2000:]


def test_qt_free_layers_do_not_import_qt_or_vlc() -> None:
    """studio.model/engine/graph/bundle and the CLI never import PySide6 or vlc."""
    code = (
        "import importlib, pkgutil, sys, studio\n"
        "for pkg in ('studio.model','studio.engine','studio.graph','studio.bundle'):\n"
        "    try:\n"
        "        m = importlib.import_module(pkg)\n"
        "    except ModuleNotFoundError:\n"
        "        continue\n"
        "    for info in pkgutil.walk_packages(m.__path__, pkg + '.'):\n"
        "        importlib.import_module(info.name)\n"
        "import studio.cli; studio.cli.get_parser()\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6','vlc','shiboken6'))\n"
        "print(bad); sys.exit(1 if bad else 0)\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                          timeout=120, check=False)
    assert proc.returncode == 0, proc.stdout + proc.stderr
