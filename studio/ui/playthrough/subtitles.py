"""Subtitles in Play story: the cue at the playthrough's clip time, in the drama's locale.

:class:`PlaySubtitles` keeps a :class:`~studio.ui.preview.subtitle_overlay.SubtitleOverlay` (the
preview's look: white text on a translucent box, bottom-centred in the video) on the played
project's current scene at the engine's clip time ``t``.  The track is the drama's own locale
(``Project.locale``, the locale the playthrough's text and words are shown in); a scene without
one shows nothing.  The overlay sits under the playthrough's :class:`Overlay`, and its box stays
above the option buttons and cards in the lower half of the picture (as the web player keeps
subtitles above its choice dock), so nothing covers it and it covers nothing.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QPoint
from PySide6.QtWidgets import QWidget

from studio.app.playthrough import PlaythroughController
from studio.app.subtitle_choice import cue_at
from studio.ui.playthrough.surface import VideoSurface
from studio.ui.preview.subtitle_overlay import SubtitleOverlay

__all__ = ["PlaySubtitles"]


class PlaySubtitles(QObject):
    """Shows the current cue of a playthrough over its video surface."""

    def __init__(self, controller: PlaythroughController, surface: VideoSurface,
                 above: Callable[[], list[QWidget]] | None = None) -> None:
        super().__init__(surface)
        self.controller = controller
        self.surface = surface
        self.above = above  # the widgets the cue stays above (options, cards)
        self._ceiling: int | None = None
        self.overlay = SubtitleOverlay(surface, surface.video_rect, self.ceiling)
        self.overlay.lower()  # under the options, prompts and cards
        controller.state_changed.connect(self.refresh)
        controller.ticked.connect(self.refresh)
        controller.starting.connect(self.refresh)

    def locale(self) -> str:
        return self.controller.shown_project().locale

    def ceiling(self) -> int | None:
        """The top of the highest visible option or card in the picture's lower half (surface
        coordinates), or None."""
        picture = self.surface.video_rect()
        middle = picture.center().y() if not picture.isEmpty() else self.surface.height() // 2
        tops = [w.mapTo(self.surface, QPoint(0, 0)).y() for w in (self.above() if self.above else [])
                if w.isVisible()]
        low = [top for top in tops if top > middle]
        return min(low) if low else None

    def refresh(self) -> None:
        ceiling = self.ceiling()
        if ceiling != self._ceiling:
            self._ceiling = ceiling
            self.overlay.update()
        engine, scene = self.controller.engine, self.controller.scene()
        if engine is None or scene is None:
            self.overlay.set_text("")
            return
        cue = cue_at(scene, self.locale(), engine.t)
        self.overlay.set_text(cue.text if cue is not None else "")
