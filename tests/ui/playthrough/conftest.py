"""Fixtures of the playthrough panel tests: panels on the sample dramas, shut down after use."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from studio.app.document import Document
from studio.app.playback.player import FakePlayer
from studio.app.selection import Selection
from studio.model import Project
from studio.ui.playthrough import PlaythroughPanel
from tests.support import SAMPLES

MakePanel = Callable[..., PlaythroughPanel]


@pytest.fixture
def make_panel(qtbot: QtBot) -> Iterator[MakePanel]:
    """``make_panel(sample_or_project, factory=FakePlayer, **kw)``: a shown 1100x760 panel.

    Manual ticks (``auto_tick=False``) unless told otherwise; every panel is
    shut down (clock stopped, player closed) before the QApplication goes.
    """
    made: list[tuple[PlaythroughPanel, Document]] = []

    def build(source: str | Project, factory: Any = FakePlayer, **kw: Any) -> PlaythroughPanel:
        if isinstance(source, str):
            doc = Document()
            doc.open(SAMPLES / source, read_only=True)
        else:
            doc = Document(source)
        kw.setdefault("auto_tick", False)
        panel = PlaythroughPanel(doc, kw.pop("selection", Selection()), None, player_factory=factory, **kw)
        qtbot.addWidget(panel)
        panel.resize(1100, 760)
        panel.show()
        qtbot.waitExposed(panel)
        made.append((panel, doc))
        return panel

    yield build
    for panel, doc in made:
        panel.shutdown()
        doc.close()
