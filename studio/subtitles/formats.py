"""Writing cues as WebVTT or SubRip text."""

from __future__ import annotations

from collections.abc import Iterable

from studio.model.tracks import Cue


def _stamp(ms: int, sep: str) -> str:
    hours, rest = divmod(ms, 3_600_000)
    minutes, rest = divmod(rest, 60_000)
    seconds, millis = divmod(rest, 1000)
    return f"{hours:02d}:{minutes:02d}:{seconds:02d}{sep}{millis:03d}"


def _lines(text: str) -> str:
    # A blank line would end the cue in both formats.
    return "\n".join(line for line in text.split("\n") if line.strip())


def _vtt_text(text: str) -> str:
    # A cue's text is plain: escape what WebVTT would read as markup (which also keeps "-->",
    # a timing line, out of the text).
    return _lines(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def to_vtt(cues: Iterable[Cue]) -> str:
    """A WebVTT file of ``cues``."""
    parts = ["WEBVTT", ""]
    for cue in cues:
        parts += [f"{_stamp(cue.start_ms, '.')} --> {_stamp(cue.end_ms, '.')}", _vtt_text(cue.text), ""]
    return "\n".join(parts)


def to_srt(cues: Iterable[Cue]) -> str:
    """A SubRip file of ``cues`` (numbered from 1)."""
    parts: list[str] = []
    for number, cue in enumerate(cues, 1):
        timing = f"{_stamp(cue.start_ms, ',')} --> {_stamp(cue.end_ms, ',')}"
        parts += [str(number), timing, _lines(cue.text), ""]
    return "\n".join(parts)
