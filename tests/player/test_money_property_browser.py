"""The money invariant with engine.js in Chromium: the same generated sessions as the Python test.

``tests/engine/money_sessions.py`` generates sessions from a fixed seed and plays them
with the Python engine; ``tests/player/money_session.js`` (the same driver and reference
host ledger in JavaScript) plays them with the player's engine.js in a real headless
Chromium page. Every session's full log (engine events, host deliveries and answers,
reloads) and final state (ledger, balance, each playthrough's saved/pending) must be
identical, and the invariant must hold for the JavaScript run too.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.engine.money_sessions import Json, issue_session, money_problems, run_session, seeded_sessions
from tests.engine.test_money_property import SEED, SEEDED, issue_numbers
from tests.player.conftest import Web, engine_script_page

pytestmark = pytest.mark.browser

DRIVER = Path(__file__).with_name("money_session.js")
BATCH = 25
RUN_ALL = """(sessions) => sessions.map((s) => {
  try {
    return DramaMoneySession.run(s);
  } catch (err) {
    return {error: err.name, message: err.message, stack: String(err.stack)};
  }
})"""


@pytest.fixture(scope="module")
def money_page(browser: Any, web: Web) -> Iterator[Any]:
    with engine_script_page(browser, web, DRIVER) as page:
        assert page.evaluate("DramaEngine.CONTRACT_VERSION") == 2
        assert page.evaluate("typeof DramaMoneySession.run") == "function"
        yield page


def first_difference(want: Json, got: Json) -> str:
    """Where the JavaScript run first departs from the Python one (readable, one entry each)."""
    if "error" in got:
        return f"engine.js threw {got['error']}: {got['message']}"
    for i, (a, b) in enumerate(zip(want["log"], got["log"], strict=False)):
        if json.dumps(a) != json.dumps(b):
            return f"log entry {i}:\n  python: {json.dumps(a)}\n  js:     {json.dumps(b)}"
    if len(want["log"]) != len(got["log"]):
        return f"log lengths differ: python {len(want['log'])}, js {len(got['log'])}"
    return f"final state:\n  python: {json.dumps(want['final'])}\n  js:     {json.dumps(got['final'])}"


def run_in_chromium(page: Any, sessions: list[Json]) -> list[Json]:
    out: list[Json] = []
    for i in range(0, len(sessions), BATCH):
        out += page.evaluate(RUN_ALL, sessions[i : i + BATCH])
    return out


def test_seeded_sessions_give_identical_runs_in_chromium(money_page: Any) -> None:
    sessions = seeded_sessions(SEEDED, SEED)
    expected = [run_session(s) for s in sessions]
    got = run_in_chromium(money_page, sessions)
    assert len(got) == len(sessions)
    for n, (session, want, js) in enumerate(zip(sessions, expected, got, strict=True)):
        # json.dumps keeps key order: identical text means identical events, values and key order.
        assert json.dumps(js) == json.dumps(want), f"session {n}: {first_difference(want, js)}"
        assert money_problems(session, js) == [], f"session {n}"
    moved = sum(sum(goals.values()) for r in expected for goals in r["final"]["net"].values())
    assert moved > 0  # the sessions do move money (the comparison is not between empty ledgers)


def test_the_issue_scenario_in_chromium(money_page: Any) -> None:
    session = issue_session()
    want = run_session(session)
    [got] = run_in_chromium(money_page, [session])
    assert json.dumps(got) == json.dumps(want), first_difference(want, got)
    assert issue_numbers(got) == {"ending_saved": {"trip": 75000}, "net": {"pt0": {"trip": 75000}},
                                  "naive": 95000, "replay": [True, False]}
