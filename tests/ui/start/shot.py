"""Screenshot the start screen (and a project started from it) on an X display.

``python -m tests.ui.start.shot OUT_DIR [WIDTHxHEIGHT ...]``; run by test_start_xvfb.py under Xvfb,
usable by hand to look at the page.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path


def settle(seconds: float) -> None:
    from PySide6.QtWidgets import QApplication

    end = time.monotonic() + seconds
    while time.monotonic() < end:
        QApplication.processEvents()
        time.sleep(0.02)


def main(out: str, sizes: list[str]) -> int:
    from studio.ui.launch import create_window

    window = create_window(None, recover=False)
    window.show()
    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    for size in sizes:
        width, height = (int(n) for n in size.split("x"))
        window.setGeometry(0, 0, width, height)
        settle(0.6)
        shot = window.screen().grabWindow(0, 0, 0, width, height)
        path = folder / f"start-{width}x{height}.png"
        print(f"{path} saved={shot.save(str(path))} start={window.showing_start}")
    window.start_page.template_cards["savings"].click()
    window.setGeometry(0, 0, 1280, 800)
    settle(2.0)
    window.graph.view.zoom_to_fit()
    settle(0.5)
    shot = window.screen().grabWindow(0, 0, 0, 1280, 800)
    path = folder / "after-savings-template.png"
    print(f"{path} saved={shot.save(str(path))} title={window.windowTitle()!r}")
    for which in ("getting_started", "shortcuts"):
        dialog = window.show_help(which)
        dialog.move(40, 40)
        settle(0.5)
        geo = dialog.frameGeometry()
        shot = window.screen().grabWindow(0, geo.x(), geo.y(), geo.width(), geo.height())
        path = folder / f"help-{which}.png"
        print(f"{path} saved={shot.save(str(path))}")
        dialog.close()
    from studio.ui import dialogs

    dialogs.choose = lambda *_args, **_kw: "Discard"  # "Save new project?" -> Discard (no modal box)
    window.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1], sys.argv[2:] or ["1280x800", "1024x700"]))
