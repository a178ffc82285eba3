"""The bundle manifest (``manifest.json``): pydantic model, canonical bytes, JSON Schema.

The committed schema lives in ``resources/schema/manifest.schema.json`` (a
test fails when it is stale).  Regenerate it with
``.venv/bin/python -m studio.bundle.manifest``.
"""

from __future__ import annotations

import json
import re
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from studio import __version__, resources
from studio.bundle.names import FILE_PATH_PATTERN, POSTER_PATH_PATTERN
from studio.bundle.origins import MAX_HOST_ORIGINS, MAX_ORIGIN_LENGTH, check_manifest_origins
from studio.engine.events import EVENT_CONTRACT_VERSION
from studio.model.project import Project
from studio.model.schema import schema_document, schema_json, write_schema
from studio.model.types import Id

FORMAT: Literal["drama-studio-bundle"] = "drama-studio-bundle"
# 2: host_origins (the web player's allowed embedding origins), event contract 2.
BUNDLE_VERSION = 2
# The newest min_reader_version this build can read (bundle versions 1 and 2).
READER_VERSION = 2
# What a bundle written now needs: a version 1 reader refuses host_origins (unknown key).
MIN_READER_VERSION = 2
WRITTEN_BY = f"drama-studio {__version__}"
SCHEMA_PATH = resources.schema_file("manifest.schema.json")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)


class FileEntry(_Strict):
    """One zip entry (other than manifest.json) with its SHA-256 and size in bytes."""

    path: str = Field(pattern=FILE_PATH_PATTERN, max_length=400)
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    size: int = Field(ge=0)


class Manifest(_Strict):
    """``manifest.json``: the drama (media paths rewritten) and the file table."""

    format: Literal["drama-studio-bundle"] = FORMAT
    bundle_version: int = Field(default=BUNDLE_VERSION, ge=1)
    min_reader_version: int = Field(default=MIN_READER_VERSION, ge=1)
    event_contract_version: int = Field(default=EVENT_CONTRACT_VERSION, ge=1)
    written_by: str = Field(default=WRITTEN_BY, max_length=200)
    host_origins: list[Annotated[str, Field(max_length=MAX_ORIGIN_LENGTH)]] = Field(
        default_factory=list,
        max_length=MAX_HOST_ORIGINS,
        description=(
            "Origins (scheme://host[:port]) of the host pages allowed to embed the web player: it "
            "posts events only to them and takes commands only from them. Normalised (lowercase, "
            "no default port), unique, sorted; https, or http for localhost/127.0.0.1/[::1]. "
            "Empty: the player talks to no parent window. Absent in bundle_version 1."
        ),
    )
    drama: Project
    posters: dict[Id, str] = Field(
        default_factory=dict, description="scene id -> posters/<scene_id>.jpg"
    )
    files: list[FileEntry] = Field(
        default_factory=list, description="every entry except manifest.json, sorted by path"
    )

    @field_validator("host_origins")
    @classmethod
    def _origins(cls, value: list[str]) -> list[str]:
        return check_manifest_origins(value)

    @model_validator(mode="after")
    def _consistent(self) -> Manifest:
        if self.bundle_version < 2 and self.host_origins:
            raise ValueError("host_origins: not allowed in a bundle_version 1 manifest")
        paths = [f.path for f in self.files]
        if len(set(paths)) != len(paths):
            dupe = next(p for p in paths if paths.count(p) > 1)
            raise ValueError(f"files lists '{dupe}' twice")
        listed = set(paths)
        scenes = {s.id for s in self.drama.scenes}
        for scene_id, path in self.posters.items():
            if scene_id not in scenes:
                raise ValueError(f"posters: unknown scene '{scene_id}'")
            if re.fullmatch(POSTER_PATH_PATTERN, path) is None or path not in listed:
                raise ValueError(f"posters: '{path}' of scene '{scene_id}' is not in files")
        return self

    def file_map(self) -> dict[str, FileEntry]:
        return {f.path: f for f in self.files}


def dumps(manifest: Manifest) -> bytes:
    """Canonical bytes: UTF-8, 2-space indent, keys in model order, trailing newline."""
    text = json.dumps(manifest.model_dump(mode="json"), ensure_ascii=False, indent=2)
    return (text + "\n").encode("utf-8")


def manifest_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of ``manifest.json``."""
    return schema_document(Manifest, f"bundle-manifest-v{BUNDLE_VERSION}")


def schema_text() -> str:
    return schema_json(manifest_schema())


def main() -> int:
    return write_schema(SCHEMA_PATH, schema_text())


if __name__ == "__main__":
    raise SystemExit(main())
