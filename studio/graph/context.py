"""What one-scene checks read outside the scene (``Context``) and the small findings they make.

A ``Context`` is made once per full validation.  Its ``key`` changes whenever a scene check
could give a different answer because of the rest of the project (currency, locale, goals,
products, media, variables): the incremental validator then validates everything again.
Scene titles are the exception: ``titles`` (scene id -> title, the first scene of an id) is
kept up to date by the validator itself, which rechecks the scenes linking to a renamed one.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from studio.graph.static import Abstract, bounds_for, static_truth
from studio.model import Problem, Product, Project, Scene
from studio.model.checks import problem
from studio.model.currency import format_money
from studio.model.messages import QT_TRANSLATE_NOOP
from studio.model.names import named


@dataclass(frozen=True, slots=True)
class Context:
    """What scene checks read outside the scene itself."""

    key: tuple[Any, ...]
    currency: str
    caps: dict[str, int | None]
    products: dict[str, Product]
    durations: dict[str, int]
    bounds: dict[str, Abstract]
    locale: str = "en"
    goal_names: dict[str, str] = field(default_factory=dict)
    titles: dict[str, str] = field(default_factory=dict)  # scene id -> title (see the module doc)
    truths: dict[str, bool | None] = field(default_factory=dict)  # memo by repr(condition)


def context_key(project: Project) -> tuple[Any, ...]:
    """Changes whenever a scene check could give a different answer."""
    return (
        project.currency,
        project.locale,
        tuple((g.id, g.cap, g.name) for g in project.goals),
        tuple((p.id, p.name, p.price, p.currency) for p in project.products),
        tuple((m.id, m.duration_ms) for m in project.media),
        tuple((v.id, v.type) for v in project.variables),
    )


def make_context(project: Project, titles: bool = False) -> Context:
    """The context of ``project``; with ``titles``, the scene titles too (for the label check)."""
    caps = {g.id: g.cap for g in project.goals}
    return Context(
        key=context_key(project),
        currency=project.currency,
        caps=caps,
        products={p.id: p for p in project.products},
        durations={m.id: m.duration_ms for m in project.media},
        bounds=bounds_for({v.id: v.type for v in project.variables}, caps),
        locale=project.locale,
        goal_names={g.id: g.name for g in project.goals},
        titles=scene_titles(project.scenes) if titles else {},
    )


def scene_titles(scenes: Sequence[Scene]) -> dict[str, str]:
    """Scene id -> title; a duplicated id names its first scene (as ``Index.pos`` does)."""
    return {s.id: s.title for s in reversed(scenes)}


def deposit_findings(out: list[Problem], sid: str, item: str, goal: str, amount: int, ctx: Context) -> None:
    """A deposit that is not positive, into an unknown goal, or over the goal's cap."""
    if amount <= 0:
        out.append(problem("error", "deposit-not-positive",
                           QT_TRANSLATE_NOOP("Problems", "deposit amount {amount} must be positive"),
                           sid, item, amount=amount))
    if goal not in ctx.caps:
        out.append(problem("error", "unknown-goal",
                           QT_TRANSLATE_NOOP("Problems", "deposits into unknown goal '{goal}'"),
                           sid, item, goal=goal))
        return
    cap = ctx.caps[goal]
    if cap is not None and amount > cap:
        out.append(problem(
            "warning", "deposit-over-cap",
            QT_TRANSLATE_NOOP("Problems", "deposit of {amount} is more than goal {goal} allows in one "
                              "playthrough ({cap}); it will be cut to the cap"),
            sid, item, amount=format_money(amount, ctx.currency),
            goal=named(ctx.goal_names.get(goal, goal)), cap=format_money(cap, ctx.currency),
        ))


def choice_findings(out: list[Problem], sid: str, options: Sequence[Any], ctx: Context
                    ) -> list[bool | None]:
    """Findings on option conditions; returns each option's static truth."""
    memo = ctx.truths
    truths: list[bool | None] = []
    for o in options:
        expr = o.condition
        if expr is None:
            truths.append(True)
            continue
        key = repr(expr)
        if key in memo:
            truths.append(memo[key])
        else:
            truths.append(memo.setdefault(key, static_truth(expr, ctx.bounds)))
    if True in truths:
        if False in truths:
            out.extend(problem("warning", "option-never-shown",
                               QT_TRANSLATE_NOOP("Problems",
                                                 "condition is always false: this option never shows"),
                               sid, f"option '{o.id}'")
                       for o, t in zip(options, truths, strict=True) if t is False)
        return truths
    if None not in truths:  # every one False
        out.append(problem(
            "error", "choice-always-hidden",
            QT_TRANSLATE_NOOP("Problems", "every option's condition is always false: the choice never "
                              "shows and the scene ends as a dead end"), sid, "choice",
        ))
        return truths
    out.extend(problem("warning", "option-never-shown",
                       QT_TRANSLATE_NOOP("Problems", "condition is always false: this option never shows"),
                       sid, f"option '{o.id}'")
               for o, t in zip(options, truths, strict=True) if t is False)
    out.append(problem(
        "warning", "options-may-all-hide",
        QT_TRANSLATE_NOOP("Problems", "every option has a condition that may be false: when none holds, "
        "the choice is skipped and the scene ends as a dead end"), sid, "choice",
    ))
    return truths


def dead_end(out: list[Problem], sid: str, has_choice: bool) -> None:
    """A scene that neither offers a choice, nor continues, nor ends the story."""
    if has_choice:
        out.append(problem("error", "dead-end", QT_TRANSLATE_NOOP(
            "Problems", "has a choice point without options and is not marked as an ending: "
            "playback stops here"), sid, "choice"))
    else:
        out.append(problem("error", "dead-end", QT_TRANSLATE_NOOP(
            "Problems", "has neither a choice point nor a next scene and is not marked as an ending: "
            "playback stops here"), sid, None))
