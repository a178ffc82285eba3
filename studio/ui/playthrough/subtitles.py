"""Subtitles in Play story: the cue at the playthrough's clip time, in the drama's locale.

:class:`PlaySubtitles` keeps a :class:`~studio.ui.preview.subtitle_overlay.SubtitleOverlay` (the
preview's look: white text on a translucent box, bottom-centred in the video) on the played
project's current scene at the engine's clip time ``t``.  The track is the drama's own locale
(``Project.locale``, the locale the playthrough's text and words are shown in); a scene without
one shows nothing.  The overlay sits under the playthrough's :class:`Overlay`, so options, cards
and the countdown stay on top.
"""

from __future__ import annotations

from PySide6.QtCore import QObject

from studio.app.playthrough import PlaythroughController
from studio.app.subtitle_choice import cue_at
from studio.ui.playthrough.surface import VideoSurface
from studio.ui.preview.subtitle_overlay import SubtitleOverlay

__all__ = ["PlaySubtitles"]


class PlaySubtitles(QObject):
    """Shows the current cue of a playthrough over its video surface."""

    def __init__(self, controller: PlaythroughController, surface: VideoSurface) -> None:
        super().__init__(surface)
        self.controller = controller
        self.overlay = SubtitleOverlay(surface, surface.video_rect)
        self.overlay.lower()  # under the options, prompts and cards
        controller.state_changed.connect(self.refresh)
        controller.ticked.connect(self.refresh)
        controller.starting.connect(self.refresh)

    def locale(self) -> str:
        return self.controller.shown_project().locale

    def refresh(self) -> None:
        engine, scene = self.controller.engine, self.controller.scene()
        if engine is None or scene is None:
            self.overlay.set_text("")
            return
        cue = cue_at(scene, self.locale(), engine.t)
        self.overlay.set_text(cue.text if cue is not None else "")
