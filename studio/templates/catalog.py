"""The template catalog and how a template becomes a project folder."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from studio.model.errors import ProjectError
from studio.model.io import PROJECT_FILE, save
from studio.model.project import Project
from studio.templates import blank, stories


class TemplateError(ProjectError):
    """A template cannot be created there (one line naming the folder)."""


@dataclass(frozen=True)
class Template:
    """A starting point: its id (``studio new --template ID``), its name and one line about it."""

    id: str
    name: str
    summary: str
    default_title: str
    make: Callable[[str], Project]


TEMPLATES: dict[str, Template] = {
    t.id: t
    for t in (
        Template(
            "savings", "Scripted savings",
            "A savings goal, a choice that deposits money, a savings prompt and two endings.",
            stories.SAVINGS_TITLE, stories.savings,
        ),
        Template(
            "shoppable", "Shoppable drama",
            "A product, a tappable product tag over the action, a choice and two endings.",
            stories.SHOPPABLE_TITLE, stories.shoppable,
        ),
        Template(
            "blank", "Blank",
            "An empty drama: import your clips or add placeholder scenes yourself.",
            blank.TITLE, blank.blank,
        ),
    )
}


def build(kind: str, title: str | None = None) -> Project:
    """The project of template ``kind`` (KeyError names the known ones)."""
    try:
        template = TEMPLATES[kind]
    except KeyError:
        known = ", ".join(TEMPLATES)
        raise KeyError(f"unknown template {kind!r} (known: {known})") from None
    return template.make((title or "").strip() or template.default_title)


def create(folder: str | os.PathLike[str], kind: str, title: str | None = None) -> Path:
    """Write template ``kind`` as a new project in ``folder`` (created if needed); returns drama.json.

    Refuses (TemplateError, one line) a folder that already holds a project, and a path that
    is a file; nothing is written then.  The write itself is atomic.
    """
    where = Path(folder)
    if where.exists() and not where.is_dir():
        raise TemplateError(f"{where}: is a file, not a folder")
    if (where / PROJECT_FILE).exists():
        raise TemplateError(f"{where}: already holds a project ({PROJECT_FILE}); choose a new folder")
    project = build(kind, title)
    return save(project, where / PROJECT_FILE, keep_backup=False)
