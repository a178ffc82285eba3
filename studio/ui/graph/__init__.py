"""Branch graph editor: the studio's central panel (QGraphicsView canvas).

``create(document, selection)`` returns a :class:`~studio.ui.graph.panel.GraphPanel`.
"""

from __future__ import annotations

from studio.app.document import Document
from studio.app.selection import Selection
from studio.ui.graph.panel import GraphPanel


def create(document: Document, selection: Selection) -> GraphPanel:
    return GraphPanel(document, selection)


__all__ = ["GraphPanel", "create"]
