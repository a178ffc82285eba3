"""Helpers of the focused hardening tests (issue #13, project-file side).

A damaged project is a copy of the savings sample (real clips) whose
``drama.json`` text is edited; every reading command then runs on it, in
process under the fuzz tests' watchdog (so a hang fails) and, for a sample,
as a real process. A damaged bundle is the sample exported by the real
exporter with its manifest text edited.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from pathlib import Path

from studio.bundle.export import export_project
from tests.bundle.zipcraft import read_items, replace_manifest, write_items
from tests.fuzz.cli_run import Outcome, check, run, run_process, snapshot
from tests.support import SAMPLES

SAMPLE = SAMPLES / "savings"
SAMPLE_TEXT = (SAMPLE / "drama.json").read_text("utf-8")
# What the sample folder holds (a save or a refusal leaves exactly this: no backup, no temp file).
SAMPLE_ENTRIES = ["drama.json", "media", "subtitles", "translations"]
READERS = ("validate", "info", "stats", "play", "export")
# Characters that must never reach a terminal raw from an error message: line breaks of every kind
# (str.splitlines splits at all of them), escape (colours, cursor moves) and bidi overrides.
RAW_FORBIDDEN = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029\x1b\x00\u202e\u2066"


def project_copy(tmp_path: Path, text: str | bytes, name: str = "project") -> Path:
    """The savings sample (its clips hard-linked or copied) with ``text`` as drama.json."""
    folder = tmp_path / name
    shutil.copytree(SAMPLE, folder, copy_function=_link_or_copy)
    (folder / "drama.json").unlink()
    data = text.encode("utf-8") if isinstance(text, str) else text
    (folder / "drama.json").write_bytes(data)
    return folder


def _link_or_copy(source: str, target: str) -> None:
    try:
        Path(target).hardlink_to(source)
    except OSError:
        shutil.copyfile(source, target)


def sub_first(pattern: str, replacement: str, text: str = SAMPLE_TEXT) -> str:
    """``text`` with the first match of ``pattern`` replaced (the pattern must match)."""
    out, count = re.subn(pattern, lambda _m: replacement, text, count=1)
    assert count == 1, f"{pattern!r} not found"
    return out


def argv(command: str, target: Path, work: Path) -> list[str]:
    extra = ["-o", str(work / f"out-{command}.drama.zip")] if command == "export" else []
    return [command, str(target), *extra]


def assert_clean_line(text: str) -> None:
    """One line (ending in a newline) with nothing raw that could split or recolour it."""
    assert text.endswith("\n") and text.count("\n") == 1, f"not one line: {text!r:.400}"
    body = text[:-1]
    bad = [ch for ch in body if ch in RAW_FORBIDDEN]
    assert not bad, f"raw {bad[0]!r} in an error line: {text!r:.400}"
    assert len(body.splitlines()) == 1


def refused_everywhere(
    folder: Path, work: Path, needles: tuple[str, ...] = (), runner: Callable[..., Outcome] = run,
    commands: tuple[str, ...] = READERS,
) -> list[Outcome]:
    """Every reading command refuses ``folder`` with exit 2 and one clean line holding ``needles``;
    nothing is written anywhere below ``work``."""
    before = snapshot(work)
    outcomes = []
    for command in commands:
        o = check(runner(argv(command, folder, work)), (2,))
        assert_clean_line(o.stderr)
        for needle in needles:
            assert needle in o.stderr, f"{o.command}: {needle!r} not in {o.stderr!r:.400}"
        assert o.stdout == "", f"{o.command}: printed {o.stdout!r:.200} on stdout"
        outcomes.append(o)
    assert snapshot(work) == before, "a refused command wrote something"
    return outcomes


def refused_as_process(folder: Path, work: Path, command: str, needles: tuple[str, ...] = ()) -> Outcome:
    """The same through the real ``studio`` program: its exit code and stderr as a user sees them."""
    return refused_everywhere(folder, work, needles, run_process, (command,))[0]


def export_sample(folder: Path) -> Path:
    """The savings sample exported by the real exporter (no web player)."""
    out = folder / "savings.drama.zip"
    export_project(SAMPLE, out)
    return out


def bundle_with_manifest(good: Path, out: Path, edit: Callable[[str], str]) -> Path:
    """A copy of bundle ``good`` whose manifest text is ``edit(text)``."""
    items = read_items(good)
    text = next(i.data for i in items if i.name == "manifest.json").decode("utf-8")
    return write_items(out, replace_manifest(items, edit(text).encode("utf-8")))


def import_refused(bundle: Path, work: Path, needles: tuple[str, ...] = (),
                   runner: Callable[..., Outcome] = run) -> Outcome:
    """``studio import`` refuses ``bundle`` with one clean line; no project or staging folder is left."""
    target = work / "imported"
    parent_before = snapshot(work)
    o = check(runner(["import", str(bundle), "-o", str(target)]), (2,))
    assert_clean_line(o.stderr)
    for needle in needles:
        assert needle in o.stderr, f"{o.command}: {needle!r} not in {o.stderr!r:.400}"
    assert snapshot(work) == parent_before, "a refused import left something behind"
    return o
