"""Review mode (issue 7 part 4): coverage, timestamped comments, approvals, report.

``create(document, selection, playhead=None)`` builds the “Review” dock
(:class:`~studio.ui.review.panel.ReviewPanel`): coverage % and what is not
watched yet, “Play next unwatched branch”, comments pinned to a scene and
clip time (open/resolved; click one to go there), scene approvals and the
HTML + JSON report.  Everything is stored beside the project in
``drama.review.json`` by :class:`~studio.app.review_session.ReviewSession`;
``drama.json`` is never written.  :mod:`studio.ui.review.mode` arranges a
window for review; :func:`studio.ui.launch.open_review_window` opens a
project for review (``studio review PATH``).

Modules: ``panel`` (assembly and commands), ``coverage`` (bar, unwatched
list), ``scene_box`` (place, approval, new comment), ``comments`` (filtered
list), ``peers`` (finding the graph, timeline and playthrough panels),
``mode`` (the Review dock in front, can a path be reviewed), ``read_only`` (every control
that cannot work in a read-only project disabled with the reason; what Save says there).
"""

from __future__ import annotations

from studio.app.document import Document
from studio.app.playhead import Playhead
from studio.app.selection import Selection
from studio.ui.review.panel import ReviewPanel

__all__ = ["ReviewPanel", "create"]


def create(document: Document, selection: Selection, playhead: Playhead | None = None) -> ReviewPanel:
    """The review dock for the main window."""
    return ReviewPanel(document, selection, playhead)
