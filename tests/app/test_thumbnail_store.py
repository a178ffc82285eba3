"""Thumbnails are kept on disk (#15 defect 12: 'Loading thumbnails...' on every scene switch):
keyed by clip content, time and size, bounded with LRU eviction, corrupt files ignored."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from studio.app.thumbnails import ThumbnailCache, ThumbStore, strip_images, thumb_store
from tests.support import SAMPLES

CLIP = SAMPLES / "savings" / "media" / "payday.mp4"
SHA = "ab" * 32


def _image(color: int, w: int = 64, h: int = 36) -> QImage:
    image = QImage(w, h, QImage.Format.Format_RGB888)
    image.fill(color)
    return image


def test_a_second_scene_switch_reads_the_strip_from_disk(tmp_path: Path, qapp: Any) -> None:
    """Two switches to the same clip (the in-memory cache gone, as in a new session): one decode."""
    store = ThumbStore(tmp_path / "thumbs")
    first = strip_images(CLIP, SHA, 8, 88, store=store)
    assert (store.hits, store.misses) == (0, 1)
    second = strip_images(CLIP, SHA, 8, 88, store=store)
    assert (store.hits, store.misses) == (1, 1)
    assert len(second) == len(first) == 8
    assert (second[3].width(), second[3].height()) == (first[3].width(), first[3].height())
    # JPEG: close to the decoded frame, not bit-exact
    a, b = first[3].pixelColor(10, 10), second[3].pixelColor(10, 10)
    assert abs(a.red() - b.red()) + abs(a.green() - b.green()) + abs(a.blue() - b.blue()) < 40
    # another size or another clip content is another entry
    strip_images(CLIP, SHA, 8, 44, store=store)
    strip_images(CLIP, "cd" * 32, 8, 88, store=store)
    assert store.misses == 3


def test_graph_thumbnails_of_a_new_document_come_from_disk(
    qtbot: QtBot, savings_copy: Path, document: Any
) -> None:
    document.open(savings_copy)
    media_id = document.project.media[0].id
    for attempt in range(2):
        cache = ThumbnailCache(document)
        store = thumb_store()
        hits = store.hits
        with qtbot.waitSignal(cache.ready, timeout=30_000):
            assert cache.image(media_id) is None
        assert cache.image(media_id) is not None
        assert (store.hits - hits) == attempt  # the second cache read it from disk
        cache.shutdown()
        cache.deleteLater()


@pytest.mark.parametrize(
    "damage",
    [b"", b"not a thumbnail", b"DSTHUMB1\x05\x00\x00\x00", b"DSTHUMB1\x01\x00\x00\x00\x03\x00\x00\x00abc"],
)
def test_a_corrupt_file_is_ignored_and_removed(tmp_path: Path, qapp: Any, damage: bytes) -> None:
    store = ThumbStore(tmp_path)
    name = store.name(SHA, "100", 128)
    store.put(name, [_image(0x336699)])
    assert store.get(name) is not None
    (tmp_path / name).write_bytes(damage)
    assert store.get(name) is None
    assert not (tmp_path / name).exists()
    truncated = tmp_path / store.name(SHA, "200", 128)
    store.put(truncated.name, [_image(0x112233), _image(0x445566)])
    truncated.write_bytes(truncated.read_bytes()[:-10])
    assert store.get(truncated.name) is None


def test_size_is_bounded_least_recently_used_first(tmp_path: Path, qapp: Any) -> None:
    store = ThumbStore(tmp_path)
    store.put("probe", [_image(0x808080, 160, 90)])
    one = (tmp_path / "probe").stat().st_size
    (tmp_path / "probe").unlink()
    store.max_bytes = one * 3 + one // 2  # room for three
    names = [store.name(SHA, str(t), 90) for t in range(5)]
    for n, name in enumerate(names[:3]):
        store.put(name, [_image(0x808080, 160, 90)])
        os.utime(tmp_path / name, ns=(n * 10**9, n * 10**9))
    assert store.get(names[0]) is not None  # used: now the most recent
    store.put(names[3], [_image(0x808080, 160, 90)])
    left = sorted(p.name for p in tmp_path.iterdir())
    assert left == sorted([names[0], names[2], names[3]])  # names[1] was the least recently used
    assert sum(p.stat().st_size for p in tmp_path.iterdir()) <= store.max_bytes
