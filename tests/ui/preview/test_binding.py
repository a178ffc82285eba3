"""The preview follows the selection, the shared playhead and trim edits of a real document."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from studio.app.document import Document
from studio.app.playback.player import FakePlayer
from studio.app.playhead import Playhead
from studio.app.selection import Selection
from studio.model.ops import SceneRef, SetField
from studio.ui.preview import PreviewPanel, create
from studio.ui.preview.binding import NO_FOLDER, NO_SCENE, PreviewBinding, clip_of_scene

pytestmark = pytest.mark.gui


@pytest.fixture
def doc(savings_copy: Path) -> Document:
    document = Document()
    document.open(savings_copy)
    return document


@pytest.fixture
def bound(qtbot: QtBot, doc: Document) -> tuple[PreviewPanel, FakePlayer, Selection, Playhead]:
    fake = FakePlayer(duration=6000, fps=24.0)
    panel = PreviewPanel(fake)
    qtbot.addWidget(panel)
    selection, playhead = Selection(), Playhead()
    PreviewBinding(panel, doc, selection, playhead)
    return panel, fake, selection, playhead


def test_clip_of_scene(doc: Document, savings_copy: Path) -> None:
    clip = clip_of_scene(doc.project, doc.folder, "payday")
    assert clip == (str(savings_copy / "media" / "payday.mp4"), 0, 6000, 24.0)
    assert clip_of_scene(doc.project, None, "payday") == NO_FOLDER
    assert clip_of_scene(doc.project, doc.folder, "nope") == "Scene nope no longer exists"
    (savings_copy / "media" / "payday.mp4").unlink()
    assert clip_of_scene(doc.project, doc.folder, "payday") == (
        "Cannot play media/payday.mp4: file not found"
    )


def test_selecting_a_scene_loads_its_clip_and_moves_the_playhead(
    bound: tuple[PreviewPanel, FakePlayer, Selection, Playhead], savings_copy: Path
) -> None:
    panel, fake, selection, playhead = bound
    assert panel.canvas.message == NO_SCENE
    selection.set(["temptation"])
    assert playhead.scene == "temptation"
    loads = [args for name, args in fake.calls if name == "load"]
    assert loads[-1] == (str(savings_copy / "media" / "temptation.mp4"), 0, 6000, 24.0)
    # the playhead follows the preview ...
    panel.seek(2000)
    assert playhead.ms == 2000
    fake.play()
    fake.advance(500)
    assert playhead.ms == 2500
    fake.pause()
    # ... and the preview follows the playhead moved by someone else (the timeline)
    playhead.seek(4000, origin=object())
    assert fake.position_ms() == 4000
    # a scene chosen on the playhead (by the timeline) is loaded too
    playhead.set_scene("payday", 0)
    loads = [args for name, args in fake.calls if name == "load"]
    assert loads[-1][0] == str(savings_copy / "media" / "payday.mp4")


def test_trim_edit_reloads_and_keeps_the_time(
    bound: tuple[PreviewPanel, FakePlayer, Selection, Playhead], doc: Document
) -> None:
    panel, fake, selection, _playhead = bound
    selection.set(["payday"])
    panel.seek(3000)
    loads = sum(1 for name, _args in fake.calls if name == "load")
    doc.push(SetField(SceneRef("payday").in_ms, 1000))
    assert sum(1 for name, _args in fake.calls if name == "load") == loads + 1
    assert fake.in_ms == 1000
    assert fake.position_ms() == 3000  # still inside the new trim
    doc.push(SetField(SceneRef("payday").title, "Pay day"))  # not the clip: no reload
    assert sum(1 for name, _args in fake.calls if name == "load") == loads + 1


def test_missing_media_is_one_line_in_the_panel(
    bound: tuple[PreviewPanel, FakePlayer, Selection, Playhead], savings_copy: Path
) -> None:
    panel, _fake, selection, _playhead = bound
    (savings_copy / "media" / "month_end.mp4").unlink()
    selection.set(["month_end"])
    assert panel.canvas.message == "Cannot play media/month_end.mp4: file not found"


@pytest.mark.vlc
def test_create_builds_a_bound_panel(qtbot: QtBot, need_vlc: None, doc: Document) -> None:
    selection = Selection()
    panel = create(doc, selection, Playhead())
    qtbot.addWidget(panel)
    try:
        assert isinstance(panel, PreviewPanel) and panel.player is not None
        selection.set(["payday"])
        qtbot.waitUntil(lambda: panel.player is not None and panel.player.ready, timeout=8000)
        assert panel.canvas.image is not None and panel.canvas.message == ""
    finally:
        panel.shutdown()
