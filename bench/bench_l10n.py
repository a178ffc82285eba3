"""Benchmark of localisation: the translators' PO exchange, validation with translations, subtitles.

For synthetic projects of 1,000 and 10,000 scenes (``gen_project.generate``) with one target
locale (``en``) it times, as medians of interleaved runs:

- baseline: loading and dumping the project (``project_from_raw`` + ``dumps``): what any command
  that edits the project costs in this very run;
- PO export (``studio l10n export``: load, catalogue, render with polib, write);
- PO import of a fully translated file (``studio l10n import``: load, read with polib, check every
  unit, validate, save);
- validation without translations, and with every text translated (the cost of ``l10n_checks``);
- subtitles: reading a 5,000-cue WebVTT file (``read_subtitles``) against ``json.loads`` of the
  same cues (a format-free baseline), and writing it back (``to_vtt``).

Only ratios measured in the same run compare (the machine is shared).

Usage: ``python bench/bench_l10n.py [--sizes 1000 10000] [--runs 5]``
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import polib  # noqa: E402
from gen_project import generate  # noqa: E402

from studio.graph import validate  # noqa: E402
from studio.l10n.exchange import export, import_file  # noqa: E402
from studio.model import dumps, load, save  # noqa: E402
from studio.model.io import project_from_raw  # noqa: E402
from studio.model.tracks import Cue  # noqa: E402
from studio.subtitles import read_subtitles, to_vtt  # noqa: E402


def median_ms(fn: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def translated_po(folder: Path, out: Path) -> Path:
    """The exported PO with every msgstr filled (the source text, marked as English)."""
    export(folder, "en", out)
    po = polib.pofile(str(out))
    for entry in po:
        entry.msgstr = entry.msgid + " (en)" if "{" not in entry.msgid else entry.msgid
    po.save(str(out))
    return out


def bench_size(n: int, runs: int) -> None:
    project = generate(n).model_copy(update={"target_locales": ["en"]})
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "p"
        folder.mkdir()
        save(project, folder, keep_backup=False)
        po = translated_po(folder, Path(tmp) / "en.po")
        units = sum(1 for _ in polib.pofile(str(po)))
        raw = dumps(project)

        def baseline() -> None:  # what any command that edits the project pays: load, then dump
            dumps(project_from_raw(json.loads(raw))[0])

        def po_import() -> None:
            save(project, folder, keep_backup=False)  # untranslated again: every unit changes
            import_file(folder, po)

        import_file(folder, po)
        translated = load(folder).project
        rows = [
            ("baseline: load + dump", baseline),
            ("l10n export (PO)", lambda: export(folder, "en", Path(tmp) / "out.po")),
            ("l10n import (PO, every unit)", po_import),
            ("validate, no translations", lambda: validate(project, None, check_media=False)),
            ("validate, every text translated", lambda: validate(translated, None, check_media=False)),
        ]
        base = median_ms(baseline, runs)
        print(f"\n{n} scenes, {units} PO units ({runs} runs, medians)")
        for name, fn in rows:
            ms = base if fn is baseline else median_ms(fn, runs)
            print(f"  {name:34s} {ms:9.1f} ms   x{ms / base:5.2f} of baseline")
        plain = median_ms(lambda: validate(project, None, check_media=False), runs)
        full = median_ms(lambda: validate(translated, None, check_media=False), runs)
        print(f"  translations add x{full / plain:.2f} to validation")


def bench_subtitles(runs: int, cues: int = 5000) -> None:
    track = [Cue(start_ms=i * 2000, end_ms=i * 2000 + 1800, text=f"第{i}句台词\nline {i} of the dialogue")
             for i in range(cues)]
    with tempfile.TemporaryDirectory() as tmp:
        vtt = Path(tmp) / "a.vtt"
        vtt.write_text(to_vtt(track), encoding="utf-8")
        as_json = json.dumps([c.model_dump() for c in track], ensure_ascii=False)
        base = median_ms(lambda: [Cue.model_validate(c) for c in json.loads(as_json)], runs)
        parse = median_ms(lambda: read_subtitles(vtt), runs)
        write = median_ms(lambda: to_vtt(track), runs)
        assert read_subtitles(vtt) == track
    print(f"\nsubtitles, {cues} cues ({len(as_json.encode())} bytes as JSON)")
    print(f"  baseline: json.loads + Cue models {base:9.1f} ms")
    print(f"  read_subtitles (.vtt)             {parse:9.1f} ms   x{parse / base:5.2f} of baseline")
    print(f"  to_vtt                            {write:9.1f} ms   x{write / base:5.2f} of baseline")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    for n in args.sizes:
        bench_size(n, args.runs)
    bench_subtitles(args.runs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
