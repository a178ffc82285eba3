"""Fixtures of the fuzz tests: a work folder, copies of the seeds' media, an exported sample bundle."""

from __future__ import annotations

from pathlib import Path

import pytest

from studio.bundle.export import export_project
from tests.fuzz.seeds import Pool, media_pool, write_project
from tests.fuzz.zipmut import Bundle, parse
from tests.support import SAMPLES


@pytest.fixture(scope="session")
def fuzz_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A session folder; each example works in its own temporary folder below it."""
    return tmp_path_factory.mktemp("fuzz")


@pytest.fixture(scope="session")
def pool(tmp_path_factory: pytest.TempPathFactory) -> Pool:
    return media_pool(tmp_path_factory.mktemp("fuzz-media"))


@pytest.fixture(scope="session")
def sample_bundle(tmp_path_factory: pytest.TempPathFactory, pool: Pool) -> bytes:
    """The bytes of the savings sample exported with the real exporter and the real web player."""
    root = tmp_path_factory.mktemp("fuzz-bundle")
    sample = (SAMPLES / "savings" / "drama.json").read_bytes()
    project = write_project(root / "savings", pool, "savings", sample)
    out = root / "savings.drama.zip"
    export_project(project, out, web_player=True)
    return out.read_bytes()


@pytest.fixture(scope="session")
def bundle(sample_bundle: bytes) -> Bundle:
    """The exported sample, parsed for the zip mutations."""
    return parse(sample_bundle)

