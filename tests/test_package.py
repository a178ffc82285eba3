"""The installable package: a wheel built from the checkout works outside it.

Builds the wheel offline (``pip wheel --no-build-isolation``) from a copy of the
checkout's files (so no ``build/`` or ``*.egg-info`` is left in the checkout),
checks its file list against ``studio/`` and ``resources/``, installs it into a
fresh venv under ``tmp_path`` (dependencies come from this venv's site-packages
through a ``.pth`` line, so nothing is downloaded), and runs the installed
``studio`` from ``tmp_path`` with ``PYTHONPATH`` unset: every resource must come
from the new venv, never from the checkout.
"""

from __future__ import annotations

import json
import os
import shutil
import site
import subprocess
import sys
import venv
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path

import pytest

from tests.support import ROOT, SAMPLES, require

pytestmark = pytest.mark.slow

RESOURCES_PACKAGE = "studio/_resources/"
# Files a used checkout holds that must never reach the wheel.
DECOYS = (
    "resources/__pycache__/__init__.cpython-311.pyc",
    "resources/player/.DS_Store",
    "tests/browser-node/node_modules/decoy/index.js",
    "studio/__pycache__/decoy.cpython-311.pyc",
)
IGNORED_DIRS = {".git", ".venv", "build", "dist", "node_modules", "__pycache__", ".mypy_cache",
                ".ruff_cache", ".pytest_cache", ".hypothesis"}


@dataclass(frozen=True)
class Installed:
    wheel: Path
    venv: Path
    python: Path
    studio: Path
    env: dict[str, str]
    work: Path


def _checkout_files() -> list[str]:
    """The checkout's files as ``pip install .`` sees them (tracked or not ignored)."""
    if (ROOT / ".git").exists() and shutil.which("git"):
        out = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
                             cwd=ROOT, capture_output=True, check=True, timeout=60).stdout
        names = [n for n in out.decode("utf-8", "surrogateescape").split("\0") if n]
    else:  # an unpacked source archive
        names = [
            p.relative_to(ROOT).as_posix() for p in ROOT.rglob("*")
            if p.is_file() and not IGNORED_DIRS & set(p.relative_to(ROOT).parts[:-1])
            and not p.name.endswith(".egg-info")
        ]
    return sorted(n for n in names if (ROOT / n).is_file() and not (ROOT / n).is_symlink())


def _resource_files(names: list[str]) -> set[str]:
    """Every file the wheel holds from resources/ (relative to it), except the package marker.

    The translators' sources ``translations/<lang>/*.ts`` stay out; the build compiles each
    language's into ``translations/studio_<lang>.qm`` (setup.py).
    """
    files = {n.removeprefix("resources/") for n in names
             if n.startswith("resources/") and n != "resources/__init__.py"}
    sources = {n for n in files if n.startswith("translations/") and n.endswith(".ts")}
    compiled = {f"translations/studio_{n.split('/')[1]}.qm" for n in sources}
    return (files - sources) | compiled


def _run(args: list[str | Path], env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess[str]:
    proc = subprocess.run([str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True,
                          timeout=300, check=False)
    shown = " ".join(map(str, args[:4]))
    assert proc.returncode == 0, f"{shown}: {proc.returncode}\n{proc.stdout[-3000:]}{proc.stderr[-2000:]}"
    return proc


def _clean_env(tmp: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if k not in ("PYTHONPATH", "PYTHONHOME", "PYTHONSTARTUP", "VIRTUAL_ENV", "PYTHONUSERBASE")}
    env.update(PYTHONNOUSERSITE="1", PIP_NO_INDEX="1", PIP_DISABLE_PIP_VERSION_CHECK="1",
               DRAMA_STUDIO_CACHE=str(tmp / "cache"), QT_QPA_PLATFORM="offscreen")
    return env


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Installed]:
    setuptools_major = int(version("setuptools").split(".")[0])
    require(setuptools_major >= 77, "setuptools>=77 in the venv (pip install -e '.[dev]')")
    tmp = tmp_path_factory.mktemp("package")
    assert ROOT not in tmp.parents
    env = _clean_env(tmp)

    src = tmp / "src"
    for name in _checkout_files():
        (src / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, src / name)
    for name in DECOYS:
        (src / name).parent.mkdir(parents=True, exist_ok=True)
        (src / name).write_bytes(b"decoy\n")
    dist = tmp / "dist"
    _run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation", "--no-index",
          "-w", dist, src], env, tmp)
    (wheel,) = dist.glob("drama_studio-*.whl")

    home = tmp / "venv"
    venv.EnvBuilder(with_pip=False).create(home)
    python = home / "bin" / "python"
    purelib = Path(_run([python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
                        env, tmp).stdout.strip())
    assert home in purelib.parents, purelib
    assert purelib.is_dir(), purelib
    # Dependencies (PySide6, pydantic, av, ...) from this venv: plain path lines, after the new
    # venv's own site-packages, and this venv's .pth files (its editable studio) are not read.
    (purelib / "deps-from-test-venv.pth").write_text("\n".join(site.getsitepackages()) + "\n")
    _run([sys.executable, "-m", "pip", "--python", python, "install", "-q", "--no-deps", "--no-index",
          wheel], env, tmp)
    work = tmp / "work"
    work.mkdir()
    yield Installed(wheel, home, python, home / "bin" / "studio", env, work)


def test_wheel_holds_every_module_and_resource_and_nothing_else(installed: Installed) -> None:
    names = _checkout_files()
    with zipfile.ZipFile(installed.wheel) as zf:
        listed = set(zf.namelist())
    dist_info = {n for n in listed if n.split("/")[0].endswith(".dist-info")}
    assert {n for n in listed - dist_info if not n.startswith("studio/")} == set()
    modules = {n for n in names if n.startswith("studio/") and n.endswith(".py")}
    assert modules, "no studio modules found in the checkout"
    missing = modules - listed
    assert not missing, f"left out of the wheel (list the package in pyproject.toml): {sorted(missing)}"
    wheel_resources = {n.removeprefix(RESOURCES_PACKAGE) for n in listed if n.startswith(RESOURCES_PACKAGE)}
    expected = _resource_files(names)
    assert {"player/index.html", "schema/project.schema.json", "schema/manifest.schema.json",
            "styles/studio.qss", "icons/save.svg"} <= expected
    wheel_resources.discard("__init__.py")
    assert wheel_resources == expected, (
        "resources/ and the wheel differ (package-data in pyproject.toml): "
        f"missing {sorted(expected - wheel_resources)}, extra {sorted(wheel_resources - expected)}"
    )
    assert set(listed) - dist_info == modules | {RESOURCES_PACKAGE + n for n in expected | {"__init__.py"}}
    for decoy in DECOYS:
        assert not any(n.endswith(decoy.split("/", 1)[1]) for n in listed), decoy


PROBE = """
import json, sys
import studio, studio.resources as r
from studio.model import schema
from studio.bundle import export, manifest
from PySide6.QtWidgets import QApplication
from studio.ui import icons, theme
from studio.app import i18n
from PySide6.QtCore import QCoreApplication
app = QApplication([])
theme.apply(app, "light")
i18n.install_translators(app, "zh_CN")
print(json.dumps({
    "studio": studio.__file__, "root": str(r.root()), "project_schema": str(schema.SCHEMA_PATH),
    "manifest_schema": str(manifest.SCHEMA_PATH), "player": str(export.PLAYER_DIR),
    "styles": str(theme.STYLES), "icons": str(icons.ICONS), "sys_path": sys.path,
    "style_sheet": app.styleSheet(), "icon_drawn": not icons.icon("save").isNull(),
    "catalogue": str(i18n.catalogue("zh_CN")), "file_menu": QCoreApplication.translate("Actions", "&File"),
}))
"""


def test_installed_package_reads_its_own_resources(installed: Installed) -> None:
    out = json.loads(_run([installed.python, "-c", PROBE], installed.env, installed.work).stdout)
    assert str(ROOT) not in out["sys_path"] and "" not in out["sys_path"][1:]
    paths = {k: Path(out[k]) for k in ("studio", "root", "project_schema", "manifest_schema", "player",
                                       "styles", "icons", "catalogue")}
    for key, path in paths.items():
        assert installed.venv in path.parents, f"{key} comes from {path}, not the new venv"
        assert path.exists(), f"{key}: {path} is missing"
    assert paths["root"] == paths["studio"].parent / "_resources"
    for key, name in (("project_schema", "project.schema.json"), ("manifest_schema", "manifest.schema.json")):
        assert paths[key].read_bytes() == (ROOT / "resources" / "schema" / name).read_bytes()
    assert out["style_sheet"] == (ROOT / "resources" / "styles" / "studio.qss").read_text("utf-8")
    assert out["icon_drawn"]
    assert paths["catalogue"] == paths["root"] / "translations" / "studio_zh_CN.qm"  # compiled into the wheel
    assert out["file_menu"] == "文件(&F)"


def test_installed_cli_validates_and_exports_the_web_player(installed: Installed) -> None:
    project = installed.work / "savings"
    shutil.copytree(SAMPLES / "savings", project)
    validated = _run([installed.studio, "validate", project], installed.env, installed.work)
    assert "no problems" in validated.stdout
    out = installed.work / "savings.drama.zip"
    _run([installed.studio, "export", project, "-o", out, "--web-player"], installed.env, installed.work)
    player = ROOT / "resources" / "player"
    expected = {
        "player/" + p.relative_to(player).as_posix(): p.read_bytes()
        for p in player.rglob("*") if p.is_file() and not p.name.startswith(".")
    }
    assert "player/index.html" in expected and "player/hosts/wallet.js" in expected
    with zipfile.ZipFile(out) as zf:
        bundled = {n: zf.read(n) for n in zf.namelist() if n.startswith("player/")}
        assert "manifest.json" in zf.namelist()
    assert sorted(bundled) == sorted(expected)
    assert bundled == expected
