"""Every vector in tests/vectors/ must replay to its expected trace, event by event."""

from __future__ import annotations

from pathlib import Path

import pytest

from studio.engine.events import check_event_json
from tests.engine.vectors import VECTOR_KEYS, first_mismatch, read_vector, run_vector, vector_files

FILES = vector_files()


def test_vectors_exist() -> None:
    assert len(FILES) >= 30


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_vector(path: Path) -> None:
    vector = read_vector(path)
    assert list(vector) == VECTOR_KEYS
    assert vector["name"] == path.stem
    for event in vector["expected"]:
        check_event_json(event)
    actual = run_vector(vector)
    problem = first_mismatch(vector["expected"], actual)
    assert problem is None, f"{path.name}: {problem}"
