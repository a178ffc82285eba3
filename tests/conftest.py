"""Test-wide configuration: offscreen Qt, tool requirements, shared fixtures.

In CI (``CI=true``) a missing system dependency (libVLC, Xvfb, Chromium,
ffmpeg) is a failure, never a skip: use ``require()``.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_QUICK_BACKEND", "software")

import pytest

from tests.support import SAMPLES, in_ci, require, require_exe

__all__ = ["in_ci", "require", "require_exe"]


@pytest.fixture(scope="session")
def samples_dir() -> Path:
    return SAMPLES


@pytest.fixture(params=["savings", "shoppable"])
def sample_project(request: pytest.FixtureRequest) -> Path:
    """Each sample drama folder."""
    folder = SAMPLES / str(request.param)
    assert (folder / "drama.json").is_file(), f"sample project {folder} is missing"
    return folder


@pytest.fixture(scope="session", autouse=True)
def _release_clipboard_at_end() -> Iterator[None]:
    """Tests never exec() the app, so aboutToQuit never fires: clear our clipboard
    data before the QApplication is destroyed at interpreter exit."""
    yield
    import sys

    if "studio.ui.graph.panel" in sys.modules:
        sys.modules["studio.ui.graph.panel"].release_clipboard()
