"""The studio quits cleanly (exit code 0) after a copy to the clipboard.

A QMimeData left on the clipboard used to crash PySide6 at interpreter exit.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.support import ROOT, SAMPLES

SCRIPT = textwrap.dedent(
    """
    import sys
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication
    app = QApplication([])
    from studio.ui.main_window import MainWindow
    window = MainWindow()
    assert window.open_project(sys.argv[1])
    window.show()
    def go():
        window.selection.set(["payday"])
        window.trigger("edit.copy")
        assert QApplication.clipboard().mimeData().hasFormat("application/x-drama-studio-scenes")
        window.close()
        app.quit()
    QTimer.singleShot(200, go)
    sys.exit(app.exec())
    """
)


@pytest.mark.gui
def test_copy_then_quit_exits_cleanly(tmp_path: Path) -> None:
    project = tmp_path / "savings"
    project.mkdir()
    (project / "drama.json").write_bytes((SAMPLES / "savings" / "drama.json").read_bytes())
    (project / "media").symlink_to(SAMPLES / "savings" / "media")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path / "cfg"),
           "XDG_DATA_HOME": str(tmp_path / "data"), "STUDIO_PREVIEW_AUDIO": "0"}
    proc = subprocess.run([sys.executable, "-c", SCRIPT, str(project)], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120, check=False)
    assert proc.returncode == 0, proc.stderr[-3000:]
