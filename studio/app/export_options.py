"""The Export dialog's choices remembered per project folder (in the studio's settings).

``load(folder)`` gives the options last used to export the project in
``folder`` (web player on, no host origins, for a project never exported);
``remember(folder, options)`` stores them.  They live in ``QSettings`` (key
``bundle/export_options``: JSON of folder -> options, the :data:`MAX_PROJECTS`
most recently used folders), not in ``drama.json``: where a bundle may be
embedded is this studio's export setting, and a project (or bundle) received
from someone else must not decide it.  Damaged or foreign values are ignored.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from studio.app.settings import qsettings
from studio.bundle.origins import MAX_HOST_ORIGINS, check_manifest_origins

KEY = "bundle/export_options"
MAX_PROJECTS = 50


@dataclass(frozen=True)
class ExportOptions:
    web_player: bool = True
    host_origins: tuple[str, ...] = ()  # normalised (studio.bundle.origins)


def _key(folder: Path) -> str:
    return str(folder.absolute())


def _all() -> dict[str, Any]:
    raw = qsettings().value(KEY)
    try:
        data = json.loads(raw) if isinstance(raw, str) else None
    except ValueError:
        return {}
    return data if isinstance(data, dict) else {}


def load(folder: Path) -> ExportOptions:
    entry = _all().get(_key(folder))
    if not isinstance(entry, dict):
        return ExportOptions()
    web_player = entry.get("web_player")
    origins = entry.get("host_origins")
    try:
        if not isinstance(origins, list) or not all(isinstance(o, str) for o in origins):
            raise ValueError("not a list of strings")
        checked = tuple(check_manifest_origins(origins[: MAX_HOST_ORIGINS + 1]))
    except ValueError:
        checked = ()
    return ExportOptions(web_player if isinstance(web_player, bool) else True, checked)


def remember(folder: Path, options: ExportOptions) -> None:
    data = _all()
    key = _key(folder)
    data.pop(key, None)
    data[key] = {"web_player": options.web_player, "host_origins": list(options.host_origins)}
    kept = dict(list(data.items())[-MAX_PROJECTS:])
    settings = qsettings()
    settings.setValue(KEY, json.dumps(kept, ensure_ascii=False))
    settings.sync()
