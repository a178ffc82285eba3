"""Where the studio keeps its own files (never inside a user's project).

``data_dir()`` holds recovery files and settings; ``cache_dir()`` holds
thumbnails.  Both follow ``QStandardPaths`` (generic data/cache locations +
``drama-studio``) unless ``DRAMA_STUDIO_DATA_DIR`` is set, which tests use to
redirect everything into a temporary folder.
"""

from __future__ import annotations

import os
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
