"""Renaming a scene: its title, and the labels of options that were never edited.

A link drawn to a scene labels the new option with the target's title (``links``), often
before the creator has named the new scene ("New scene").  Those labels were never
written by anyone: when the scene is renamed, every option that targets it and still
reads exactly its old title takes the new title too, in the same edit (one undo step).
An edited label is left alone.  No Qt.
"""

from __future__ import annotations

from studio.model.kinds import OptionRef, SceneRef
from studio.model.ops.base import Op
from studio.model.ops.batch import Batch, Compound
from studio.model.ops.fields import SetField
from studio.model.project import Project
from studio.model.refs import OpError


def unedited_labels(project: Project, scene_id: str, title: str) -> list[OptionRef]:
    """Options targeting ``scene_id`` whose label is exactly ``title`` (model order)."""
    return [
        OptionRef(scene.id, option.id)
        for scene in project.scenes if scene.choice is not None
        for option in scene.choice.options
        if option.target == scene_id and option.label == title
    ]


def rename_scene(scene_id: str, title: str) -> Op:
    """Set the scene's title; the labels still reading its old title follow (one edit)."""

    def build(project: Project) -> Op:
        scene = project.scene_map().get(scene_id)
        if scene is None:
            raise OpError(f"unknown scene '{scene_id}'")
        ops: list[Op] = [SetField(SceneRef(scene_id).title, title)]
        ops += [SetField(ref.label, title) for ref in unedited_labels(project, scene_id, scene.title)]
        return Batch(tuple(ops), f"Rename '{scene.title}' to '{title}'")

    return Compound(build, "Rename scene")
