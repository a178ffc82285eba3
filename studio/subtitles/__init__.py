"""Subtitle files: WebVTT and SubRip in and out, placed in a scene's clip time (Qt-free).

:func:`read_subtitles` reads a ``.vtt`` or ``.srt`` file into cues (times as written in the
file); :func:`shift` moves them (a file timed from the scene's in point is shifted by
``in_ms`` to clip time); :func:`to_vtt` / :func:`to_srt` write them back.  Every problem is a
:class:`SubtitleError` whose one-line message names the file and the line.
"""

from studio.subtitles.formats import to_srt, to_vtt
from studio.subtitles.parse import SubtitleError, parse_subtitles, read_subtitles
from studio.subtitles.place import TrackChange, place_track, shift

__all__ = [
    "SubtitleError",
    "TrackChange",
    "parse_subtitles",
    "place_track",
    "read_subtitles",
    "shift",
    "to_srt",
    "to_vtt",
]
