"""Zip entry names: what a bundle may contain and which names are unsafe.

Every entry name is checked before anything is read: no ``..``, absolute
paths, backslashes, drive letters, control/format characters, empty
components, or names that collide after case folding and Unicode (NFKC)
normalisation.  Then the allowlist of ``docs/bundle-format.md`` decides what
is extracted; ``player/`` entries are skipped (the web player only ever comes
from the studio itself).
"""

from __future__ import annotations

import os
import re
import unicodedata

MANIFEST = "manifest.json"
SCHEMA = "manifest.schema.json"
PLAYER_PREFIX = "player/"
MEDIA_EXTS = ("mp4", "mov", "m4v", "webm", "mkv", "m4a", "mp3", "aac", "ogg", "opus", "wav")  # clips, dubs
IMAGE_EXTS = ("jpg", "jpeg", "png", "webp")

_STEM = r"[A-Za-z0-9_][A-Za-z0-9_.\-]{0,127}"
MEDIA_RE = rf"media/{_STEM}\.(?:{'|'.join(MEDIA_EXTS)})"
POSTER_RE = rf"posters/{_STEM}\.jpg"
IMAGE_RE = rf"images/{_STEM}\.(?:{'|'.join(IMAGE_EXTS)})"
PLAYER_RE = rf"player/{_STEM}(?:/{_STEM})*"
# Paths that may appear in the manifest's file table (everything but manifest.json).
FILE_PATH_PATTERN = rf"^(?:{re.escape(SCHEMA)}|{MEDIA_RE}|{POSTER_RE}|{IMAGE_RE}|{PLAYER_RE})$"
POSTER_PATH_PATTERN = rf"^{POSTER_RE}$"
_EXTRACTED = re.compile(rf"(?:{MEDIA_RE}|{POSTER_RE}|{IMAGE_RE})")
_DRIVE = re.compile(r"^[A-Za-z]:")
MAX_NAME = 400
# Folders that a zip tool may add as explicit (empty) directory entries.
KNOWN_DIRS = frozenset({"media/", "posters/", "images/", PLAYER_PREFIX})
TEMP_NAME_BYTES = 160  # of a target's name kept in its temp file's name (NAME_MAX is 255 bytes)


def unsafe_reason(name: str) -> str | None:
    """Why ``name`` is not a safe relative POSIX path, or None if it is."""
    if not name:
        return "empty entry name"
    if len(name) > MAX_NAME:
        return f"entry name longer than {MAX_NAME} characters"
    if any(unicodedata.category(c)[0] == "C" for c in name):
        return "control or invisible character in the entry name"
    if "\\" in name:
        return "backslash in the entry name"
    if name.startswith("/"):
        return "absolute path"
    if _DRIVE.match(name):
        return "drive letter in the entry name"
    parts = name.removesuffix("/").split("/")
    if ".." in parts:
        return "'..' in the entry name (path escapes the bundle)"
    if any(p in ("", ".") for p in parts):
        return "empty or '.' path component"
    return None


def fold(name: str) -> str:
    """The key two names collide on (case-insensitive, NFKC-normalised)."""
    return unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", name).casefold())


def is_player(name: str) -> bool:
    return name.startswith(PLAYER_PREFIX)


def is_extracted(name: str) -> bool:
    """Media, posters and images: the only entries written into a project."""
    return _EXTRACTED.fullmatch(name) is not None


def is_allowed(name: str) -> bool:
    """Any entry a bundle may hold (the player folder is allowed but skipped)."""
    return name in (MANIFEST, SCHEMA) or is_extracted(name) or is_player(name)


def is_player_path(name: str) -> bool:
    """A well-formed player file path (what the exporter writes under player/)."""
    return re.fullmatch(PLAYER_RE, name) is not None


def temp_stem(name: str) -> str:
    """``name`` cut to ``TEMP_NAME_BYTES`` bytes, for the temp file or folder named after it.

    ``.<name>.XXXXXXXX.part`` must fit in 255 bytes even when ``<name>`` nearly does."""
    raw = os.fsencode(name)
    return name if len(raw) <= TEMP_NAME_BYTES else os.fsdecode(raw[:TEMP_NAME_BYTES])
