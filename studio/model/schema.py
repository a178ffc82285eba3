"""JSON Schema of the project file, generated from the pydantic models.

The committed copy lives in ``resources/schema/project.schema.json``; a test
fails when it is stale.  Regenerate with ``python -m studio.model.schema``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from studio import resources
from studio.model.project import SCHEMA_VERSION, Project

SCHEMA_PATH = resources.schema_file("project.schema.json")


def schema_document(model: type[BaseModel], name: str) -> dict[str, Any]:
    """A draft 2020-12 JSON Schema document for ``model`` with a stable ``$id``."""
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"https://drama-studio.invalid/schema/{name}.json",
        **model.model_json_schema(mode="validation"),
    }


def project_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of ``drama.json``."""
    return schema_document(Project, f"project-v{SCHEMA_VERSION}")


def schema_json(schema: dict[str, Any]) -> str:
    """The committed text form of a schema (sorted keys, so diffs stay small)."""
    return json.dumps(schema, indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def write_schema(path: Path, text: str) -> int:
    """Write a regenerated schema file (the ``python -m`` entry points); returns 0."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return 0


def schema_text() -> str:
    return schema_json(project_schema())


def main() -> int:
    return write_schema(SCHEMA_PATH, schema_text())


if __name__ == "__main__":
    raise SystemExit(main())
