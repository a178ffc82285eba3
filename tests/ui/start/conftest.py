"""A studio window with no project open (the start screen)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from tests.ui.conftest import Answers


@pytest.fixture
def blank_window(qtbot: QtBot, answers: Answers) -> Iterator[Any]:
    from studio.ui.launch import create_window

    win = create_window(None, recover=False)
    win.resize(1280, 800)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.files.maybe_save = lambda: True  # the test decided already; nothing more to ask
    win.close()
    win.deleteLater()
