"""Per-scene compiled schedules: the sorted clip times at which something can be due.

Processing an instant where nothing is due emits nothing, so the engine only
has to stop at these times; ``advance(ms)`` jumps from one to the next with a
binary search instead of looking at every item of the project.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from studio.model import Option, ProductTag, Project, SavingsPrompt, Scene


@dataclass(frozen=True)
class CompiledScene:
    """A scene plus its resolved trim end and the sorted instants worth visiting."""

    scene: Scene
    out: int
    times: tuple[int, ...]
    options: dict[str, Option]
    tags: dict[str, ProductTag]
    prompts: dict[str, SavingsPrompt]

    @property
    def id(self) -> str:
        return self.scene.id

    def next_time(self, t: int) -> int | None:
        """The first schedule time strictly after ``t`` (None past the end)."""
        i = bisect_right(self.times, t)
        return self.times[i] if i < len(self.times) else None


def compile_scene(project: Project, scene: Scene, durations: dict[str, int]) -> CompiledScene:
    if scene.placeholder is not None:
        out = scene.placeholder.duration_ms
    else:
        out = scene.out_ms if scene.out_ms is not None else durations[scene.media or ""]
    points = {out}
    for tag in scene.tags:
        points.update((tag.start_ms, tag.end_ms))
    points.update(p.at_ms for p in scene.prompts)
    options: dict[str, Option] = {}
    if scene.choice is not None:
        points.update((scene.choice.appear_ms, scene.choice.decision_ms))
        options = {o.id: o for o in scene.choice.options}
    times = tuple(sorted(x for x in points if scene.in_ms < x <= out))
    return CompiledScene(
        scene=scene,
        out=out,
        times=times,
        options=options,
        tags={t.id: t for t in scene.tags},
        prompts={p.id: p for p in scene.prompts},
    )


def compile_project(project: Project) -> dict[str, CompiledScene]:
    """Compile every scene once (the engine does not see later edits of the model)."""
    durations = {m.id: m.duration_ms for m in project.media}
    return {s.id: compile_scene(project, s, durations) for s in project.scenes}
