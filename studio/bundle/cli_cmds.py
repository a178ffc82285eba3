"""Command-line glue: ``studio export PROJECT -o FILE [--web-player] [--host-origin URL]...
[--sync]`` and ``studio import FILE -o DIR``.

``--host-origin`` (repeatable) lists the origins of the host pages allowed to embed
the web player (written into the manifest as ``host_origins``; docs/bundle-format.md).
It is allowed without ``--web-player``: a host serving its own copy of the player
reads the same manifest.

``--sync`` makes the export durable before it returns (fsync of the bundle
and its folder); without it the operating system writes it back later, as
with ``cp``.

Progress percentages go to stderr only when stderr is a terminal; errors are
one line on stderr with exit status 2.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable

from studio.bundle.errors import BundleError
from studio.model.errors import one_line


def add_export_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("export", help="export a project as a portable bundle (.drama.zip)")
    p.add_argument("project", metavar="PROJECT", help="project folder or its drama.json")
    p.add_argument("-o", "--output", required=True, metavar="FILE", help="bundle to write")
    p.add_argument(
        "--web-player", action="store_true", help="include the web player (player/index.html)"
    )
    p.add_argument(
        "--host-origin", action="append", default=[], metavar="URL", dest="host_origins",
        help="origin of a host page allowed to embed the web player, e.g. "
        "https://wallet.example.com (repeatable, at most 20; http only for localhost)",
    )
    p.add_argument(
        "--sync", action="store_true",
        help="flush the bundle to disk before returning (survives a power cut; slower)",
    )


def add_import_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("import", help="import a bundle into a new project folder")
    p.add_argument("bundle", metavar="FILE", help="the .drama.zip to import")
    p.add_argument(
        "-o", "--output", required=True, metavar="DIR", help="new (or empty) project folder"
    )


def _progress(verb: str) -> Callable[[int, int], None] | None:
    if not sys.stderr.isatty():
        return None
    last = [-1]

    def show(done: int, total: int) -> None:
        percent = done * 100 // max(total, 1)
        if percent != last[0]:
            last[0] = percent
            sys.stderr.write(f"\r{verb} {percent:3d}%")
            if percent >= 100:
                sys.stderr.write("\n")
            sys.stderr.flush()

    return show


def _fail(exc: BundleError) -> int:
    if sys.stderr.isatty():
        sys.stderr.write("\n")
    sys.stderr.write(f"studio: {one_line(str(exc))}\n")
    return 2


def run_export(args: argparse.Namespace) -> int:
    from studio.bundle.export import export_project

    try:
        result = export_project(
            args.project, args.output, web_player=args.web_player,
            progress=_progress("exporting"), sync=args.sync, host_origins=args.host_origins,
        )
    except BundleError as exc:
        return _fail(exc)
    mb = result.bytes / 1e6
    sys.stdout.write(f"exported {result.files} files ({mb:.1f} MB) to {result.path}\n")
    return 0


def run_import(args: argparse.Namespace) -> int:
    from studio.bundle.importer import import_bundle
    from studio.model.io import project_file

    try:
        folder = import_bundle(args.bundle, args.output, progress=_progress("importing"))
    except BundleError as exc:
        return _fail(exc)
    sys.stdout.write(f"imported {args.bundle} to {folder} (open {project_file(folder)})\n")
    return 0
