"""Fixtures for the timeline tests: each sample drama in a timeline panel."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from studio.ui.timeline import TimelinePanel, create
from tests.ui.timeline.support import Env, load_env


@pytest.fixture
def savings(qtbot: QtBot) -> Iterator[Env]:
    env = load_env("savings")
    yield env
    QThreadPool.globalInstance().waitForDone()
    env.doc.close()


@pytest.fixture
def shoppable(qtbot: QtBot) -> Iterator[Env]:
    env = load_env("shoppable")
    yield env
    QThreadPool.globalInstance().waitForDone()
    env.doc.close()


def make_panel(qtbot: QtBot, env: Env, scene: str, width: int = 1200, height: int = 260) -> TimelinePanel:
    panel = create(env.doc, env.selection, env.playhead)
    qtbot.addWidget(panel)
    panel.resize(width, height)
    panel.show()
    qtbot.waitExposed(panel)
    env.selection.set([scene])
    QApplication.processEvents()  # layout settles (scroll bars)
    return panel
