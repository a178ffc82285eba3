"""Review files: coverage, timestamped comments and approvals (Qt-free).

A review lives beside the project as ``drama.review.json`` and never modifies
``drama.json``.  It records what reviewers watched (scenes and options taken),
comments pinned to a scene and clip time with an open/resolved status, and
per-scene approvals.  ``coverage()`` and ``next_unwatched()`` drive the
review mode; ``studio.model.review_report`` renders HTML/JSON reports.
"""

from __future__ import annotations

import hashlib
import os
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from pydantic import Field, ValidationError

from studio.model.atomic import atomic_write_bytes
from studio.model.errors import ProjectError, describe
from studio.model.io import MAX_PROJECT_BYTES, PROJECT_FILE, parse_json
from studio.model.project import Project
from studio.model.safe_read import read_regular
from studio.model.types import Count, Id, ShortText, StrictModel, Text

REVIEW_FILE = "drama.review.json"
REVIEW_SCHEMA_VERSION = 1
MAX_REVIEW_BYTES = 64 * 1024 * 1024


class Comment(StrictModel):
    """A reviewer's note pinned to a scene and a clip time."""

    id: Id
    scene: Id
    t_ms: Count
    author: ShortText
    text: Text
    status: Literal["open", "resolved"] = "open"
    created: ShortText = Field(description="ISO 8601 time the comment was written")


class Approval(StrictModel):
    """A reviewer approved a scene as it was (by the project's hash at the time)."""

    scene: Id
    author: ShortText
    at: ShortText
    project_sha256: str = Field(pattern=r"^[0-9a-f]{64}$")


class Review(StrictModel):
    """Everything reviewers produced for one project."""

    format: Literal["drama-studio-review"] = "drama-studio-review"
    schema_version: Count = REVIEW_SCHEMA_VERSION
    watched_scenes: list[Id] = Field(default_factory=list)
    watched_options: list[str] = Field(
        default_factory=list, description="'scene/option' pairs taken while reviewing"
    )
    comments: list[Comment] = Field(default_factory=list)
    approvals: list[Approval] = Field(default_factory=list)

    def mark_scene(self, scene: str) -> bool:
        if scene in self.watched_scenes:
            return False
        self.watched_scenes.append(scene)
        return True

    def mark_option(self, scene: str, option: str) -> bool:
        key = f"{scene}/{option}"
        if key in self.watched_options:
            return False
        self.watched_options.append(key)
        return True

    def next_comment_id(self) -> str:
        used = {c.id for c in self.comments}
        n = len(self.comments) + 1
        while f"c{n}" in used:
            n += 1
        return f"c{n}"


def review_path(project_folder: str | os.PathLike[str]) -> Path:
    return Path(project_folder) / REVIEW_FILE


def project_hash(project_folder: str | os.PathLike[str]) -> str:
    """sha256 of the project file as it is on disk now (OSError if it is not a regular file or
    larger than a project may be: a FIFO put there must not block the studio)."""
    return hashlib.sha256(read_regular(Path(project_folder) / PROJECT_FILE, MAX_PROJECT_BYTES)).hexdigest()


def load_review(project_folder: str | os.PathLike[str]) -> Review:
    """The review beside a project, or an empty one. Raises ProjectError (one line)."""
    path = review_path(project_folder)
    if not path.exists():
        return Review()
    try:
        raw = parse_json(read_regular(path, MAX_REVIEW_BYTES))
        version = raw.get("schema_version") if isinstance(raw, dict) else None
        if isinstance(version, int) and version > REVIEW_SCHEMA_VERSION:
            raise ProjectError(f"review schema v{version} is newer than this build")
        return Review.model_validate(raw)
    except ValidationError as exc:
        raise ProjectError(f"{path}: {describe(exc, raw)[0]}") from None
    except ProjectError as exc:
        raise ProjectError(f"{path}: {exc}") from None
    except OSError as exc:
        raise ProjectError(f"{path}: cannot read ({exc.strerror or exc})") from None


def save_review(project_folder: str | os.PathLike[str], review: Review) -> Path:
    """Atomically write the review file (never touches drama.json)."""
    import json

    path = review_path(project_folder)
    data = (json.dumps(review.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n").encode()
    try:
        atomic_write_bytes(path, data)
    except OSError as exc:
        raise ProjectError(f"{path}: not saved ({exc.strerror or exc})") from None
    return path


@dataclass(frozen=True)
class Coverage:
    """What part of the story graph a review has watched."""

    scenes_total: int
    scenes_watched: int
    options_total: int
    options_watched: int
    unwatched_scenes: list[str] = field(default_factory=list)
    unwatched_options: list[str] = field(default_factory=list)

    @property
    def percent(self) -> int:
        """Watched share of scenes + options, rounded down, as an integer percent."""
        total = self.scenes_total + self.options_total
        done = self.scenes_watched + self.options_watched
        return 100 if total == 0 else (100 * done) // total

    def to_json(self) -> dict[str, object]:
        return {
            "percent": self.percent,
            "scenes_total": self.scenes_total,
            "scenes_watched": self.scenes_watched,
            "options_total": self.options_total,
            "options_watched": self.options_watched,
            "unwatched_scenes": self.unwatched_scenes,
            "unwatched_options": self.unwatched_options,
        }


def _edges(project: Project) -> list[tuple[str, str, str]]:
    return [
        (s.id, o.id, o.target)
        for s in project.scenes
        if s.choice is not None
        for o in s.choice.options
    ]


def coverage(project: Project, review: Review) -> Coverage:
    scenes = [s.id for s in project.scenes]
    watched_s = set(review.watched_scenes)
    options = [f"{a}/{o}" for a, o, _ in _edges(project)]
    watched_o = set(review.watched_options)
    return Coverage(
        scenes_total=len(scenes),
        scenes_watched=sum(s in watched_s for s in scenes),
        options_total=len(options),
        options_watched=sum(o in watched_o for o in options),
        unwatched_scenes=[s for s in scenes if s not in watched_s],
        unwatched_options=[o for o in options if o not in watched_o],
    )


def next_unwatched(
    project: Project, review: Review, from_scene: str | None = None
) -> tuple[str, str] | None:
    """The nearest decision ``(scene, option)`` that leads to something unwatched.

    Breadth-first from ``from_scene`` (default: the start scene); the first
    scene whose option is unwatched, or whose option leads to an unwatched
    scene, wins; ties go to model order.  None when everything reachable has
    been watched.
    """
    start = from_scene or project.start
    if start is None:
        return None
    out: dict[str, list[tuple[str, str]]] = {}
    for scene, option, target in _edges(project):
        out.setdefault(scene, []).append((option, target))
    watched_s = set(review.watched_scenes)
    watched_o = set(review.watched_options)
    seen = {start}
    queue = deque([start])
    while queue:
        scene = queue.popleft()
        for option, target in out.get(scene, []):
            if f"{scene}/{option}" not in watched_o or target not in watched_s:
                return scene, option
        for _, target in out.get(scene, []):
            if target not in seen:
                seen.add(target)
                queue.append(target)
    return None
