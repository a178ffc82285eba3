"""The timeline canvas's drag gestures: what is dragged, where it goes, and the one edit it makes.

A :class:`Drag` is a gesture in progress (an item's body or edge, a trim handle,
or scrubbing); :func:`follow` puts it where the pointer is (snapped to the
playhead, the other items' edges and the trim, else to frames -- :func:`snapper`);
:func:`release_edit` is the single op its release pushes (none if nothing moved).
Nothing here touches the document or a widget: the canvas does.  Undo texts are translated
(context "Timeline").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal, Protocol

from PySide6.QtCore import QCoreApplication

from studio.model.ops import Op, SceneRef, SetField
from studio.model.project import Project, Scene
from studio.ui.timeline import geometry as g
from studio.ui.timeline.items import Edge, Item, retime_op

__all__ = ["Drag", "DragHost", "DragKind", "follow", "release_edit", "snapper"]

DragKind = Literal["item", "trim_in", "trim_out", "scrub"]


@dataclass
class Drag:
    """A gesture in progress (nothing is pushed until release)."""

    kind: DragKind
    press_ms: int
    item: Item | None = None
    edge: Edge = "move"
    start: int = 0
    end: int | None = None
    moved: bool = False


class DragHost(Protocol):
    """What a drag reads of the :class:`~studio.ui.timeline.canvas.TimelineCanvas`."""

    @property
    def items(self) -> Sequence[Item]: ...

    @property
    def span(self) -> tuple[int, int, int]: ...

    @property
    def fps(self) -> float: ...

    @property
    def playhead_ms(self) -> int | None: ...

    @property
    def snap_enabled(self) -> bool: ...

    def axis(self) -> g.Axis: ...


def snapper(c: DragHost, exclude: Item | None, alt: bool) -> g.Snapper:
    """Snapping for a drag of ``exclude`` (off while Alt is held or snapping is off)."""
    edges: list[int] = []
    for i in c.items:
        if exclude is not None and i.key == exclude.key:
            continue
        edges.append(i.start)
        if i.end is not None:
            edges.append(i.end)
    targets = g.snap_targets(c.playhead_ms, c.span[:2], edges)
    tolerance = g.SNAP_PX * c.axis().ms_per_px()
    return g.Snapper(c.fps, targets, tolerance, c.snap_enabled and not alt)


def follow(c: DragHost, d: Drag, ms: int, alt: bool) -> tuple[bool, int | None]:
    """Move an item or trim drag to the pointer at ``ms``: (whether it shows moved, the snap guide).

    A drag starts moving only past 3 px from where it was pressed."""
    lo, hi, duration = c.span
    if not d.moved and abs(ms - d.press_ms) * c.axis().scale < 3:
        return False, None
    d.moved = True
    snap = snapper(c, d.item, alt)
    one = max(1, g.frame_ms(1, c.fps))
    guide: int | None = None
    if d.kind == "trim_in":
        value, guide = snap.point(ms)
        d.start = max(0, min(value, hi - one))
    elif d.kind == "trim_out":
        value, guide = snap.point(ms)
        d.end = min(duration, max(value, lo + one))
    elif d.item is not None:
        d.start, d.end, guide = g.dragged(d.item, d.edge, ms - d.press_ms, snap, duration, one)
    return True, guide


def release_edit(
    project: Project, scene: Scene, d: Drag, span: tuple[int, int, int]
) -> tuple[Op, str] | None:
    """The op (and its undo text) a released drag pushes; None when it changed nothing."""
    if d.kind == "trim_in" and d.start != scene.in_ms:
        return SetField(SceneRef(scene.id).in_ms, d.start), QCoreApplication.translate(
            "Timeline", "Trim scene start"
        )
    if d.kind == "trim_out" and d.end is not None and d.end != span[1]:
        return trim_out_op(project, scene, d.end), QCoreApplication.translate("Timeline", "Trim scene end")
    if d.item is not None and (d.start, d.end) != (d.item.start, d.item.end):  # trims have no item
        text = (
            QCoreApplication.translate("Timeline", "Move {item}")
            if d.edge == "move"
            else QCoreApplication.translate("Timeline", "Resize {item}")
        )
        return retime_op(scene, d.item, d.start, d.end), text.format(item=d.item.label)
    return None


def trim_out_op(project: Project, scene: Scene, value: int) -> Op:
    """Trimming the out point back to the clip's end clears the trim (``out_ms`` None)."""
    asset = project.media_map().get(scene.media) if scene.media is not None else None
    full = asset is not None and value >= asset.duration_ms
    return SetField(SceneRef(scene.id).out_ms, None if full else value)
