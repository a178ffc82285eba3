"""Fixtures for the inspector tests: each sample drama in an inspector panel."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from studio.ui.inspector import InspectorPanel, create
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


def make_inspector(
    qtbot: QtBot, env: Env, path: tuple[str, ...] | None = None, width: int = 360, height: int = 700
) -> InspectorPanel:
    panel = create(env.doc, env.selection, env.playhead)
    qtbot.addWidget(panel)
    panel.resize(width, height)
    panel.show()
    qtbot.waitExposed(panel)
    if path is not None:
        env.selection.set([path[1]] if path[0] == "scene" else [], current=path)
    QApplication.processEvents()
    return panel
