"""Where the studio keeps its own files (never inside a user's project).

``data_dir()`` holds recovery files, settings and untitled projects (``untitled/``: a
project lives there from New until its first Save As); ``cache_dir()`` holds
thumbnails.  Both follow ``QStandardPaths`` (generic data/cache locations +
``drama-studio``) unless ``DRAMA_STUDIO_DATA_DIR`` is set, which tests use to
redirect everything into a temporary folder.
"""

from __future__ import annotations

import os
import secrets
import time
from pathlib import Path

from PySide6.QtCore import QStandardPaths

ENV_DATA_DIR = "DRAMA_STUDIO_DATA_DIR"
APP_DIR = "drama-studio"


def data_dir() -> Path:
    """The studio's data folder (created on demand)."""
    override = os.environ.get(ENV_DATA_DIR)
    if override:
        folder = Path(override)
    else:
        base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.GenericDataLocation)
        folder = Path(base or Path.home() / ".local" / "share") / APP_DIR
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def cache_dir() -> Path:
    """The studio's cache folder (created on demand)."""
    override = os.environ.get(ENV_DATA_DIR)
    if override:
        folder = Path(override) / "cache"
    else:
        base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.GenericCacheLocation)
        folder = Path(base or Path.home() / ".cache") / APP_DIR
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def recovery_dir() -> Path:
    """Autosave recovery files live here, one per open unsaved document."""
    folder = data_dir() / "recovery"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


UNTITLED_DIR = "untitled"


def untitled_root() -> Path:
    """Where projects live between New and their first Save As (created on demand)."""
    folder = data_dir() / UNTITLED_DIR
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def new_untitled_folder() -> Path:
    """A fresh, empty folder for a new untitled project (``untitled/<date>-<random>``)."""
    root = untitled_root()
    while True:
        folder = root / f"{time.strftime('%Y%m%d-%H%M%S')}-{secrets.token_hex(3)}"
        try:
            folder.mkdir()
        except FileExistsError:
            continue
        return folder


def is_untitled(path: Path | None) -> bool:
    """Whether ``path`` (a project folder or its drama.json) lies in the managed untitled folder."""
    if path is None:
        return False
    root = untitled_root().resolve()
    try:
        path.resolve().relative_to(root)
    except ValueError:
        return False
    return True
