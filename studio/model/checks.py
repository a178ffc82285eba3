"""Structural checks that do not stop a project from loading.

A trimmed clip can leave a prompt or tag outside the playable range while a
creator is editing; that is a *problem* to show, not a load error.  The graph
analysis (``studio.graph``) adds reachability, cycles and statistics on top.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Literal

from studio.model.errors import one_line
from studio.model.project import Project, Scene

Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class Problem:
    """One finding, located by scene and item (option/prompt/tag id)."""

    severity: Severity
    code: str
    message: str
    scene: str | None = None
    item: str | None = None

    def where(self) -> str:
        parts = [f"scene '{self.scene}'"] if self.scene else []
        if self.item:
            parts.append(self.item)
        return " > ".join(parts) or "project"

    def __str__(self) -> str:
        return one_line(f"{self.severity}: {self.where()}: {self.message}")

    def to_json(self) -> dict[str, str | None]:
        return asdict(self)


def _span(scene: Scene, out_ms: int | None) -> str:
    end = "end" if out_ms is None else f"{out_ms} ms"
    return f"the trimmed clip ({scene.in_ms} ms..{end})"


def check_timing(project: Project) -> list[Problem]:
    """Timed items outside the trim, trims past the clip, prompts in choice windows."""
    media = project.media_map()
    out: list[Problem] = []
    for s in project.scenes:
        asset = media.get(s.media) if s.media is not None else None
        duration = s.placeholder.duration_ms if s.placeholder else (asset.duration_ms if asset else None)
        end = s.out_ms if s.out_ms is not None else duration

        def span(s: Scene = s, end: int | None = end) -> str:
            return _span(s, end)

        def add(code: str, msg: str, item: str | None = None, s: Scene = s) -> None:
            out.append(Problem("error", code, msg, s.id, item))

        if duration is not None and (s.in_ms >= duration or (s.out_ms or 0) > duration):
            add("trim-outside-clip", f"trim {s.in_ms}..{s.out_ms} ms exceeds the clip ({duration} ms)")

        def inside(t: int, s: Scene = s, end: int | None = end) -> bool:
            return s.in_ms <= t and (end is None or t <= end)

        if s.choice is not None:
            c = s.choice
            for label, at in (("appear_ms", c.appear_ms), ("decision_ms", c.decision_ms)):
                if not inside(at):
                    add("choice-outside-trim", f"{label} {at} ms is outside {span()}", "choice")
        for p in s.prompts:
            if not inside(p.at_ms):
                add("prompt-outside-trim", f"at_ms {p.at_ms} ms is outside {span()}", f"prompt '{p.id}'")
            if s.choice is not None and s.choice.appear_ms <= p.at_ms <= s.choice.decision_ms:
                out.append(
                    Problem(
                        "warning",
                        "prompt-in-choice-window",
                        f"prompt at {p.at_ms} ms overlaps the choice window "
                        f"({s.choice.appear_ms}..{s.choice.decision_ms} ms)",
                        s.id,
                        f"prompt '{p.id}'",
                    )
                )
        for tag in s.tags:
            if not (inside(tag.start_ms) and inside(tag.end_ms)):
                add(
                    "tag-outside-trim",
                    f"{tag.start_ms}..{tag.end_ms} ms is outside {span()}",
                    f"tag '{tag.id}'",
                )
    return out
