"""The banner and tabbed docks never squeeze text into a thin column or an elided title."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTabBar
from pytestqt.qtbot import QtBot

from studio.ui.banner import Banner

pytestmark = pytest.mark.gui

LONG = ("Read-only: this project is open in another studio (process 4242 on a-host since 2026-12-05 "
        "07:31). Use Save As to keep a copy of your changes.")


def test_buttons_go_below_the_text_when_the_strip_is_narrow(qtbot: QtBot) -> None:
    banner = Banner()
    qtbot.addWidget(banner)
    banner.resize(1000, 60)
    banner.show_message(LONG, [("Reopen", lambda: None), ("Take Over Editing…", lambda: None)])
    qtbot.waitExposed(banner)
    assert not banner.stacked
    banner.resize(520, 120)
    qtbot.waitUntil(lambda: banner.stacked)
    label = banner.findChild(type(banner._label))
    qtbot.waitUntil(lambda: label.width() > 400)  # the text keeps the whole width
    reopen = banner.button("Reopen")
    assert reopen is not None and reopen.geometry().top() >= label.geometry().bottom()
    banner.resize(1000, 60)
    qtbot.waitUntil(lambda: not banner.stacked)


def test_tabbed_dock_titles_are_whole_in_a_narrow_window(qtbot: QtBot, window: Any) -> None:
    window.resize(900, 700)
    qtbot.wait(50)
    bars = [b for b in window.findChildren(QTabBar) if b.parent() is window and b.count() > 1]
    assert bars
    for bar in bars:
        assert bar.elideMode() == Qt.TextElideMode.ElideNone
        needed = sum(bar.tabSizeHint(i).width() for i in range(bar.count()))
        assert bar.width() >= needed, [bar.tabText(i) for i in range(bar.count())]

def test_a_new_message_replaces_the_buttons_at_once(qtbot: QtBot) -> None:
    """Review mode showed 'Dismiss' twice: the first message's buttons stayed until deleted later."""
    from PySide6.QtWidgets import QPushButton

    banner = Banner()
    qtbot.addWidget(banner)
    banner.show_message("Opened read-only.", kind="info")
    qtbot.waitExposed(banner)
    old = banner.button("Dismiss")
    assert old is not None and old.isVisible()
    banner.show_message("Review mode: the project is read-only.", [("Help", lambda: None)], kind="info")
    assert old.isHidden() and banner._row.indexOf(old) == -1  # at once, before the event loop runs
    qtbot.waitUntil(lambda: all(b.isVisible() for b in banner._buttons))
    shown = [b.text() for b in banner.findChildren(QPushButton) if b.isVisible()]
    assert shown == ["Help", "Dismiss"]
