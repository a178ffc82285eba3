"""The host bridge suite in headless Firefox (Debian's firefox-esr, WebDriver BiDi) and, to check
the suite itself, in Chromium (CDP), both driven by puppeteer-core from node
(tests/browser-node/bridge_suite.js) against the three origins of tests/player/sites.py.

Needs node, the npm packages of tests/browser-node (scripts/setup.sh runs ``npm ci`` there) and
the browser: missing ones skip locally and fail in CI.
"""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest

from tests.player.sites import Sites
from tests.player.support import CHROMIUM
from tests.support import ROOT, require, require_exe

pytestmark = [pytest.mark.browser, pytest.mark.slow]

NODE_DIR = ROOT / "tests" / "browser-node"
FIREFOX = "/usr/bin/firefox-esr"
BROWSERS = {"firefox": FIREFOX, "chrome": CHROMIUM}


@pytest.mark.parametrize("name", ["firefox", "chrome"])
def test_bridge_suite(name: str, sites: Sites) -> None:
    executable = BROWSERS[name]
    require(Path(executable).is_file(), f"{name} ({executable})")
    node = require_exe("node")
    require((NODE_DIR / "node_modules" / "puppeteer-core").is_dir(),
            "puppeteer-core (npm ci in tests/browser-node, see scripts/setup.sh)")
    config = {"browser": name, "executablePath": executable,
              "player": sites.player, "host": sites.host, "other": sites.other}
    run = subprocess.run(
        [node, str(NODE_DIR / "bridge_suite.js"), json.dumps(config)],
        cwd=NODE_DIR, capture_output=True, text=True, timeout=540, check=False,
    )
    lines = run.stdout.splitlines()
    failed = [line for line in lines if line.startswith("not ok")]
    assert failed == [] and run.returncode == 0, "\n".join(lines) + run.stderr[-2000:]
    scenarios = re.findall(r"^scenarios\.(\w+) = async", (NODE_DIR / "bridge_suite.js").read_text("utf-8"),
                           re.MULTILINE)
    assert [line.removeprefix("ok ") for line in lines if line.startswith("ok ")] == scenarios
    assert lines[-1] == f"{len(scenarios)} passed, 0 failed"
    print(lines[0])  # the browser's version, for the log
