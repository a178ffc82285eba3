"""Screenshot of the studio in review mode (offscreen grab, 1280x800).

Usage::

    .venv/bin/python -m tests.ui.review.shot /tmp/shots

Copies the savings sample to a temporary folder, opens it for review,
records the default playthrough (run_trace), adds three comments (one
resolved) and an approval, shows “发薪日” (payday) at 0:03 and saves ``review.png``.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QApplication

from studio.engine.runner import run_trace
from tests.support import SAMPLES


def settle(rounds: int = 10) -> None:
    for _ in range(rounds):
        QApplication.processEvents()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    QApplication.processEvents()


def review_scene(folder: Path) -> Any:
    """The review window on ``folder`` (a project copy) with coverage, comments and an approval."""
    from studio.ui.launch import open_review_window
    from studio.ui.review import ReviewPanel

    win = open_review_window(folder)
    win.resize(1280, 800)
    win.show()
    settle()
    panel = win.panels["review"]
    assert isinstance(panel, ReviewPanel)
    session = panel.session
    session.set_author("Li Wei", remember=False)
    session.record_events(run_trace(win.doc.project))
    session.add_comment("payday", 2500, "Prompt copy feels pushy — soften it")
    session.add_comment("payday", 4200, "Cut the pause before the choice")
    resolved = session.add_comment("save_path", 1200, "Music too loud")
    assert resolved is not None
    session.resolve(resolved.id)
    session.approve("payday")
    win.selection.focus("payday")
    win.playhead.seek(3000)
    settle()
    win.graph.view.zoom_to_fit()
    settle()
    return win


def take(out_dir: Path) -> Path:
    """Save ``review.png`` into ``out_dir``; returns its path."""
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "savings"
        shutil.copytree(SAMPLES / "savings", folder)
        win = review_scene(folder)
        target = out_dir / "review.png"
        win.grab().save(str(target))
        win.close()
        win.deleteLater()
        settle()
    return target


if __name__ == "__main__":
    os.environ.setdefault("DRAMA_STUDIO_DATA_DIR", tempfile.mkdtemp(prefix="studio-shot-"))
    app = QApplication.instance() or QApplication(sys.argv[:1])
    print(take(Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/shots")))
