"""Edge labels never cover a scene or another label (defect 12): both samples, as shipped and
after Arrange, at both label sizes, and again after scenes move."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QRectF
from pytestqt.qtbot import QtBot

from studio.model.ops import MoveScenes
from studio.ui.graph.style import NODE_H, NODE_W
from tests.support import SAMPLES

pytestmark = pytest.mark.gui


@pytest.fixture(params=["savings", "shoppable"])
def panel(request: Any, qtbot: QtBot, tmp_path: Path) -> Iterator[Any]:
    from studio.app.document import Document
    from studio.app.selection import Selection
    from studio.app.services import Services
    from studio.ui.graph import GraphPanel

    folder = tmp_path / request.param
    shutil.copytree(SAMPLES / request.param, folder)
    doc = Document()
    doc.open(folder)
    built = GraphPanel(doc, Selection(), Services.build(doc))
    built.resize(1200, 800)
    built.show()
    built.graph.ensure_built()
    yield built
    built.close()
    built.deleteLater()
    doc.deleteLater()


def collisions(panel: Any, large: bool) -> list[str]:
    """Every label rect that meets a scene's rect or another label's rect (names them)."""
    graph = panel.graph
    labels = {key: edge.label_box(large) for key, edge in graph.edges.items()}
    nodes = {sid: QRectF(n.pos().x(), n.pos().y(), NODE_W, NODE_H) for sid, n in graph.nodes.items()}
    found = []
    keys = sorted(labels)
    for n, key in enumerate(keys):
        box = labels[key]
        found += [f"{key} label on scene {sid}" for sid, rect in nodes.items() if box.intersects(rect)]
        found += [f"{key} label on {other} label" for other in keys[n + 1 :] if box.intersects(labels[other])]
    return found


def test_labels_clear_of_scenes_and_each_other_as_shipped_and_arranged(panel: Any) -> None:
    assert panel.graph.edges
    for large in (False, True):
        assert collisions(panel, large) == []
    panel.arrange()  # the tighter automatic layout
    for large in (False, True):
        assert collisions(panel, large) == []
    for edge in panel.graph.edges.values():  # at the normal size, full labels fit after Arrange
        assert edge.label_text(False) == edge.label


def test_labels_move_out_of_the_way_of_a_scene_moved_onto_them(panel: Any) -> None:
    graph = panel.graph
    doc = panel.doc
    for key, edge in sorted(graph.edges.items()):  # another scene's corner onto a drawn label
        box = edge.label_box(False)
        mover = next(s for s in graph.nodes if s not in (edge.source.sid, edge.target.sid))
        doc.push(MoveScenes(((mover, box.center().x(), box.center().y()),)))
        assert not edge.label_box(False).intersects(
            QRectF(graph.nodes[mover].pos().x(), graph.nodes[mover].pos().y(), NODE_W, NODE_H)
        ), key
        doc.undo_stack.undo()
    assert collisions(panel, False) == []
