"""The studio's own translations (Qt Linguist catalogues): update, release, check.

    python scripts/translations.py update [--area A]  # lupdate: resources/translations/<lang>/<area>.ts
    python scripts/translations.py release  # lrelease <lang>/*.ts: resources/translations/studio_<lang>.qm
    python scripts/translations.py check [--area A]   # exit 1 naming each problem (one line each)

Areas and their sources (each .ts is edited by whoever owns the area):

- shell: studio/ui/*.py, studio/ui/{help,library,problems,review,start}, studio/app, and the
  Qt-free checks' message templates (studio/model/checks.py, studio/graph/*.py: context "Problems")
- editors: studio/ui/{inspector,timeline}
- canvas: studio/ui/{graph,preview,playthrough}

``check`` fails when a .ts has an unfinished or empty translation, when lupdate over
the sources would add a message the .ts lacks (it runs lupdate on a temporary copy),
or when the placeholders (``{name}``, ``%n``, ``%1``) of a translation differ from
its source.  docs/localisation.md ("The studio's own language") has the workflow.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from studio.app.i18n import CATALOGUE_PREFIX, compile_catalogue, qt_tool  # noqa: E402

TRANSLATIONS = ROOT / "resources" / "translations"
LANGUAGES = ("zh_CN",)
UI = "studio/ui"
AREAS: dict[str, tuple[str, ...]] = {
    "shell": (f"{UI}/*.py", f"{UI}/help", f"{UI}/library", f"{UI}/problems", f"{UI}/review", f"{UI}/start",
              "studio/app", "studio/model/checks.py", "studio/graph/*.py"),
    "editors": (f"{UI}/inspector", f"{UI}/timeline"),
    "canvas": (f"{UI}/graph", f"{UI}/preview", f"{UI}/playthrough"),
}
PLACEHOLDER = re.compile(r"\{[A-Za-z_][A-Za-z0-9_]*\}|%n|%L?\d")


def area_files(area: str, root: Path = ROOT) -> list[Path]:
    """The Python files of an area (a ``*.py`` pattern is not recursive, a folder is)."""
    files: set[Path] = set()
    for spec in AREAS[area]:
        if spec.endswith("*.py"):
            files.update((root / spec).parent.glob("*.py"))
        elif spec.endswith(".py"):
            files.add(root / spec)
        else:
            files.update((root / spec).rglob("*.py"))
    return sorted(f for f in files if "__pycache__" not in f.parts)


def ts_path(language: str, area: str) -> Path:
    return TRANSLATIONS / language / f"{area}.ts"


def lupdate(area: str, ts: Path, language: str) -> None:
    ts.parent.mkdir(parents=True, exist_ok=True)
    files = [str(f.relative_to(ROOT)) for f in area_files(area)]
    proc = subprocess.run(
        [str(qt_tool("lupdate")), "-silent", "-no-obsolete", "-locations", "relative",
         "-target-language", language, *files, "-ts", str(ts)],
        cwd=ROOT, capture_output=True, text=True, timeout=300, check=False,
    )
    if proc.returncode != 0:
        raise SystemExit(f"lupdate {area}: {(proc.stderr or proc.stdout).strip()}")


def update(areas: list[str] | None = None) -> int:
    for language in LANGUAGES:
        for area in areas or AREAS:
            ts = ts_path(language, area)
            lupdate(area, ts, language)
            print(f"updated {ts.relative_to(ROOT)}")
    return 0


def release() -> int:
    for language in LANGUAGES:
        ts_files = sorted((TRANSLATIONS / language).glob("*.ts"))
        if not ts_files:
            continue
        qm = TRANSLATIONS / f"{CATALOGUE_PREFIX}{language}.qm"
        compile_catalogue(ts_files, qm)
        print(f"wrote {qm.relative_to(ROOT)}")
    return 0


@dataclass(frozen=True)
class Message:
    context: str
    source: str
    numerus: bool
    translations: tuple[str, ...]
    unfinished: bool


def read_ts(ts: Path) -> list[Message]:
    out = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            numerus = message.get("numerus") == "yes"
            if translation is None:
                texts: tuple[str, ...] = ()
                unfinished = True
            else:
                forms = translation.findall("numerusform")
                texts = tuple(f.text or "" for f in forms) if numerus else (translation.text or "",)
                unfinished = translation.get("type") in ("unfinished", "vanished", "obsolete")
            out.append(Message(name, message.findtext("source") or "", numerus, texts, unfinished))
    return out


def placeholders(text: str) -> Counter[str]:
    return Counter(PLACEHOLDER.findall(text))


def check_file(ts: Path, language: str, area: str) -> list[str]:
    """The problems of one .ts (one line each)."""
    rel = ts.relative_to(ROOT) if ts.is_relative_to(ROOT) else ts
    problems = []
    messages = read_ts(ts)
    for m in messages:
        where = f"{rel}: {m.context}: {m.source!r}"
        if m.unfinished:
            problems.append(f"{where}: unfinished")
        elif not m.translations or any(not t.strip() for t in m.translations):
            problems.append(f"{where}: empty translation")
        else:
            wanted = placeholders(m.source)
            for text in m.translations:
                got = placeholders(text)
                if +got != +wanted:
                    problems.append(f"{where}: placeholders {sorted(got.elements())} in the translation, "
                                    f"{sorted(wanted.elements())} in the source")
    known = {(m.context, m.source) for m in messages}
    if area in AREAS:
        with tempfile.TemporaryDirectory() as tmp:
            copy = Path(tmp) / ts.name
            shutil.copy2(ts, copy)
            lupdate(area, copy, language)
            for m in read_ts(copy):
                if (m.context, m.source) not in known:
                    problems.append(f"{rel}: {m.context}: {m.source!r}: in the sources, not in the .ts "
                                    "(run scripts/translations.py update)")
    else:
        problems.append(f"{rel}: no area {area!r} (known: {', '.join(AREAS)})")
    return problems


def check(areas: list[str] | None = None) -> int:
    problems: list[str] = []
    for language in LANGUAGES:
        for ts in sorted((TRANSLATIONS / language).glob("*.ts")):
            if areas and ts.stem not in areas:
                continue
            problems += check_file(ts, language, ts.stem)
    for line in problems:
        print(line)
    return 1 if problems else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=("update", "release", "check"))
    parser.add_argument("--area", action="append", choices=sorted(AREAS),
                        help="update or check only these areas' .ts (default: all)")
    args = parser.parse_args(argv)
    if args.command == "update":
        return update(args.area)
    if args.command == "release":
        return release()
    return check(args.area)


if __name__ == "__main__":
    raise SystemExit(main())
