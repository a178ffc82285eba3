"""Fixtures for widget tests: offscreen Qt, private data dir, a studio window."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from studio.app.paths import ENV_DATA_DIR
from tests.support import SAMPLES


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "studio-data"
    monkeypatch.setenv(ENV_DATA_DIR, str(folder))
    return folder


class Answers:
    """Queued answers for dialogs.choose, and every question/warning shown."""

    def __init__(self) -> None:
        self.queue: list[str] = []
        self.asked: list[str] = []

    def append(self, answer: str) -> None:
        self.queue.append(answer)


@pytest.fixture
def answers(monkeypatch: pytest.MonkeyPatch) -> Answers:
    """Answer dialogs.choose from a queue; an unexpected question fails the test."""
    from studio.ui import dialogs

    book = Answers()

    def choose(_parent: Any, title: str, text: str, options: list[str], default: int = 0) -> str | None:
        book.asked.append(f"{title}: {text}")
        if not book.queue:
            raise AssertionError(f"unexpected question: {title}: {text}")
        answer = book.queue.pop(0)
        assert answer in options, (answer, options)
        return answer

    monkeypatch.setattr(dialogs, "choose", choose)
    monkeypatch.setattr(dialogs, "warn", lambda _p, title, text: book.asked.append(f"{title}: {text}"))
    return book


@pytest.fixture
def savings_copy(tmp_path: Path) -> Path:
    target = tmp_path / "savings"
    shutil.copytree(SAMPLES / "savings", target)
    return target


@pytest.fixture
def window(qtbot: QtBot, savings_copy: Path, answers: Answers) -> Iterator[Any]:
    """The main window with a writable copy of the savings sample open."""
    from studio.ui.launch import application
    from studio.ui.main_window import MainWindow

    application()
    win = MainWindow(autosave_ms=60_000)
    assert win.open_project(savings_copy)
    win.resize(1280, 800)
    win.show()
    qtbot.waitExposed(win)
    yield win
    if win.doc.dirty:
        answers.append("Discard")
    win.close()
    win.deleteLater()
