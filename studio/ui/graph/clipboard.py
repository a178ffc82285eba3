"""The graph's scenes on the clipboard, and letting go of them before the application goes.

Copied scenes travel as :data:`SCENES_MIME` (the copy payload's JSON, also as text).
"""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

__all__ = ["SCENES_MIME", "release_clipboard", "release_clipboard_on_quit"]

SCENES_MIME = "application/x-drama-studio-scenes"


def release_clipboard() -> None:
    """Drop clipboard data we own while the QApplication is alive.

    PySide6 crashes at interpreter exit when a QMimeData set by Python is still
    on the clipboard as the QApplication is destroyed; our scenes' data is only
    useful inside the studio, so it is cleared on quit.
    """
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return
    clipboard = QApplication.clipboard()
    mime = clipboard.mimeData()
    if mime is not None and mime.hasFormat(SCENES_MIME):
        clipboard.clear()


_release_hooked = False


def release_clipboard_on_quit() -> None:
    global _release_hooked
    app = QApplication.instance()
    if app is not None and not _release_hooked:
        app.aboutToQuit.connect(release_clipboard)
        _release_hooked = True
