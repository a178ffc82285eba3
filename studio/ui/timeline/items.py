"""What the timeline shows for one scene, and the ops its gestures push (no widgets; QtCore translates
the labels).

A :class:`Item` is one timed thing on a lane: the choice window (a range from
``appear_ms`` to ``decision_ms``), a savings prompt (a point) or a product tag
(a range).  Times are *clip time* (ms from the start of the media file).
Items outside the scene's trim are flagged with the reason, using the same
wording as :func:`studio.model.checks.check_timing`.

The ``*_op`` builders turn a gesture (move, resize, nudge, remove) into one
:class:`~studio.model.ops.Op`; moves of a tag or the choice window replace the
whole item, so repeated keyboard nudges share one merge key.  What an Add
gesture creates (a prompt, a tag, a choice window) is decided by
:mod:`studio.model.new_items`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from studio.model import names
from studio.model.checks import check_timing
from studio.model.currency import format_money
from studio.model.ops import (
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
from studio.model.project import Project, Scene

Kind = Literal["choice", "prompt", "tag"]
Edge = Literal["move", "start", "end"]
LANES: tuple[Kind, ...] = ("choice", "prompt", "tag")
LANE_TITLES: dict[Kind, str] = {  # in English: translated where painted (context "Timeline")
    "choice": str(QT_TRANSLATE_NOOP("Timeline", "Choice")),
    "prompt": str(QT_TRANSLATE_NOOP("Timeline", "Prompts")),
    "tag": str(QT_TRANSLATE_NOOP("Timeline", "Tags")),
}


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
    asset = project.media_map().get(scene.media) if scene.media is not None else None
    if scene.placeholder is not None:
        duration = scene.placeholder.duration_ms
    else:
        duration = asset.duration_ms if asset else max(scene.out_ms or 0, scene.in_ms + 1, 10_000)
    out = project.scene_out_ms(scene) or duration
    return scene.in_ms, out, max(duration, out)


def scene_fps(project: Project, scene: Scene) -> float:
    asset = project.media_map().get(scene.media) if scene.media is not None else None
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
        label = (
            QCoreApplication.translate("Timeline", "Choice (1 option)")
            if len(c.options) == 1
            else QCoreApplication.translate("Timeline", "Choice ({count} options)").format(
                count=len(c.options)
            )
        )
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
                f"{money} {names.named(names.prompt_words(project, p), 32)}",
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
