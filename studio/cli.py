"""Headless command line: ``studio probe|validate|info|stats|play|export|import``.

``studio`` with no arguments, ``studio open PROJECT`` and ``studio review
PROJECT`` start the GUI; the GUI is imported lazily, so importing this module
never imports PySide6 or vlc.  Every error is one line on stderr; exit codes:
0 ok, 1 problems found (validate), 2 bad input.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import traceback
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from studio import __version__
from studio.bundle import cli_cmds as bundle_cmds
from studio.engine import cli_play
from studio.graph import cli_cmds as graph_cmds
from studio.l10n import cli_cmds as l10n_cmds
from studio.model.errors import one_line
from studio.preview_web import cli_cmds as web_cmds
from studio.subtitles import cli_cmds as subtitle_cmds
from studio.templates import cli_cmds as template_cmds


@dataclass(frozen=True)
class Command:
    """A sub-command of a Qt-free package: its name, how to add its parser, how to run it."""

    name: str
    add_parser: Callable[[argparse._SubParsersAction[argparse.ArgumentParser]], object]
    run: Callable[[argparse.Namespace], int]


COMMANDS: tuple[Command, ...] = (
    Command("validate", graph_cmds.add_validate_parser, graph_cmds.run_validate),
    Command("stats", graph_cmds.add_stats_parser, graph_cmds.run_stats),
    Command("play", cli_play.add_play_parser, cli_play.run_play),
    Command("export", bundle_cmds.add_export_parser, bundle_cmds.run_export),
    Command("import", bundle_cmds.add_import_parser, bundle_cmds.run_import),
    Command("preview-web", web_cmds.add_preview_web_parser, web_cmds.run_preview_web),
    Command("new", template_cmds.add_new_parser, template_cmds.run_new),
    Command("l10n", l10n_cmds.add_l10n_parser, l10n_cmds.run_l10n),
    Command("subtitles", subtitle_cmds.add_subtitles_parser, subtitle_cmds.run_subtitles),
    Command("dubs", subtitle_cmds.add_dubs_parser, subtitle_cmds.run_dubs),
)


INTERNAL_ERROR = 70  # EX_SOFTWARE


def _err(msg: str) -> int:
    print(f"studio: {one_line(msg)}", file=sys.stderr)
    return 2


def cmd_probe(args: argparse.Namespace) -> int:
    from studio.media.probe import ProbeError, probe

    status = 0
    for path in args.files:
        try:
            result = probe(path)
        except ProbeError as exc:
            status = _err(str(exc))
            continue
        print(json.dumps(result.to_json(), ensure_ascii=False))
    return status


def cmd_info(args: argparse.Namespace) -> int:
    from studio.model import ProjectError, load
    from studio.model.currency import format_money

    try:
        loaded = load(args.project)
    except ProjectError as exc:
        return _err(str(exc))
    p = loaded.project
    endings = [s.id for s in p.scenes if s.ending]
    info = {
        "title": p.title,
        "file": str(loaded.path),
        "schema_version": p.schema_version,
        "migrated_from": loaded.migrated_from,
        "aspect": p.aspect,
        "locale": p.locale,
        "currency": p.currency,
        "scenes": len(p.scenes),
        "options": sum(len(s.choice.options) for s in p.scenes if s.choice),
        "endings": endings,
        "start": p.start,
        "media": len(p.media),
        "media_bytes": sum(m.size for m in p.media),
        "goals": {g.id: format_money(g.target, p.currency) for g in p.goals},
        "products": len(p.products),
        "variables": {v.id: v.default for v in p.variables},
    }
    if args.json:
        print(json.dumps(info, ensure_ascii=False, indent=2))
    else:
        for key, value in info.items():
            print(f"{key:>15}: {one_line(str(value))}")
    return 0


def cmd_gui(args: argparse.Namespace) -> int:
    try:  # imported here: the CLI itself never imports Qt or vlc
        from studio.ui.launch import run
    except ImportError as exc:
        return _err(f"the studio window cannot start: {exc}")
    return run(getattr(args, "project", None), read_only=getattr(args, "read_only", False),
               language=getattr(args, "language", None))


def cmd_review(args: argparse.Namespace) -> int:
    try:
        from studio.ui.launch import run_review
    except ImportError as exc:
        return _err(f"the studio window cannot start: {exc}")
    return run_review(args.project)


def get_parser() -> argparse.ArgumentParser:
    """The argument parser; each sub-command's ``func`` runs it."""
    parser = argparse.ArgumentParser(prog="studio", description="Drama Studio")
    parser.add_argument("--version", action="version", version=f"drama-studio {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("probe", help="probe media files (JSON line per file)")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.set_defaults(func=cmd_probe)

    p = sub.add_parser("info", help="summarise a project")
    p.add_argument("project", metavar="PROJECT")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_info)

    p = sub.add_parser("open", help="open a project in the studio window")
    p.add_argument("project", metavar="PROJECT", nargs="?")
    p.add_argument("--read-only", action="store_true")
    p.add_argument("--language", choices=("en", "zh_CN"),
                   help="the studio's language this time (default: Preferences, else the system's)")
    p.set_defaults(func=cmd_gui)

    p = sub.add_parser("review", help="open a project read-only for review")
    p.add_argument("project", metavar="PROJECT")
    p.set_defaults(func=cmd_review)

    for command in COMMANDS:
        command.add_parser(sub)
        sub.choices[command.name].set_defaults(func=command.run)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = get_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        return cmd_gui(args)
    try:
        result: int = args.func(args)
    except KeyboardInterrupt:
        return _err("interrupted")
    except BrokenPipeError:
        return 0
    except MemoryError:
        return _err("out of memory")
    except Exception as exc:  # a bug: still one line, never a bare traceback
        if os.environ.get("STUDIO_DEBUG"):
            traceback.print_exc()
        print(
            f"studio: internal error in {args.command}: {type(exc).__name__}: {one_line(str(exc))}"
            " (please report it; STUDIO_DEBUG=1 shows the traceback)",
            file=sys.stderr,
        )
        return INTERNAL_ERROR
    return result


if __name__ == "__main__":
    raise SystemExit(main())
