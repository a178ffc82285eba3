"""The library shows how far a long clip import is: checking (hashing), then copying."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from tests.media.sparse import MIB, with_sparse_box
from tests.support import SAMPLES

pytestmark = pytest.mark.gui


def test_import_progress_names_the_step_and_advances_within_one_file(
    qtbot: QtBot, window: Any, tmp_path: Path
) -> None:
    src = with_sparse_box(SAMPLES / "savings" / "media" / "payday.mp4", tmp_path / "long take.mp4",
                          b"mdat", 64 * MIB)
    panel = window.docks["library"].widget()
    labels: list[str] = []
    values: list[int] = []

    def seen(*_args: object) -> None:
        labels.append(panel.progress_label.text())
        values.append(panel.progress.value())

    panel.importer.file_progress.connect(seen)  # queued: runs after the panel's own slot
    with qtbot.waitSignal(panel.importer.finished, timeout=60_000):
        panel.importer.import_files([src])
    qtbot.wait(50)
    assert any(t.startswith("Checking long take.mp4 (1/1)") for t in labels), labels[:3]
    assert any(t.startswith("Copying long take.mp4 (1/1)") for t in labels), labels[-3:]
    assert panel.progress.maximum() == 1000
    inside = [v for v in values if 0 < v < 1000]
    assert len(set(inside)) > 2 and inside == sorted(inside)  # moves within the one file, never back
    assert not panel.progress_box.isVisible()
