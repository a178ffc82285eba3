"""The one-line error texts of the libVLC preview player (no ``vlc`` import here).

Kept apart from :mod:`studio.app.playback.vlc_player` so the wording is in one place and the
player modules stay small; every text names the clip (or the missing package).
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

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
# reasons given to cannot_play(), which translates them ("Playback" context)
REFUSED_TO_OPEN = str(QT_TRANSLATE_NOOP("Playback", "libVLC refused to open it"))
DECODING_ERROR = str(QT_TRANSLATE_NOOP("Playback", "libVLC reported a decoding error"))


def not_available(problem: str | None) -> str:
    """libVLC could not be imported (``problem``: the import error, one line)."""
    return f"libVLC is not available ({problem}); install it: {INSTALL_HINT}"


def cannot_play(path: str, reason: str) -> str:
    """The clip ``path`` cannot be played, because of ``reason`` (in the studio's language)."""
    return QCoreApplication.translate("Playback", "Cannot play {path}: {reason}").format(
        path=path, reason=QCoreApplication.translate("Playback", reason))


def not_playable(event_kind: str) -> str:
    """Reason for a clip that ended or failed before its first frame (libVLC event)."""
    if "Error" in event_kind:
        return QCoreApplication.translate("Playback", "not a playable video (libVLC reported an error)")
    return QCoreApplication.translate("Playback", "not a playable video (no video frames)")


def no_frame_within(timeout_ms: int) -> str:
    """Reason for a clip that showed no frame within ``timeout_ms``."""
    return QCoreApplication.translate("Playback", "no video frame within {seconds} s").format(
        seconds=timeout_ms // 1000)
