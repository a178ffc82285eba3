"""The steering banner: what "Play next unwatched branch" did, above the video.

:class:`SteerGuide` shows a :class:`~studio.app.playthrough_steer.SteerResult`
in a banner of the playthrough panel (above the video, never behind it), has
the overlay highlight the option to take, and keeps the text true as the
playthrough moves on: taking the highlighted option, resuming an unwatched
scene or starting another playthrough clears it; taking another option says
so.  Titles and labels only, never ids.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QLabel, QWidget

from studio.app.playthrough import PlaythroughController
from studio.app.playthrough_steer import SteerResult
from studio.app.playthrough_view import option_text
from studio.model import Project
from studio.ui.text import plain_label

BANNER_QSS = (
    "QLabel#playSteer { background: #fff3bf; color: #3d2c00; border: 1px solid #f0c419;"
    " border-left: 5px solid #e8a400; border-radius: 4px; padding: 6px 8px; font-weight: bold; }"
)


def scene_title(project: Project, scene_id: str) -> str:
    scene = project.scene_map().get(scene_id)
    if scene is not None and scene.title:
        return QCoreApplication.translate("SteerGuide", "“{title}”").format(title=scene.title)
    return QCoreApplication.translate("SteerGuide", "an untitled scene")


def option_label(project: Project, scene_id: str, option_id: str | None) -> str:
    scene = project.scene_map().get(scene_id)
    choice = scene.choice if scene is not None else None
    option = next((o for o in choice.options if o.id == option_id), None) if choice else None
    text = option_text(project, option) if option is not None else ""
    if text:
        return QCoreApplication.translate("SteerGuide", "“{label}”").format(label=text)
    return QCoreApplication.translate("SteerGuide", "the unwatched option")


def describe(result: SteerResult, project: Project) -> str:
    """The banner's text for a steering result."""
    where = scene_title(project, result.scene)
    label = option_label(project, result.scene, result.option)
    n = result.decisions
    decided = ""
    if n == 1:
        decided = QCoreApplication.translate("SteerGuide", " The 1 decision on the way was made for you.")
    elif n:
        decided = QCoreApplication.translate(
            "SteerGuide", " The {n} decisions on the way were made for you.").format(n=n)
    if result.how == "decision":
        text = QCoreApplication.translate(
            "SteerGuide",
            "Unwatched branch: choose {label} (highlighted) in {where}.{decided} Timers are off.",
        )
        return text.format(label=label, where=where, decided=decided)
    if result.how == "from_scene":
        text = QCoreApplication.translate(
            "SteerGuide",
            "No way from the start shows {label} (its condition was never met on the paths tried): "
            "playing from {where}. Choose {label} (highlighted). Timers are off.",
        )
        return text.format(label=label, where=where)
    if result.how == "unwatched":
        text = QCoreApplication.translate(
            "SteerGuide",
            "{where} has not been watched yet: it starts here. Press Resume to watch it.{decided}",
        )
        return text.format(where=where, decided=decided)
    if result.how == "scene":
        text = QCoreApplication.translate(
            "SteerGuide",
            "{where} is not reached by any decision: it plays on its own. Press Resume to watch it.",
        )
        return text.format(where=where)
    text = QCoreApplication.translate("SteerGuide", "Cannot play the unwatched branch in {where}: {reason}.")
    return text.format(where=where, reason=result.reason)


class SteerGuide(QObject):
    """Owns the banner label; follows the playthrough to update or clear it."""

    changed = Signal(str)  # the banner's text ("" when cleared)

    def __init__(self, controller: PlaythroughController, overlay: Any, parent: QWidget) -> None:
        super().__init__(parent)
        self.controller = controller
        self.overlay = overlay
        self.banner: QLabel = plain_label("", "playSteer")
        self.banner.setStyleSheet(BANNER_QSS)
        self.banner.setAccessibleName(self.tr("Steering"))
        self.banner.hide()
        self.result: SteerResult | None = None
        self._busy = False
        controller.starting.connect(self._started)
        controller.event_emitted.connect(self._event)
        controller.running_changed.connect(self._running)

    @property
    def text(self) -> str:
        return self.banner.text() if not self.banner.isHidden() else ""

    def begin(self) -> None:
        """Steering starts: forget the last result; ignore the playthrough's events meanwhile."""
        self.clear()
        self._busy = True

    def show_result(self, result: SteerResult, project: Project) -> None:
        self._busy = False
        self.result = result
        highlight = result.option if result.how in ("decision", "from_scene") else None
        self.overlay.set_highlight(highlight)
        self._say(describe(result, project))

    def clear(self) -> None:
        self.result = None
        self.overlay.set_highlight(None)
        self._say("")

    def _say(self, text: str) -> None:
        self.banner.setText(text)
        self.banner.setVisible(bool(text))
        self.changed.emit(text)

    def _started(self) -> None:
        if not self._busy:
            self.clear()

    def _running(self, running: bool) -> None:
        result = self.result
        if not self._busy and running and result is not None and result.how in ("unwatched", "scene"):
            self.clear()  # resumed: the reviewer watches it now

    def _event(self, event: dict[str, Any]) -> None:
        result, kind = self.result, event.get("type")
        if self._busy or self.banner.isHidden():
            return
        if result is None or kind in ("went_back", "ending_reached"):
            if kind in ("went_back", "ending_reached", "choice_made"):
                self.clear()  # the note about another choice is stale now
        elif kind == "choice_made" and result.how in ("decision", "from_scene"):
            if event.get("scene") == result.scene and event.get("option") == result.option:
                self.clear()
                return
            project = self.controller.project or self.controller.document.project
            taken = option_label(project, str(event.get("scene")), str(event.get("option")))
            wanted = option_label(project, result.scene, result.option)
            self.result = None
            self.overlay.set_highlight(None)
            self._say(self.tr(
                "You chose {taken}, not the unwatched {wanted}: “Play next unwatched branch” "
                "in the Review panel brings you back to it."
            ).format(taken=taken, wanted=wanted))
