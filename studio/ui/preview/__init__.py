"""The preview panel (issue 7): plays the selected scene's clip through libVLC.

``create(document, selection, playhead=None)`` builds a
:class:`~studio.ui.preview.panel.PreviewPanel` (a switching libVLC player, audio
on) and binds it (:class:`~studio.ui.preview.binding.PreviewBinding`) to the
selection, the document and, when given, the shared
:class:`~studio.app.playhead.Playhead` (pass the one the timeline uses so both
stay in sync).  Without libVLC the panel shows how to install it.  Subtitles of the locale picked
on the timeline show over the picture (:mod:`studio.ui.preview.subtitle_overlay`).
"""

from __future__ import annotations

from studio.app.document import Document
from studio.app.playhead import Playhead
from studio.app.selection import Selection
from studio.ui.preview.backend import default_player
from studio.ui.preview.binding import PreviewBinding
from studio.ui.preview.controls import format_ms
from studio.ui.preview.panel import PreviewPanel
from studio.ui.preview.subtitle_overlay import attach_subtitles
from studio.ui.preview.switching import SwitchingPlayer

__all__ = ["PreviewPanel", "SwitchingPlayer", "create", "default_player", "format_ms"]


def create(document: Document, selection: Selection, playhead: Playhead | None = None) -> PreviewPanel:
    """The preview panel, following ``selection``/``playhead`` on ``document``."""
    panel = PreviewPanel()
    panel.binding = PreviewBinding(panel, document, selection, playhead)
    attach_subtitles(panel, document, playhead)
    return panel
