"""The CLI's sub-commands are plain imports of their packages' functions (#14 item 3)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from studio import cli
from studio.bundle import cli_cmds as bundle_cmds
from studio.engine import cli_play
from studio.graph import cli_cmds as graph_cmds
from studio.templates import cli_cmds as template_cmds
from tests.support import ROOT, SAMPLES


def test_every_sub_command_runs_its_packages_function() -> None:
    parser = cli.get_parser()
    project = str(SAMPLES / "savings")
    expected = {
        ("validate", project): graph_cmds.run_validate,
        ("stats", project): graph_cmds.run_stats,
        ("play", project): cli_play.run_play,
        ("export", project, "-o", "out.zip"): bundle_cmds.run_export,
        ("import", "in.zip", "-o", "out"): bundle_cmds.run_import,
        ("new", "folder", "--template", "savings"): template_cmds.run_new,
        ("info", project): cli.cmd_info,
        ("probe", "clip.mp4"): cli.cmd_probe,
        ("open", project): cli.cmd_gui,
        ("review", project): cli.cmd_review,
    }
    for argv, func in expected.items():
        assert parser.parse_args(list(argv)).func is func, argv
    names = [c.name for c in cli.COMMANDS]
    assert names[:5] == ["validate", "stats", "play", "export", "import"] and "new" in names


@pytest.mark.parametrize("panel", ["studio.ui.problems", "studio.ui.timeline"])
def test_a_panel_that_cannot_be_imported_stops_the_studio_in_one_line(panel: str, tmp_path: Path) -> None:
    """No placeholder dock: ``studio open`` says the window cannot start, naming the panel."""
    code = (
        f"import sys; sys.modules[{panel!r}] = None\n"
        "from studio.cli import main\n"
        f"sys.exit(main(['open', {str(SAMPLES / 'savings')!r}]))\n"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", DRAMA_STUDIO_DATA_DIR=str(tmp_path))
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=120, check=False)
    assert proc.returncode == 2, proc.stdout + proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and "the studio window cannot start" in lines[0] and panel in lines[0], lines
    assert "Traceback" not in proc.stderr
