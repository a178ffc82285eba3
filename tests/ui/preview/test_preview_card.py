"""A storyboard placeholder scene in the preview: its titled colour card with a running clock for
its duration (not "media 'None' is not in the project"), on the same transport and playhead."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from studio.app.document import Document
from studio.app.playback.player import FakePlayer, PlayerState
from studio.app.playhead import Playhead
from studio.app.selection import Selection
from studio.l10n.vocabulary import word
from studio.model.io import load
from studio.model.ops import PROJECT, AddItem, SceneRef, SetField
from studio.model.ops.clip import GiveClip
from studio.templates import build
from studio.ui.preview import PreviewPanel
from studio.ui.preview.binding import PreviewBinding, clip_of_scene
from studio.ui.preview.card import Card, CardPlayer, card_clock
from tests.support import SAMPLES

pytestmark = pytest.mark.gui


@pytest.fixture
def board() -> Document:
    project = build("savings", "Storyboard")
    for asset in load(SAMPLES / "savings").project.media:
        AddItem(PROJECT.media, asset).apply(project)
    doc = Document()
    doc.set_project(project, Path(SAMPLES / "savings") / "drama.json")
    return doc


def bound(qtbot: QtBot, doc: Document, player: FakePlayer | None) -> tuple[PreviewPanel, Selection, Playhead]:
    if player is None:
        panel = PreviewPanel(make_player=lambda _audio: (None, "Preview unavailable: no libVLC"))
    else:
        panel = PreviewPanel(player)
    qtbot.addWidget(panel)
    panel.resize(300, 560)
    selection, playhead = Selection(), Playhead()
    PreviewBinding(panel, doc, selection, playhead)
    return panel, selection, playhead


def centre_colour(panel: PreviewPanel) -> QColor:
    image = panel.canvas.image
    assert image is not None
    return image.pixelColor(QPoint(4, 4))


def test_a_placeholder_scene_shows_its_card_with_a_clock(qtbot: QtBot, board: Document) -> None:
    fake = FakePlayer(duration=6000, fps=24.0)
    panel, selection, playhead = bound(qtbot, board, fake)
    assert clip_of_scene(board.project, board.folder, "saving_it") == Card("Saving it", "#2a9d8f", 8000)
    selection.set(["saving_it"])
    assert panel.card == Card("Saving it", "#2a9d8f", 8000)
    assert panel.canvas.message == ""  # no "media 'None' is not in the project"
    assert centre_colour(panel) == QColor("#2a9d8f")
    assert panel.time_label.text() == "00:00.000 / 00:08.000"
    assert panel.play_button.isEnabled() and panel.scrub.maximum() == 8000
    assert not [c for c in fake.calls if c[0] == "load"]
    # the clock runs over the card's duration and the playhead follows it
    card = panel.card_player
    panel.play()
    assert card.state is PlayerState.PLAYING
    card.advance(2500)
    assert card.position_ms() == 2480 and playhead.ms == 2480  # frame start at 25 fps
    assert panel.time_label.text() == "00:02.480 / 00:08.000"
    ended: list[bool] = []
    card.reached_out_point.connect(lambda: ended.append(True))
    card.advance(9000)
    assert ended == [True] and card.state is PlayerState.PAUSED and card.position_ms() == 7960
    # the timeline moves the playhead: the card shows that time
    playhead.seek(4000, origin=object())
    assert card.position_ms() == 4000
    # an edit of its duration keeps the time shown
    placeholder = board.project.scene_map()["saving_it"].placeholder
    assert placeholder is not None
    longer = placeholder.model_copy(update={"duration_ms": 20_000})
    board.push(SetField(SceneRef("saving_it").placeholder, longer))
    assert panel.card is not None and panel.card.duration_ms == 20_000 and card.position_ms() == 4000
    # a scene with a clip is played by the clip player again
    board.push(GiveClip("spending_it", "spend_path"))
    selection.set(["spending_it"])
    assert panel.card is None and panel.active_player is fake
    assert fake.calls[-1][0] in ("load", "seek_ms") and card.state is PlayerState.EMPTY
    selection.set(["month_end"])
    assert panel.card is not None and panel.card.title == "Month end" and fake.state is PlayerState.PAUSED


def test_the_clock_runs_in_real_time_and_without_libvlc(qtbot: QtBot, board: Document) -> None:
    panel, selection, _playhead = bound(qtbot, board, None)
    assert panel.player is None
    selection.set(["payday"])
    assert panel.card is not None and panel.card.duration_ms == 12_000
    assert panel.canvas.message == ""
    panel.show()
    qtbot.waitExposed(panel)
    panel.toggle_play()
    qtbot.waitUntil(lambda: panel.card_player.position_ms() >= 300, timeout=3000)
    panel.toggle_play()
    assert panel.card_player.state is PlayerState.PAUSED
    assert not panel.volume.isEnabled() and not panel.mute_button.isEnabled()  # no sound without libVLC
    panel.grab().save("/tmp/d_preview_card.png")


def test_card_frames_and_clock_text(qtbot: QtBot) -> None:
    player = CardPlayer(auto_tick=False)
    player.set_card(Card("A very long scene title that wraps over lines", "#f4f1de", 65_000, "16:9"), 1500)
    image = player.image()
    assert (image.width(), image.height()) == (1138, 640)  # the drama's aspect
    assert image.pixelColor(QPoint(2, 2)) == QColor("#f4f1de")
    assert card_clock(61_549, 65_000) == "1:01.5 / 1:05.0"
    assert word("placeholder.note") == "Storyboard: no footage yet"
    player.load("/x.mp4")
    assert player.state is PlayerState.ERROR
    QApplication.processEvents()
