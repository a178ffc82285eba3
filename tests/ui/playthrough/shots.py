"""Screenshots of the playthrough panel (real libVLC frames): choice, prompt, product card, ending.

Usage (under Xvfb or offscreen)::

    .venv/bin/python -m tests.ui.playthrough.shots /tmp/shots

Plays the sample dramas at 4x in a 1100x760 panel, freezes the playthrough at
each moment (the viewer's Pause) and saves ``playthrough_<name>.png`` plus
``playthrough_<name>.txt``: one ``dark|light x,y,w,h`` line per visible card
(dark) or option button (light), for the test to check the pixels.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEventLoop, QPoint, QTimer
from PySide6.QtWidgets import QApplication

from studio.app.document import Document
from studio.app.selection import Selection
from studio.ui.playthrough import PlaythroughPanel
from tests.support import SAMPLES


def wait(ms: int) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def wait_for(check: Callable[[], bool], timeout_ms: int = 30_000) -> None:
    end = time.monotonic() + timeout_ms / 1000
    while not check():
        if time.monotonic() > end:
            raise TimeoutError("state not reached")
        wait(5)


def build(name: str, factory: Any) -> tuple[PlaythroughPanel, Document]:
    doc = Document()
    doc.open(SAMPLES / name, read_only=True)
    panel = PlaythroughPanel(doc, Selection(), None, player_factory=factory, speed=4.0)
    panel.resize(1100, 760)
    panel.show()
    return panel, doc


def boxes(panel: PlaythroughPanel) -> list[str]:
    """``dark|light x,y,w,h`` (panel pixels) of the visible cards and option buttons."""
    ov = panel.overlay
    out = []
    for widget, kind in (
        (ov.prompt_card, "dark"),
        (ov.product_card, "dark"),
        (ov.ending_card, "dark"),
        *((b, "light") for b in ov.options),
    ):
        if widget.isVisible():
            top_left = widget.mapTo(panel, QPoint(0, 0))
            out.append(f"{kind} {top_left.x()},{top_left.y()},{widget.width()},{widget.height()}")
    return out


def save(panel: PlaythroughPanel, path: Path) -> Path:
    panel.grab().save(str(path))
    path.with_suffix(".txt").write_text("\n".join(boxes(panel)) + "\n")
    return path


def freeze(panel: PlaythroughPanel, path: Path) -> Path:
    panel.controller.set_paused(True)
    wait(600)  # libVLC settles on the exact frame
    return save(panel, path)


def take(out: Path, factory: Any) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    shots: list[Path] = []
    panel, doc = build("savings", factory)
    ctrl = panel.controller
    panel.play_story()
    wait_for(lambda: bool(ctrl.engine and ctrl.engine.pausing_prompt_open))
    wait(400)
    shots.append(freeze(panel, out / "playthrough_prompt.png"))
    ctrl.set_paused(False)
    panel.overlay.prompt_card.accept.click()
    wait_for(lambda: bool(ctrl.engine and ctrl.engine.open_choice))
    wait(250)
    shots.append(freeze(panel, out / "playthrough_choice.png"))
    ctrl.set_paused(False)
    panel.overlay.press_number(2)
    wait_for(lambda: bool(ctrl.engine and ctrl.engine.open_choice and ctrl.engine.open_prompts))
    wait(150)
    shots.append(freeze(panel, out / "playthrough_choice_and_prompt.png"))
    panel.shutdown()
    doc.close()

    panel, doc = build("shoppable", factory)
    ctrl = panel.controller
    panel.play_story()
    wait_for(lambda: bool(ctrl.engine and ctrl.engine.shown_tags))
    wait(200)
    panel.overlay.tags["serum_vanity"].click()
    wait(150)
    shots.append(freeze(panel, out / "playthrough_product.png"))
    ctrl.set_paused(False)
    panel.overlay.close_product()
    wait_for(lambda: bool(ctrl.engine and ctrl.engine.ended), 60_000)
    wait(300)
    shots.append(save(panel, out / "playthrough_ending.png"))
    panel.shutdown()
    doc.close()
    return shots


def main() -> None:
    from studio.app.playback.vlc_player import VlcPlayer

    app = QApplication.instance() or QApplication(sys.argv[:1])
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/shots")
    for shot in take(out, lambda: VlcPlayer(audio=False)):
        print(shot)
    del app


if __name__ == "__main__":
    main()
