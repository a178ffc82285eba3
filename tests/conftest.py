"""Test-wide configuration: offscreen Qt, tool requirements, shared fixtures.

In CI (``CI=true``) a missing system dependency (libVLC, Xvfb, Chromium,
ffmpeg) is a failure, never a skip: use ``require()``.
"""

from __future__ import annotations

import os
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
