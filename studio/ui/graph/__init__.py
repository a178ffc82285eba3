"""Branch graph editor: the studio's central panel (QGraphicsView canvas).

``create(document, selection, services)`` returns a :class:`~studio.ui.graph.panel.GraphPanel`.
"""

from __future__ import annotations

from studio.app.document import Document
from studio.app.selection import Selection
from studio.app.services import Services
from studio.ui.graph.panel import GraphPanel


def create(document: Document, selection: Selection, services: Services) -> GraphPanel:
    return GraphPanel(document, selection, services)


__all__ = ["GraphPanel", "create"]
