"""Subtitles and dubbed audio of a scene, per locale (schema v5).

Cue times are *clip time* (milliseconds from the start of the scene's media file, like every
timed item), so trimming a scene keeps its subtitles in sync: a cue outside the trim is simply
never shown (validation warns).  A cue's text is plain text: lines separated by ``\\n``, no
markup (WebVTT tags are dropped when a file is imported, :mod:`studio.subtitles`).

A dub is a separate audio file (``Project.audio``) that replaces the clip's own sound for viewers
of its locale; its time is clip time too (audio at 0 s = clip at 0 s), so a dub covers the whole
clip, not only the trim.  Browsers cannot pick an audio stream inside an MP4, so a dub is never
a second stream of the clip: it is its own file, played in sync (docs/localisation.md).
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from studio.model.types import MAX_SAFE_INT, Id, Locale, Ms, RelPath, ShortText, StrictModel

MAX_CUE_CHARS = 500  # a cue is one or two short lines on a phone; anything longer is an error
MAX_CUES = 5000


class Cue(StrictModel):
    """One subtitle: shown from ``start_ms`` (inclusive) to ``end_ms`` (exclusive), clip time."""

    start_ms: Ms
    end_ms: Ms
    text: str = Field(min_length=1, max_length=MAX_CUE_CHARS)

    @model_validator(mode="after")
    def _span(self) -> Cue:
        if self.end_ms <= self.start_ms:
            raise ValueError(f"a cue must end after it starts ({self.start_ms} ms..{self.end_ms} ms)")
        if not self.text.strip():
            raise ValueError("a cue's text is empty")
        if any(ord(c) < 32 and c != "\n" for c in self.text):
            raise ValueError("a cue's text holds a control character (only line breaks are allowed)")
        return self


class SubtitleTrack(StrictModel):
    """The subtitles of one scene in one locale, in order of start time."""

    locale: Locale
    cues: list[Cue] = Field(default_factory=list, max_length=MAX_CUES)

    @model_validator(mode="after")
    def _ordered(self) -> SubtitleTrack:
        starts = [c.start_ms for c in self.cues]
        if starts != sorted(starts):
            raise ValueError(f"{self.locale} subtitles: cues are not in order of start time")
        return self


class Dub(StrictModel):
    """Alternative audio of one scene for one locale: an audio file in ``Project.audio``."""

    locale: Locale
    audio: Id


class AudioAsset(StrictModel):
    """A probed audio file in the project folder (a dub); path relative to the folder."""

    id: Id
    path: RelPath
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    size: int = Field(ge=1, le=MAX_SAFE_INT)
    duration_ms: int = Field(ge=1, le=MAX_SAFE_INT)
    codec: ShortText
    container: Literal["m4a", "mp4", "mp3", "aac", "ogg", "opus", "wav", "webm"]


def unique_locales(kind: str, locales: list[str]) -> None:
    """Raise when a scene holds two subtitle tracks (or dubs) of one locale."""
    twice = sorted({loc for loc in locales if locales.count(loc) > 1})
    if twice:
        raise ValueError(f"two {kind} of locale {twice[0]}")
