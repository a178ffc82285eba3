"""Scene timeline: thumbnail strip, trim handles, playhead and item lanes.

``create(document, selection, playhead=None)`` returns a
:class:`~studio.ui.timeline.panel.TimelinePanel`.  Pass the window's shared
:class:`~studio.app.playhead.Playhead` so the timeline and the preview stay in
sync; without one the panel makes its own (it then only syncs with itself).
"""

from __future__ import annotations

from studio.app.document import Document
from studio.app.playhead import Playhead
from studio.app.selection import Selection
from studio.ui.timeline.panel import TimelinePanel


def create(document: Document, selection: Selection, playhead: Playhead | None = None) -> TimelinePanel:
    if playhead is None:
        playhead = Playhead(document)
    return TimelinePanel(document, selection, playhead)


__all__ = ["TimelinePanel", "create"]
