"""The review-mode screenshot shows coverage on the graph and comment flags on the timeline."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor, QImage

from studio.ui.graph.items import WATCHED
from studio.ui.graph.style import NODE_W
from studio.ui.timeline.paint import FLAG_OPEN, comment_flag
from tests.support import SAMPLES
from tests.ui.review.shot import review_scene

pytestmark = pytest.mark.gui


def near(a: QColor, b: QColor, tolerance: int = 40) -> bool:
    pairs = ((a.red(), b.red()), (a.green(), b.green()), (a.blue(), b.blue()))
    return all(abs(x - y) <= tolerance for x, y in pairs)


def test_review_screenshot(tmp_path: Path) -> None:
    folder = tmp_path / "savings"
    shutil.copytree(SAMPLES / "savings", folder)
    win = review_scene(folder)
    try:
        shot = win.grab().toImage()
        assert (shot.width(), shot.height()) == (1280, 800)
        shot.save(str(tmp_path / "review.png"))
        assert QImage(str(tmp_path / "review.png")).width() == 1280
        # the graph: a green check on watched scenes, none on the others
        view = win.graph.view
        image = view.viewport().grab().toImage()
        nodes = win.graph.graph.nodes

        def badge_is_green(sid: str) -> bool:
            """Any pixel of the badge spot (a few px around its centre) is the watched green."""
            p = view.mapFromScene(nodes[sid].pos() + QPointF(NODE_W - 12.0, 12.0))
            spot = [
                QColor(image.pixelColor(p.x() + dx, p.y() + dy))
                for dx in (-2, -1, 0, 1, 2)
                for dy in (-2, -1, 0, 1, 2)
            ]
            return any(near(c, WATCHED) for c in spot)

        watched = win.panels["review"].session.watched_scenes()
        assert watched == {"payday", "save_path", "month_end", "ending_steady"}
        for sid in nodes:
            assert badge_is_green(sid) == (sid in watched), sid
        # the timeline: two open flags on payday's ruler
        canvas = win.panels["timeline"].canvas
        strip = canvas.grab().toImage()
        flags = canvas.scene_comments()
        assert len(flags) == 2
        for comment in flags:
            box = comment_flag(canvas, comment)
            assert near(QColor(strip.pixelColor(int(box.left()) + 5, 5)), FLAG_OPEN)
    finally:
        win.close()
        win.deleteLater()
