"""Keeps a :class:`~studio.ui.preview.panel.PreviewPanel` on the selected scene and the playhead.

* The scene followed is the shared playhead's scene (the timeline sets it too); a
  selection of one scene moves the playhead there (or, without a playhead, loads
  it directly).
* The clip is ``<project folder>/<asset.path>`` trimmed to ``[scene.in_ms,
  project.scene_out_ms(scene))`` at ``asset.fps``; a storyboard placeholder scene shows its
  titled colour card with a clock over its duration (:mod:`studio.ui.preview.card`).
  Edits of that scene or of the media list reload it, staying at the same clip time when
  it is still inside the trim.
* The playhead follows the frame shown (``position_changed``) and the preview
  follows the playhead when someone else moves it (``moved`` with another origin).

Every hook is looked up defensively (``getattr``): a document or selection
without some signal simply does not drive the preview.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject

from studio.app.playback.player import PlayerState, frame_index
from studio.ui.preview.card import CARD_FPS, Card, card_of_scene
from studio.ui.preview.panel import PreviewPanel

__all__ = ["Clip", "PreviewBinding", "clip_of_scene"]

log = logging.getLogger(__name__)
Clip = tuple[str, int, int | None, float]

NO_SCENE = str(QT_TRANSLATE_NOOP("PreviewBinding", "Select a scene to preview its clip"))
NO_FOLDER = str(QT_TRANSLATE_NOOP("PreviewBinding", "Save the project to preview its clips"))


def clip_of_scene(project: Any, folder: Path | None, scene_id: str) -> Clip | Card | str:
    """The clip to play for ``scene_id`` (a placeholder scene's card), or a one-line reason it
    cannot be played (naming the scene by its title)."""
    scene = project.scene_map().get(scene_id)
    if scene is None:
        return QCoreApplication.translate("PreviewBinding", "Scene {id} no longer exists").format(id=scene_id)
    card = card_of_scene(scene, getattr(project, "aspect", "9:16"))
    if card is not None:
        return card
    asset = project.media_map().get(scene.media)
    if asset is None:
        text = QCoreApplication.translate(
            "PreviewBinding", "Scene “{title}”: its clip '{clip}' is not in the library"
        )
        return text.format(title=scene.title, clip=scene.media)
    if folder is None:
        return QCoreApplication.translate("PreviewBinding", NO_FOLDER)
    path = folder / asset.path
    if not os.path.isfile(path):
        text = QCoreApplication.translate("PreviewBinding", "Cannot play {path}: file not found")
        return text.format(path=asset.path)
    out_ms = project.scene_out_ms(scene)
    return str(path), int(scene.in_ms), out_ms, float(asset.fps)


class PreviewBinding(QObject):
    """Connects the panel to a document, a selection and (optionally) a playhead."""

    def __init__(self, panel: PreviewPanel, document: Any, selection: Any,
                 playhead: Any = None) -> None:
        super().__init__(panel)
        self.panel, self.document, self.selection, self.playhead = (
            panel, document, selection, playhead)
        self.scene_id: str | None = None
        self.clip: Clip | Card | None = None  # what is shown: a clip, or a placeholder's card
        self._restore_ms: int | None = None
        self._hook(selection, "changed", self._on_selection)
        self._hook(document, "changed", self._on_document_changed)
        self._hook(document, "reset", self._on_reset)
        self._hook(playhead, "scene_changed", self._on_playhead_scene)
        self._hook(playhead, "moved", self._on_playhead_moved)
        panel.position_changed.connect(self._on_position)
        if panel.player is not None:
            panel.player.state_changed.connect(self._on_state)
        scene = getattr(playhead, "scene", None)
        if isinstance(scene, str):
            self.show_scene(scene)
        else:
            self._on_selection()
        if self.scene_id is None:
            panel.clear(self.tr(NO_SCENE))

    @staticmethod
    def _hook(owner: Any, name: str, slot: Any) -> None:
        signal = getattr(owner, name, None)
        if signal is not None and hasattr(signal, "connect"):
            signal.connect(slot)

    def _selected_scene(self) -> str | None:
        current = getattr(self.selection, "current", None)
        if current and current[0] == "scene" and len(current) > 1:
            return str(current[1])
        scenes = getattr(self.selection, "scenes", ())
        return str(next(iter(scenes))) if len(scenes) == 1 else None

    def _on_selection(self) -> None:
        scene_id = self._selected_scene()
        if scene_id is None or scene_id == self.scene_id:
            return
        if self.playhead is not None and hasattr(self.playhead, "set_scene"):
            scene = self.document.project.scene_map().get(scene_id)
            if getattr(self.playhead, "scene", None) != scene_id and scene is not None:
                self.playhead.set_scene(scene_id, scene.in_ms)  # -> _on_playhead_scene
                return
        self.show_scene(scene_id)

    def _on_playhead_scene(self, scene_id: object) -> None:
        self.show_scene(scene_id if isinstance(scene_id, str) else None)

    def show_scene(self, scene_id: str | None, keep_ms: int | None = None) -> None:
        """Load ``scene_id``'s clip (None: clear the preview)."""
        self.scene_id = scene_id
        if scene_id is None:
            self.clip = None
            self.panel.clear(self.tr(NO_SCENE))
            return
        try:
            clip = clip_of_scene(self.document.project, getattr(self.document, "folder", None),
                                 scene_id)
        except Exception as exc:  # a half-built document must not break the preview
            log.exception("preview: cannot resolve scene %s", scene_id)
            scene = self.document.project.scene_map().get(scene_id)
            title = scene.title if scene is not None else scene_id
            clip = self.tr("Scene “{title}”: {error}").format(title=title, error=exc)
        if isinstance(clip, str):
            self.clip = None
            self.panel.clear(clip)
            return
        if clip == self.clip:
            return  # same file and trim (or card): keep the frame and position
        self.clip = clip
        if isinstance(clip, Card):
            inside = keep_ms is not None and 0 <= keep_ms < clip.duration_ms
            self._restore_ms = None
            self.panel.set_card(clip, keep_ms if inside and keep_ms is not None else 0)
            if self.playhead is not None and hasattr(self.playhead, "seek") and keep_ms is None:
                self.playhead.seek(0, self.panel)
            return
        _path, in_ms, out_ms, _fps = clip
        inside = keep_ms is not None and keep_ms >= in_ms and (out_ms is None or keep_ms < out_ms)
        self._restore_ms = keep_ms if inside and keep_ms != in_ms else None
        self.panel.set_clip(*clip)
        if self.playhead is not None and hasattr(self.playhead, "seek") and keep_ms is None:
            self.playhead.seek(in_ms, self.panel)

    def _on_state(self, state: object) -> None:
        if state is PlayerState.PAUSED and self._restore_ms is not None:
            ms, self._restore_ms = self._restore_ms, None
            self.panel.seek(ms)

    def _on_document_changed(self, changes: Any) -> None:
        if self.scene_id is None:
            self._on_selection()
            return
        touched: frozenset[str] = getattr(changes, "scenes", frozenset())
        if (self.scene_id in touched or getattr(changes, "media", False)
                or getattr(changes, "reset", False)):
            player = self.panel.active_player
            keep = player.position_ms() if player is not None and self.clip else None
            self.show_scene(self.scene_id, keep_ms=keep)

    def _on_reset(self) -> None:
        self.scene_id = self.clip = None
        self.panel.clear(self.tr(NO_SCENE))
        self._on_selection()

    def _on_playhead_moved(self, ms: int, origin: object) -> None:
        if origin is self.panel or self.clip is None:
            return
        player = self.panel.active_player
        if getattr(self.playhead, "scene", None) != self.scene_id or player is None:
            return
        fps = player.fps or (CARD_FPS if isinstance(self.clip, Card) else self.clip[3])
        if frame_index(int(ms), fps) != frame_index(player.position_ms(), fps):
            self.panel.seek(int(ms))

    def _on_position(self, ms: int) -> None:
        playhead = self.playhead
        if playhead is None or self.clip is None:
            return
        if getattr(playhead, "scene", None) == self.scene_id and hasattr(playhead, "seek"):
            playhead.seek(ms, self.panel)
