"""Untitled project folders left behind, and which of them may go.

A project lives in ``<data dir>/untitled/<name>/`` from New until its first Save As
(:mod:`studio.app.document`).  A folder stays behind when a studio stopped without closing
it.  At start-up :func:`sweep` removes only the ones that hold nothing: not locked by a
running studio, not named by any recovery file, and with no scene and no clip.  Any other
leftover (a draft with content) is kept and listed by :func:`drafts`.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from studio.app.lockfile import lock_path, owner_gone, read_lock
from studio.app.paths import recovery_dir, untitled_root
from studio.model.errors import ProjectError
from studio.model.io import PROJECT_FILE, load_project


def _named_by_recovery() -> set[Path]:
    """Project folders that a recovery file (of any studio) names."""
    named: set[Path] = set()
    for file in recovery_dir().glob("*.recovery.json"):
        try:
            path = json.loads(file.read_bytes()).get("project_path")
        except (OSError, ValueError, AttributeError):
            continue
        if isinstance(path, str):
            named.add(Path(path).parent.resolve())
    return named


def _in_use(folder: Path) -> bool:
    """Locked by a studio that still runs (or whose state cannot be told)."""
    owner = read_lock(lock_path(folder / PROJECT_FILE))
    return owner is not None and not owner_gone(owner)


def _empty(folder: Path) -> bool:
    """No scene and no clip (a folder without a readable drama.json holds nothing either, unless
    it has files besides)."""
    try:
        project = load_project(folder)
    except ProjectError:
        return not any(p.name != PROJECT_FILE and not p.name.endswith(".lock") for p in folder.iterdir())
    return not project.scenes and not project.media


def leftovers() -> list[Path]:
    """Untitled folders no running studio holds and no recovery file names."""
    named = _named_by_recovery()
    return [
        folder for folder in sorted(untitled_root().iterdir())
        if folder.is_dir() and folder.resolve() not in named and not _in_use(folder)
    ]


def sweep() -> list[Path]:
    """Remove the leftovers that hold nothing; returns them."""
    removed = []
    for folder in leftovers():
        if _empty(folder):
            shutil.rmtree(folder, ignore_errors=True)
            removed.append(folder)
    return removed


def drafts() -> list[Path]:
    """Leftovers with content: untitled work that no recovery file covers (newest first)."""
    return sorted((f for f in leftovers() if not _empty(f)), key=lambda f: f.stat().st_mtime, reverse=True)
