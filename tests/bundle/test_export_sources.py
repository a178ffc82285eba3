"""What export reads from disk: regular files only, player files bounded (issue #13 hardening).

A FIFO in the project or the player folder would block an ``open()`` forever;
it must stop the export with one line instead.  Each export runs in a thread
with a deadline, and a blocked reader is released by opening the FIFO for
writing, so a regression fails the test instead of hanging the suite.
"""

from __future__ import annotations

import contextlib
import os
import threading
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from studio.bundle import ExportError
from studio.bundle.export import export_project
from studio.bundle.sources import MAX_PLAYER_FILE
from tests.bundle.conftest import make_player


def _run_with_deadline(fn: Callable[[], object], fifo: Path | None, seconds: float = 60) -> BaseException:
    box: list[BaseException] = []

    def target() -> None:
        try:
            fn()
        except BaseException as exc:  # handed to the test thread
            box.append(exc)

    worker = threading.Thread(target=target, daemon=True)
    worker.start()
    worker.join(seconds)
    if worker.is_alive():
        if fifo is not None:  # release the blocked reader
            with contextlib.suppress(OSError):
                os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
        worker.join(10)
        pytest.fail("the export blocked on a FIFO")
    assert box, "the export was expected to fail"
    return box[0]


def test_product_image_that_is_a_fifo(project_dir: Path, tmp_path: Path) -> None:
    image = project_dir / "img" / "serum.JPG"
    image.unlink()
    os.mkfifo(image)
    out = tmp_path / "x.drama.zip"
    exc = _run_with_deadline(lambda: export_project(project_dir, out), image)
    assert isinstance(exc, ExportError)
    assert "product 'serum' > image 'img/serum.JPG': not a regular file" in str(exc)
    assert not out.exists()


def test_player_folder_fifo_is_skipped_not_read(project_dir: Path, tmp_path: Path) -> None:
    """Only regular files of the player folder are taken (like its dot files, others are left out)."""
    player = make_player(tmp_path / "pl")
    fifo = player / "lib" / "pipe.js"
    os.mkfifo(fifo)
    out = tmp_path / "x.drama.zip"
    done: list[object] = []
    worker = threading.Thread(
        target=lambda: done.append(export_project(project_dir, out, web_player=True, player_dir=player)),
        daemon=True,
    )
    worker.start()
    worker.join(60)
    if worker.is_alive():
        with contextlib.suppress(OSError):
            os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
        pytest.fail("the export blocked on a FIFO")
    assert done
    with zipfile.ZipFile(out) as zf:
        names = zf.namelist()
    assert "player/lib/style.css" in names and "player/lib/pipe.js" not in names


def test_oversized_player_file_is_refused_before_reading(project_dir: Path, tmp_path: Path) -> None:
    player = make_player(tmp_path / "pl")
    with (player / "huge.js").open("wb") as fh:
        fh.truncate(MAX_PLAYER_FILE + 1)  # sparse: refused by its size, never read
    with pytest.raises(ExportError, match=r"^web player file 'huge.js': is larger than 16 MiB$"):
        export_project(project_dir, tmp_path / "x.drama.zip", web_player=True, player_dir=player)
