"""The preview shows the cue at the playhead in the subtitle lane's locale (real libVLC on the
savings sample's clip): the cue's text inside it, nothing outside; the locale picked on the
timeline is the one shown; drawn white on a dark box in the picture's lower part."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from studio.app.subtitle_choice import subtitle_choice
from studio.model.ops import PROJECT, SceneRef, SetField
from studio.model.tracks import Cue, SubtitleTrack
from studio.ui.preview.binding import PreviewBinding
from studio.ui.preview.panel import PreviewPanel
from studio.ui.preview.subtitle_overlay import PreviewSubtitles, attach_subtitles
from tests.ui.subtitles.conftest import CUES
from tests.ui.timeline.support import Env

pytestmark = [pytest.mark.gui, pytest.mark.vlc]

WAIT = 8000  # ms; generous for a loaded machine, never a speed assertion


@pytest.fixture
def preview(qtbot: QtBot, env: Env, need_vlc: None) -> Iterator[tuple[PreviewPanel, PreviewSubtitles]]:
    panel = PreviewPanel(audio=False)  # what studio.ui.preview.create builds, without sound
    qtbot.addWidget(panel)
    panel.resize(360, 640)
    panel.show()
    qtbot.waitExposed(panel)
    panel.binding = PreviewBinding(panel, env.doc, env.selection, env.playhead)
    subtitles = attach_subtitles(panel, env.doc, env.playhead)
    yield panel, subtitles
    panel.shutdown()


def shown_at(qtbot: QtBot, panel: PreviewPanel, env: Env, ms: int) -> None:
    """Move the playhead to ``ms`` and wait until the preview shows that frame."""
    player = panel.player
    assert player is not None
    env.playhead.seek(ms)
    qtbot.waitUntil(lambda: player.ready and abs(player.position_ms() - ms) < 50, timeout=WAIT)


def white_pixels(image: QImage) -> int:
    count = 0
    for y in range(image.height() // 2, image.height(), 2):
        for x in range(0, image.width(), 2):
            c = image.pixelColor(x, y)
            count += c.red() > 235 and c.green() > 235 and c.blue() > 235
    return count


def test_preview_shows_the_cue_at_the_playhead(qtbot: QtBot, env: Env,
                                                preview: tuple[PreviewPanel, PreviewSubtitles]) -> None:
    panel, subtitles = preview
    overlay = subtitles.overlay
    env.selection.set(["payday"])
    player = panel.player
    assert player is not None
    qtbot.waitUntil(lambda: player.ready, timeout=WAIT)
    assert overlay.geometry() == panel.canvas.rect()

    shown_at(qtbot, panel, env, 2500)  # inside the second cue
    assert overlay.text == "这个月\n要存一点"
    assert white_pixels(overlay.grab().toImage()) > 20  # the text is drawn
    shown_at(qtbot, panel, env, 1750)  # between cues
    assert overlay.text == ""
    assert white_pixels(overlay.grab().toImage()) == 0
    shown_at(qtbot, panel, env, 4000)  # a cue's start is inside it
    assert overlay.text == "先存五百"
    # the frame the preview reports moving shows its cue too
    panel.seek(600)
    qtbot.waitUntil(lambda: overlay.text == CUES[0].text, timeout=WAIT)

    # an edit of the track shows at once
    cues = [Cue(start_ms=0, end_ms=6000, text="全程字幕")]
    assert env.doc.push(SetField(SceneRef("payday").subtitles, [SubtitleTrack(locale="zh-CN", cues=cues)]))
    assert overlay.text == "全程字幕"


def test_preview_follows_the_locale_picked(qtbot: QtBot, env: Env,
                                           preview: tuple[PreviewPanel, PreviewSubtitles]) -> None:
    panel, subtitles = preview
    assert env.doc.push(SetField(PROJECT.target_locales, ["en"]))
    tracks = [SubtitleTrack(locale="en", cues=[Cue(start_ms=2000, end_ms=3000, text="Save a little")]),
              SubtitleTrack(locale="zh-CN", cues=CUES)]
    assert env.doc.push(SetField(SceneRef("payday").subtitles, tracks))
    env.selection.set(["payday"])
    shown_at(qtbot, panel, env, 2200)
    assert subtitles.overlay.text == "这个月\n要存一点"
    subtitle_choice(env.doc).set_locale("en")
    assert subtitles.overlay.text == "Save a little"
    subtitle_choice(env.doc).set_locale("fr")  # no track: nothing
    assert subtitles.overlay.text == ""
