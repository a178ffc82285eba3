"""One pass over scenes: graph rows for the ``Index`` plus the one-scene checks.

The same pass optionally fills a ``Net`` with the data for the statistics, so
that ``analyze`` reads every scene once.  Each finding is a
``studio.model.checks.Problem`` naming the scene and the item
(``option 'x'``, ``prompt 'y'``, ``tag 'z'``, ``choice``, ``media``).  What a
scene check may read from the rest of the project is gathered in ``Context``
(``studio.graph.context``); when the context changes, every scene must be
scanned again.  The checks of author text, labels and hotspots are in
``studio.graph.author_checks``; the scan only calls them for items that might
have a finding.

A scene's row lists where it leads: its options' targets or, for a scene that
continues automatically, its ``next`` scene (a scene with options ignores
``next``: the model forbids both).

Timing findings come from the model's ``check_timing``; to keep a 10,000-scene
validation fast, the scan only hands it the *suspects*: scenes that might
have a timing problem (a conservative test, checked against ``check_timing``
by property tests in ``tests/graph/test_timing_filter.py``).
"""

from __future__ import annotations

from collections.abc import Sequence

from studio.graph.author_checks import (
    TITLE_BAR,
    dock_top,
    ending_findings,
    money_like,
    option_findings,
    prompt_findings,
    tag_findings,
)
from studio.graph.context import Context, choice_findings, dead_end, deposit_findings
from studio.graph.index import Index
from studio.graph.net import Net, Vec, accepted, option_deposits
from studio.model import Problem, Project, Scene, check_timing
from studio.model.checks import problem
from studio.model.messages import QT_TRANSLATE_NOOP

UNKNOWN_MEDIA = QT_TRANSLATE_NOOP("Problems", "uses unknown media '{media}'")
UNKNOWN_PRODUCT = QT_TRANSLATE_NOOP("Problems", "shows unknown product '{product}'")


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
        add_targets(tuple([o.target for o in opts]) if opts else (s.next,) if s.next is not None else empty)
    return _by_scene(out), suspects


def targets_of(s: Scene) -> tuple[str, ...]:
    """Where scene ``s`` leads: its options' targets, else its ``next`` scene, else nowhere."""
    opts = s.choice.options if s.choice is not None else None
    if opts:
        return tuple([o.target for o in opts])
    return (s.next,) if s.next is not None else ()


def _by_scene(out: list[Problem]) -> dict[str, list[Problem]]:
    found: dict[str, list[Problem]] = {}
    for p in out:
        found.setdefault(p.scene or "", []).append(p)
    return found


def _checks(s: Scene, sid: str, ctx: Context, out: list[Problem]) -> int | None:
    """The one-scene checks of ``s`` (into ``out``); the trim end, None for a timing suspect."""
    caps, titles = ctx.caps, ctx.titles
    # More than half of a hotspot is under one band exactly when its middle is (``dock_top``:
    # the dock's top at the most, or 0 when both bands together can cover a hotspot).
    top = TITLE_BAR
    lo = s.in_ms
    hi = s.placeholder.duration_ms if s.placeholder else ctx.durations.get(s.media or "", -1)
    odd = hi < 0 or lo >= hi
    if hi < 0:
        out.append(problem("error", "unknown-media", UNKNOWN_MEDIA, sid, "media",
                           media=s.media))
    elif s.out_ms is not None:
        odd = odd or s.out_ms > hi
        hi = s.out_ms
    c = s.choice
    opts = c.options if c is not None else None
    win_lo = win_hi = -1
    if not opts:
        if not s.ending and s.next is None:
            dead_end(out, sid, c is not None)
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
                    deposit_findings(out, sid, f"option '{o.id}'", dep.goal, dep.amount, ctx)
            label = o.label
            if (o.hotspot is not None or "{" in label or "}" in label or label == titles.get(o.target)
                    or (dep is not None and money_like(label))):
                option_findings(out, s, o, ctx)
        if conditional:
            choice_findings(out, sid, opts, ctx)
    for p in s.prompts:
        cap = caps.get(p.goal, -1)
        if p.amount <= 0 or cap == -1 or (cap is not None and p.amount > cap):
            deposit_findings(out, sid, f"prompt '{p.id}'", p.goal, p.amount, ctx)
        if "{" in p.text or "}" in p.text or money_like(p.text):
            prompt_findings(out, s, p, ctx)
        if not odd and not (lo <= p.at_ms <= hi and not win_lo <= p.at_ms <= win_hi):
            odd = True
    bottom = dock_top(len(opts)) if s.tags and opts else 1.0
    for t in s.tags:
        if t.product not in ctx.products:
            out.append(problem("error", "unknown-product", UNKNOWN_PRODUCT,
                               sid, f"tag '{t.id}'", product=t.product))
        h, cta = t.hotspot, t.cta
        middle = h.y + 0.5 * h.h
        if middle < top or middle > bottom or "{" in cta or "}" in cta or money_like(cta):
            tag_findings(out, s, t, ctx)
        if not odd and not (lo <= t.start_ms <= hi and lo <= t.end_ms <= hi):
            odd = True
    if s.ending and (s.ending_title is not None or s.ending_text is not None):
        ending_findings(out, s)
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
    caps, products, durations, titles = ctx.caps, ctx.products, ctx.durations, ctx.titles
    top = TITLE_BAR  # (see _checks: a tag is checked when its middle is under the chrome)
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
            out.append(problem("error", "unknown-media", UNKNOWN_MEDIA, sid,
                               "media", media=s.media))
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
            if s.next is not None:  # continues automatically: plays its whole trim
                add_targets((s.next,))
                fast = slow = span
            else:
                add_targets(empty)
                if not s.ending:
                    dead_end(out, sid, c is not None)
                fast = slow = 0
            win_lo = win_hi = -1
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
                        deposit_findings(out, sid, f"option '{o.id}'", dep.goal, dep.amount, ctx)
                label = o.label
                if (o.hotspot is not None or "{" in label or "}" in label
                        or label == titles.get(o.target) or (dep is not None and money_like(label))):
                    option_findings(out, s, o, ctx)
            hidden = None
            if conditional:
                truths = choice_findings(out, sid, opts, ctx)
                if False in truths:
                    hidden = truths
                    kept[i] = [o.target for o, t in zip(opts, truths, strict=True) if t is not False]
            if deposits:
                xs = option_deposits(opts, hidden, net)
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
                deposit_findings(out, sid, f"prompt '{p.id}'", p.goal, p.amount, ctx)
            if "{" in p.text or "}" in p.text or money_like(p.text):
                prompt_findings(out, s, p, ctx)
            if not odd and not (lo <= p.at_ms <= hi and not win_lo <= p.at_ms <= win_hi):
                odd = True
        bottom = dock_top(len(opts)) if s.tags and opts else 1.0
        for t in s.tags:
            if t.product not in products:
                out.append(problem("error", "unknown-product",
                                   UNKNOWN_PRODUCT, sid, f"tag '{t.id}'",
                                   product=t.product))
            h, cta = t.hotspot, t.cta
            middle = h.y + 0.5 * h.h
            if middle < top or middle > bottom or "{" in cta or "}" in cta or money_like(cta):
                tag_findings(out, s, t, ctx)
            if not odd and not (lo <= t.start_ms <= hi and lo <= t.end_ms <= hi):
                odd = True
        if s.ending and (s.ending_title is not None or s.ending_text is not None):
            ending_findings(out, s)
        if odd:
            suspects.append(s)
        gains = accepted(prompts, end, gix, width) if prompts else None
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
    for s in scenes:
        ix.ids.append(s.id)
        ix.ending.append(s.ending)
        ix.targets.append(targets_of(s))
