"""``studio new DIR --template savings|shoppable|blank [--title T]``: argparse glue for ``studio.cli``.

Exit codes: 0 created, 2 refused (the folder already holds a project, or is a file; one line on
stderr naming it; nothing written).
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from studio.model.errors import ProjectError, one_line
from studio.templates.catalog import TEMPLATES, create


def add_new_parser(sub: Any) -> None:
    p = sub.add_parser("new", help="create a project folder from a template (it validates)")
    p.add_argument("folder", metavar="DIR", help="the new project's folder (created if needed)")
    p.add_argument("--template", choices=list(TEMPLATES), default="blank",
                   help="what to start from: " + "; ".join(f"{t.id}: {t.name}" for t in TEMPLATES.values()))
    p.add_argument("--title", help="the drama's title (default: the template's)")


def run_new(args: argparse.Namespace) -> int:
    try:
        written = create(args.folder, args.template, args.title)
    except ProjectError as exc:
        sys.stderr.write(f"studio: {one_line(str(exc))}\n")
        return 2
    template = TEMPLATES[args.template]
    folder = written.parent
    sys.stdout.write(f"created {folder} ({template.name}); open it with: studio open {folder}\n")
    return 0
