"""Scenes named in messages by their titles (defect 11: no internal ids where a title exists).

A message naming other scenes (the start scene, the scenes of a loop, the users of a clip)
quotes their titles, in curly quotes as ``studio.model.names`` writes names; a title shared
by several scenes is followed by the scene's id, so that the message still tells them apart:
``“Intro” (intro_2)``.  An id that names no scene stays an id, in straight quotes.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence

from studio.model import Scene
from studio.model.errors import quote
from studio.model.names import named


class SceneNames:
    """``names(scene_id)``: how a message names that scene.

    ``titles`` maps scene ids to titles (``context.scene_titles``: a duplicated id names its
    first scene); without it, it is read from ``scenes`` on first use.
    """

    def __init__(self, scenes: Sequence[Scene], titles: Mapping[str, str] | None = None) -> None:
        self._scenes = scenes
        self._titles = titles
        self._shared: set[str] | None = None

    def __call__(self, sid: str) -> str:
        titles = self._titles
        if titles is None:
            titles = self._titles = {s.id: s.title for s in reversed(self._scenes)}
        if self._shared is None:
            self._shared = {t for t, k in Counter(titles.values()).items() if k > 1}
        title = titles.get(sid)
        if title is None:
            return quote(sid)
        return named(title) + (f" ({sid})" if title in self._shared else "")

    def some(self, ids: Sequence[str], limit: int = 8) -> str:
        """The first ``limit`` of ``ids`` named, then how many more."""
        shown = ", ".join(self(i) for i in ids[:limit])
        return shown + (f" and {len(ids) - limit} more" if len(ids) > limit else "")
