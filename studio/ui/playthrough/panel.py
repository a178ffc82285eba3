"""The playthrough panel: video + overlay on the left, the side panel on the right.

:class:`PlaythroughPanel` owns a :class:`PlaythroughController` and (created on
the first Play) a player from ``player_factory`` (default: libVLC with audio;
without libVLC the story still plays, with a one-line note instead of video).
Keys 1-9 choose options while the panel has focus.  Narrower than
:data:`SIDE_BY_SIDE_MIN_WIDTH` the side panel moves below the video.  Tests pass
``speed`` (engine time per wall time; the video plays at that rate) and
``auto_tick=False`` (they call ``controller.tick(ms)`` themselves).  Call :meth:`shutdown`
before the application quits (it is also connected to ``aboutToQuit``): it
stops the clock and closes the player.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import QDialog, QFrame, QScrollArea, QSplitter, QVBoxLayout, QWidget

from studio.app.document import Document
from studio.app.playback.player import PlayerBackend
from studio.app.playhead import Playhead
from studio.app.playthrough import PlaythroughController
from studio.app.playthrough_steer import SteerResult, steer
from studio.app.selection import Selection
from studio.ui.playthrough.overlay import Overlay
from studio.ui.playthrough.side import SidePanel
from studio.ui.playthrough.start_dialog import StartDialog
from studio.ui.playthrough.steering import SteerGuide
from studio.ui.playthrough.subtitles import PlaySubtitles
from studio.ui.playthrough.surface import VideoSurface
from studio.ui.preview.card import card_of_scene
from studio.ui.text import plain_label

Value = int | bool | str
SIDE_BY_SIDE_MIN_WIDTH = 620  # narrower: the side panel goes below the video
PlayerFactory = Callable[[], PlayerBackend]


def vlc_player_factory() -> PlayerBackend:
    """The real player: libVLC behind a switching player that pre-rolls the scenes
    the engine may go to next, so a branch switch shows no black frame.

    Raises RuntimeError with an install hint without libVLC.
    """
    from studio.app.playback.vlc_player import VlcPlayer
    from studio.ui.preview.switching import SwitchingPlayer

    return SwitchingPlayer(lambda: VlcPlayer(audio=True), players=3)


class PlaythroughPanel(QWidget):
    """“Play story” / “Play from here” with overlays and the playthrough's state."""

    steer_changed = Signal(str)  # the steering banner's text ("" when cleared)

    def __init__(
        self,
        document: Document,
        selection: Selection,
        playhead: Playhead | None = None,
        player_factory: PlayerFactory | None = vlc_player_factory,
        speed: float = 1.0,
        auto_tick: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("playthroughPanel")
        self.document = document
        self.selection = selection
        self.playhead = playhead
        self._factory = player_factory
        self._player_tried = False
        self.controller = PlaythroughController(document, None, speed=speed, auto_tick=auto_tick, parent=self)
        self.surface = VideoSurface()
        self.overlay = Overlay(self.controller, self.surface)
        self.subtitles = PlaySubtitles(self.controller, self.surface, self._covering)  # under the overlay
        self.side = SidePanel(self.controller)
        self.note = plain_label("", "playNote")
        self.note.hide()
        self.guide = SteerGuide(self.controller, self.overlay, self)
        self.guide.changed.connect(self.steer_changed)
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.guide.banner)
        column.addWidget(self.surface, 1)
        column.addWidget(self.note)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        # Scrollable, so the side panel's height never forces the dock (and the
        # window) taller than the screen when it sits below the video.
        self.side_scroll = QScrollArea()
        self.side_scroll.setObjectName("playSideScroll")
        self.side_scroll.setWidget(self.side)
        self.side_scroll.setWidgetResizable(True)
        self.side_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.side_scroll.setMinimumHeight(120)
        self.splitter.addWidget(self.side_scroll)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)
        self.surface.set_aspect(document.project.aspect)
        for number in range(1, 10):
            shortcut = QShortcut(QKeySequence(str(number)), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda n=number: self.overlay.press_number(n))
        self.side.play_story.connect(self.play_story)
        self.side.play_from_here.connect(self.play_from_here)
        self.side.start_over.connect(self.replay)
        self.overlay.replay_requested.connect(self.replay)
        self.controller.message.connect(self.show_note)
        self.controller.state_changed.connect(self._show_card)
        self.controller.ticked.connect(self._show_card)
        self.selection.changed.connect(self._update_here)
        if playhead is not None:
            playhead.scene_changed.connect(lambda _s: self._update_here())
        document.reset.connect(self._document_reset)
        document.changed.connect(self._document_changed)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.shutdown)
        self._update_here()

    def _covering(self) -> list[QWidget]:
        """What the subtitles stay above: the option buttons and the cards."""
        ov = self.overlay
        return [*ov.options, ov.prompt_card, ov.product_card, ov.ending_card]

    # -- commands ----------------------------------------------------------------------
    def selected_scene(self) -> str | None:
        """The scene “Play from here” starts at: the selected scene, else the playhead's."""
        scenes = self.document.project.scene_map()
        current = self.selection.current
        if current and current[0] == "scene" and len(current) > 1 and current[1] in scenes:
            return current[1]
        if len(self.selection.scenes) == 1:
            only = next(iter(self.selection.scenes))
            if only in scenes:
                return only
        if self.playhead is not None and self.playhead.scene in scenes:
            return self.playhead.scene
        return None

    def play_story(self) -> bool:
        return self._start(None, None)

    def play_from_here(self, values: Mapping[str, Value] | None = None) -> bool:
        """Ask for variable values (unless given) and play from the selected scene."""
        scene = self.selected_scene()
        if scene is None:
            self.show_note(self.tr("Select a scene to play from."))
            return False
        if values is None:
            dialog = StartDialog(self.document.project, scene, self._last_values(scene), self)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return False
            values = dialog.values()
        return self._start(scene, values)

    def play_from(self, scene_id: str, values: Mapping[str, Value] | None = None) -> bool:
        """Play from ``scene_id`` at once (no dialog; variables at their defaults unless
        given).  Review mode's "next unwatched branch" starts here."""
        if scene_id not in self.document.project.scene_map():
            self.show_note(self.tr("scene '{id}' does not exist.").format(id=scene_id))
            return False
        return self._start(scene_id, values)

    def steer_to(
        self, scene_id: str, option_id: str | None, watched: Collection[str] | None = None
    ) -> SteerResult:
        """Play to the decision ``(scene, option)`` by itself and stop where the new material
        begins (review's "Play next unwatched branch"; see :mod:`studio.app.playthrough_steer`).
        The banner above the video says where it stopped and what to do."""
        self._prepare()
        self.guide.begin()
        result = steer(self.controller, scene_id, option_id, watched)
        self.guide.show_result(result, self.document.project)
        self.overlay.refresh()
        self.overlay.setFocus()
        return result

    def steer_text(self) -> str:
        """The steering banner's text ("" when hidden)."""
        return self.guide.text

    def replay(self) -> bool:
        """“Watch again” / “Start over”: the same viewer (and wallet) again, as a replay."""
        ctrl = self.controller
        return self._start(ctrl.start_scene, dict(ctrl.start_variables), replay=True)

    def _last_values(self, scene: str) -> dict[str, Value]:
        ctrl = self.controller
        return dict(ctrl.start_variables) if ctrl.start_scene == scene else {}

    def _prepare(self) -> None:
        self._ensure_player()
        self.show_note("")
        self.overlay.close_product()
        self.overlay.deposit_note.clear()
        self.surface.clear()
        self.surface.set_aspect(self.document.project.aspect)
        if self.controller.player is None:
            self.surface.set_note(self.tr("No video (libVLC is not available); the story plays on."))

    def _start(self, scene: str | None, values: Mapping[str, Value] | None, replay: bool = False) -> bool:
        self._prepare()
        ok = self.controller.start(scene, values, replay=replay)
        self.overlay.setFocus()
        return ok

    def _ensure_player(self) -> None:
        if self._player_tried or self._factory is None:
            return
        self._player_tried = True
        try:
            player = self._factory()
        except RuntimeError as exc:
            self.show_note(self.tr("No video: {error}").format(error=exc))
            return
        player.frame_ready.connect(self.surface.show_frame)
        self.controller.set_player(player)

    def _show_card(self) -> None:
        """A storyboard placeholder scene plays as its titled colour card, its clock the engine's."""
        shown = self.controller.placeholder()
        card = card_of_scene(shown[0], self.controller.shown_project().aspect) if shown else None
        if shown is not None and card is not None:
            self.surface.show_card(card, shown[1])
        else:
            self.surface.clear_card()

    def show_note(self, text: str) -> None:
        self.note.setText(text)
        self.note.setVisible(bool(text))

    # -- document ----------------------------------------------------------------------
    def _update_here(self) -> None:
        scene = self.selected_scene()
        self.side.here_button.setEnabled(scene is not None)
        title = self.document.project.scene_map()[scene].title if scene else ""
        tip = self.tr("Select a scene to play from")
        if scene:
            tip = self.tr("Play from “{title}”").format(title=title)
        self.side.here_button.setToolTip(tip)

    def _document_reset(self) -> None:
        # Only a playthrough of the project before is worth a note (not a first open or New).
        played = self.controller.active
        self.controller.stop()
        self.guide.clear()
        self.show_note(self.tr("Another project was opened: press Play story.") if played else "")
        self._update_here()

    def _document_changed(self, _changes: object) -> None:
        self._update_here()
        if self.controller.active and self.controller.running:
            self.show_note(self.tr(
                "The project changed: this playthrough uses the version it started "
                "with; press Play to see your edits."
            ))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        wide = event.size().width() >= SIDE_BY_SIDE_MIN_WIDTH
        orientation = Qt.Orientation.Horizontal if wide else Qt.Orientation.Vertical
        if self.splitter.orientation() != orientation:
            self.splitter.setOrientation(orientation)

    # -- lifetime ----------------------------------------------------------------------
    def shutdown(self) -> None:
        """Stop the clock and close the player (before the QApplication goes)."""
        self.controller.shutdown()
