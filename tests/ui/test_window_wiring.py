"""The main window's wiring: Preview in Browser is an action (toolbar, File menu) run by the
window's WebPreviewController and stopped when the window closes; a scene opened on the graph
(Enter, double-click) raises the Inspector on it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from studio.ui.web_preview import WebPreviewController

pytestmark = pytest.mark.gui


def test_preview_in_browser_action_runs_the_controller(qtbot: QtBot, window: Any, media_cache: Path) -> None:
    action = window.action_map["file.preview_web"]
    assert action.text() == "Preview in &Browser" and "web browser" in action.toolTip()
    assert action in window.toolbar.actions() and action.iconText() == "Preview"
    assert not action.icon().isNull()  # a browser window with a play mark (resources/icons/preview.svg)
    assert isinstance(window.web_preview, WebPreviewController)
    assert action.isEnabled()
    opened: list[str] = []
    window.web_preview.open_url = lambda url: opened.append(url) is None
    with qtbot.waitSignal(window.web_preview.opened, timeout=60_000):
        assert window.trigger("file.preview_web")
    assert opened and opened[0].startswith("http://127.0.0.1:")
    root = window.web_preview.preview_state.site_root
    assert root is not None and root.is_dir()
    window.close()  # the window closing stops the server and removes its folder
    assert window.web_preview.preview_state.url is None
    assert not root.exists()


def test_preview_in_browser_is_disabled_without_a_project(window: Any) -> None:
    assert window.files.close_project()
    assert window.showing_start
    assert not window.action_map["file.preview_web"].isEnabled()
    assert not window.trigger("file.preview_web")
    assert window.web_preview.preview_state.job is None


def test_opening_a_scene_raises_the_inspector_on_it(qtbot: QtBot, window: Any) -> None:
    inspector, playthrough = window.docks["inspector"], window.docks["playthrough"]
    playthrough.raise_()  # the Inspector is behind the Play story tab
    inspector.hide()
    QApplication.processEvents()
    assert not inspector.isVisible()
    title = window.doc.project.scene_map()["temptation"].title
    view = window.graph.view
    window.selection.set(["temptation"])
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Return)
    qtbot.waitUntil(inspector.isVisible, timeout=2000)
    assert window.selection.scenes == {"temptation"}
    assert not inspector.visibleRegion().isEmpty()  # raised above Play story and Review
    panel = window.panels["inspector"]
    assert panel.tabs.currentIndex() == 0
    assert title in panel.crumb.full_text
