"""Scene > Import Subtitles… and Export Subtitles… in the main window act on the selected scene."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtWidgets import QApplication

from studio.ui.timeline.subtitle_files import ImportDialog

pytestmark = pytest.mark.gui


def test_the_scene_menu_imports_subtitles_for_the_selected_scene(window: Any) -> None:
    scene_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Scene")
    texts = [a.text() for a in scene_menu.actions()]
    assert "Import S&ubtitles…" in texts and "E&xport Subtitles…" in texts
    window.selection.set([])
    QApplication.processEvents()
    assert not window.action_map["subtitles.import"].isEnabled()
    window.selection.set(["payday"])
    QApplication.processEvents()
    assert window.action_map["subtitles.import"].isEnabled()
    assert window.trigger("subtitles.import")
    dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, ImportDialog) and w.isVisible()]
    assert [d.scene_id for d in dialogs] == ["payday"]
    dialogs[0].reject()
