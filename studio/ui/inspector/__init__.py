"""Inspector: forms for the selected scene, choice window, option, savings prompt
and product tag, plus the project's goals, product catalog and variables.

``create(document, selection, playhead=None)`` returns an
:class:`~studio.ui.inspector.panel.InspectorPanel`.  Pass the window's shared
:class:`~studio.app.playhead.Playhead` so the hotspot editor shows the frame at
the preview's playhead; without one the panel makes its own.
"""

from __future__ import annotations

from studio.app.document import Document
from studio.app.playhead import Playhead
from studio.app.selection import Selection
from studio.ui.inspector.panel import InspectorPanel


def create(document: Document, selection: Selection, playhead: Playhead | None = None) -> InspectorPanel:
    if playhead is None:
        playhead = Playhead(document)
    return InspectorPanel(document, selection, playhead)


__all__ = ["InspectorPanel", "create"]
