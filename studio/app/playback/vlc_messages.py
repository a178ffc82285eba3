"""The one-line error texts of the libVLC preview player (no ``vlc`` import here).

Kept apart from :mod:`studio.app.playback.vlc_player` so the wording is in one place and the
player modules stay small; every text names the clip (or the missing package).
"""

from __future__ import annotations

__all__ = [
    "COULD_NOT_START",
    "DECODING_ERROR",
    "INSTALL_HINT",
    "NOT_AVAILABLE",
    "REFUSED_TO_OPEN",
    "cannot_play",
    "no_frame_within",
    "not_available",
    "not_playable",
]

INSTALL_HINT = "apt install libvlc5 vlc-plugin-base"
NOT_AVAILABLE = f"libVLC is not available; install it: {INSTALL_HINT}"
COULD_NOT_START = f"libVLC could not start (plugins missing?); install: {INSTALL_HINT}"
REFUSED_TO_OPEN = "libVLC refused to open it"
DECODING_ERROR = "libVLC reported a decoding error"


def not_available(problem: str | None) -> str:
    """libVLC could not be imported (``problem``: the import error, one line)."""
    return f"libVLC is not available ({problem}); install it: {INSTALL_HINT}"


def cannot_play(path: str, reason: str) -> str:
    """The clip ``path`` cannot be played, because of ``reason``."""
    return f"Cannot play {path}: {reason}"


def not_playable(event_kind: str) -> str:
    """Reason for a clip that ended or failed before its first frame (libVLC event)."""
    what = "libVLC reported an error" if "Error" in event_kind else "no video frames"
    return f"not a playable video ({what})"


def no_frame_within(timeout_ms: int) -> str:
    """Reason for a clip that showed no frame within ``timeout_ms``."""
    return f"no video frame within {timeout_ms // 1000} s"
