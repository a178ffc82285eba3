"""Give a storyboard placeholder scene its clip: ``GiveClip`` (no Qt).

A placeholder scene (:class:`~studio.model.items.Placeholder`) stands for footage not shot
yet; once the clip is in the library, ONE edit swaps the colour card for the clip and keeps
everything timed on the scene (choice window, savings prompts, product tags) at the same clip
times.  Nothing is clamped: if an item lies past the clip's length the edit is refused with a
one-line reason naming the item (:func:`past_clip` lists them, for a dialog to say so before).
"""

from __future__ import annotations

from dataclasses import dataclass

from studio.model.kinds import SceneRef
from studio.model.ops.base import Applied, Op
from studio.model.ops.fields import SetFields
from studio.model.project import MediaAsset, Project, Scene
from studio.model.refs import OpError


def _seconds(ms: int) -> str:
    return f"{ms / 1000:g} s"


def past_clip(scene: Scene, asset: MediaAsset) -> list[str]:
    """The scene's timed items that lie past the end of ``asset`` (one line each; [] if none)."""
    end = asset.duration_ms
    out: list[str] = []
    c = scene.choice
    if c is not None and c.decision_ms > end:
        out.append(f"the choice window ends at {_seconds(c.decision_ms)}")
    out += [f"savings prompt '{p.id}' is at {_seconds(p.at_ms)}" for p in scene.prompts if p.at_ms > end]
    out += [f"product tag '{t.id}' ends at {_seconds(t.end_ms)}" for t in scene.tags if t.end_ms > end]
    return out


def clip_refusal(project: Project, scene_id: str, media_id: str) -> str | None:
    """Why ``scene_id`` cannot be given clip ``media_id`` (one line), or None if it can."""
    scene = project.scene_map().get(scene_id)
    if scene is None:
        return f"scene '{scene_id}' does not exist"
    if scene.placeholder is None:
        return f"scene '{scene.title}' already has a clip"
    asset = project.media_map().get(media_id)
    if asset is None:
        return f"clip '{media_id}' is not in the library"
    late = past_clip(scene, asset)
    if late:
        more = f" (and {len(late) - 1} more)" if len(late) > 1 else ""
        name = asset.path.rsplit("/", 1)[-1]
        return f"{name} is {_seconds(asset.duration_ms)} long but {late[0]}{more}"
    return None


@dataclass(frozen=True)
class GiveClip(Op):
    """The placeholder scene ``scene`` plays clip ``media`` from now on (untrimmed); its timed
    items keep their times.  Undo gives the placeholder back (same colour and duration)."""

    scene: str
    media: str

    @property
    def text(self) -> str:
        return f"Give scene '{self.scene}' a clip"

    def apply(self, project: Project) -> Applied:
        reason = clip_refusal(project, self.scene, self.media)
        if reason is not None:
            raise OpError(f"scene '{self.scene}': {reason}")
        ref = SceneRef(self.scene)
        return SetFields((ref.media.to(self.media), ref.placeholder.to(None))).apply(project)


__all__ = ["GiveClip", "clip_refusal", "past_clip"]
