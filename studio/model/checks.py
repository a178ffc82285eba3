"""Structural checks that do not stop a project from loading.

A trimmed clip can leave a prompt or tag outside the playable range while a
creator is editing; that is a *problem* to show, not a load error.  The graph
analysis (``studio.graph``) adds reachability, cycles and statistics on top.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from studio.model.errors import one_line
from studio.model.messages import QT_TRANSLATE_NOOP, Msg, Params, msg
from studio.model.project import Project, Scene

Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class Problem:
    """One finding, located by scene and item (option/prompt/tag id).

    ``template`` and ``params`` (when set) let the studio show ``message`` in its own
    language: ``message == template.format(**dict(params))``.  They take no part in
    equality, hashing or :meth:`to_json`.
    """

    severity: Severity
    code: str
    message: str
    scene: str | None = None
    item: str | None = None
    template: str | None = field(default=None, compare=False, repr=False)
    params: Params = field(default=(), compare=False, repr=False)

    def where(self) -> str:
        parts = [f"scene '{self.scene}'"] if self.scene else []
        if self.item:
            parts.append(self.item)
        return " > ".join(parts) or "project"

    def __str__(self) -> str:
        return one_line(f"{self.severity}: {self.where()}: {self.message}")

    def to_json(self) -> dict[str, str | None]:
        return {"severity": self.severity, "code": self.code, "message": self.message,
                "scene": self.scene, "item": self.item}


def problem(severity: Severity, code: str, template: str, scene: str | None = None,
            item: str | None = None, /, **params: object) -> Problem:
    """A :class:`Problem` whose message is ``template`` filled with ``params`` (kept for translation)."""
    m = msg(template, **params)
    return Problem(severity, code, m.text, scene, item, m.template, m.params)


def from_msg(severity: Severity, code: str, m: Msg | str, scene: str | None = None,
             item: str | None = None) -> Problem:
    """A :class:`Problem` from a :class:`Msg` built elsewhere (or plain English)."""
    if isinstance(m, str):
        return Problem(severity, code, m, scene, item)
    return Problem(severity, code, m.text, scene, item, m.template, m.params)


def _span(scene: Scene, out_ms: int | None) -> dict[str, object]:
    """The trimmed clip's range as template values: ``{start}`` ms and ``{end_text}``."""
    end = QT_TRANSLATE_NOOP("Problems", "end") if out_ms is None else f"{out_ms} ms"
    return {"start": scene.in_ms, "end_text": end}


def check_timing(project: Project) -> list[Problem]:
    """Timed items outside the trim, trims past the clip, prompts in choice windows."""
    media = project.media_map()
    out: list[Problem] = []
    for s in project.scenes:
        asset = media.get(s.media) if s.media is not None else None
        duration = s.placeholder.duration_ms if s.placeholder else (asset.duration_ms if asset else None)
        end = s.out_ms if s.out_ms is not None else duration
        span = _span(s, end)

        if duration is not None and (s.in_ms >= duration or (s.out_ms or 0) > duration):
            out.append(problem("error", "trim-outside-clip",
                               QT_TRANSLATE_NOOP("Problems",
                                                 "trim {start}..{out} ms exceeds the clip ({duration} ms)"),
                               s.id, None, start=s.in_ms, out=s.out_ms, duration=duration))

        def inside(t: int, s: Scene = s, end: int | None = end) -> bool:
            return s.in_ms <= t and (end is None or t <= end)

        if s.choice is not None:
            c = s.choice
            for label, at in (("appear_ms", c.appear_ms), ("decision_ms", c.decision_ms)):
                if not inside(at):
                    out.append(problem(
                        "error", "choice-outside-trim",
                        QT_TRANSLATE_NOOP("Problems", "{field} {at} ms is outside "
                                                      "the trimmed clip ({start} ms..{end_text})"),
                        s.id, "choice", field=label, at=at, **span))
        for p in s.prompts:
            if not inside(p.at_ms):
                out.append(problem(
                    "error", "prompt-outside-trim",
                    QT_TRANSLATE_NOOP("Problems", "at_ms {at} ms is outside "
                                                  "the trimmed clip ({start} ms..{end_text})"),
                    s.id, f"prompt '{p.id}'", at=p.at_ms, **span))
            if s.choice is not None and s.choice.appear_ms <= p.at_ms <= s.choice.decision_ms:
                out.append(problem(
                    "warning", "prompt-in-choice-window",
                    QT_TRANSLATE_NOOP("Problems",
                                      "prompt at {at} ms overlaps the choice window "
                                      "({appear}..{decision} ms)"),
                    s.id, f"prompt '{p.id}'", at=p.at_ms, appear=s.choice.appear_ms,
                    decision=s.choice.decision_ms))
        for tag in s.tags:
            if not (inside(tag.start_ms) and inside(tag.end_ms)):
                out.append(problem(
                    "error", "tag-outside-trim",
                    QT_TRANSLATE_NOOP("Problems",
                                      "{tag_start}..{tag_end} ms is outside "
                                      "the trimmed clip ({start} ms..{end_text})"),
                    s.id, f"tag '{tag.id}'", tag_start=tag.start_ms, tag_end=tag.end_ms, **span))
    return out
