"""Small project builders for graph tests (raw dicts -> validated Project)."""

from __future__ import annotations

import hashlib
import importlib.util
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

from studio.model import Project

ROOT = Path(__file__).resolve().parents[2]


def bench_module(name: str) -> ModuleType:
    """Import ``bench/<name>.py`` (bench/ is not a package)."""
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, ROOT / "bench" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def generate(n_scenes: int, seed: int = 0) -> Project:
    """``bench/gen_project.generate``: a synthetic project."""
    project: Project = bench_module("gen_project").generate(n_scenes, seed)
    return project

CLIP_MS = 6000


def asset(ident: str = "clip", data: bytes = b"clip bytes", duration: int = CLIP_MS) -> dict[str, Any]:
    return {
        "id": ident, "path": f"media/{ident}.mp4", "sha256": hashlib.sha256(data).hexdigest(),
        "size": len(data), "duration_ms": duration, "width": 360, "height": 640, "fps": 24.0,
        "video_codec": "h264", "container": "mp4",
    }


def opt(ident: str, target: str, **extra: Any) -> dict[str, Any]:
    return {"id": ident, "label": ident, "target": target, **extra}


def scene(ident: str, *options: str | dict[str, Any], ending: bool = False,
          mode: str = "cut", **extra: Any) -> dict[str, Any]:
    """A scene; options are target ids (option ids o0, o1, ...) or ``opt()`` dicts."""
    data: dict[str, Any] = {"id": ident, "title": ident, "media": "clip", **extra}
    if ending:
        data["ending"] = True
    if options:
        opts = [o if isinstance(o, dict) else opt(f"o{k}", o) for k, o in enumerate(options)]
        if not any(o.get("default") for o in opts):
            opts[0] = {**opts[0], "default": True}
        data["choice"] = {"appear_ms": 3000, "decision_ms": 5000, "mode": mode, "options": opts}
    return data


def project(*scenes: dict[str, Any], start: str | None = None, **extra: Any) -> Project:
    raw: dict[str, Any] = {
        "title": "graph test",
        "media": [asset()],
        "scenes": list(scenes),
        "start": start if start is not None else (scenes[0]["id"] if scenes else None),
        **extra,
    }
    return Project.model_validate(raw)


def codes(problems: list[Any]) -> list[str]:
    return [p.code for p in problems]
