"""Validation and statistics together, sharing one pass over the scenes.

``analyze`` gives exactly ``validate(...)`` and ``stats(...)``, but reads each
scene once and computes reachability once: what a panel showing both (or a
benchmark of both) should call.
"""

from __future__ import annotations

from pathlib import Path

from studio.graph.index import paused_gc
from studio.graph.media_checks import MediaHashCache
from studio.graph.stats import Stats, link_net, new_net, summarise
from studio.graph.stats_dp import run
from studio.graph.validate import Validator
from studio.model import Problem, Project


def analyze(
    project: Project,
    folder: Path | None = None,
    check_media: bool = True,
    cache: MediaHashCache | None = None,
) -> tuple[list[Problem], Stats]:
    """``(validate(project, folder, check_media, cache), stats(project))`` in one pass."""
    with paused_gc():  # (the working data is gone when the collector is back: see paused_gc)
        return _analyze(project, folder, check_media, cache)


def _analyze(
    project: Project, folder: Path | None, check_media: bool, cache: MediaHashCache | None
) -> tuple[list[Problem], Stats]:
    validator = Validator(folder, check_media, cache)
    net = new_net(project)
    problems = validator._validate(project, net)
    ix = validator.index
    assert ix is not None
    shared = link_net(net, ix)
    return problems, summarise(net, run(net, validator.reach if shared else None))
