"""Load and save project files (JSON, never pickle).

A project is a folder holding ``drama.json`` and its media (relative paths).
Loading rejects duplicate keys, NaN/Infinity, oversize or over-deep JSON and
files that need a newer reader; older schemas migrate first.  Saving is
atomic and keeps the previous version as ``drama.json.bak``; output is
canonical, so ``save(load(f))`` reproduces ``f`` byte for byte.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from studio.model import strict_json
from studio.model.atomic import atomic_write_bytes, write_target
from studio.model.canonical_json import dumps_indented
from studio.model.errors import ProjectError, describe
from studio.model.migrations import MigrationError, migrate
from studio.model.project import MIN_READER_VERSION, SCHEMA_VERSION, Project
from studio.model.safe_read import ReadRefused, read_regular

PROJECT_FILE = "drama.json"
BACKUP_SUFFIX = ".bak"
MAX_PROJECT_BYTES = 256 * 1024 * 1024  # about 250,000 typical scenes (docs/project-format.md)


@dataclass
class Loaded:
    """A loaded project and where it came from."""

    project: Project
    path: Path
    migrated_from: int | None = None

    @property
    def folder(self) -> Path:
        return self.path.parent


@contextmanager
def paused_gc() -> Iterator[None]:
    """No automatic cyclic garbage collection inside the block (loading and saving).

    Parsing and validating a project allocates a million small objects for 100,000 scenes,
    and all of them survive: every automatic collection on the way would walk all that were
    made so far (half of a load's time).  Nothing made here forms a reference cycle.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def project_file(path: str | os.PathLike[str]) -> Path:
    """The given ``*.json`` file itself, else ``drama.json`` inside the folder."""
    p = Path(path)
    return p if p.suffix.lower() == ".json" and not p.is_dir() else p / PROJECT_FILE


def parse_json(data: bytes, max_bytes: int = MAX_PROJECT_BYTES) -> Any:
    """Strict JSON (``studio.model.strict_json``): the one parser for every file we read."""
    return strict_json.parse_json(data, max_bytes)


def project_from_raw(raw: Any) -> tuple[Project, int]:
    """Validate (after migrating) raw JSON data; returns project and original version."""
    if not isinstance(raw, dict):
        raise ProjectError("the top level must be a JSON object")
    reader = raw.get("min_reader_version", 0)
    if isinstance(reader, int) and not isinstance(reader, bool) and reader > SCHEMA_VERSION:
        raise ProjectError(
            f"needs Drama Studio schema v{reader} or newer (this build reads up to "
            f"v{SCHEMA_VERSION}); please update Drama Studio"
        )
    with paused_gc():
        return _project_from_raw(raw)


def _project_from_raw(raw: dict[str, Any]) -> tuple[Project, int]:
    try:
        data, original = migrate(raw)
    except MigrationError as exc:
        raise ProjectError(str(exc)) from None
    newer = original > SCHEMA_VERSION
    if newer:
        data = dict(data)  # never mutate the caller's dict
        data["schema_version"] = SCHEMA_VERSION
        data["min_reader_version"] = MIN_READER_VERSION
    try:
        project = Project.model_validate(data)
    except ValidationError as exc:
        lines = describe(exc, data)
        more = f" (and {len(lines) - 1} more)" if len(lines) > 1 else ""
        note = f" [file written by newer schema v{original}]" if newer else ""
        raise ProjectError(lines[0] + more + note) from None
    return project, original


def read_project_bytes(file: Path) -> bytes:
    """The bytes of a project file; ProjectError (one line) if it cannot be read."""
    try:
        return read_regular(file, MAX_PROJECT_BYTES)
    except FileNotFoundError:
        raise ProjectError(f"{file}: no such project file") from None
    except ReadRefused as exc:
        raise ProjectError(f"{file}: {exc}") from None
    except OSError as exc:
        raise ProjectError(f"{file}: cannot read ({exc.strerror or exc})") from None


def project_from_bytes(file: Path, data: bytes) -> tuple[Project, int]:
    """Parse, migrate and validate a project file's bytes; errors name the file."""
    try:
        with paused_gc():
            return project_from_raw(parse_json(data))
    except ProjectError as exc:
        raise ProjectError(f"{file}: {exc}") from None


def load(path: str | os.PathLike[str]) -> Loaded:
    """Load a project folder (or its JSON file). Raises ProjectError (one line)."""
    file = project_file(path)
    project, original = project_from_bytes(file, read_project_bytes(file))
    return Loaded(project, file, original if original != SCHEMA_VERSION else None)


def load_project(path: str | os.PathLike[str]) -> Project:
    """Shorthand for ``load(path).project``."""
    return load(path).project


def dumps(project: Project) -> bytes:
    """Canonical bytes of a project (stable key order, 2-space indent, UTF-8)."""
    with paused_gc():
        return _canonical(project.model_dump(mode="json"))


def _canonical(data: dict[str, Any]) -> bytes:
    # json.dumps(data, ensure_ascii=False, indent=2), four times faster (canonical_json)
    return (dumps_indented(data) + "\n").encode("utf-8")


def validate_for_save(project: Project) -> bytes:
    """Re-validate the whole project (references may have been edited) and dump it."""
    with paused_gc():
        try:
            fresh = Project.model_validate(project.model_dump(mode="python"))
        except ValidationError as exc:
            lines = describe(exc, project.model_dump(mode="json"))
            raise ProjectError(f"not saved: {lines[0]}") from None
        return _canonical(fresh.model_dump(mode="json"))


def save(project: Project, path: str | os.PathLike[str], keep_backup: bool = True) -> Path:
    """Atomically save to ``path`` (folder or JSON file); returns the file written.

    The old file is left byte-identical on any failure, and ProjectError
    says why in one line.
    """
    file = project_file(path)
    data = validate_for_save(project)
    target = write_target(file)  # a symlinked drama.json is saved through to its target
    where = f"{file} (link to {target})" if target != file else str(file)
    if len(data) > MAX_PROJECT_BYTES:  # what is saved must open again
        raise ProjectError(
            f"{where}: not saved: the project would take {len(data) / (1 << 20):.1f} MiB; a project "
            f"file is at most {MAX_PROJECT_BYTES >> 20} MiB (split it); the previous file is unchanged"
        )
    backup = target.name + BACKUP_SUFFIX if keep_backup else None
    try:
        file.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_bytes(target, data, backup=backup)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise ProjectError(f"{where}: not saved ({reason}); the previous file is unchanged") from None
    return file
