"""Gesture-level edits built from :mod:`studio.model.ops` (Qt-free).

Each function returns one ``Op`` for one user gesture: drop a clip (new
scene), drag a port onto a scene (connect), duplicate, paste, delete a mixed
selection, mark an ending.  State-dependent decisions (does the scene have a
choice point yet?) are taken when the op is applied, through
:class:`~studio.model.ops.Compound`, so undo restores exactly what was there.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from studio.model.ids import unique_id
from studio.model.ops import (
    PROJECT,
    AddItem,
    AddScenes,
    Batch,
    ChoiceRef,
    Compound,
    MoveScenes,
    Op,
    OpError,
    OptionRef,
    RemoveItem,
    RemoveScenes,
    SceneRef,
    SetField,
    choice_without,
)
from studio.model.project import ChoicePoint, MediaAsset, Option, Project, Scene
from studio.model.types import Point

CLIPBOARD_FORMAT = "drama-studio-scenes"
CHOICE_LEAD_MS = 3000
MAX_OPTIONS = 12


def new_scene(
    project: Project,
    media_id: str,
    x: float,
    y: float,
    title: str = "",
    taken: Iterable[str] = (),
) -> Scene:
    """A scene for clip ``media_id`` at canvas position (x, y), not yet added.

    Its id avoids the project's scene ids and ``taken``.
    """
    asset = project.media_map().get(media_id)
    if asset is None:
        raise OpError(f"unknown media '{media_id}'")
    name = title or _title_from_path(asset.path)
    used = {s.id for s in project.scenes} | set(taken)
    sid = unique_id(name.lower().replace(" ", "_"), used)
    return Scene(id=sid, title=name[:200], media=media_id, position=Point(x=x, y=y))


def _title_from_path(path: str) -> str:
    stem = path.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    return stem.replace("_", " ").replace("-", " ").strip().capitalize() or "Scene"


def add_scenes_for_media(
    project: Project, media_ids: Iterable[str], x: float, y: float, step: float = 40.0
) -> Op:
    """One op adding a scene per clip, cascading from (x, y)."""
    scenes: list[Scene] = []
    for n, mid in enumerate(media_ids):
        taken = [s.id for s in scenes]
        scenes.append(new_scene(project, mid, x + n * step, y + n * step, taken=taken))
    if not scenes:
        raise OpError("no clips to add")
    return AddScenes(tuple(scenes))


def default_choice_window(project: Project, scene: Scene) -> tuple[int, int]:
    """(appear_ms, decision_ms) for a new choice point: the last 3 s of the trimmed clip."""
    end = project.scene_out_ms(scene) or scene.in_ms + CHOICE_LEAD_MS
    appear = max(scene.in_ms, end - CHOICE_LEAD_MS)
    if end <= appear:
        end = appear + 1
    return appear, end


def connect(source_id: str, target_id: str, label: str = "") -> Op:
    """Add an option from ``source_id`` to ``target_id`` (creating the choice point).

    An ending scene stops being an ending, since endings have no choices.
    """

    def build(project: Project) -> Op:
        scenes = project.scene_map()
        src, dst = scenes.get(source_id), scenes.get(target_id)
        if src is None or dst is None:
            raise OpError(f"unknown scene '{source_id if src is None else target_id}'")
        ops: list[Op] = []
        ref = SceneRef(src.id)
        if src.ending:
            ops += [SetField(ref.ending_kind, None), SetField(ref.ending, False)]
        existing = src.choice.options if src.choice else []
        if len(existing) >= MAX_OPTIONS:
            raise OpError(f"scene '{src.id}' > choice: at most {MAX_OPTIONS} options")
        oid = unique_id(f"to_{dst.id}", (o.id for o in existing))
        option = Option(id=oid, label=(label or dst.title)[:200], target=dst.id)
        if src.choice is None:
            appear, decision = default_choice_window(project, src)
            option = option.model_copy(update={"default": True})
            choice = ChoicePoint(appear_ms=appear, decision_ms=decision, options=[option])
            ops.append(SetField(ref.choice, choice))
        else:
            ops.append(AddItem(ChoiceRef(src.id).options, option))
        return Batch(tuple(ops), f"Connect '{src.title}' to '{dst.title}'")

    return Compound(build, "Connect scenes")


def mark_ending(scene_id: str, ending: bool, kind: str | None = None) -> Op:
    """Mark (or unmark) an ending; marking removes the scene's choice point."""

    def build(project: Project) -> Op:
        scene = project.scene_map().get(scene_id)
        if scene is None:
            raise OpError(f"unknown scene '{scene_id}'")
        ref = SceneRef(scene_id)
        if ending:
            ops: list[Op] = []
            if scene.choice is not None:
                ops.append(SetField(ref.choice, None))
            ops += [SetField(ref.ending, True), SetField(ref.ending_kind, kind)]
            return Batch(tuple(ops), f"Mark '{scene.title}' as ending")
        return Batch(
            (SetField(ref.ending_kind, None), SetField(ref.ending, False)),
            f"Unmark ending '{scene.title}'",
        )

    return Compound(build, "Mark ending")


def set_start(scene_id: str) -> Op:
    """Make ``scene_id`` the start scene."""
    return SetField(PROJECT.start, scene_id)


def delete(scene_ids: Iterable[str], options: Iterable[tuple[str, str]] = ()) -> Op:
    """Delete scenes and (scene_id, option_id) edges as one edit."""
    ids = tuple(dict.fromkeys(scene_ids))
    edges = tuple(dict.fromkeys(options))

    def build(project: Project) -> Op:
        gone = set(ids)
        by_scene: dict[str, list[str]] = {}
        for sid, oid in edges:
            if sid not in gone:
                by_scene.setdefault(sid, []).append(oid)
        ops: list[Op] = []
        scenes = project.scene_map()
        for sid, oids in by_scene.items():
            scene = scenes.get(sid)
            if scene is None or scene.choice is None:
                raise OpError(f"scene '{sid}' has no choice point")
            ops.append(SetField(SceneRef(sid).choice, choice_without(scene.choice, oids)))
        if ids:
            ops.append(RemoveScenes(ids))
        if not ops:
            raise OpError("nothing to delete")
        n = len(ids) + sum(len(v) for v in by_scene.values())
        return Batch(tuple(ops), "Delete" if n == 1 else f"Delete {n} items")

    return Compound(build, "Delete")


def remove_option(scene_id: str, option_id: str) -> Op:
    """Remove one option (edge); the last option takes the choice point with it."""
    return RemoveItem(OptionRef(scene_id, option_id))


def copy_payload(project: Project, scene_ids: Iterable[str]) -> dict[str, Any]:
    """JSON-ready clipboard data: the scenes and the media they use."""
    wanted = set(scene_ids)
    scenes = [s for s in project.scenes if s.id in wanted]
    used = {s.media for s in scenes}
    return {
        "format": CLIPBOARD_FORMAT,
        "scenes": [s.model_dump(mode="json") for s in scenes],
        "media": [m.model_dump(mode="json") for m in project.media if m.id in used],
    }


def paste(payload: Mapping[str, Any], dx: float = 40.0, dy: float = 40.0) -> Op:
    """Paste clipboard data as new scenes (new ids, offset by dx/dy).

    Options between pasted scenes follow the copies; options to scenes that
    do not exist here are dropped; clips missing from this project are added.
    """
    if payload.get("format") != CLIPBOARD_FORMAT:
        raise OpError("the clipboard holds no scenes")

    def build(project: Project) -> Op:
        try:
            scenes = [Scene.model_validate(d) for d in payload.get("scenes", [])]
            assets = [MediaAsset.model_validate(d) for d in payload.get("media", [])]
        except ValueError as exc:
            raise OpError(f"cannot paste: {str(exc).splitlines()[0]}") from None
        ops: list[Op] = [AddItem(PROJECT.media, a) for a in assets if a.id not in project.media_map()]
        return Batch((*ops, AddScenes(tuple(_copies(project, scenes, dx, dy)))), "Paste")

    return Compound(build, "Paste")


def duplicate(scene_ids: Iterable[str], dx: float = 40.0, dy: float = 40.0) -> Op:
    """Copies of scenes (options among them follow the copies), offset by dx/dy."""
    ids = tuple(scene_ids)

    def build(project: Project) -> Op:
        wanted = set(ids)
        scenes = [s for s in project.scenes if s.id in wanted]
        if not scenes:
            raise OpError("nothing to duplicate")
        n = len(scenes)
        label = f"Duplicate '{scenes[0].title}'" if n == 1 else f"Duplicate {n} scenes"
        return Batch((AddScenes(tuple(_copies(project, scenes, dx, dy))),), label)

    return Compound(build, "Duplicate")


def _copies(project: Project, scenes: list[Scene], dx: float, dy: float) -> list[Scene]:
    """Copies with fresh ids; internal options remapped, dangling ones dropped."""
    taken = set(project.scene_map())
    remap: dict[str, str] = {}
    for s in scenes:
        remap[s.id] = unique_id(f"{s.id}_copy", taken)
        taken.add(remap[s.id])
    out: list[Scene] = []
    for s in scenes:
        data = s.model_dump(mode="python")
        data["id"] = remap[s.id]
        data["position"] = {"x": s.position.x + dx, "y": s.position.y + dy}
        choice = data.get("choice")
        if choice is not None:
            kept = []
            for o in choice["options"]:
                o["target"] = remap.get(o["target"], o["target"])
                if o["target"] in taken:
                    kept.append(o)
            choice["options"] = kept
            if not kept:
                data["choice"] = None
            elif choice["timeout"] == "default" and not any(o["default"] for o in kept):
                kept[0]["default"] = True
        try:
            out.append(Scene.model_validate(data))
        except ValueError as exc:
            raise OpError(f"scene '{s.id}': cannot copy ({str(exc).splitlines()[0]})") from None
    return out


def move(positions: Mapping[str, tuple[float, float]]) -> Op:
    """Move scenes to absolute canvas positions (one op for a whole drag)."""
    return MoveScenes(tuple((sid, float(x), float(y)) for sid, (x, y) in positions.items()))
