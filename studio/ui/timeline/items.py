"""What the timeline shows for one scene, and the ops its gestures push (Qt-free).

A :class:`Item` is one timed thing on a lane: the choice window (a range from
``appear_ms`` to ``decision_ms``), a savings prompt (a point) or a product tag
(a range).  Times are *clip time* (ms from the start of the media file).
Items outside the scene's trim are flagged with the reason, using the same
wording as :func:`studio.model.checks.check_timing`.

The ``*_op`` builders turn a gesture (move, resize, nudge, add) into one
:class:`~studio.model.ops.Op`; moves of a tag or the choice window replace the
whole item, so repeated keyboard nudges share one merge key.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from studio.model.checks import check_timing
from studio.model.currency import format_money
from studio.model.gestures import unique_id
from studio.model.ops import (
    AddItem,
    ChoiceRef,
    Op,
    OpError,
    PromptRef,
    RemoveItem,
    SceneRef,
    SetField,
    SetFields,
    TagRef,
)
from studio.model.project import ChoicePoint, Option, ProductTag, Project, SavingsPrompt, Scene
from studio.model.types import Rect

Kind = Literal["choice", "prompt", "tag"]
Edge = Literal["move", "start", "end"]
LANES: tuple[Kind, ...] = ("choice", "prompt", "tag")
LANE_TITLES: dict[Kind, str] = {"choice": "Choice", "prompt": "Prompts", "tag": "Tags"}
DEFAULT_TAG_MS = 2000
DEFAULT_CHOICE_MS = 3000
DEFAULT_PROMPT_AMOUNT = 1000  # minor units
DEFAULT_HOTSPOT = {"x": 0.35, "y": 0.42, "w": 0.3, "h": 0.16}


@dataclass(frozen=True)
class Item:
    """One timed item of a scene, as the timeline draws it."""

    kind: Kind
    ident: str  # "" for the choice window
    start: int
    end: int | None  # None: a point (savings prompt)
    label: str
    ref: ChoiceRef | PromptRef | TagRef
    problem: str | None = None  # why the item is invalid (outside the trim)
    warning: str | None = None
    row: int = 0  # sub-row in its lane (overlapping tags stack)

    @property
    def key(self) -> tuple[str, str]:
        return (self.kind, self.ident)

    @property
    def path(self) -> tuple[str, ...]:
        """The selection path, e.g. ``("scene", "payday", "prompt", "round_up")``."""
        return self.ref.id_path


def scene_span(project: Project, scene: Scene) -> tuple[int, int, int]:
    """(in_ms, out_ms, clip duration ms) of ``scene``; unknown media counts as 10 s."""
    asset = project.media_map().get(scene.media)
    duration = asset.duration_ms if asset else max(scene.out_ms or 0, scene.in_ms + 1, 10_000)
    out = project.scene_out_ms(scene) or duration
    return scene.in_ms, out, max(duration, out)


def scene_fps(project: Project, scene: Scene) -> float:
    asset = project.media_map().get(scene.media)
    return asset.fps if asset else 25.0


def build_items(project: Project, scene: Scene) -> list[Item]:
    """Every timed item of ``scene``, with problems and tag rows filled in."""
    problems: dict[str, list[str]] = {}
    warnings: dict[str, list[str]] = {}
    for found in check_timing(project):
        if found.scene == scene.id and found.item:
            bucket = problems if found.severity == "error" else warnings
            bucket.setdefault(found.item, []).append(found.message)
    sid = scene.id

    def reasons(key: str, table: dict[str, list[str]]) -> str | None:
        found = table.get(key)
        return "; ".join(found) if found else None

    items: list[Item] = []
    if scene.choice is not None:
        c = scene.choice
        label = f"Choice ({len(c.options)} option{'s' if len(c.options) != 1 else ''})"
        items.append(
            Item(
                "choice",
                "",
                c.appear_ms,
                c.decision_ms,
                label,
                ChoiceRef(sid),
                reasons("choice", problems),
            )
        )
    for p in scene.prompts:
        money = format_money(p.amount, project.currency)
        key = f"prompt '{p.id}'"
        items.append(
            Item(
                "prompt",
                p.id,
                p.at_ms,
                None,
                f"{p.id} {money}",
                PromptRef(sid, p.id),
                reasons(key, problems),
                reasons(key, warnings),
            )
        )
    products = project.product_map()
    row_ends: list[int] = []
    for t in sorted(scene.tags, key=lambda t: (t.start_ms, t.end_ms)):
        row = next((n for n, end in enumerate(row_ends) if end <= t.start_ms), len(row_ends))
        if row == len(row_ends):
            row_ends.append(t.end_ms)
        else:
            row_ends[row] = t.end_ms
        product = products.get(t.product)
        name = product.name if product else t.product
        items.append(
            Item(
                "tag",
                t.id,
                t.start_ms,
                t.end_ms,
                name,
                TagRef(sid, t.id),
                reasons(f"tag '{t.id}'", problems),
                row=row,
            )
        )
    return items


def tag_rows(items: list[Item]) -> int:
    return max((i.row + 1 for i in items if i.kind == "tag"), default=1)


def find_item(items: list[Item], path: tuple[str, ...] | None) -> Item | None:
    return next((i for i in items if i.path == path), None) if path else None


# --- gestures -> ops --------------------------------------------------------------
def retime_op(scene: Scene, item: Item, start: int, end: int | None, label: str = "") -> Op:
    """One op putting ``item`` at ``start`` (and ``end`` for ranges: both set together, so a
    range can move past its old end; repeated nudges share one merge key)."""
    ref = item.ref
    if isinstance(ref, PromptRef):
        return SetField(ref.at_ms, start)
    if end is None:
        raise OpError(f"{ref.where()}: a range needs an end")
    if isinstance(ref, TagRef):
        return SetFields((ref.start_ms.to(start), ref.end_ms.to(end)))
    return SetFields((ref.appear_ms.to(start), ref.decision_ms.to(end)))


def remove_op(scene: Scene, item: Item) -> Op:
    if isinstance(item.ref, ChoiceRef):
        return SetField(SceneRef(scene.id).choice, None)
    return RemoveItem(item.ref)


def clamp_point(ms: int, span: tuple[int, int, int]) -> int:
    """Keep a new item's time inside the trim."""
    lo, hi, _ = span
    return max(lo, min(ms, hi))


def add_prompt_op(project: Project, scene: Scene, at_ms: int) -> tuple[Op, tuple[str, ...]]:
    """A savings prompt at ``at_ms`` for the first goal (refused if there is none)."""
    if not project.goals:
        raise OpError("add a savings goal first (Project tab), then a savings prompt")
    goal = project.goals[0]
    pid = unique_id("prompt", (p.id for p in scene.prompts))
    money = format_money(DEFAULT_PROMPT_AMOUNT, project.currency)
    prompt = SavingsPrompt(
        id=pid,
        at_ms=at_ms,
        goal=goal.id,
        amount=DEFAULT_PROMPT_AMOUNT,
        text=f"Put {money} towards {goal.name}?",
    )
    return AddItem(SceneRef(scene.id).prompts, prompt), PromptRef(scene.id, pid).id_path


def add_tag_op(project: Project, scene: Scene, at_ms: int, out_ms: int) -> tuple[Op, tuple[str, ...]]:
    """A product tag from ``at_ms`` (2 s, shortened at the trim end) for the first product."""
    if not project.products:
        raise OpError("add a product to the catalog first (Project tab), then a product tag")
    product = project.products[0]
    end = min(at_ms + DEFAULT_TAG_MS, out_ms)
    start = at_ms if end > at_ms else max(0, end - DEFAULT_TAG_MS)
    if end <= start:
        end = start + DEFAULT_TAG_MS
    tid = unique_id(product.id, (t.id for t in scene.tags))
    tag = ProductTag(id=tid, product=product.id, start_ms=start, end_ms=end, hotspot=Rect(**DEFAULT_HOTSPOT))
    return AddItem(SceneRef(scene.id).tags, tag), TagRef(scene.id, tid).id_path


def add_choice_op(project: Project, scene: Scene, at_ms: int, out_ms: int) -> tuple[Op, tuple[str, ...]]:
    """A choice window from ``at_ms`` with one default option (to the next scene)."""
    if scene.ending:
        raise OpError(f"scene '{scene.id}' is an ending: endings have no choice window")
    if scene.choice is not None:
        raise OpError(f"scene '{scene.id}' already has a choice window: drag it instead")
    end = min(at_ms + DEFAULT_CHOICE_MS, out_ms)
    start = at_ms if end > at_ms else max(0, end - DEFAULT_CHOICE_MS)
    if end <= start:
        end = start + DEFAULT_CHOICE_MS
    others = [s for s in project.scenes if s.id != scene.id]
    target = others[0] if others else scene
    option = Option(id="continue", label="Continue", target=target.id, default=True)
    choice = ChoicePoint(appear_ms=start, decision_ms=end, options=[option])
    return SetField(SceneRef(scene.id).choice, choice), ChoiceRef(scene.id).id_path
