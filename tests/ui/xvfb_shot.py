"""Open the studio with a sample drama on an X display and save a screenshot.

Run by ``test_ui_xvfb.py`` (under Xvfb) as ``python -m tests.ui.xvfb_shot
PROJECT OUT.png``; usable by hand too.
"""

from __future__ import annotations

import sys
import time


def main(project: str, out: str) -> int:
    from PySide6.QtGui import QGuiApplication

    from studio.ui.launch import create_window

    window = create_window(project, recover=False)
    app = QGuiApplication.instance()
    assert app is not None
    window.setGeometry(0, 0, 1280, 800)
    window.show()
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and not window.graph.graph.complete:
        app.processEvents()
    window.graph.view.zoom_to_fit()
    window.graph.selection.set(["payday"])
    end = time.monotonic() + 3  # thumbnails decode in the background
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.02)
    screen = window.screen()
    shot = screen.grabWindow(0, 0, 0, 1280, 800)
    ok = shot.save(out)
    print(f"{window.windowTitle()} | {shot.width()}x{shot.height()} | saved={ok}")
    window.close()
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1], sys.argv[2]))
