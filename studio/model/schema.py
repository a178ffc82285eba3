"""JSON Schema of the project file, generated from the pydantic models.

The committed copy lives in ``resources/schema/project.schema.json``; a test
fails when it is stale.  Regenerate with ``python -m studio.model.schema``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from studio.model.project import SCHEMA_VERSION, Project

SCHEMA_PATH = Path(__file__).resolve().parents[2] / "resources" / "schema" / "project.schema.json"


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


def schema_text() -> str:
    return json.dumps(project_schema(), indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def main() -> int:
    SCHEMA_PATH.parent.mkdir(parents=True, exist_ok=True)
    SCHEMA_PATH.write_text(schema_text(), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
