"""Shared test helpers (importable as ``tests.support``).

In CI (``CI=true``) a missing system dependency is a failure, never a skip.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "sample_projects"


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() == "true"


def require(condition: bool, what: str) -> None:
    """Skip locally, fail in CI, when a system dependency is missing."""
    if condition:
        return
    if in_ci():
        pytest.fail(f"CI needs {what}, but it is missing", pytrace=False)
    pytest.skip(f"{what} is not installed")


def require_exe(name: str) -> str:
    path = shutil.which(name)
    require(path is not None, f"the '{name}' program")
    assert path is not None
    return path


def _free_display() -> int:
    for number in range(90, 140):
        if not Path(f"/tmp/.X{number}-lock").exists() and not Path(f"/tmp/.X11-unix/X{number}").exists():
            return number
    raise RuntimeError("no free X display number")


@contextmanager
def xvfb_display(screen: str = "1280x800x24") -> Iterator[str]:
    """Start Xvfb on a free display for the block; yields ``":N"`` for DISPLAY."""
    xvfb = require_exe("Xvfb")
    number = _free_display()
    server = subprocess.Popen(
        [xvfb, f":{number}", "-screen", "0", screen, "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 10
        while not Path(f"/tmp/.X11-unix/X{number}").exists():
            assert server.poll() is None and time.monotonic() < deadline, "Xvfb did not start"
            time.sleep(0.05)
        yield f":{number}"
    finally:
        server.terminate()
        server.wait(timeout=10)
