"""Fixtures of the browser preview tests: writable copies of the sample projects."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.support import SAMPLES


def copy_sample(name: str, dest: Path) -> Path:
    target = dest / name
    shutil.copytree(SAMPLES / name, target, ignore=shutil.ignore_patterns("*.lock", "*.bak"))
    return target


@pytest.fixture
def savings(tmp_path: Path) -> Path:
    """A writable copy of the savings sample (its clips included)."""
    return copy_sample("savings", tmp_path)
