"""The committed manifest JSON Schema must match the pydantic model."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

from studio.bundle.manifest import SCHEMA_PATH, manifest_schema, schema_text

REGEN = ".venv/bin/python -m studio.bundle.manifest"


def test_committed_schema_is_current() -> None:
    assert SCHEMA_PATH.is_file(), f"{SCHEMA_PATH} is missing; run: {REGEN}"
    assert SCHEMA_PATH.read_text(encoding="utf-8") == schema_text(), (
        f"{SCHEMA_PATH.name} is stale; regenerate it with: {REGEN}"
    )


def test_schema_describes_the_manifest() -> None:
    schema = manifest_schema()
    assert schema["additionalProperties"] is False
    assert set(schema["required"]) == {"drama"}
    props = schema["properties"]
    assert list(props) == [
        "format", "bundle_version", "min_reader_version", "event_contract_version",
        "written_by", "host_origins", "drama", "posters", "files",
    ]  # fmt: skip
    assert props["format"]["const"] == "drama-studio-bundle"
    assert schema["$id"].endswith("/bundle-manifest-v2.json")
    origins = props["host_origins"]
    assert origins["type"] == "array" and origins["maxItems"] == 20
    assert origins["items"] == {"type": "string", "maxLength": 300}
    assert "Project" in schema["$defs"] and "FileEntry" in schema["$defs"]


def test_bundle_carries_the_schema(good_bundle: Path) -> None:
    with zipfile.ZipFile(good_bundle) as zf:
        assert json.loads(zf.read("manifest.schema.json")) == json.loads(schema_text())
