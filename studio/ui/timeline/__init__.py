"""Scene timeline: thumbnail strip, trim handles, playhead and item lanes.

``create(document, selection, playhead=None)`` returns a
:class:`~studio.ui.timeline.panel.TimelinePanel`.  Pass the window's shared
:class:`~studio.app.playhead.Playhead` so the timeline and the preview stay in
sync; without one the panel makes its own (it then only syncs with itself).  The panel has a
subtitle lane at the bottom (:mod:`studio.ui.timeline.subtitle_lane`).
"""

from __future__ import annotations

from studio.app.document import Document
from studio.app.playhead import Playhead
from studio.app.selection import Selection
from studio.ui.timeline.panel import TimelinePanel
from studio.ui.timeline.subtitle_lane import attach


def create(document: Document, selection: Selection, playhead: Playhead | None = None) -> TimelinePanel:
    if playhead is None:
        playhead = Playhead(document)
    panel = TimelinePanel(document, selection, playhead)
    attach(panel)
    return panel


__all__ = ["TimelinePanel", "create"]
