"""Screenshots of the timeline with each sample drama (offscreen grab) and what is on them."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from studio.ui.timeline.canvas import TimelineCanvas
from studio.ui.timeline.items import Item
from studio.ui.timeline.paint import item_rect
from tests.ui.timeline.conftest import make_panel
from tests.ui.timeline.support import load_env

pytestmark = pytest.mark.gui
SHOTS = os.environ.get("DRAMA_STUDIO_SHOTS")


def colour_at(image: QImage, canvas: TimelineCanvas, item: Item) -> QColor:
    centre = canvas.mapTo(canvas.window(), item_rect(canvas, item).center().toPoint())
    return image.pixelColor(centre)


@pytest.mark.parametrize(("name", "scene"), [("savings", "payday"), ("shoppable", "office")])
def test_timeline_screenshot(qtbot: QtBot, tmp_path: Path, name: str, scene: str) -> None:
    env = load_env(name)
    panel = make_panel(qtbot, env, scene, 1200, 260)
    canvas = panel.canvas
    env.playhead.seek(2200)
    qtbot.waitUntil(lambda: bool(canvas.strip.images), timeout=20_000)
    QApplication.processEvents()
    image = panel.grab().toImage()
    assert (image.width(), image.height()) == (1200, 260)
    image.save(str(tmp_path / f"timeline_{name}.png"))
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        image.save(str(Path(SHOTS) / f"timeline_{name}_{scene}.png"))
    # every item is painted in its lane's accent colour (not the lane background)
    for item in canvas.items:
        if item.end is None:
            continue
        accent = canvas.look.accents[item.kind]
        got = colour_at(image, canvas, item)
        assert abs(got.hue() - accent.hue()) < 20, (item.label, got.name(), accent.name())
    # the thumbnail strip shows decoded frames, not the empty band
    strip = canvas.mapTo(panel, canvas.rect().topLeft())
    band = image.copy(strip.x() + 20, strip.y() + 30, 600, 30)
    assert len({band.pixel(x, 15) for x in range(0, 600, 5)}) > 1
    env.doc.close()
