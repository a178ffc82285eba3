"""The hotspot editor shows the web player's own chrome (title bar, choice dock) shaded over the
frame, warns about a hotspot mostly under it, and shows a storyboard scene's card as its frame."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from studio.model.ops import HotspotRef, OptionRef, SetField, TagRef
from studio.model.player_chrome import CHOICE_DOCK, TITLE_BAR
from studio.model.types import Rect
from studio.ui.inspector.hotspot_editor import HotspotEditor
from studio.ui.inspector.panel import InspectorPanel
from tests.ui.inspector.conftest import make_inspector
from tests.ui.inspector.test_inspector_storyboard import storyboard_env
from tests.ui.timeline.support import Env

pytestmark = pytest.mark.gui
TAG = ("scene", "office", "tag", "cream_desk")


def editor_of(qtbot: QtBot, env: Env, path: tuple[str, ...]) -> tuple[InspectorPanel, HotspotEditor]:
    """The editor and its panel (keep the panel: the editor lives in it)."""
    panel = make_inspector(qtbot, env, path, height=900)
    assert panel.form is not None
    editor = panel.form.part(*path, "hotspot")
    assert isinstance(editor, HotspotEditor)
    return panel, editor


def test_the_players_chrome_is_shaded_over_the_frame(qtbot: QtBot, shoppable: Env) -> None:
    _panel, editor = editor_of(qtbot, shoppable, TAG)
    canvas = editor.canvas
    box = canvas.box()
    assert abs(box.width() / box.height() - 9 / 16) < 0.01  # the drama's 9:16 stage
    top, dock = canvas.chrome_rects()
    assert top.top() == box.top() and abs(top.height() - box.height() * TITLE_BAR) < 0.01
    assert dock.bottom() == box.bottom() and abs(dock.height() - box.height() * CHOICE_DOCK) < 0.01
    white = QImage(90, 160, QImage.Format.Format_RGB32)
    white.fill(QColor("white"))
    canvas.image = white
    editor._want = None  # keep this frame (no decoded frame replaces it)
    image = canvas.grab().toImage()
    x = int(box.left() + 3)
    shaded_top = image.pixelColor(QPoint(x, int(top.top() + 2)))
    shaded_dock = image.pixelColor(QPoint(x, int(dock.bottom() - 3)))
    clear = image.pixelColor(QPoint(x, int(box.center().y())))
    assert clear.lightness() == 255
    assert shaded_top.lightness() < 200 and shaded_dock.lightness() < 200
    canvas.grab().save("/tmp/d_hotspot_chrome.png")


def test_a_hotspot_under_the_title_bar_is_named(qtbot: QtBot, shoppable: Env) -> None:
    _panel, editor = editor_of(qtbot, shoppable, TAG)
    assert not editor.warning.isVisibleTo(editor)
    ref = HotspotRef(TagRef("office", "cream_desk"))
    shoppable.doc.push(SetField(TagRef("office", "cream_desk").hotspot, Rect(x=0.3, y=0.0, w=0.3, h=0.08)))
    QApplication.processEvents()
    assert editor.warning.isVisibleTo(editor)
    assert editor.warning.text() == "Mostly under the player's title bar: viewers cannot tap it there."
    shoppable.doc.push(SetField(ref.y, 0.85))
    assert editor.warning.text() == "Mostly under the player's choice dock: viewers cannot tap it there."
    shoppable.doc.push(SetField(ref.y, 0.4))
    assert not editor.warning.isVisibleTo(editor)


def test_a_storyboard_scene_shows_its_card_as_the_frame(qtbot: QtBot) -> None:
    env = storyboard_env()
    path = ("scene", "payday", "option", "save")
    _panel, editor = editor_of(qtbot, env, path)
    assert editor.canvas.image is not None
    assert editor.canvas.image.pixelColor(QPoint(3, 3)) == QColor("#3d5a80")
    assert editor.canvas.note.startswith("No hotspot")
    env.doc.push(SetField(OptionRef("payday", "save").hotspot, Rect(x=0.1, y=0.5, w=0.4, h=0.2)))
    QApplication.processEvents()
    editor.grab().save("/tmp/d_hotspot_card.png")
    env.doc.close()
