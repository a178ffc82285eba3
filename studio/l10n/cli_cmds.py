"""``studio l10n export PROJECT --locale LOC -o FILE`` and ``studio l10n import PROJECT FILE``.

Argparse glue for ``studio.cli``.  Exit codes: 0 done, 2 refused (one line on stderr naming
the file and the unit; nothing written).
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from studio.l10n.exchange import ExchangeError, export, import_file
from studio.model.errors import ProjectError, one_line


def add_l10n_parser(sub: Any) -> None:
    p = sub.add_parser("l10n", help="export or import the drama's text for translators (gettext PO)")
    inner = p.add_subparsers(dest="l10n_command", metavar="ACTION", required=True)
    e = inner.add_parser("export", help="write a PO file of every text for one target locale")
    e.add_argument("project", metavar="PROJECT")
    e.add_argument("--locale", required=True, metavar="LOC", help="the target locale (BCP 47, e.g. en)")
    e.add_argument("-o", "--output", required=True, metavar="FILE", help="the PO file to write")
    i = inner.add_parser("import", help="apply a translated PO file to the project (all or nothing)")
    i.add_argument("project", metavar="PROJECT")
    i.add_argument("file", metavar="FILE", help="the PO file")


def run_l10n(args: argparse.Namespace) -> int:
    try:
        if args.l10n_command == "export":
            count = export(args.project, args.locale, args.output)
            sys.stdout.write(f"wrote {count} units for {args.locale} to {args.output}\n")
            return 0
        done = import_file(args.project, args.file)
    except (ExchangeError, ProjectError) as exc:
        sys.stderr.write(f"studio: {one_line(str(exc))}\n")
        return 2
    if done.written is None:
        sys.stdout.write(f"{done.locale}: nothing changed ({done.unchanged} unchanged, {done.empty} "
                         "untranslated); the project was not written\n")
    else:
        sys.stdout.write(f"{done.locale}: {done.changed} translations imported ({done.unchanged} unchanged, "
                         f"{done.empty} untranslated) into {done.written}\n")
    return 0
