"""Probing an audio file for a dub (studio.model.tracks.AudioAsset), with PyAV.

Only formats every browser the player targets can play are accepted: AAC in MP4/M4A, MP3,
Opus or Vorbis in Ogg/WebM, and PCM WAV.  A file whose first packets do not decode is refused
(one line naming the file), so a broken dub is found at import, not by a viewer.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import av

from studio.media.probe import MAX_MEDIA_BYTES, ProbeError, describe_error, sha256_file

CONTAINERS = {".m4a": "m4a", ".mp4": "mp4", ".aac": "aac", ".mp3": "mp3", ".ogg": "ogg",
              ".opus": "opus", ".wav": "wav", ".webm": "webm"}
CODECS = frozenset({"aac", "mp3", "opus", "vorbis", "pcm_s16le", "pcm_s24le", "pcm_f32le"})


@dataclass(frozen=True)
class AudioProbe:
    """What the studio keeps of an audio file (the fields of an AudioAsset but its id)."""

    path: str
    size: int
    sha256: str
    duration_ms: int
    codec: str
    container: str


def probe_audio(path: str | os.PathLike[str], max_bytes: int = MAX_MEDIA_BYTES) -> AudioProbe:
    """Identify and check an audio file; raise :class:`ProbeError` if the player cannot use it."""
    file = Path(path)
    container = CONTAINERS.get(file.suffix.lower())
    if container is None:
        raise ProbeError(path, f"not an audio file the player can play ({', '.join(sorted(CONTAINERS))})")
    try:
        size = file.stat().st_size
    except OSError as exc:
        raise ProbeError(path, f"cannot read file ({describe_error(exc)})") from exc
    if size == 0:
        raise ProbeError(path, "empty file")
    if size > max_bytes:
        raise ProbeError(path, f"{size} bytes is larger than the {max_bytes} allowed")
    try:
        with av.open(os.fspath(file), metadata_errors="ignore") as media:
            if not media.streams.audio:
                raise ProbeError(path, "no audio stream")
            if media.streams.video:
                raise ProbeError(path, "holds video: a dub is an audio file")
            stream = media.streams.audio[0]
            codec = stream.codec_context.name
            if codec not in CODECS:
                raise ProbeError(path, f"audio codec '{codec}' is not one browsers play "
                                       f"({', '.join(sorted(CODECS))})")
            decoded = 0
            for frame in media.decode(stream):
                decoded += frame.samples
                if decoded > 4800:
                    break
            if decoded == 0:
                raise ProbeError(path, "no audio could be decoded (truncated or corrupt)")
            if media.duration is not None and media.duration > 0:
                duration_ms = media.duration * 1000 // av.time_base
            elif stream.duration is not None and stream.time_base is not None:
                duration_ms = int(stream.duration * stream.time_base * 1000)
            else:
                raise ProbeError(path, "unknown duration")
    except ProbeError:
        raise
    except Exception as exc:
        raise ProbeError(path, f"truncated or corrupt ({describe_error(exc)})") from exc
    if duration_ms <= 0:
        raise ProbeError(path, "truncated or corrupt (zero duration)")
    return AudioProbe(path=os.fspath(path), size=size, sha256=sha256_file(path), duration_ms=int(duration_ms),
                      codec=codec, container=container)
