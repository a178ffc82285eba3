"""``studio play PROJECT [--from SCENE] [--set VAR=VALUE ...] [--inputs FILE] [--timers ...] [--wallet ...]``.

Plays a project headlessly with the trace runner and prints one event per
line as compact JSON (keys: type, clock, scene, t, then the payload in
contract order).  Any bad argument, project or input file gives one line on
stderr and exit status 2.  ``studio.cli`` wires ``add_play_parser`` /
``run_play``; ``python -m studio.engine.cli_play`` runs it standalone.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import Any

from studio.engine.errors import EngineError
from studio.engine.runner import DEFAULT_LIMIT_MS, parse_inputs, run_trace
from studio.engine.state import Value
from studio.engine.wallet import SimulatedWallet
from studio.model import Project, ProjectError, load
from studio.model.errors import one_line, quote
from studio.model.io import parse_json
from studio.model.safe_read import ReadRefused, read_regular
from studio.model.types import MAX_SAFE_INT

TIMERS = ("normal", "x2", "x10", "off")


class PlayError(Exception):
    """A bad command line or input file (one line)."""


def add_play_parser(subparsers: Any) -> argparse.ArgumentParser:
    """Add the ``play`` sub-command to an argparse ``subparsers`` object."""
    p: argparse.ArgumentParser = subparsers.add_parser(
        "play", help="play a project headlessly and print the event trace as JSON lines"
    )
    _add_arguments(p)
    p.set_defaults(func=run_play)
    return p


def _add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("project", help="project folder (or its drama.json)")
    p.add_argument("--from", dest="from_scene", metavar="SCENE", help="start at this scene")
    p.add_argument(
        "--set", dest="sets", action="append", default=[], metavar="VAR=VALUE",
        help="override a variable's starting value (repeatable)",
    )
    p.add_argument("--inputs", metavar="FILE", help="JSON list of timed viewer inputs")
    p.add_argument("--timers", choices=TIMERS, default="normal", help="choice timers (WCAG 2.2.1)")
    p.add_argument(
        "--limit-ms", type=int, default=DEFAULT_LIMIT_MS, metavar="MS",
        help=f"stop at this clock (default {DEFAULT_LIMIT_MS})",
    )
    p.add_argument(
        "--wallet", default="accept", metavar="accept|refuse|none|balance:N",
        help="the simulated host wallet answering deposits (default accept; none: only the "
        "deposit_result inputs answer; balance:N refuses deposits over N minor units)",
    )
    p.add_argument("--playthrough", default="p1", metavar="ID", help="playthrough id (default p1)")
    p.add_argument(
        "--replay", action="store_true",
        help="play as a replay (deposits are simulated unless the project's replay_deposits is set)",
    )


def parse_sets(project: Project, sets: list[str]) -> dict[str, Value]:
    """``VAR=VALUE`` strings -> typed values by the variables' declared types."""
    types = {v.id: v.type for v in project.variables}
    out: dict[str, Value] = {}
    for item in sets:
        name, sep, text = item.partition("=")
        if not sep or not name:
            raise PlayError(f"--set {item!r}: expected VAR=VALUE")
        kind = types.get(name)
        if kind is None:
            raise PlayError(f"--set {name}: unknown variable '{name}'")
        if kind == "int":
            if not re.fullmatch(r"[+-]?[0-9]+", text):
                raise PlayError(f"--set {name}: {quote(text)} is not an int")
            if len(text.lstrip("+-").lstrip("0")) > 16 or abs(int(text)) > MAX_SAFE_INT:
                raise PlayError(
                    f"--set {name}: variable '{name}' is outside ±{MAX_SAFE_INT} (2**53 - 1), "
                    f"got {quote(text)}"
                )
            out[name] = int(text)
        elif kind == "bool":
            if text not in ("true", "false"):
                raise PlayError(f"--set {name}: '{text}' is not a bool (true/false)")
            out[name] = text == "true"
        else:
            out[name] = text
    return out


def parse_wallet(text: str) -> SimulatedWallet:
    """``accept`` | ``refuse`` | ``none`` | ``balance:N`` -> the simulated wallet."""
    name, sep, amount = text.partition(":")
    if sep and name == "balance" and re.fullmatch(r"[0-9]{1,16}", amount) and int(amount) <= MAX_SAFE_INT:
        return SimulatedWallet("accept", int(amount))
    if not sep and name in ("accept", "refuse", "none"):
        return SimulatedWallet.from_json(name)
    raise PlayError(
        f"--wallet {quote(text)}: expected accept, refuse, none or balance:N "
        f"(N minor units, at most {MAX_SAFE_INT})"
    )


MAX_INPUTS_BYTES = 16 * 1024 * 1024


def _read_inputs(path: str) -> Any:
    try:
        data = read_regular(Path(path), MAX_INPUTS_BYTES)  # a FIFO or /dev/zero never blocks
    except ReadRefused as exc:
        raise PlayError(f"{path}: {exc}") from None
    except OSError as exc:
        raise PlayError(f"{path}: cannot read ({exc.strerror or exc})") from None
    try:
        return parse_inputs(parse_json(data, max_bytes=MAX_INPUTS_BYTES))
    except (ProjectError, EngineError) as exc:
        raise PlayError(f"{path}: {exc}") from None


def event_line(event: dict[str, Any]) -> str:
    """One event as the CLI prints it (compact, UTF-8, contract key order)."""
    return json.dumps(event, ensure_ascii=False, separators=(",", ":"), sort_keys=False)


def run_play(args: argparse.Namespace) -> int:
    """Run ``studio play``; returns the exit status (0 ok, 2 bad input)."""
    try:
        project = load(args.project).project
        variables = parse_sets(project, list(args.sets or []))
        inputs = _read_inputs(args.inputs) if args.inputs else []
        limit = getattr(args, "limit_ms", DEFAULT_LIMIT_MS)
        if limit < 0:
            raise PlayError(f"--limit-ms: must be >= 0, got {limit}")
        wallet = parse_wallet(getattr(args, "wallet", "accept"))
        trace = run_trace(
            project, args.from_scene, variables, args.timers, inputs, limit,
            playthrough=getattr(args, "playthrough", "p1"), replay=bool(getattr(args, "replay", False)),
            wallet=wallet,
        )
    except (ProjectError, PlayError, EngineError) as exc:
        sys.stderr.write(f"studio play: error: {one_line(str(exc))}\n")
        return 2
    sys.stdout.write("".join(event_line(e) + "\n" for e in trace))
    sys.stdout.flush()
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="studio play", description=__doc__.splitlines()[0])
    _add_arguments(parser)
    return run_play(parser.parse_args(argv))


if __name__ == "__main__":
    raise SystemExit(main())
