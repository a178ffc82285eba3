"""The shared playhead: which scene is being looked at, and where (clip ms).

The timeline and the preview never talk to each other directly: both follow
and move this object, so they stay in sync both ways without feedback loops
(``seek`` from one view is not echoed back to it: ``moved`` carries the
origin).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class Playhead(QObject):
    """Current scene and clip time, shared by timeline, preview and inspector."""

    moved = Signal(int, object)  # (clip ms, origin object or None)
    scene_changed = Signal(object)  # scene id or None

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._scene: str | None = None
        self._ms = 0

    @property
    def scene(self) -> str | None:
        return self._scene

    @property
    def ms(self) -> int:
        return self._ms

    def set_scene(self, scene_id: str | None, ms: int = 0) -> None:
        if scene_id == self._scene:
            return
        self._scene = scene_id
        self._ms = max(0, ms)
        self.scene_changed.emit(scene_id)
        self.moved.emit(self._ms, None)

    def seek(self, ms: int, origin: object | None = None) -> None:
        """Move to ``ms``; views ignore ``moved`` signals whose origin is themselves."""
        ms = max(0, int(ms))
        if ms == self._ms:
            return
        self._ms = ms
        self.moved.emit(ms, origin)
