"""The branch graph's keyboard flow.

:data:`GRAPH_KEYS` is the table shown in Help > Keyboard shortcuts (key, what it does), in English
(marked for the "GraphKeys" translation context); :func:`graph_keys` gives it in the studio's language.
:class:`KeyFlow` carries it out on a :class:`~studio.ui.graph.view.GraphView`: arrow keys move
the selection to the nearest scene that way, Tab walks the story, F2 renames in place, Enter
opens the scene, Ctrl+Enter or Insert branches into a new scene, C connects to a scene picked
with the arrows (or the mouse), Alt+arrows nudge (one undo step however many).
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QKeyEvent

from studio.app.document import Document
from studio.app.selection import Selection
from studio.ui.graph.navigate import cycle, nearest, story_order

GRAPH_KEYS: list[tuple[str, str]] = [
    (str(QT_TRANSLATE_NOOP("GraphKeys", "Arrow keys")),
     str(QT_TRANSLATE_NOOP("GraphKeys", "Select the nearest scene in that direction"))),
    ("Tab / Shift+Tab",
     str(QT_TRANSLATE_NOOP("GraphKeys", "Select the next / previous scene in story order"))),
    ("Enter",
     str(QT_TRANSLATE_NOOP("GraphKeys", "Open the selected scene (inspector, preview and timeline)"))),
    ("F2",
     str(QT_TRANSLATE_NOOP("GraphKeys", "Rename the selected scene (Enter keeps, Esc cancels)"))),
    ("Ctrl+Enter / Insert",
     str(QT_TRANSLATE_NOOP("GraphKeys", "Branch: add a new scene after the selected one, ready to rename"))),
    ("C",
     str(QT_TRANSLATE_NOOP(
         "GraphKeys", "Connect the selected scene to another: pick it with the arrows, Enter (Esc cancels)"
     ))),
    (str(QT_TRANSLATE_NOOP("GraphKeys", "Alt+Arrow keys")),
     str(QT_TRANSLATE_NOOP("GraphKeys", "Move the selected scenes a little (Shift: further)"))),
    ("Esc",
     str(QT_TRANSLATE_NOOP("GraphKeys", "Cancel connecting or renaming; else clear the selection"))),
    (str(QT_TRANSLATE_NOOP("GraphKeys", "Right-click")),
     str(QT_TRANSLATE_NOOP(
         "GraphKeys", "Scene and canvas menu: new scene, placeholder, paste, arrange, continue to…"
     ))),
    (str(QT_TRANSLATE_NOOP("GraphKeys", "Mouse wheel / Shift+wheel")),
     str(QT_TRANSLATE_NOOP("GraphKeys", "Zoom / scroll"))),
    (str(QT_TRANSLATE_NOOP("GraphKeys", "Middle-drag")),
     str(QT_TRANSLATE_NOOP("GraphKeys", "Pan the canvas"))),
]  # key names such as "Enter" or "F2" stay as they are (keys are not translated)


def graph_keys() -> list[tuple[str, str]]:
    """:data:`GRAPH_KEYS` in the studio's language (translated when called, after the translator is in)."""
    return [
        (QCoreApplication.translate("GraphKeys", key), QCoreApplication.translate("GraphKeys", what))
        for key, what in GRAPH_KEYS
    ]


ARROWS = {
    Qt.Key.Key_Left: (-1, 0),
    Qt.Key.Key_Right: (1, 0),
    Qt.Key.Key_Up: (0, -1),
    Qt.Key.Key_Down: (0, 1),
}
NUDGE, BIG_NUDGE = 10.0, 50.0
ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
ALT, SHIFT, CTRL = (
    Qt.KeyboardModifier.AltModifier,
    Qt.KeyboardModifier.ShiftModifier,
    Qt.KeyboardModifier.ControlModifier,
)


class KeyHost(Protocol):
    """What the flow drives (:class:`studio.ui.graph.view.GraphView`)."""

    doc: Document
    selection: Selection

    def node_centres(self) -> dict[str, tuple[float, float]]: ...

    def selected_ids(self) -> list[str]: ...

    def go_to(self, scene_id: str) -> None: ...

    def nudge(self, dx: float, dy: float) -> None: ...

    def open_scene(self, scene_id: str) -> None: ...

    def rename(self, scene_id: str) -> bool: ...

    def branch(self, scene_id: str) -> bool: ...

    def start_pick(self, kind: str, scene_id: str) -> None: ...

    def pick_target(self) -> str | None: ...

    def move_pick(self, scene_id: str) -> None: ...

    def finish_pick(self, accept: bool) -> None: ...


class KeyFlow:
    """Turns key presses on the canvas into selection moves and edits."""

    def __init__(self, host: KeyHost) -> None:
        self.host = host

    def current(self) -> str | None:
        """The scene keys act on: the selection's current scene, else one selected scene."""
        ids = self.host.selected_ids()
        current = self.host.selection.current
        if current is not None and current[0] == "scene" and current[1] in ids:
            return current[1]
        return ids[0] if len(ids) == 1 else (sorted(ids)[0] if ids else None)

    def handle(self, event: QKeyEvent) -> bool:
        """True when the key was the graph's (the event is then accepted)."""
        key, mods = Qt.Key(event.key()), event.modifiers()
        picking = self.host.pick_target()
        if picking is not None:
            return self._pick_key(key, picking)
        writable = not self.host.doc.read_only
        if key in ARROWS:
            dx, dy = ARROWS[key]
            if mods & (ALT | SHIFT):
                if not writable or not self.host.selected_ids():
                    return False
                step = BIG_NUDGE if mods & SHIFT else NUDGE
                self.host.nudge(dx * step, dy * step)
            else:
                self._move(dx, dy)
            return True
        if key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
            step = -1 if key == Qt.Key.Key_Backtab or mods & SHIFT else 1
            target = cycle(story_order(self.host.doc.project), self.current(), step)
            if target is not None:
                self.host.go_to(target)
            return True
        sid = self.current()
        if (key in ENTER and mods & CTRL) or key == Qt.Key.Key_Insert:
            if sid is not None and writable:
                self.host.branch(sid)
            return True
        if key in ENTER and sid is not None:
            self.host.open_scene(sid)
            return True
        if key == Qt.Key.Key_F2 and sid is not None:
            return self.host.rename(sid)
        if key == Qt.Key.Key_C and not mods & (CTRL | ALT) and sid is not None and writable:
            self.host.start_pick("connect", sid)
            return True
        if key == Qt.Key.Key_Escape and self.host.selected_ids():
            self.host.selection.clear()
            return True
        return False

    def _move(self, dx: int, dy: int) -> None:
        centres = self.host.node_centres()
        sid = self.current()
        if sid is None:
            project = self.host.doc.project
            first = project.start or (project.scenes[0].id if project.scenes else None)
            if first is not None:
                self.host.go_to(first)
            return
        target = nearest(centres, sid, (dx, dy))
        if target is not None:
            self.host.go_to(target)

    def _pick_key(self, key: Qt.Key, target: str) -> bool:
        if key == Qt.Key.Key_Escape:
            self.host.finish_pick(False)
        elif key in ENTER or key == Qt.Key.Key_Space:
            self.host.finish_pick(True)
        elif key in ARROWS:
            moved = nearest(self.host.node_centres(), target, ARROWS[key])
            if moved is not None:
                self.host.move_pick(moved)
        elif key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
            step = -1 if key == Qt.Key.Key_Backtab else 1
            moved = cycle(story_order(self.host.doc.project), target, step)
            if moved is not None:
                self.host.move_pick(moved)
        return True  # while picking, every key belongs to the pick
