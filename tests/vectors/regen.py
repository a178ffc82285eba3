"""Regenerate (or ``--check``) the engine-generated vectors: the sample dramas' playthroughs.

The small rule vectors in this folder were written by hand from the contract
and are never regenerated.  The sample-drama vectors below are produced by
the Python engine and were read and checked against the contract before
being saved; ``--check`` fails if the engine's output no longer matches.

    .venv/bin/python tests/vectors/regen.py          # rewrite the generated vectors
    .venv/bin/python tests/vectors/regen.py --check  # exit 1 on any difference
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests.engine.vectors import VECTOR_DIR, first_mismatch, run_vector  # noqa: E402


def _in(at: int, action: str, **arg: str) -> dict[str, Any]:
    return {"at": at, "action": action, **arg}


def sample(name: str, description: str, drama: str, inputs: list[dict[str, Any]],
           timers: str = "normal", start_from: str | None = None,
           variables: dict[str, Any] | None = None, limit_ms: int | None = None) -> dict[str, Any]:
    return {
        "name": name,
        "description": description,
        "project": {"sample": drama},
        "start": {"from": start_from, "variables": variables or {}, "timers": timers},
        "inputs": inputs,
        "limit_ms": limit_ms,
        "expected": [],
    }


GENERATED = [
    sample("savings_default", "Payday with no inputs: the runner declines the pausing prompt, "
           "defaults save twice (play_to_end), book stays hidden (70000 < 75000): steady ending",
           "savings", []),
    sample("savings_best", "Best savings: accept the round-up, save, save more -> 75000 unlocks "
           "'book' -> good ending", "savings",
           [_in(2000, "accept_prompt"), _in(3500, "choose", option="save"),
            _in(8000, "choose", option="save_more"), _in(13000, "choose", option="book")]),
    sample("savings_back", "Spend, accept the non-pausing phone round-up, then back() to Payday: "
           "splurged and saved restored; the default path follows", "savings",
           [_in(1600, "decline_prompt"), _in(4000, "choose", option="spend"),
            _in(6500, "accept_prompt"), _in(7000, "back")]),
    sample("savings_spend_loop", "Spend, let the loop choice time out once (non-pausing prompt stays "
           "open across the loop, expires at the cut), keep the phone -> temptation -> party -> bad "
           "ending", "savings",
           [_in(1600, "decline_prompt"), _in(4000, "choose", option="spend"),
            _in(14500, "choose", option="keep_it"),
            _in(24000, "choose", option="party")]),
    sample("savings_timers_x2", "Payday default path with timers x2 (extended pauses at each "
           "deadline)", "savings", [], timers="x2"),
    sample("savings_from_month_end", "Start at month_end with splurged=true and discipline=5: the "
           "party option is visible; the viewer books nothing (book hidden) and parties", "savings",
           [_in(3000, "choose", option="party")], start_from="month_end",
           variables={"splurged": True, "discipline": 5}),
    sample("shoppable_default", "Glow with no inputs: tags shown and hidden on the way, defaults "
           "to office, date night (play_to_end), the glow ending", "shoppable", []),
    sample("shoppable_clicks", "Product clicks on the default path (serum at the vanity, cream and "
           "mask at the office, serum on the date)", "shoppable",
           [_in(1200, "click_product", tag="serum_vanity"),
            _in(4400, "click_product", tag="serum_vanity"),
            _in(8000, "click_product", tag="cream_desk"),
            _in(8600, "click_product", tag="mask_bag"),
            _in(8700, "click_product", tag="cream_desk"),
            _in(13000, "click_product", tag="serum_date")]),
    sample("shoppable_spa", "Spa day: tags in skip_it, click, play_to_end into date night", "shoppable",
           [_in(4200, "choose", option="spa"), _in(7500, "click_product", tag="mask_spa"),
            _in(9500, "click_product", tag="cream_spa")]),
    sample("shoppable_back", "Stay late (bad ending), then back() from the ending to the office "
           "decision: tags re-shown, the date is chosen", "shoppable",
           [_in(4500, "choose", option="to_work"), _in(10000, "choose", option="late"),
            _in(17000, "back"), _in(17500, "choose", option="date")]),
]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare instead of writing")
    args = parser.parse_args(argv)
    bad = 0
    for vector in GENERATED:
        path = VECTOR_DIR / f"{vector['name']}.json"
        actual = run_vector(vector)
        if args.check:
            stored = json.loads(path.read_text(encoding="utf-8")) if path.exists() else None
            fresh = {**vector, "expected": actual}
            problem = "missing file" if stored is None else (
                first_mismatch(stored["expected"], actual)
                or ("inputs/description differ" if {**stored, "expected": actual} != fresh else None))
            if problem:
                bad += 1
                print(f"{path.name}: {problem}")
            continue
        vector = {**vector, "expected": actual}
        path.write_text(json.dumps(vector, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {path.name} ({len(actual)} events)")
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
