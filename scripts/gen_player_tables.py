"""Generate the web player's copy of the model defaults and the currency table.

The player's JavaScript (``resources/player/engine.js`` and ``money.js``) needs two
things that the Python side declares once:

- every default the model fills in for an omitted field, and which fields hold
  nested objects (read from the committed JSON Schema,
  ``resources/schema/project.schema.json``, which ``python -m studio.model.schema``
  writes from the pydantic models);
- the ISO 4217 minor-unit table and the display symbols of ``studio/model/currency.py``.

This script writes them to one file, ``resources/player/generated/tables.js``
(``globalThis.DramaTables`` in a page, ``module.exports`` in Node), which the
player loads before ``engine.js`` and ``money.js``.  Never edit that file:

    python scripts/gen_player_tables.py           # rewrite it
    python scripts/gen_player_tables.py --check   # exit 1 if it is stale

``tests/player/test_generated_tables.py`` fails when it is stale.

A field that is not required and has no ``default`` in the schema gets its
default from its shape (pydantic leaves ``default_factory`` values out of the
schema): an array field defaults to ``[]``, a field holding one object whose
fields all have defaults (``Scene.position``) to that object.  Any other shape
stops the script with a one-line error naming the field.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = ROOT / "resources" / "schema" / "project.schema.json"
OUTPUT = ROOT / "resources" / "player" / "generated" / "tables.js"
REF_PREFIX = "#/$defs/"


class TableError(Exception):
    """The schema has a shape this generator cannot express (one line)."""


def _ref(prop: dict[str, Any]) -> str | None:
    ref = prop.get("$ref")
    if ref is None:
        return None
    if not isinstance(ref, str) or not ref.startswith(REF_PREFIX):
        raise TableError(f"unsupported $ref {ref!r}")
    return ref.removeprefix(REF_PREFIX)


def _is_object(schema: dict[str, Any]) -> bool:
    return "properties" in schema


def _nested(owner: str, field: str, prop: dict[str, Any], defs: dict[str, Any]) -> list[str] | None:
    """``["one", Kind]`` / ``["list", Kind]`` when the field holds objects of a kind, else None."""
    one = _ref(prop)
    if one is None and "anyOf" in prop:
        refs = [_ref(p) for p in prop["anyOf"]]
        others = [p for p, r in zip(prop["anyOf"], refs, strict=True) if r is None]
        named = [r for r in refs if r is not None]
        if len(named) > 1 or (named and others != [{"type": "null"}]):
            raise TableError(f"{owner}.{field}: a union of object kinds is not supported")
        one = named[0] if named else None
    if one is not None:
        if one not in defs:
            raise TableError(f"{owner}.{field}: unknown kind {one!r}")
        return ["one", one] if _is_object(defs[one]) else None
    if prop.get("type") == "array":
        items = prop.get("items", {})
        kind = _ref(items) if isinstance(items, dict) else None
        if kind is not None:
            if kind not in defs:
                raise TableError(f"{owner}.{field}: unknown kind {kind!r}")
            return ["list", kind] if _is_object(defs[kind]) else None
    if _mentions_ref(prop):
        raise TableError(f"{owner}.{field}: objects nested in an unsupported shape")
    return None


def _mentions_ref(value: Any) -> bool:
    if isinstance(value, dict):
        return "$ref" in value or any(_mentions_ref(v) for v in value.values())
    if isinstance(value, list):
        return any(_mentions_ref(v) for v in value)
    return False


def _implied_default(owner: str, field: str, prop: dict[str, Any], defs: dict[str, Any]) -> Any:
    """The default of an optional field the schema gives none for (a pydantic default_factory)."""
    if prop.get("type") == "array":
        return []
    nested = _nested(owner, field, prop, defs)
    if nested is not None and nested[0] == "one":
        kind = defs[nested[1]]
        required = kind.get("required", [])
        if not required:
            return {name: _defaults_of(nested[1], defs)[name] for name in kind["properties"]}
    raise TableError(f"{owner}.{field}: optional without a default the schema can express")


def _defaults_of(name: str, defs: dict[str, Any]) -> dict[str, Any]:
    schema = defs[name]
    required = set(schema.get("required", []))
    out: dict[str, Any] = {}
    for field, prop in schema["properties"].items():
        if field == "__proto__":
            raise TableError(f"{name}.{field}: a field name JavaScript cannot hold in an object literal")
        if field in required:
            continue
        out[field] = prop["default"] if "default" in prop else _implied_default(name, field, prop, defs)
    return out


def build_tables(
    schema: dict[str, Any], minor_units: dict[str, int], symbols: dict[str, str]
) -> dict[str, Any]:
    """The generated tables: ROOT kind, DEFAULTS and NESTED per kind, MINOR_UNITS, SYMBOLS."""
    root_name = schema.get("title")
    if not isinstance(root_name, str) or not root_name:
        raise TableError("the project schema has no title (the root kind's name)")
    defs: dict[str, Any] = dict(schema.get("$defs", {}))
    if root_name in defs:
        raise TableError(f"the root kind {root_name!r} is also in $defs")
    defs[root_name] = {k: v for k, v in schema.items() if not k.startswith("$")}
    kinds = sorted(k for k, v in defs.items() if _is_object(v))
    defaults = {k: _defaults_of(k, defs) for k in kinds}
    nested: dict[str, dict[str, list[str]]] = {}
    for kind in kinds:
        fields = {}
        for field, prop in defs[kind]["properties"].items():
            shape = _nested(kind, field, prop, defs)
            if shape is not None:
                fields[field] = shape
        nested[kind] = fields
    return {
        "ROOT": root_name,
        "DEFAULTS": defaults,
        "NESTED": nested,
        "MINOR_UNITS": dict(sorted(minor_units.items())),
        "SYMBOLS": dict(symbols),
    }


def _js(value: Any) -> str:
    return json.dumps(value, ensure_ascii=True, sort_keys=False)


def render(tables: dict[str, Any]) -> str:
    """The text of ``resources/player/generated/tables.js``."""
    lines = [
        "/*",
        " * GENERATED by scripts/gen_player_tables.py from resources/schema/project.schema.json",
        " * and studio/model/currency.py. DO NOT EDIT: run `python scripts/gen_player_tables.py`",
        " * (tests/player/test_generated_tables.py fails when this file is stale).",
        " *",
        " * DramaTables.ROOT         the project's kind",
        " * DramaTables.DEFAULTS     kind -> {field: default} for every field the model fills in",
        " * DramaTables.NESTED       kind -> {field: [\"one\" | \"list\", kind]} for fields holding objects",
        " * DramaTables.MINOR_UNITS  ISO 4217 code -> decimal places of its minor unit",
        " * DramaTables.SYMBOLS      code -> display symbol (others show as \"CODE \")",
        " *",
        " * Loadable as a plain <script> before engine.js and money.js (defines",
        " * globalThis.DramaTables) and from Node (module.exports).",
        " */",
        "(function (root) {",
        '  "use strict";',
        "  const tables = {",
        f"    ROOT: {_js(tables['ROOT'])},",
        "    DEFAULTS: {",
    ]
    lines += [f"      {_js(k)}: {_js(v)}," for k, v in tables["DEFAULTS"].items()]
    lines += ["    },", "    NESTED: {"]
    lines += [f"      {_js(k)}: {_js(v)}," for k, v in tables["NESTED"].items()]
    lines += ["    },", "    MINOR_UNITS: {"]
    units = [f"{_js(k)}: {v}" for k, v in tables["MINOR_UNITS"].items()]
    lines += ["      " + ", ".join(units[i : i + 8]) + "," for i in range(0, len(units), 8)]
    lines += ["    },", "    SYMBOLS: {"]
    lines += [f"      {_js(k)}: {_js(v)}," for k, v in tables["SYMBOLS"].items()]
    lines += [
        "    },",
        "  };",
        "  const freeze = (value) => {",
        "    if (value && typeof value === \"object\") {",
        "      for (const key of Object.keys(value)) freeze(value[key]);",
        "      Object.freeze(value);",
        "    }",
        "    return value;",
        "  };",
        "  freeze(tables);",
        '  if (typeof module === "object" && module && module.exports) module.exports = tables;',
        "  else root.DramaTables = tables;",
        '})(typeof globalThis !== "undefined" ? globalThis : this);',
    ]
    return "\n".join(lines) + "\n"


def generated_text(schema_path: Path = SCHEMA) -> str:
    """What ``tables.js`` must hold for the committed schema and the currency module."""
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    from studio.model.currency import MINOR_UNITS, SYMBOLS

    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    return render(build_tables(schema, MINOR_UNITS, SYMBOLS))


def main(argv: list[str] | None = None, output: Path = OUTPUT) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if the generated file is stale")
    args = parser.parse_args(argv)
    try:
        text = generated_text()
    except (TableError, OSError, ValueError) as exc:
        print(f"gen_player_tables: {exc}", file=sys.stderr)
        return 2
    current = output.read_text(encoding="utf-8") if output.is_file() else None
    rel = output.relative_to(ROOT).as_posix() if output.is_relative_to(ROOT) else str(output)
    if args.check:
        if current != text:
            print(f"{rel} is stale: run python scripts/gen_player_tables.py", file=sys.stderr)
            return 1
        return 0
    if current != text:
        output.parent.mkdir(parents=True, exist_ok=True)
        tmp = output.with_name(f".{output.name}.tmp")
        tmp.write_text(text, encoding="utf-8", newline="\n")
        tmp.replace(output)
        print(f"wrote {rel}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
