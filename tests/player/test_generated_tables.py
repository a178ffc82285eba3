"""resources/player/generated/tables.js is what scripts/gen_player_tables.py makes of the schema.

No browser: the file must equal the generator's output for the committed JSON
Schema and studio/model/currency.py (stale -> fail), the tables must hold
exactly the pydantic models' defaults (including the ``default_factory`` ones
the schema leaves out), and the player must load the file before the scripts
that read it.  tests/player/test_defaults_parity.py checks engine.js and
money.js against Python in Chromium.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import Any, get_args

import pytest
from pydantic import BaseModel
from pydantic_core import to_jsonable_python

from studio.model import currency
from studio.model.io import project_from_raw
from studio.model.project import Project
from tests.player.defaults_cases import (
    MINIMAL_PROJECTS,
    fill,
    generator,
    kinds_seen,
    tables,
    uncovered,
)
from tests.player.support import PLAYER_DIR

GENERATED = PLAYER_DIR / "generated" / "tables.js"


def _schema() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(generator().SCHEMA.read_text(encoding="utf-8"))
    return loaded


def _models(model: type[BaseModel], out: dict[str, type[BaseModel]]) -> dict[str, type[BaseModel]]:
    """Every model class reachable from ``model`` through its fields' annotations, by name."""
    out[model.__name__] = model

    def found(tp: Any) -> None:
        if isinstance(tp, type) and issubclass(tp, BaseModel):
            if tp.__name__ not in out:
                _models(tp, out)
            return
        for arg in get_args(tp):
            found(arg)

    for field in model.model_fields.values():
        found(field.annotation)
    return out


def test_committed_file_is_the_generators_output() -> None:
    assert GENERATED.read_text(encoding="utf-8") == generator().generated_text(), (
        "resources/player/generated/tables.js is stale: run python scripts/gen_player_tables.py"
    )
    assert generator().main(["--check"]) == 0


def test_check_fails_on_a_stale_or_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    gen = generator()
    out = tmp_path / "tables.js"
    assert gen.main(["--check"], output=out) == 1
    assert "is stale: run python scripts/gen_player_tables.py" in capsys.readouterr().err
    shutil.copyfile(GENERATED, out)
    assert gen.main(["--check"], output=out) == 0
    out.write_text(GENERATED.read_text(encoding="utf-8").replace('"Shop now"', '"Buy"'), encoding="utf-8")
    assert gen.main(["--check"], output=out) == 1
    assert gen.main([], output=out) == 0  # rewrites it
    assert out.read_bytes() == GENERATED.read_bytes()
    assert gen.main(["--check"], output=out) == 0


def test_a_new_default_in_the_schema_changes_the_generated_file(tmp_path: Path) -> None:
    schema = _schema()
    schema["$defs"]["Scene"]["properties"]["subtitle_track"] = {"type": "string", "default": "none"}
    schema["$defs"]["Scene"]["properties"]["cues"] = {
        "type": "array", "items": {"$ref": "#/$defs/Effect"}}
    path = tmp_path / "project.schema.json"
    path.write_text(json.dumps(schema), encoding="utf-8")
    text = generator().generated_text(path)
    assert text != GENERATED.read_text(encoding="utf-8")
    built = generator().build_tables(schema, currency.MINOR_UNITS, currency.SYMBOLS)
    assert built["DEFAULTS"]["Scene"]["subtitle_track"] == "none"
    assert built["DEFAULTS"]["Scene"]["cues"] == []
    assert built["NESTED"]["Scene"]["cues"] == ["list", "Effect"]


@pytest.mark.parametrize(
    ("prop", "message"),
    [
        ({"type": "string"}, "Scene.extra: optional without a default the schema can express"),
        ({"anyOf": [{"$ref": "#/$defs/Rect"}, {"$ref": "#/$defs/Point"}], "default": None},
         "Scene.extra: a union of object kinds is not supported"),
        ({"type": "object", "additionalProperties": {"$ref": "#/$defs/Rect"}, "default": {}},
         "Scene.extra: objects nested in an unsupported shape"),
        ({"$ref": "#/$defs/Missing", "default": None}, "Scene.extra: unknown kind 'Missing'"),
        ({"$ref": "#/$defs/Rect"}, "Scene.extra: optional without a default the schema can express"),
    ],
    ids=["no-default", "union", "dict-of-objects", "unknown-kind", "object-with-required-fields"],
)
def test_shapes_the_generator_cannot_express_stop_it_in_one_line(prop: dict[str, Any], message: str) -> None:
    gen = generator()
    schema = _schema()
    schema["$defs"]["Scene"]["properties"]["extra"] = prop
    with pytest.raises(gen.TableError, match=rf"^{re.escape(message)}$"):
        gen.build_tables(schema, currency.MINOR_UNITS, currency.SYMBOLS)


def test_tables_hold_exactly_the_models_defaults() -> None:
    models = _models(Project, {})
    got = tables()
    assert got["ROOT"] == Project.__name__
    assert set(got["DEFAULTS"]) == set(models)
    for name, model in models.items():
        expected = {
            field: to_jsonable_python(info.get_default(call_default_factory=True))
            for field, info in model.model_fields.items() if not info.is_required()
        }
        assert got["DEFAULTS"][name] == expected, name
    # Spot checks of the two ways a default reaches the tables.
    assert got["DEFAULTS"]["ProductTag"]["cta"] == "Shop now"  # a schema default
    assert got["DEFAULTS"]["Scene"]["position"] == {"x": 0.0, "y": 0.0}  # a default_factory


def test_tables_hold_the_currency_module() -> None:
    got = tables()
    assert got["MINOR_UNITS"] == currency.MINOR_UNITS
    assert got["SYMBOLS"] == currency.SYMBOLS
    assert len(got["MINOR_UNITS"]) > 150 and got["MINOR_UNITS"]["KWD"] == 3


def test_minimal_projects_leave_out_every_default() -> None:
    assert kinds_seen() == set(tables()["DEFAULTS"]), "a kind of object no minimal project holds"
    assert uncovered() == set(), "defaults no minimal project leaves out (extend MINIMAL_PROJECTS)"


@pytest.mark.parametrize("name", sorted(MINIMAL_PROJECTS))
def test_filling_from_the_tables_gives_the_models_values(name: str) -> None:
    raw = MINIMAL_PROJECTS[name]
    project, _ = project_from_raw(raw)
    assert fill(raw) == project.model_dump(mode="json")


def test_the_player_loads_the_tables_before_the_scripts_that_read_them() -> None:
    html = (PLAYER_DIR / "index.html").read_text(encoding="utf-8")
    scripts = re.findall(r'<script src="([^"]+)" defer></script>', html)
    assert "generated/tables.js" in scripts
    first = scripts.index("generated/tables.js")
    assert first < scripts.index("engine.js") and first < scripts.index("money.js")
    for reader in ("engine.js", "money.js"):
        text = (PLAYER_DIR / reader).read_text(encoding="utf-8")
        assert "root.DramaTables" in text, reader
    # No hand-kept copy left behind: the currency table and the defaults live in tables.js only.
    money = (PLAYER_DIR / "money.js").read_text(encoding="utf-8")
    assert not [code for code in ("AED", "UYW", "ZWG", "\\u20ac", "\u20ac") if code in money]
    assert "Shop now" not in (PLAYER_DIR / "engine.js").read_text(encoding="utf-8")
