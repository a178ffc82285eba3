"""Run ``studio`` commands for the fuzz tests and check the command-line contract.

In process (fast): ``studio.cli.main(argv)`` with stdout/stderr replaced by
strict UTF-8 text streams (like a real pipe, so unprintable output fails as it
would for a user) under a watchdog that turns a hang into a failure after
``CASE_SECONDS``.  Out of process (real exit codes and stderr): the
``studio`` script next to the running interpreter, with a timeout and a
memory limit.

The contract (``check``): exit code 0, 1 or 2; never a traceback; exit 2
prints exactly one non-empty line on stderr (``str.splitlines`` counts, so a
raw U+2028 or form feed splits it too); exit 1 (validate found problems)
prints its problems on stdout and at most that one line on stderr.
"""

from __future__ import annotations

import contextlib
import io
import json
import math
import os
import resource
import signal
import subprocess
import sys
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import FrameType

from studio.cli import main
from studio.model import dumps, load, save

CASE_SECONDS = 10.0  # one command on one input, in process or not
MEMORY_BYTES = 4 * 1024**3  # address-space limit of a subprocess run
JS_SAFE_INT = 2**53 - 1  # Number.MAX_SAFE_INTEGER
STUDIO = Path(sys.executable).parent / "studio"


@dataclass
class Outcome:
    argv: list[str]
    code: int
    stdout: str
    stderr: str

    @property
    def command(self) -> str:
        return "studio " + " ".join(self.argv)


class _Hang(BaseException):
    """Raised by the watchdog inside a command that ran past its bound."""


@contextlib.contextmanager
def watchdog(seconds: float) -> Iterator[None]:
    """Raise ``_Hang`` in this (main) thread after ``seconds``; restores an outer timer (pytest-timeout)."""

    def fire(signum: int, frame: FrameType | None) -> None:
        raise _Hang

    old_handler = signal.signal(signal.SIGALRM, fire)
    outer, interval = signal.setitimer(signal.ITIMER_REAL, seconds)
    start = time.monotonic()
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old_handler)
        if outer:
            left = outer - (time.monotonic() - start)
            signal.setitimer(signal.ITIMER_REAL, max(left, 0.001), interval)


def _stream(errors: str) -> io.TextIOWrapper:
    return io.TextIOWrapper(io.BytesIO(), encoding="utf-8", errors=errors, write_through=True)


def _text(stream: io.TextIOWrapper) -> str:
    stream.flush()
    raw = stream.buffer
    assert isinstance(raw, io.BytesIO)
    return raw.getvalue().decode("utf-8", "replace")


def run(argv: Sequence[str], seconds: float = CASE_SECONDS) -> Outcome:
    """``studio ARGV`` in process. A traceback or a hang re-raises with the command as a note."""
    argv = [str(a) for a in argv]
    out, err = _stream("strict"), _stream("backslashreplace")  # what Python gives a real pipe
    try:
        with watchdog(seconds), contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                code: object = main(argv)
            except SystemExit as exc:
                code = exc.code
    except _Hang:
        raise AssertionError(f"hang: `studio {' '.join(argv)}` ran for more than {seconds} s") from None
    except Exception as exc:
        exc.add_note(f"command: studio {' '.join(argv)}")
        exc.add_note(f"stderr so far: {_text(err)!r:.300}")
        raise
    outcome = Outcome(argv, code if isinstance(code, int) else (0 if code is None else -1),
                      _text(out), _text(err))
    if not isinstance(code, int) and code is not None:
        outcome.stderr += f"{code}\n"  # SystemExit("message"): Python prints it, exit 1
        outcome.code = 1
    return outcome


def _limits() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_BYTES, MEMORY_BYTES))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


def run_process(argv: Sequence[str], seconds: float = 3 * CASE_SECONDS) -> Outcome:
    """``studio ARGV`` as a real process (interpreter start-up included in ``seconds``)."""
    argv = [str(a) for a in argv]
    env = dict(os.environ, PYTHONIOENCODING="", PYTHONWARNINGS="", PYTHONFAULTHANDLER="")
    try:
        done = subprocess.run(
            [str(STUDIO), *argv], capture_output=True, timeout=seconds, stdin=subprocess.DEVNULL,
            env=env, preexec_fn=_limits, check=False,
        )
    except subprocess.TimeoutExpired:
        raise AssertionError(f"hang: `studio {' '.join(argv)}` ran for more than {seconds} s") from None
    return Outcome(argv, done.returncode, done.stdout.decode("utf-8", "replace"),
                   done.stderr.decode("utf-8", "replace"))


def check(o: Outcome, codes: Sequence[int] = (0, 1, 2)) -> Outcome:
    """The command-line contract; ``codes`` narrows the allowed exit codes for this command."""
    assert "Traceback (most recent call last)" not in o.stderr, f"{o.command}: traceback:\n{o.stderr}"
    assert o.code in (0, 1, 2), f"{o.command}: exit code {o.code} (allowed 0, 1, 2); stderr {o.stderr!r:.400}"
    assert o.code in codes, f"{o.command}: exit code {o.code}, expected {list(codes)}: {o.stderr!r:.400}"
    lines = o.stderr.splitlines()
    if o.code == 2:
        assert len(lines) == 1, f"{o.command}: exit 2 with {len(lines)} lines on stderr: {o.stderr!r:.600}"
        assert lines[0].strip() and o.stderr.endswith("\n"), f"{o.command}: bad stderr {o.stderr!r:.300}"
    elif o.code == 1:
        assert len(lines) <= 1, f"{o.command}: exit 1 with {len(lines)} lines on stderr: {o.stderr!r:.600}"
        assert o.stdout.strip(), f"{o.command}: exit 1 without saying why on stdout"
    return o


def snapshot(folder: Path) -> dict[str, tuple[bool, int, int]]:
    """Every path below ``folder`` with (is_dir, size, mtime_ns): to prove nothing was written."""
    out = {}
    for p in sorted(folder.rglob("*")):
        st = p.lstat()
        out[str(p.relative_to(folder))] = (p.is_dir(), st.st_size, st.st_mtime_ns)
    return out


def check_portable_numbers(data: bytes, where: Path) -> None:
    """Every number in a saved file is one the web player computes with exactly: an int within
    JavaScript's safe range, a finite float (issue #13 items 1 and 5)."""
    stack = [json.loads(data)]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
        elif isinstance(node, int) and not isinstance(node, bool):
            assert -JS_SAFE_INT <= node <= JS_SAFE_INT, f"{where}: saved int {node} beyond 2**53 - 1"
        elif isinstance(node, float):
            assert math.isfinite(node), f"{where}: saved a non-finite number {node}"


def check_round_trip(project: Path, work: Path) -> bytes:
    """An accepted project saves, the saved file loads, and load+save again gives the same bytes."""
    first = save(load(project).project, work / "first", keep_backup=False).read_bytes()
    check_portable_numbers(first, project)
    again = load(work / "first").project
    assert dumps(again) == first, f"{project}: load(save(p)) dumps different bytes"
    second = save(again, work / "second", keep_backup=False).read_bytes()
    assert second == first, f"{project}: save -> load -> save changed the bytes"
    return first
