"""Fixtures for the app layer: offscreen Qt, a private data dir, sample copies."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from studio.app.paths import ENV_DATA_DIR
from tests.support import SAMPLES


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Recovery files, settings and caches go to a temporary folder."""
    folder = tmp_path / "studio-data"
    monkeypatch.setenv(ENV_DATA_DIR, str(folder))
    return folder


@pytest.fixture
def savings_copy(tmp_path: Path) -> Path:
    """A writable copy of the savings sample project folder."""
    target = tmp_path / "savings"
    shutil.copytree(SAMPLES / "savings", target)
    return target


@pytest.fixture
def document(qapp: object) -> Iterator[object]:
    from studio.app.document import Document

    doc = Document()
    yield doc
    doc.close()
    doc.deleteLater()
