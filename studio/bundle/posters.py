"""Poster frames of a bundle: one JPEG per scene, rendered by PyAV or taken from the cache.

A poster depends only on the clip's content (its sha256), the time, the
height and the renderer, so rendered posters are kept in the media cache
(``studio.hashcache.read_blob``/``write_blob``) under a name made of
exactly those.  A freshly rendered poster is stored only after the export has
verified its clip unchanged (``cacheable``), so a poster of changed content
can never be filed under the old hash.  Qt-free.
"""

from __future__ import annotations

import functools
import importlib.metadata
import os
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from studio.bundle.errors import ExportError
from studio.bundle.zipout import Meter
from studio.hashcache import Signature, read_blob, write_blob
from studio.model.portable import portable_stem

POSTER_HEIGHT = 640
POSTER_VERSION = 1  # bump when poster rendering changes: cached posters are then re-rendered
POSTER_UNITS = 1 << 20  # progress weight of one poster (about a 1 MiB copy)
BLOB_KIND = "posters"


@functools.cache
def _renderer() -> str:
    """PyAV's version (its wheel pins the FFmpeg libraries that encode the posters)."""
    try:
        return "av" + importlib.metadata.version("av")
    except importlib.metadata.PackageNotFoundError:
        return "av"


@dataclass(frozen=True)
class PosterJob:
    """Poster of one scene: the frame of ``source`` at ``at_ms`` (the trim start)."""

    scene_id: str
    source: Path
    media_sha256: str
    at_ms: int

    @property
    def arcname(self) -> str:
        """``posters/<scene_id>.jpg``, the id made portable (``con`` -> ``_con``)."""
        return f"posters/{portable_stem(self.scene_id)}.jpg"

    @property
    def cache_name(self) -> str:
        """Its name in the poster cache: what the JPEG's bytes depend on."""
        return f"{self.media_sha256}-{self.at_ms}-{POSTER_HEIGHT}-v{POSTER_VERSION}-{_renderer()}.jpg"


@dataclass(frozen=True)
class Fresh:
    """A poster rendered by this export, with the clip's signature before rendering."""

    name: str
    data: bytes
    before: Signature
    started_ns: int


def is_jpeg(data: bytes) -> bool:
    return len(data) > 4 and data[:2] == b"\xff\xd8" and data[-2:] == b"\xff\xd9"


def render_posters(jobs: Iterable[PosterJob], meter: Meter) -> tuple[dict[str, bytes], list[Fresh]]:
    """Poster bytes by scene id (from the cache or PyAV) and the newly rendered ones."""
    from studio.media.frames import encode_jpeg, extract_frame
    from studio.media.probe import ProbeError

    done: dict[str, bytes] = {}
    fresh: list[Fresh] = []
    out: dict[str, bytes] = {}
    for job in jobs:
        meter.check()
        name = job.cache_name
        if name not in done:
            data = read_blob(BLOB_KIND, name, is_jpeg)
            if data is None:
                started = time.time_ns()
                try:
                    before = Signature.of(job.source, os.stat(job.source))
                    data = encode_jpeg(extract_frame(job.source, job.at_ms, POSTER_HEIGHT))
                except (ProbeError, OSError) as exc:
                    raise ExportError(f"scene '{job.scene_id}': no poster frame: {exc}") from None
                fresh.append(Fresh(name, data, before, started))
            done[name] = data
        out[job.scene_id] = done[name]
        meter.add(POSTER_UNITS)
    return out, fresh


def cacheable(fresh: list[Fresh], verified: Mapping[str, Signature]) -> list[Fresh]:
    """The fresh posters whose clip the export verified unchanged since rendering began."""
    return [p for p in fresh
            if verified.get(p.before.path) == p.before and not p.before.racy(p.started_ns)]


def keep(posters: Iterable[Fresh]) -> None:
    """File posters in the cache (failures are ignored: the cache is only a shortcut)."""
    for p in posters:
        write_blob(BLOB_KIND, p.name, p.data)
