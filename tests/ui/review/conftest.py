"""Fixtures of the review tests: a studio window in review mode on a copy of the savings drama.

The playthrough panel's player is a :class:`~studio.app.playback.player.FakePlayer`
(the story engine is real; only the video is fake), so “Play next unwatched
branch” runs without libVLC.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from studio.app.playback.player import FakePlayer


def settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


def fake_video(monkeypatch: pytest.MonkeyPatch) -> None:
    """The playthrough panel makes its player on the first Play: make that a FakePlayer."""
    from studio.app.playback import vlc_player

    monkeypatch.setattr(vlc_player, "VlcPlayer", lambda audio=True: FakePlayer())


@pytest.fixture
def open_review(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[[Path], Any]]:
    """``open_review(folder)``: the main window in review mode, shown at 1280x800."""
    from studio.ui.launch import open_review_window

    made: list[Any] = []

    def build(folder: Path) -> Any:
        win = open_review_window(folder)
        fake_video(monkeypatch)  # after the window: the preview keeps its real player
        win.resize(1280, 800)
        win.show()
        qtbot.waitExposed(win)
        settle()
        made.append(win)
        return win

    yield build
    for win in made:
        win.close()
        win.deleteLater()


@pytest.fixture
def review_window(open_review: Callable[[Path], Any], savings_copy: Path) -> Any:
    return open_review(savings_copy)
