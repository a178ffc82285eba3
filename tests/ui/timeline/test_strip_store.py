"""The timeline strip goes through the thumbnail store on disk (#15 defect 12): a clip's strip
decoded once is read back from disk by a later loader (a new session: the in-memory cache gone)."""

from __future__ import annotations

from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from studio.app.thumbnails import ThumbStore, thumb_store
from studio.ui.timeline import strip
from tests.support import SAMPLES

CLIP = SAMPLES / "savings" / "media" / "payday.mp4"
SHA = "ef" * 32

pytestmark = pytest.mark.gui


def _load(qtbot: QtBot, duration_ms: int) -> strip.StripLoader:
    loader = strip.StripLoader()
    with qtbot.waitSignal(loader.ready, timeout=30_000):
        loader.request(CLIP, SHA, duration_ms)
    assert loader.error is None
    return loader


def test_a_strip_decoded_once_is_read_from_disk_next_time(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, qapp: Any
) -> None:
    monkeypatch.setattr(strip, "_CACHE", type(strip._CACHE)())
    store: ThumbStore = thumb_store()
    hits, misses = store.hits, store.misses
    first = _load(qtbot, 4000)
    count = strip.thumb_count(4000)
    assert len(first.images) == count
    assert (store.hits - hits, store.misses - misses) == (0, 1)
    assert (store.folder / store.name(SHA, f"strip{count}", strip.THUMB_HEIGHT)).is_file()

    strip._CACHE.clear()  # a new session: only the disk remembers
    second = _load(qtbot, 4000)
    assert (store.hits - hits, store.misses - misses) == (1, 1)
    assert [(i.width(), i.height()) for i in second.images] == [(i.width(), i.height()) for i in first.images]

    third = _load(qtbot, 4000)  # the same session: from memory, the disk not read again
    assert third.images is second.images
    assert (store.hits - hits, store.misses - misses) == (1, 1)
