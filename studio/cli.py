"""Headless command line: ``studio probe|validate|info|stats|play|export|import``.

``studio`` with no arguments, ``studio open PROJECT`` and ``studio review
PROJECT`` start the GUI; the GUI is imported lazily, so importing this module
never imports PySide6 or vlc.  Every error is one line on stderr; exit codes:
0 ok, 1 problems found (validate), 2 bad input.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import sys
import traceback
from collections.abc import Callable, Sequence

from studio import __version__
from studio.model.errors import one_line

# Subcommands contributed by Qt-free packages: (module, add_parser, run).
_PLUGINS: tuple[tuple[str, str, str], ...] = (
    ("studio.graph.cli_cmds", "add_validate_parser", "run_validate"),
    ("studio.graph.cli_cmds", "add_stats_parser", "run_stats"),
    ("studio.engine.cli_play", "add_play_parser", "run_play"),
    ("studio.bundle.cli_cmds", "add_export_parser", "run_export"),
    ("studio.bundle.cli_cmds", "add_import_parser", "run_import"),
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
            print(f"{key:>15}: {value}")
    return 0


def cmd_validate_structural(args: argparse.Namespace) -> int:
    """Fallback when studio.graph is not installed: load + timing checks."""
    from studio.model import ProjectError, check_timing, load

    try:
        project = load(args.project).project
    except ProjectError as exc:
        return _err(str(exc))
    problems = check_timing(project)
    if getattr(args, "json", False):
        print(json.dumps([p.to_json() for p in problems], ensure_ascii=False, indent=2))
    else:
        for p in problems:
            print(p)
        if not problems:
            print("ok: no problems")
    return 1 if any(p.severity == "error" for p in problems) else 0


def cmd_gui(args: argparse.Namespace) -> int:
    try:
        launch = importlib.import_module("studio.ui.launch")
    except ImportError as exc:
        return _err(f"the studio window cannot start: {exc}")
    run: Callable[..., int] = launch.run
    return run(getattr(args, "project", None), read_only=getattr(args, "read_only", False))


def cmd_review(args: argparse.Namespace) -> int:
    try:
        launch = importlib.import_module("studio.ui.launch")
    except ImportError as exc:
        return _err(f"the studio window cannot start: {exc}")
    run_review: Callable[[str], int] | None = getattr(launch, "run_review", None)
    if run_review is None:
        return _err("review mode is not available in this build")
    return run_review(args.project)


def get_parser() -> tuple[argparse.ArgumentParser, set[str]]:
    """The argument parser and the set of subcommands provided by plugins."""
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
    p.set_defaults(func=cmd_gui)

    p = sub.add_parser("review", help="open a project read-only for review")
    p.add_argument("project", metavar="PROJECT")
    p.set_defaults(func=cmd_review)

    provided: set[str] = set()
    for module_name, add_name, run_name in _PLUGINS:
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as exc:
            if exc.name and module_name.startswith(exc.name):
                continue  # that package is not part of this build
            raise
        before = set(sub.choices)
        getattr(module, add_name)(sub)
        for name in set(sub.choices) - before:
            sub.choices[name].set_defaults(func=getattr(module, run_name))
            provided.add(name)

    if "validate" not in sub.choices:
        p = sub.add_parser("validate", help="check a project (structure and timing)")
        p.add_argument("project", metavar="PROJECT")
        p.add_argument("--json", action="store_true")
        p.set_defaults(func=cmd_validate_structural)
    return parser, provided


def main(argv: Sequence[str] | None = None) -> int:
    parser, _ = get_parser()
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
