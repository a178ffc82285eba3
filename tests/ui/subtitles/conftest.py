"""Fixtures for the subtitle tests: a writable copy of the savings sample with a zh-CN track on
"payday" (three cues, clip time; no other subtitles), in a Document with a selection and a playhead."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QThreadPool
from pytestqt.qtbot import QtBot

from studio.app.document import Document
from studio.app.playhead import Playhead
from studio.app.selection import Selection
from studio.model import load
from studio.model.ops import SceneRef, SetField
from studio.model.tracks import Cue, SubtitleTrack
from tests.support import SAMPLES
from tests.ui.timeline.support import Env

CUES = [
    Cue(start_ms=500, end_ms=1500, text="发工资了！"),
    Cue(start_ms=2000, end_ms=3200, text="这个月\n要存一点"),
    Cue(start_ms=4000, end_ms=5000, text="先存五百"),
]


def load_copy(tmp_path: Path) -> Env:
    folder = tmp_path / "savings"
    shutil.copytree(SAMPLES / "savings", folder)
    loaded = load(folder)
    doc = Document()
    doc.set_project(loaded.project, folder / "drama.json")
    for scene in doc.project.scenes:  # only payday has subtitles, whatever the sample holds
        tracks = [SubtitleTrack(locale="zh-CN", cues=CUES)] if scene.id == "payday" else []
        assert doc.push(SetField(SceneRef(scene.id).subtitles, tracks))
    doc.undo_stack.clear()
    return Env(doc, Selection(doc), Playhead(doc))


@pytest.fixture
def env(qtbot: QtBot, tmp_path: Path) -> Iterator[Env]:
    made = load_copy(tmp_path)
    yield made
    QThreadPool.globalInstance().waitForDone()
    made.doc.close()


@pytest.fixture
def need_vlc() -> None:
    from studio.app.playback.vlc_player import INSTALL_HINT, vlc_problem
    from tests.support import require

    require(vlc_problem() is None, f"libVLC ({INSTALL_HINT})")
