"""The wheel build compiles the studio's translations (everything else is in pyproject.toml).

``build_py`` runs PySide6's ``lrelease`` over ``resources/translations/<lang>/*.ts``
and writes ``studio/_resources/translations/studio_<lang>.qm`` into the build, so
the wheel holds the compiled catalogues (the .ts sources stay out of it).  This is
why PySide6-Essentials is a build requirement.  A checkout compiles them with
``scripts/translations.py release`` (``scripts/setup.sh`` does).
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent
TRANSLATIONS = HERE / "resources" / "translations"


def lrelease() -> Path:
    spec = importlib.util.find_spec("PySide6")
    if spec is None or spec.origin is None:
        raise SystemExit("building drama-studio needs PySide6-Essentials (its lrelease compiles translations)")
    return Path(spec.origin).parent / ("lrelease.exe" if sys.platform == "win32" else "lrelease")


class BuildWithTranslations(build_py):
    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            return  # an editable install reads resources/ itself (scripts/translations.py release)
        out = Path(self.build_lib) / "studio" / "_resources" / "translations"
        for folder in sorted(p for p in TRANSLATIONS.iterdir() if p.is_dir()):
            sources = sorted(folder.glob("*.ts"))
            if not sources:
                continue
            out.mkdir(parents=True, exist_ok=True)
            qm = out / f"studio_{folder.name}.qm"
            subprocess.run([str(lrelease()), "-silent", *map(str, sources), "-qm", str(qm)], check=True)


setup(cmdclass={"build_py": BuildWithTranslations})
