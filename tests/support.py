"""Shared test helpers (importable as ``tests.support``).

In CI (``CI=true``) a missing system dependency is a failure, never a skip.
"""

from __future__ import annotations

import os
import shutil
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
