"""One pass over scenes: graph rows for the ``Index`` plus the one-scene checks.

The same pass optionally fills a ``Net`` with the data for the statistics, so
that ``analyze`` reads every scene once.  Each finding is a
``studio.model.checks.Problem`` naming the scene and the item
(``option 'x'``, ``prompt 'y'``, ``tag 'z'``, ``choice``, ``media``).  What a
scene check may read from the rest of the project is gathered in ``Context``;
when the context changes, every scene must be scanned again.

Timing findings come from the model's ``check_timing``; to keep a 10,000-scene
validation fast, the scan only hands it the *suspects*: scenes that might
have a timing problem (a conservative test, checked against ``check_timing``
by property tests in ``tests/graph/test_timing_filter.py``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from studio.graph.index import Index
from studio.graph.net import Net, Vec
from studio.graph.static import Abstract, bounds_for, static_truth
from studio.model import Problem, Project, Scene, check_timing
from studio.model.currency import format_money


@dataclass(frozen=True, slots=True)
class Context:
    """What scene checks read outside the scene itself."""

    key: tuple[Any, ...]
    currency: str
    caps: dict[str, int | None]
    products: frozenset[str]
    durations: dict[str, int]
    bounds: dict[str, Abstract]
    truths: dict[str, bool | None] = field(default_factory=dict)  # memo by repr(condition)


def context_key(project: Project) -> tuple[Any, ...]:
    """Changes whenever a scene check could give a different answer."""
    return (
        project.currency,
        tuple((g.id, g.cap) for g in project.goals),
        tuple(p.id for p in project.products),
        tuple((m.id, m.duration_ms) for m in project.media),
        tuple((v.id, v.type) for v in project.variables),
    )


def make_context(project: Project) -> Context:
    caps = {g.id: g.cap for g in project.goals}
    return Context(
        key=context_key(project),
        currency=project.currency,
        caps=caps,
        products=frozenset(p.id for p in project.products),
        durations={m.id: m.duration_ms for m in project.media},
        bounds=bounds_for({v.id: v.type for v in project.variables}, caps),
    )


def truth(expr: Any, ctx: Context) -> bool | None:
    """``static_truth`` of a condition, memoised per context."""
    if expr is None:
        return True
    key = repr(expr)
    if key in ctx.truths:
        return ctx.truths[key]
    found = ctx.truths[key] = static_truth(expr, ctx.bounds)
    return found


def _deposit(out: list[Problem], sid: str, item: str, goal: str, amount: int, ctx: Context) -> None:
    if amount <= 0:
        out.append(Problem("error", "deposit-not-positive",
                           f"deposit amount {amount} must be positive", sid, item))
    if goal not in ctx.caps:
        out.append(Problem("error", "unknown-goal", f"deposits into unknown goal '{goal}'", sid, item))
        return
    cap = ctx.caps[goal]
    if cap is not None and amount > cap:
        out.append(Problem(
            "warning", "deposit-over-cap",
            f"deposit of {format_money(amount, ctx.currency)} is more than goal '{goal}' allows "
            f"in one playthrough ({format_money(cap, ctx.currency)}); it will be cut to the cap",
            sid, item,
        ))


def _choice(out: list[Problem], sid: str, options: Sequence[Any], ctx: Context) -> list[bool | None]:
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
            out.extend(Problem("warning", "option-never-shown",
                               "condition is always false: this option never shows",
                               sid, f"option '{o.id}'")
                       for o, t in zip(options, truths, strict=True) if t is False)
        return truths
    if None not in truths:  # every one False
        out.append(Problem(
            "error", "choice-always-hidden",
            "every option's condition is always false: the choice never shows and the scene "
            "ends as a dead end", sid, "choice",
        ))
        return truths
    out.extend(Problem("warning", "option-never-shown",
                       "condition is always false: this option never shows",
                       sid, f"option '{o.id}'")
               for o, t in zip(options, truths, strict=True) if t is False)
    out.append(Problem(
        "warning", "options-may-all-hide",
        "every option has a condition that may be false: when none holds, "
        "the choice is skipped and the scene ends as a dead end", sid, "choice",
    ))
    return truths


def _dead_end(out: list[Problem], sid: str, has_choice: bool) -> None:
    what = "a choice point without options" if has_choice else "no choice point"
    out.append(Problem(
        "error", "dead-end", f"has {what} and is not marked as an ending: playback stops here",
        sid, "choice" if has_choice else None,
    ))


def scan_scenes(
    scenes: Sequence[Scene], ctx: Context, ix: Index, net: Net | None = None
) -> tuple[dict[str, list[Problem]], list[Scene]]:
    """Append one row per scene to ``ix``; return findings by scene id and timing suspects.

    With ``net``, the same pass also appends each scene's statistics data.
    """
    if net is not None:
        return _scan_with_net(scenes, ctx, ix, net)
    ids = [s.id for s in scenes]
    ix.ids.extend(ids)
    ix.ending.extend([s.ending for s in scenes])
    out: list[Problem] = []
    suspects: list[Scene] = []
    add_targets, empty = ix.targets.append, ()
    for s, sid in zip(scenes, ids, strict=True):
        hi = _checks(s, sid, ctx, out)
        if hi is None:
            suspects.append(s)
        opts = s.choice.options if s.choice is not None else None
        add_targets(tuple([o.target for o in opts]) if opts else empty)
    return _by_scene(out), suspects


def _by_scene(out: list[Problem]) -> dict[str, list[Problem]]:
    found: dict[str, list[Problem]] = {}
    for p in out:
        found.setdefault(p.scene or "", []).append(p)
    return found


def _checks(s: Scene, sid: str, ctx: Context, out: list[Problem]) -> int | None:
    """The one-scene checks of ``s`` (into ``out``); the trim end, None for a timing suspect."""
    caps = ctx.caps
    lo = s.in_ms
    hi = s.placeholder.duration_ms if s.placeholder else ctx.durations.get(s.media or "", -1)
    odd = hi < 0 or lo >= hi
    if hi < 0:
        out.append(Problem("error", "unknown-media", f"uses unknown media '{s.media}'", sid, "media"))
    elif s.out_ms is not None:
        odd = odd or s.out_ms > hi
        hi = s.out_ms
    c = s.choice
    opts = c.options if c is not None else None
    win_lo = win_hi = -1
    if not opts:
        if not s.ending:
            _dead_end(out, sid, c is not None)
    else:
        assert c is not None
        win_lo, win_hi = c.appear_ms, c.decision_ms
        if not odd and not (lo <= win_lo <= hi and lo <= win_hi <= hi):
            odd = True
        conditional = False
        for o in opts:
            if o.condition is not None:
                conditional = True
            dep = o.deposit
            if dep is not None:
                cap = caps.get(dep.goal, -1)
                if dep.amount <= 0 or cap == -1 or (cap is not None and dep.amount > cap):
                    _deposit(out, sid, f"option '{o.id}'", dep.goal, dep.amount, ctx)
        if conditional:
            _choice(out, sid, opts, ctx)
    for p in s.prompts:
        cap = caps.get(p.goal, -1)
        if p.amount <= 0 or cap == -1 or (cap is not None and p.amount > cap):
            _deposit(out, sid, f"prompt '{p.id}'", p.goal, p.amount, ctx)
        if not odd and not (lo <= p.at_ms <= hi and not win_lo <= p.at_ms <= win_hi):
            odd = True
    for t in s.tags:
        if t.product not in ctx.products:
            out.append(Problem("error", "unknown-product", f"shows unknown product '{t.product}'",
                               sid, f"tag '{t.id}'"))
        if not odd and not (lo <= t.start_ms <= hi and lo <= t.end_ms <= hi):
            odd = True
    return None if odd else hi


def _scan_with_net(
    scenes: Sequence[Scene], ctx: Context, ix: Index, net: Net
) -> tuple[dict[str, list[Problem]], list[Scene]]:
    """``scan_scenes`` filling ``net`` too: the checks of ``_checks``, inlined (hot path).

    Calling ``_checks`` per scene instead costs about 10% of the scan (measured);
    ``tests/graph/test_incremental.py::test_analyze_equals_validate_and_stats``
    keeps the two copies giving the same findings.
    """
    ids = [s.id for s in scenes]
    ix.ids.extend(ids)
    ix.ending.extend([s.ending for s in scenes])
    caps, products, durations = ctx.caps, ctx.products, ctx.durations
    out: list[Problem] = []
    suspects: list[Scene] = []
    empty: tuple[str, ...] = ()
    add_targets = ix.targets.append
    add_length, add_nw, interned = net.length.append, net.nw.append, net.interned
    plain: dict[int, Vec] = {}  # weights without prompt gains, by (fast << 32 | slow)
    i = len(net.length) - 1
    node_weight, gix, width, kept, extra, final = (
        net.node_weight, net.gix, net.width, net.kept, net.extra, net.final)
    for s, sid in zip(scenes, ids, strict=True):
        # Timing suspect ("odd"): anything check_timing might report; [lo, hi] is the trim.
        lo = s.in_ms
        hi = s.placeholder.duration_ms if s.placeholder else durations.get(s.media or "", -1)
        odd = hi < 0 or lo >= hi
        if hi < 0:
            out.append(Problem("error", "unknown-media", f"uses unknown media '{s.media}'", sid,
                               "media"))
            end = s.out_ms
        else:
            if s.out_ms is not None:
                odd = odd or s.out_ms > hi
                hi = s.out_ms
            end = hi
        span = end - lo if end is not None and end > lo else 0
        add_length(span)
        i += 1
        c = s.choice
        opts = c.options if c is not None else None
        if not opts:
            add_targets(empty)
            if not s.ending:
                _dead_end(out, sid, c is not None)
            win_lo = win_hi = -1
            fast = slow = 0
        else:
            assert c is not None
            win_lo, win_hi = c.appear_ms, c.decision_ms
            if not odd and not (lo <= win_lo <= hi and lo <= win_hi <= hi):
                odd = True
            add_targets(tuple([o.target for o in opts]))
            conditional = deposits = False
            for o in opts:
                if o.condition is not None:
                    conditional = True
                dep = o.deposit
                if dep is not None:
                    deposits = True
                    cap = caps.get(dep.goal, -1)
                    if dep.amount <= 0 or cap == -1 or (cap is not None and dep.amount > cap):
                        _deposit(out, sid, f"option '{o.id}'", dep.goal, dep.amount, ctx)
            hidden = None
            if conditional:
                truths = _choice(out, sid, opts, ctx)
                if False in truths:
                    hidden = truths
                    kept[i] = [o.target for o, t in zip(opts, truths, strict=True) if t is not False]
            if deposits:
                xs = _extras(opts, hidden, net)
                if xs is not None:
                    extra[i] = xs
            if c.mode == "cut":
                fast, slow, end = win_lo - lo, win_hi - lo, win_hi
                if fast < 0:
                    fast = 0
                if slow < 0:
                    slow = 0
            else:
                fast = slow = span
        prompts = s.prompts
        for p in prompts:
            cap = caps.get(p.goal, -1)
            if p.amount <= 0 or cap == -1 or (cap is not None and p.amount > cap):
                _deposit(out, sid, f"prompt '{p.id}'", p.goal, p.amount, ctx)
            if not odd and not (lo <= p.at_ms <= hi and not win_lo <= p.at_ms <= win_hi):
                odd = True
        for t in s.tags:
            if t.product not in products:
                out.append(Problem("error", "unknown-product",
                                   f"shows unknown product '{t.product}'", sid, f"tag '{t.id}'"))
            if not odd and not (lo <= t.start_ms <= hi and lo <= t.end_ms <= hi):
                odd = True
        if odd:
            suspects.append(s)
        gains = _accepted(prompts, end, gix, width) if prompts else None
        if s.ending:
            if gains:
                final[i] = gains
            gains = None
        if gains is None and slow < 4294967296:
            w = plain.get(fast << 32 | slow)
            if w is None:
                w = plain[fast << 32 | slow] = node_weight(fast, slow, None)
            add_nw(w)
        else:
            add_nw(interned.get((fast, slow, gains)) or node_weight(fast, slow, gains))
    return _by_scene(out), suspects


def _extras(options: Sequence[Any], truths: list[bool | None] | None, net: Net
            ) -> list[Vec | None] | None:
    """Deposit vectors of the options kept by the statistics (see ``net``)."""
    table, make = net.deposits, net.deposit_vector
    out: list[Vec | None] = [
        None if (d := o.deposit) is None else table.get((d.goal, d.amount)) or make(d.goal, d.amount)
        for o in options
    ]
    if truths is not None:
        out = [x for x, t in zip(out, truths, strict=True) if t is not False]
    return None if out.count(None) == len(out) else out


def _accepted(prompts: list[Any], end: int | None, gix: dict[str, int], width: int) -> Vec | None:
    """Amounts of the prompts shown before the scene is left (``end``), per goal and in all."""
    vec = [0] * width
    total = width > len(gix)  # a separate all-goals entry
    for p in prompts:
        k = gix.get(p.goal)
        if k is not None and p.amount > 0 and (end is None or p.at_ms <= end):
            vec[k] += p.amount
            if total:
                vec[-1] += p.amount
    return tuple(vec) if any(vec) else None


def timing_findings(project: Project, suspects: list[Scene]) -> dict[str, list[Problem]]:
    """The model's ``check_timing`` for ``suspects`` only, by scene id."""
    if not suspects:
        return {}
    sub = project if len(suspects) == len(project.scenes) else Project.model_construct(
        title=project.title, scenes=suspects, media=project.media)
    out: dict[str, list[Problem]] = {}
    for p in check_timing(sub):
        out.setdefault(p.scene or "", []).append(p)
    return out


def scan_rows(scenes: Sequence[Scene], ix: Index) -> None:
    """Only the graph rows of ``scan_scenes`` (no checks): for structural updates."""
    empty: tuple[str, ...] = ()
    for s in scenes:
        ix.ids.append(s.id)
        ix.ending.append(s.ending)
        opts = s.choice.options if s.choice is not None else None
        ix.targets.append(tuple([o.target for o in opts]) if opts else empty)
