"""Load-time resolution of ids and references across a project.

Every problem is described by a path of named items, e.g.
``scene 'payday' > option 'save' > target: unknown scene 'nowhere'``, so a
creator can find it without reading JSON indices.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Protocol

from studio.model import conditions
from studio.model.errors import ReferenceProblems
from studio.model.items import Effect, MediaAsset, Product, SavingsGoal, Scene, Variable, value_matches
from studio.model.tracks import AudioAsset

__all__ = ["ReferenceProblems", "Resolvable", "resolve"]


class Resolvable(Protocol):
    """What :func:`resolve` reads of a project (:class:`studio.model.project.Project`)."""

    @property
    def variables(self) -> Sequence[Variable]: ...

    @property
    def goals(self) -> Sequence[SavingsGoal]: ...

    @property
    def products(self) -> Sequence[Product]: ...

    @property
    def media(self) -> Sequence[MediaAsset]: ...

    @property
    def audio(self) -> Sequence[AudioAsset]: ...

    @property
    def scenes(self) -> Sequence[Scene]: ...

    @property
    def start(self) -> str | None: ...

    def known_variables(self) -> set[str]: ...


def _dupes(kind: str, ids: Iterable[str], where: str = "") -> list[str]:
    seen: set[str] = set()
    out = []
    for i in ids:
        if i in seen:
            out.append(f"{where}duplicate {kind} id '{i}'")
        seen.add(i)
    return out


def _effects(where: str, effects: list[Effect], types: Mapping[str, str]) -> list[str]:
    out = []
    for n, e in enumerate(effects):
        here = f"{where} > effect {n + 1} ({e.var})"
        kind = types.get(e.var)
        if kind is None:
            out.append(f"{here}: unknown variable '{e.var}'")
        elif e.op in ("add", "sub") and (kind != "int" or not value_matches("int", e.value)):
            out.append(f"{here}: '{e.op}' needs an int variable and an int value")
        elif e.op == "set" and not value_matches(kind, e.value):
            out.append(f"{here}: value {e.value!r} is not of type {kind}")
    return out


def _condition(where: str, expr: object, known: set[str]) -> list[str]:
    if expr is None:
        return []
    try:
        conditions.check(expr, known)
    except conditions.ConditionError as exc:
        return [f"{where} > condition: {exc}"]
    return []


def resolve(project: Resolvable) -> None:
    """Raise ReferenceProblems if any id is duplicated or any reference dangles.

    One pass over the scenes; the location strings are only built for a scene that has
    something to check (effects, conditions, several items) or a problem, so that the cost
    per plain scene stays a few dictionary lookups (100,000-scene projects).
    """
    p = project
    problems: list[str] = []
    problems += _dupes("variable", (v.id for v in p.variables))
    problems += _dupes("goal", (g.id for g in p.goals))
    problems += _dupes("product", (x.id for x in p.products))
    problems += _dupes("media", (m.id for m in p.media))
    problems += _dupes("media path", (m.path for m in p.media))
    problems += _dupes("audio", (a.id for a in p.audio))
    problems += _dupes("audio path", (a.path for a in p.audio))
    audio = {a.id for a in p.audio}
    problems += _dupes("scene", (s.id for s in p.scenes))
    scenes = {s.id for s in p.scenes}
    media = {m.id for m in p.media}
    goals = {g.id for g in p.goals}
    products = {x.id for x in p.products}
    types = {v.id: v.type for v in p.variables}
    known = p.known_variables()
    if p.start is not None and p.start not in scenes:
        problems.append(f"start: unknown scene '{p.start}'")
    if p.scenes and p.start is None:
        problems.append("start: a project with scenes needs a start scene")
    for s in p.scenes:
        here = f"scene '{s.id}'"
        if s.media is not None and s.media not in media:
            problems.append(f"{here} > media: unknown media '{s.media}'")
        if s.next is not None and s.next not in scenes:
            problems.append(f"{here} > next: unknown scene '{s.next}'")
        for d in s.dubs:
            if d.audio not in audio:
                problems.append(f"{here} > dub {d.locale}: unknown audio '{d.audio}'")
        if s.on_enter:
            problems += _effects(f"{here} > on_enter", s.on_enter, types)
        if s.choice is not None:
            options = s.choice.options
            if len(options) > 1:
                problems += _dupes("option", (o.id for o in options), f"{here}: ")
            for o in options:
                if (
                    o.target in scenes and o.condition is None and not o.effects
                    and (o.deposit is None or o.deposit.goal in goals)
                ):
                    continue  # nothing to report: no location string needed
                oh = f"{here} > choice > option '{o.id}'"
                if o.target not in scenes:
                    problems.append(f"{oh} > target: unknown scene '{o.target}'")
                if o.deposit is not None and o.deposit.goal not in goals:
                    problems.append(f"{oh} > deposit: unknown goal '{o.deposit.goal}'")
                problems += _condition(oh, o.condition, known)
                problems += _effects(oh, o.effects, types)
        if s.prompts:
            problems += _dupes("prompt", (x.id for x in s.prompts), f"{here}: ")
            for pr in s.prompts:
                ph = f"{here} > prompt '{pr.id}'"
                if pr.goal not in goals:
                    problems.append(f"{ph} > goal: unknown goal '{pr.goal}'")
                problems += _effects(f"{ph} > accept", pr.accept_effects, types)
                problems += _effects(f"{ph} > decline", pr.decline_effects, types)
        if s.tags:
            problems += _dupes("tag", (t.id for t in s.tags), f"{here}: ")
            for t in s.tags:
                if t.product not in products:
                    problems.append(f"{here} > tag '{t.id}' > product: unknown product '{t.product}'")
    if problems:
        raise ReferenceProblems(problems)
