"""The blank template: a titled project with nothing in it yet (scenes and clips come next)."""

from __future__ import annotations

from studio.model.project import Project

TITLE = "Untitled drama"


def blank(title: str) -> Project:
    return Project(title=title)
