"""Which subtitle locale the studio shows: one choice per document, shared by the panels.

The timeline's subtitle lane picks the locale whose cues it edits; the preview shows that
locale's cue at the playhead.  Both reach the same :class:`SubtitleChoice` through
:func:`subtitle_choice` (a child object of the document), so no window wiring is needed.
``None`` means "the drama's own locale" (``Project.locale``), whatever it is now.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from studio.model.project import Project, Scene
from studio.model.tracks import Cue, SubtitleTrack

__all__ = ["SubtitleChoice", "cue_at", "lane_locales", "subtitle_choice", "track_of"]

OBJECT_NAME = "subtitleChoice"


class SubtitleChoice(QObject):
    """The subtitle locale shown in the studio (``changed`` carries the new locale or None)."""

    changed = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(OBJECT_NAME)
        self._locale: str | None = None

    @property
    def chosen(self) -> str | None:
        """The locale picked, or None (the drama's locale)."""
        return self._locale

    def locale(self, project: Project) -> str:
        """The locale shown for ``project``."""
        return self._locale or project.locale

    def set_locale(self, locale: str | None) -> None:
        if locale != self._locale:
            self._locale = locale
            self.changed.emit(locale)


def subtitle_choice(document: QObject) -> SubtitleChoice:
    """The document's shared choice (created on first use)."""
    found = document.findChild(SubtitleChoice, OBJECT_NAME)
    if isinstance(found, SubtitleChoice):
        return found
    return SubtitleChoice(document)


def lane_locales(project: Project, scene: Scene | None) -> list[str]:
    """The locales a subtitle picker offers: the drama's, its targets, then any with a track."""
    found = [project.locale, *project.target_locales]
    if scene is not None:
        found += sorted(t.locale for t in scene.subtitles)
    return list(dict.fromkeys(found))


def track_of(scene: Scene | None, locale: str) -> SubtitleTrack | None:
    if scene is None:
        return None
    return next((t for t in scene.subtitles if t.locale == locale), None)


def cue_at(scene: Scene | None, locale: str, ms: int) -> Cue | None:
    """The cue shown at clip time ``ms`` (start inclusive, end exclusive; the later one wins)."""
    track = track_of(scene, locale)
    if track is None:
        return None
    shown = [c for c in track.cues if c.start_ms <= ms < c.end_ms]
    return shown[-1] if shown else None
