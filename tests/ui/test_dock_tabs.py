"""Dock tab bars: one per group of tabbed docks, where the group is, titles whole.

Qt 6.11 makes two tab bars when a second group of tabbed docks is formed and forgets the first
one where it was made: a stray "Inspector | Play story" (or "Timeline") tab was drawn over the
graph or the File menu.  The window hides such bars (studio.ui.panels.hide_stale_tab_bars)."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QTabBar
from pytestqt.qtbot import QtBot

pytestmark = pytest.mark.gui


def _shown_bars(window: Any) -> list[QTabBar]:
    return [
        b for b in window.findChildren(QTabBar)
        if b.parent() is window and b.isVisible() and b.count() and not b.size().isEmpty()
    ]


def _assert_tab_bars_in_place(window: Any) -> list[QTabBar]:
    QApplication.processEvents()
    bars = _shown_bars(window)
    titles = [b.tabText(i) for b in bars for i in range(b.count())]
    assert len(titles) == len(set(titles)), titles  # each dock's title on one bar
    menu = window.menuBar().geometry()
    central = window.centralWidget().geometry()
    for bar in bars:
        where = bar.geometry()
        assert bar.elideMode() == Qt.TextElideMode.ElideNone
        assert not where.intersects(menu) and not where.intersects(central), (where, titles)
        docks = [d for d in window.docks.values() if not d.isFloating()]
        current = bar.tabText(bar.currentIndex())
        dock = next(d for d in docks if d.windowTitle() == current)
        # the bar is right below (or above) the dock it shows, and as far left
        assert dock.isVisible() and abs(where.left() - dock.geometry().left()) <= 2, (current, where)
        gap = min(abs(where.top() - dock.geometry().bottom()), abs(where.bottom() - dock.geometry().top()))
        assert gap <= 4, (current, where, dock.geometry())
    return bars


def test_each_tab_group_has_one_bar_in_place(qtbot: QtBot, window: Any) -> None:
    bars = _assert_tab_bars_in_place(window)
    shown = sorted(sorted(b.tabText(i) for i in range(b.count())) for b in bars)
    assert shown == [["Inspector", "Play story", "Review"], ["Problems", "Timeline"]]


def test_a_new_tab_group_leaves_no_stray_bar(qtbot: QtBot, window: Any) -> None:
    """A group formed while the studio runs (as a dock dropped on another) gets one bar."""
    docks = window.docks
    window.tabifyDockWidget(docks["library"], docks["preview"])
    qtbot.wait(50)
    bars = _assert_tab_bars_in_place(window)
    assert ["Media library", "Preview"] in [sorted(b.tabText(i) for i in range(b.count())) for b in bars]


def test_no_stray_bar_after_the_start_screen_and_back(qtbot: QtBot, window: Any, savings_copy: Any) -> None:
    assert window.files.close_project()
    assert window.open_project(savings_copy)
    qtbot.wait(50)
    _assert_tab_bars_in_place(window)
