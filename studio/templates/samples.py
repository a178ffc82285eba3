"""The sample dramas of a clone (``sample_projects/``) and copies of a project folder.

``./scripts/setup.sh run`` opens ``sample_projects/savings`` of the clone; the studio finds the
samples the same way, beside the ``studio`` package (an installed wheel has none: the list is
empty).  A sample is opened as a *copy*, so trying things never changes the clone's files.
"""

from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path

import studio
from studio.model.io import PROJECT_FILE

SAMPLES_DIR = Path(studio.__file__).resolve().parent.parent / "sample_projects"
SAMPLE_NAMES = ("savings", "shoppable")
_TITLE = re.compile(rb'"title"\s*:\s*("(?:[^"\\]|\\.)*")')
_HEAD_BYTES = 4096
_SKIP = (".lock", ".bak", ".tmp", ".part", ".review.json")


def sample_folders(root: Path = SAMPLES_DIR) -> list[Path]:
    """The sample projects present in ``root`` (savings first)."""
    return [root / name for name in SAMPLE_NAMES if (root / name / PROJECT_FILE).is_file()]


def project_title(folder: Path) -> str | None:
    """The title in ``folder``'s drama.json, read from its first bytes only (None: none found).

    A saved drama.json starts with its header, title included, so this never parses a big file.
    """
    try:
        with open(folder / PROJECT_FILE, "rb") as f:
            head = f.read(_HEAD_BYTES)
    except OSError:
        return None
    match = _TITLE.search(head)
    if match is None:
        return None
    try:
        title = json.loads(match.group(1))
    except ValueError:
        return None
    return title if isinstance(title, str) and title.strip() else None


def _link_or_copy(src: str, dst: str) -> None:
    try:
        os.link(src, dst)
    except OSError:
        shutil.copy2(src, dst)


def copy_project(src: Path, dst: Path) -> Path:
    """Copy the project folder ``src`` into the empty or new folder ``dst`` (clips hard-linked where
    possible; lock, backup, review and temp files left out); returns ``dst``."""
    def ignore(_folder: str, names: list[str]) -> set[str]:
        return {n for n in names if n.endswith(_SKIP)}

    shutil.copytree(src, dst, ignore=ignore, copy_function=_link_or_copy, dirs_exist_ok=True)
    return dst
