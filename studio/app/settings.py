"""Window state, recent files and preferences in ``QSettings``.

``DRAMA_STUDIO_DATA_DIR`` (see :mod:`studio.app.paths`) switches to an INI
file in that folder, which tests use to stay out of the user's settings.
Preferences are a small typed record with defaults; unknown or bad stored
values fall back to the default.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, fields
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from studio.app.i18n import CODES
from studio.app.paths import ENV_DATA_DIR, data_dir

ORGANIZATION = "DramaStudio"
APPLICATION = "Drama Studio"
MAX_RECENT = 10


def qsettings() -> QSettings:
    if os.environ.get(ENV_DATA_DIR):
        return QSettings(str(data_dir() / "settings.ini"), QSettings.Format.IniFormat)
    return QSettings(ORGANIZATION, APPLICATION)


@dataclass
class Preferences:
    """User preferences (Edit > Preferences)."""

    autosave_seconds: int = 30
    theme: str = "system"  # system | light | dark
    show_grid: bool = True
    reopen_last: bool = False
    language: str = "system"  # system | en | zh_CN (studio.app.i18n.LANGUAGES); applies at the next start

    @classmethod
    def load(cls) -> Preferences:
        s = qsettings()
        out = cls()
        for f in fields(cls):
            value = s.value(f"preferences/{f.name}")
            default = getattr(out, f.name)
            if value is None:
                continue
            if isinstance(default, bool):
                value = str(value).lower() in ("true", "1")
            try:
                setattr(out, f.name, type(default)(value))
            except (TypeError, ValueError):
                continue
        out.autosave_seconds = max(5, min(out.autosave_seconds, 60))
        if out.theme not in ("system", "light", "dark"):
            out.theme = "system"
        if out.language not in CODES:
            out.language = "system"
        return out

    def save(self) -> None:
        s = qsettings()
        for f in fields(self):
            s.setValue(f"preferences/{f.name}", getattr(self, f.name))
        s.sync()


def recent_files() -> list[str]:
    value = qsettings().value("recent/files")
    if isinstance(value, str):
        value = [value]
    return [str(v) for v in value] if isinstance(value, list) else []


def add_recent(path: str | Path) -> list[str]:
    item = str(Path(path))
    items = [item, *(p for p in recent_files() if p != item)][:MAX_RECENT]
    s = qsettings()
    s.setValue("recent/files", items)
    s.sync()
    return items


def remove_recent(path: str | Path) -> list[str]:
    items = [p for p in recent_files() if p != str(Path(path))]
    s = qsettings()
    s.setValue("recent/files", items)
    s.sync()
    return items


def save_window(geometry: QByteArray, state: QByteArray) -> None:
    s = qsettings()
    s.setValue("window/geometry", geometry)
    s.setValue("window/state", state)
    s.sync()


def window_state() -> tuple[QByteArray | None, QByteArray | None]:
    s = qsettings()
    geometry, state = s.value("window/geometry"), s.value("window/state")
    return (
        geometry if isinstance(geometry, QByteArray) else None,
        state if isinstance(state, QByteArray) else None,
    )
