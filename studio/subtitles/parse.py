"""Strict readers of WebVTT (https://www.w3.org/TR/webvtt1/) and SubRip (.srt) files.

What is kept of a cue is its start, end and plain text: cue settings (position, line, align)
and regions are dropped because the player lays subtitles out itself (above the choice dock,
for vertical video); markup (``<i>``, ``<b>``, ``<c.x>``, ``<v Name>``, timestamps, SubRip's
``<font>`` and ``{\\an8}``) is removed and character references are decoded, because a cue's
text is plain text (studio.model.tracks).  Anything that is not a well-formed cue is an error
naming the file and the line; a cue with no text left is skipped (there is nothing to show).
"""

from __future__ import annotations

import html
import re
from pathlib import Path

from pydantic import ValidationError

from studio.model.errors import one_line
from studio.model.tracks import MAX_CUE_CHARS, MAX_CUES, Cue

MAX_FILE_BYTES = 5 * 1024 * 1024  # a feature film's subtitles are ~100 kB
MAX_MS = 24 * 3600 * 1000

_VTT_TIME = r"(?:(\d{2,}):)?([0-5]\d):([0-5]\d)\.(\d{3})"
_VTT_TIMING = re.compile(rf"^{_VTT_TIME}[ \t]+-->[ \t]+{_VTT_TIME}(?:[ \t]+.*)?$")
_SRT_TIME = r"(\d{1,3}):([0-5]?\d):([0-5]?\d)[,.](\d{1,3})"
_SRT_TIMING = re.compile(rf"^\s*{_SRT_TIME}\s*-->\s*{_SRT_TIME}(?:\s+.*)?$")
_TAG = re.compile(r"<[^>\n]*>")
_ASS_OVERRIDE = re.compile(r"\{\\[^}\n]*\}")


class SubtitleError(ValueError):
    """A subtitle file that cannot be read; the message is one line naming the file (and line)."""


def _ms(hours: str | None, minutes: str, seconds: str, fraction: str) -> int:
    millis = int(fraction.ljust(3, "0")[:3])
    return ((int(hours or 0) * 60 + int(minutes)) * 60 + int(seconds)) * 1000 + millis


def _plain(lines: list[str]) -> str:
    text = "\n".join(lines)
    text = _ASS_OVERRIDE.sub("", _TAG.sub("", text))
    text = html.unescape(text).replace("\u00a0", " ")
    text = "".join(c for c in text if c == "\n" or ord(c) >= 32)
    return "\n".join(line.strip() for line in text.split("\n") if line.strip())


def _blocks(text: str) -> list[tuple[int, list[str]]]:
    """Blocks of non-empty lines with the 1-based number of their first line."""
    out: list[tuple[int, list[str]]] = []
    current: list[str] = []
    start = 0
    for number, line in enumerate(text.split("\n"), 1):
        if line.strip():
            if not current:
                start = number
            current.append(line.rstrip())
        elif current:
            out.append((start, current))
            current = []
    if current:
        out.append((start, current))
    return out


class _Cues:
    """Collects cues, checking each one's times and text against the model."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.cues: list[Cue] = []

    def fail(self, line: int, message: str) -> SubtitleError:
        return SubtitleError(one_line(f"{self.name}:{line}: {message}"))

    def add(self, line: int, start: int, end: int, lines: list[str]) -> None:
        if end > MAX_MS:
            raise self.fail(line, "a cue ends after 24 hours")
        if end <= start:
            raise self.fail(line, "the cue ends before it starts")
        text = _plain(lines)
        if not text:
            return
        if len(text) > MAX_CUE_CHARS:
            raise self.fail(line, f"the cue's text is {len(text)} characters (at most {MAX_CUE_CHARS})")
        if len(self.cues) >= MAX_CUES:
            raise self.fail(line, f"more than {MAX_CUES} cues")
        try:
            self.cues.append(Cue(start_ms=start, end_ms=end, text=text))
        except ValidationError as exc:  # pragma: no cover - the checks above cover the model's
            raise self.fail(line, str(exc.errors()[0]["msg"])) from None

    def ordered(self) -> list[Cue]:
        return sorted(self.cues, key=lambda c: c.start_ms)  # stable: ties keep the file's order


def _parse_vtt(text: str, name: str) -> list[Cue]:
    first = text.split("\n", 1)[0]
    if not re.match(r"^WEBVTT(?:[ \t].*)?$", first):
        raise SubtitleError(one_line(f"{name}:1: not a WebVTT file (it must start with 'WEBVTT')"))
    cues = _Cues(name)
    for index, (line, block) in enumerate(_blocks(text)):
        if index == 0:
            continue  # the header: WEBVTT and its metadata lines
        head = block[0]
        if re.match(r"^(NOTE|STYLE|REGION)(?:[ \t]|$)", head) and "-->" not in head:
            continue
        timing_at = 0 if "-->" in head else 1
        if timing_at >= len(block) or "-->" not in block[timing_at]:
            raise cues.fail(line, f"expected a cue timing 'start --> end', found '{head[:60]}'")
        match = _VTT_TIMING.match(block[timing_at].strip())
        if match is None:
            raise cues.fail(line + timing_at, f"malformed cue timing '{block[timing_at].strip()[:60]}' "
                                              "(WebVTT uses hh:mm:ss.ttt or mm:ss.ttt)")
        g = match.groups()
        cues.add(line + timing_at, _ms(*g[:4]), _ms(*g[4:]), block[timing_at + 1:])
    return cues.ordered()


def _parse_srt(text: str, name: str) -> list[Cue]:
    cues = _Cues(name)
    for line, block in _blocks(text):
        timing_at = 1 if block[0].strip().isdigit() else 0
        if timing_at >= len(block):
            raise cues.fail(line, "a cue number with no timing after it")
        match = _SRT_TIMING.match(block[timing_at])
        if match is None:
            raise cues.fail(line + timing_at, f"expected a SubRip timing 'hh:mm:ss,mmm --> hh:mm:ss,mmm', "
                                              f"found '{block[timing_at].strip()[:60]}'")
        g = match.groups()
        cues.add(line + timing_at, _ms(*g[:4]), _ms(*g[4:]), block[timing_at + 1:])
    return cues.ordered()


def parse_subtitles(text: str, name: str, kind: str | None = None) -> list[Cue]:
    """Cues of ``text`` (``kind`` "vtt" or "srt"; None: WebVTT when it starts with WEBVTT)."""
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if kind is None:
        kind = "vtt" if text.startswith("WEBVTT") else "srt"
    if kind == "vtt":
        return _parse_vtt(text, name)
    if kind == "srt":
        return _parse_srt(text, name)
    raise SubtitleError(one_line(f"{name}: unknown subtitle format '{kind}' (vtt or srt)"))


def read_subtitles(path: str | Path, encoding: str = "utf-8") -> list[Cue]:
    """The cues of a ``.vtt`` or ``.srt`` file, in the file's own times."""
    file = Path(path)
    suffix = file.suffix.lower()
    if suffix not in (".vtt", ".srt"):
        raise SubtitleError(one_line(f"{file}: not a subtitle file (.vtt or .srt)"))
    try:
        size = file.stat().st_size
        if size > MAX_FILE_BYTES:
            raise SubtitleError(one_line(f"{file}: {size} bytes is too large for a subtitle file "
                                         f"(at most {MAX_FILE_BYTES})"))
        data = file.read_bytes()
    except OSError as exc:
        raise SubtitleError(one_line(f"{file}: cannot read: {exc.strerror or exc}")) from None
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        hint = " (save it as UTF-8, or give its encoding, e.g. gb18030)" if encoding == "utf-8" else ""
        raise SubtitleError(one_line(f"{file}:{line}: not valid {encoding} text{hint}")) from None
    except LookupError:
        raise SubtitleError(one_line(f"{file}: unknown text encoding '{encoding}'")) from None
    return parse_subtitles(text, str(file), suffix[1:])
