"""Screenshots of the whole studio at 1280x800: Play story's wallet, the Export dialog, the project form.

Usage (on an X display, e.g. under Xvfb: see ``tests.support.xvfb_display``)::

    .venv/bin/python -m tests.ui.playthrough.wallet_shots /tmp/wallet-shots

Opens a copy of the savings sample (read-only) in the real main window, plays it in the
Play story dock with a simulated wallet (refuse over a ¥60 balance; then
answer by hand; then Watch again) and saves screen grabs to look at, plus the
Export dialog with host origins and the Inspector's project form.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from tests.support import SAMPLES


def wait(ms: int) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def wait_for(check: Callable[[], bool], timeout_ms: int = 60_000) -> None:
    end = time.monotonic() + timeout_ms / 1000
    while not check():
        if time.monotonic() > end:
            raise TimeoutError("state not reached")
        wait(10)


def grab(out: Path, name: str, widget: QWidget | None = None) -> Path:
    path = out / f"{name}.png"
    if widget is None:
        screen = QGuiApplication.primaryScreen()
        screen.grabWindow(0, 0, 0, 1280, 800).save(str(path))
    else:
        widget.grab().save(str(path))
    print(path)
    return path


def main(out: Path) -> int:
    from studio.app.export_options import ExportOptions
    from studio.ui.export_dialog import ExportDialog
    from studio.ui.launch import create_window
    from studio.ui.playthrough import PlaythroughPanel

    out.mkdir(parents=True, exist_ok=True)
    project = Path(tempfile.mkdtemp(prefix="wallet-shots-")) / "savings"
    shutil.copytree(SAMPLES / "savings", project)  # the review session writes beside the project
    window = create_window(str(project), read_only=True, recover=False)
    window.setGeometry(0, 0, 1280, 800)
    window.show()
    wait(800)
    window.docks["playthrough"].raise_()
    panel = window.panels["playthrough"]
    assert isinstance(panel, PlaythroughPanel)
    side, ctrl, ov = panel.side, panel.controller, panel.overlay
    box = side.wallet
    box.mode.setCurrentIndex(box.mode.findData("balance"))
    box.balance.edit.setText("60")
    box.apply()
    panel.play_story()
    wait_for(lambda: bool(ctrl.engine and ctrl.engine.pausing_prompt_open))
    wait(300)
    grab(out, "1-prompt")
    ov.prompt_card.accept.click()
    wait(200)
    grab(out, "2-saved-note")
    wait_for(lambda: bool(ctrl.engine and ctrl.engine.open_choice))
    ov.press_number(1)  # save ¥200: more than the ¥10 left
    wait(200)
    grab(out, "3-refused-note")
    side_scroll = panel.side_scroll
    side_scroll.ensureWidgetVisible(box, 0, 0)
    ctrl.set_paused(True)
    wait(200)
    grab(out, "4-wallet-ledger")
    ctrl.set_paused(False)
    wait_for(lambda: bool(ctrl.engine and ctrl.engine.ended), 90_000)
    wait(300)
    grab(out, "5-ending")
    ov.ending_card.replay_button.click()
    wait(300)
    grab(out, "6-watch-again")
    box.mode.setCurrentIndex(box.mode.findData("hand"))
    panel.play_story()
    wait_for(lambda: bool(ctrl.engine and ctrl.engine.pausing_prompt_open))
    ov.prompt_card.accept.click()
    wait(100)
    ctrl.set_paused(True)
    side_scroll.ensureWidgetVisible(box, 0, 0)
    wait(200)
    grab(out, "7-pending-by-hand")
    grab(out, "7b-side-panel", side)
    ctrl.set_paused(False)
    panel.shutdown()

    window.docks["inspector"].raise_()
    inspector = window.panels["inspector"]
    inspector.tabs.setCurrentIndex(1)  # type: ignore[attr-defined]
    wait(300)
    grab(out, "8-project-form")

    options = ExportOptions(True, ("https://wallet.example.com",))
    dialog = ExportDialog(Path("/tmp/payday.drama.zip"), window, options)
    dialog.show()
    wait(300)
    grab(out, "9-export-dialog")
    dialog.origins.setPlainText("https://wallet.example.com\nhttp://shop.example.com/pay")
    wait(200)
    grab(out, "10-export-dialog-error")
    dialog.web_player.setChecked(False)
    wait(200)
    grab(out, "11-export-dialog-no-player", dialog)
    dialog.close()
    window.close()
    shutil.rmtree(project.parent, ignore_errors=True)
    return 0


if __name__ == "__main__":
    from studio.ui.launch import application

    application()
    raise SystemExit(main(Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/wallet-shots")))
