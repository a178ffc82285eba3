"""The preview panel (issue 7): plays the selected scene's clip through libVLC.

``create(document, selection, playhead=None)`` builds a
:class:`~studio.ui.preview.panel.PreviewPanel` (a switching libVLC player, audio
on) and binds it (:class:`~studio.ui.preview.binding.PreviewBinding`) to the
selection, the document and, when given, the shared
:class:`~studio.app.playhead.Playhead` (pass the one the timeline uses so both
stay in sync).  Without libVLC the panel shows how to install it.
"""

from __future__ import annotations

import logging
from typing import Any

from studio.ui.preview.panel import PreviewPanel, default_player, format_ms
from studio.ui.preview.switching import SwitchingPlayer

__all__ = ["PreviewPanel", "SwitchingPlayer", "create", "default_player", "format_ms"]

log = logging.getLogger(__name__)


def create(document: Any, selection: Any, playhead: Any = None) -> PreviewPanel:
    """The preview panel, following ``selection``/``playhead`` on ``document``."""
    panel = PreviewPanel()
    try:
        from studio.ui.preview.binding import PreviewBinding

        panel.binding = PreviewBinding(panel, document, selection, playhead)
    except Exception:  # the app layer is young: a wiring problem must not lose the panel
        log.exception("preview: could not follow the selection; call panel.set_clip()")
    return panel
