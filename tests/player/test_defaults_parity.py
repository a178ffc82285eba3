"""engine.js fills in every model default, and money.js formats every currency, as Python does.

In headless Chromium, with the scripts loaded as the player loads them
(generated/tables.js first). The defaulted fields come from the schema (through
tests/player/defaults_cases.py), so a default added to the model is checked here
without editing this file.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest

from studio.model.currency import MINOR_UNITS, format_money
from studio.model.io import project_from_raw
from studio.model.types import MAX_SAFE_INT
from tests.player.conftest import Web, engine_script_page
from tests.player.defaults_cases import MINIMAL_PROJECTS, at, omitted, uncovered
from tests.player.support import PLAYER_DIR, SAMPLES, sample_drama

pytestmark = pytest.mark.browser

# Projects cross as JSON text (Playwright's serializer would turn 0.0 into 0 and drop "__proto__").
NORMALIZE = """(text) => {
  try {
    return JSON.stringify({project: DramaEngine.normalize(JSON.parse(text))});
  } catch (err) {
    return JSON.stringify({error: err.name, message: err.message});
  }
}"""

TRACE = """(text) => {
  try {
    return JSON.stringify({events: DramaEngine.runTrace(JSON.parse(text), {}, [], 20000)});
  } catch (err) {
    return JSON.stringify({error: err.name, message: err.message});
  }
}"""

AMOUNTS = (0, 1, -1, 5, 99, 100, 12345, -12345, 1_000_000, MAX_SAFE_INT, -MAX_SAFE_INT)
# Codes outside the table fall back to two places and "CODE ".
UNKNOWN_CODES = ("XXX", "ABC", "cny", "")


@pytest.fixture(scope="module")
def page(browser: Any, web: Web) -> Iterator[Any]:
    with engine_script_page(browser, web, PLAYER_DIR / "money.js") as page:
        assert page.evaluate("typeof DramaEngine.normalize") == "function"
        assert page.evaluate("typeof DramaMoney.formatMoney") == "function"
        yield page


def js_normalize(page: Any, raw: Any) -> Any:
    got = json.loads(page.evaluate(NORMALIZE, json.dumps(raw)))
    assert "error" not in got, got
    return got["project"]


def typed(value: Any) -> Any:
    """``value`` with bools told apart from numbers (True == 1 in Python) and 0.0 equal to 0 (JSON)."""
    if isinstance(value, dict):
        return {k: typed(v) for k, v in value.items()}
    if isinstance(value, list):
        return [typed(v) for v in value]
    if isinstance(value, bool):
        return ("bool", value)
    if isinstance(value, int | float):
        return ("number", value)
    return value


def test_every_default_is_covered() -> None:
    assert uncovered() == set()


@pytest.mark.parametrize("name", sorted(MINIMAL_PROJECTS))
def test_normalize_fills_every_default_as_the_model_does(page: Any, name: str) -> None:
    raw = MINIMAL_PROJECTS[name]
    python = project_from_raw(raw)[0].model_dump(mode="json")
    js = js_normalize(page, raw)
    fields = omitted(raw)
    assert fields
    for path, kind, field in fields:
        where = "/".join(map(str, (*path, field)))
        assert field in at(js, path), f"engine.js leaves out {kind}.{field} at {where}"
        got, expected = at(js, path)[field], at(python, path)[field]
        assert typed(got) == typed(expected), f"{kind}.{field} at {where}: {got!r}, Python {expected!r}"
    assert typed(js) == typed(python)


@pytest.mark.parametrize("name", ["savings", "shoppable"])
def test_normalize_keeps_every_value_a_full_project_gives(page: Any, name: str) -> None:
    if not (SAMPLES / name / "drama.json").is_file():
        pytest.skip("the sample projects are missing")
    raw = sample_drama(name)
    python = project_from_raw(raw)[0].model_dump(mode="json")
    assert typed(js_normalize(page, python)) == typed(python)
    assert typed(js_normalize(page, raw)) == typed(python)


def test_normalize_copies_the_project_and_every_default(page: Any) -> None:
    raw = {"title": "Two", "scenes": [{"id": "a", "title": "A", "media": "m"},
                                      {"id": "b", "title": "B", "media": "m"}]}
    got = page.evaluate("""(text) => {
      const raw = JSON.parse(text);
      const filled = DramaEngine.normalize(raw);
      const [a, b] = filled.scenes;
      a.position.x = 9;
      a.tags.push(1);
      return {
        untouched: JSON.stringify(raw) === JSON.stringify(JSON.parse(text)),
        shared: [a.position === b.position, a.tags === b.tags, a.on_enter === b.on_enter],
        b: [b.position.x, b.tags.length],
        frozenCopy: Object.isFrozen(a.position) || Object.isFrozen(a.tags),
        tablesFrozen: Object.isFrozen(DramaTables.DEFAULTS.Scene.position)
          && Object.isFrozen(DramaTables.DEFAULTS.Scene) && Object.isFrozen(DramaTables.MINOR_UNITS),
        tableAfter: DramaTables.DEFAULTS.Scene.position.x,
      };
    }""", json.dumps(raw))
    assert got == {"untouched": True, "shared": [False, False, False], "b": [0, 0], "frozenCopy": False,
                   "tablesFrozen": True, "tableAfter": 0}


def test_normalize_refuses_a_project_that_is_not_an_object(page: Any) -> None:
    for raw in ([], "x", None, 3):
        got = json.loads(page.evaluate(NORMALIZE, json.dumps(raw)))
        assert got == {"error": "StartError", "message": "the project must be a JSON object"}


def test_normalize_fills_only_objects_of_the_right_shape(page: Any) -> None:
    """Malformed parts (the model would refuse them) are left as they are, never a TypeError."""
    raw = {"title": "Odd", "scenes": [None, 3, {"id": "s", "choice": {"options": "none"}, "tags": {}},
                                      {"id": "t", "choice": [1]}], "goals": 7}
    got = js_normalize(page, raw)
    assert got["scenes"][:2] == [None, 3]
    assert got["scenes"][2]["choice"]["options"] == "none" and got["scenes"][2]["choice"]["mode"] == "cut"
    assert got["scenes"][2]["tags"] == {} and got["scenes"][2]["on_enter"] == []
    assert got["scenes"][3]["choice"] == [1]
    assert got["goals"] == 7 and got["products"] == []


@pytest.mark.parametrize("name", sorted(MINIMAL_PROJECTS))
def test_minimal_projects_play_the_same_in_both_engines(page: Any, name: str) -> None:
    from studio.engine import EngineError, run_trace

    raw = MINIMAL_PROJECTS[name]
    try:
        expected: dict[str, Any] = {"events": run_trace(project_from_raw(raw)[0], limit_ms=20000)}
    except EngineError as exc:
        expected = {"error": type(exc).__name__, "message": str(exc)}
    got = json.loads(page.evaluate(TRACE, json.dumps(raw)))
    assert got == expected
    if name == "every-kind":
        assert [e["type"] for e in got["events"]][-1] == "ending_reached"


def test_every_currency_formats_as_in_python(page: Any) -> None:
    codes = [*sorted(MINOR_UNITS), *UNKNOWN_CODES]
    cases = [[amount, code] for code in codes for amount in AMOUNTS]
    got = page.evaluate("(cases) => cases.map(([a, c]) => DramaMoney.formatMoney(a, c))", cases)
    expected = [format_money(a, c) for a, c in cases]
    mismatched = [(a, c, g, e) for (a, c), g, e in zip(cases, got, expected, strict=True) if g != e]
    assert not mismatched, mismatched[:10]
    assert len(got) == len(codes) * len(AMOUNTS)
    assert format_money(MAX_SAFE_INT, "UYW") == "UYW 900,719,925,474.0991"  # the table really is used


def test_money_js_reads_the_same_tables(page: Any) -> None:
    got = page.evaluate("[DramaMoney.MINOR_UNITS, DramaMoney.SYMBOLS]")
    from studio.model.currency import SYMBOLS

    assert got == [MINOR_UNITS, SYMBOLS]
