"""Composite ops: ``Batch`` (several ops, all or nothing), ``Compound`` (an op
built against the current project) and :func:`apply_all`.  No Qt.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from studio.model.ops.base import Applied, ChangeSet, Op
from studio.model.project import Project


@dataclass(frozen=True)
class Batch(Op):
    """Several ops as one edit; all or nothing."""

    ops: tuple[Op, ...]
    label: str = ""

    @property
    def text(self) -> str:
        return self.label or (self.ops[0].text if self.ops else "Edit")

    def apply(self, project: Project) -> Applied:
        done: list[Applied] = []
        try:
            for op in self.ops:
                done.append(op.apply(project))
        except BaseException:
            for applied in reversed(done):
                applied.inverse.apply(project)
            raise
        changes = ChangeSet()
        for applied in done:
            changes = changes | applied.changes
        inverse = Batch(tuple(a.inverse for a in reversed(done)), self.label)
        return Applied(inverse, changes)


@dataclass(frozen=True)
class Compound(Op):
    """An op decided against the current project: ``build(project) -> Op``.

    Gestures such as "connect these scenes" depend on state (does the scene
    have a choice point yet?); the built op is applied and its exact inverse
    returned, so undo never re-decides.
    """

    build: Callable[[Project], Op] = field(compare=False)
    label: str = "Edit"

    @property
    def text(self) -> str:
        return self.label

    def apply(self, project: Project) -> Applied:
        return self.build(project).apply(project)


def apply_all(project: Project, ops: Iterable[Op]) -> list[Op]:
    """Apply ops in order; returns their inverses in *undo* order (last first)."""
    inverses = [op.apply(project).inverse for op in ops]
    inverses.reverse()
    return inverses
