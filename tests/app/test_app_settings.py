"""Preferences and recent files persist in QSettings (redirected to a temp dir)."""

from __future__ import annotations

from pathlib import Path

import pytest

from studio.app import settings
from studio.app.settings import Preferences

pytestmark = pytest.mark.gui


def test_preferences_roundtrip_and_clamping(qapp: object, data_dir: Path) -> None:
    assert Preferences.load() == Preferences()
    Preferences(autosave_seconds=999, theme="dark", show_grid=False).save()
    loaded = Preferences.load()
    assert loaded.autosave_seconds == 60 and loaded.theme == "dark" and not loaded.show_grid
    assert (data_dir / "settings.ini").is_file()


def test_recent_files(qapp: object, tmp_path: Path) -> None:
    for n in range(12):
        settings.add_recent(tmp_path / f"p{n}")
    recent = settings.recent_files()
    assert len(recent) == settings.MAX_RECENT and recent[0] == str(tmp_path / "p11")
    settings.add_recent(tmp_path / "p5")
    assert settings.recent_files()[0] == str(tmp_path / "p5")
    settings.remove_recent(tmp_path / "p5")
    assert str(tmp_path / "p5") not in settings.recent_files()
