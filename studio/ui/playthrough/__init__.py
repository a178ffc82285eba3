"""The story playthrough panel (issue 7 part 2): play the drama as a viewer would.

``create(document, selection, playhead=None)`` builds the whole panel: the
video with overlays (options with countdown, savings prompt card, product tags
and product card, ending card) and a side panel (controls, path so far,
variables, deposits per goal, event log).  The story engine is the master
clock and the video follows it (see :mod:`studio.app.playthrough`).

Modules: ``panel`` (assembly, player lifetime), ``overlay`` (items over the
video), ``cards`` (prompt/product/ending cards), ``widgets`` (painted option
buttons, tag chips, countdown bar, plain-text helpers), ``surface`` (the
letterboxed video), ``side`` (side panel), ``start_dialog`` (“Play from here”
variable values).
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from studio.app.document import Document
from studio.app.playhead import Playhead
from studio.app.selection import Selection
from studio.ui.playthrough.panel import PlaythroughPanel, vlc_player_factory

__all__ = ["PlaythroughPanel", "create", "vlc_player_factory"]


def create(document: Document, selection: Selection, playhead: Playhead | None = None) -> QWidget:
    """The playthrough panel for the main window (libVLC video, real time)."""
    return PlaythroughPanel(document, selection, playhead)
