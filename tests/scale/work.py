"""Deterministic measures of how much work a job does: Python lines run, bytes allocated at peak.

Wall-clock times are never asserted in tests (machines are noisy).  What a
super-linear step leaves behind is deterministic instead: a scan of every
scene per scene runs quadratically many lines, a copy of a growing dict per
step allocates quadratically many bytes.  Comparing these counts for two sizes
of the same project shape says whether the work grows linearly.
"""

from __future__ import annotations

import sys
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from types import FrameType
from typing import Any

STUDIO = Path(__file__).resolve().parents[2] / "studio"


def lines_run(job: Callable[[], Any], where: Path = STUDIO) -> int:
    """Line events executed in the Python files under ``where`` while ``job()`` runs."""
    prefix = str(where)
    count = 0

    def local(frame: FrameType, event: str, arg: Any) -> Any:
        nonlocal count
        if event == "line":
            count += 1
        return local

    def calls(frame: FrameType, event: str, arg: Any) -> Any:
        return local if frame.f_code.co_filename.startswith(prefix) else None

    before = sys.gettrace()
    sys.settrace(calls)
    try:
        job()
    finally:
        sys.settrace(before)
    return count


def peak_bytes(job: Callable[[], Any]) -> int:
    """The most memory allocated (and not yet freed) at any time while ``job()`` runs."""
    running = tracemalloc.is_tracing()
    if not running:
        tracemalloc.start()
    try:
        base = tracemalloc.get_traced_memory()[0]
        tracemalloc.reset_peak()
        job()
        return tracemalloc.get_traced_memory()[1] - base
    finally:
        if not running:
            tracemalloc.stop()


def growth(measure: Callable[[int], int], small: int, large: int) -> float:
    """How much ``measure(n)`` grows from ``small`` to ``large``, per unit of size growth.

    1.0 is linear (less: a fixed part); a step quadratic in n gives about ``large / small``."""
    return (measure(large) / measure(small)) / (large / small)
