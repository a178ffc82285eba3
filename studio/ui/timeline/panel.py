"""The timeline panel: toolbar, lane titles and the zoomable, scrolling canvas.

It shows the scene picked in the shared :class:`~studio.app.selection.Selection`
(or, when the preview moves on to another scene, the playhead's scene) and
keeps the shared :class:`~studio.app.playhead.Playhead` on that scene.  The
toolbar adds items at the playhead, toggles snapping and zooms the time axis;
the status line names the reason an item is invalid.  :meth:`TimelinePanel.set_comments`
flags review comments on the ruler.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from studio.app.document import Document
from studio.app.playhead import Playhead
from studio.app.selection import Selection
from studio.model import new_items
from studio.model.ops import ChangeSet, OpError
from studio.model.review import Comment
from studio.ui.actions import Route, done
from studio.ui.timeline import geometry as g
from studio.ui.timeline.canvas import TimelineCanvas
from studio.ui.timeline.items import clamp_point
from studio.ui.timeline.paint import paint_header

MAX_ZOOM = 64.0


class LaneHeader(QWidget):
    """The fixed column of lane titles left of the canvas."""

    def __init__(self, canvas: TimelineCanvas, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.canvas = canvas
        self.y_offset = 0
        self.setFixedWidth(g.HEADER_W)

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        try:
            paint_header(
                p, self.canvas.look, self.width(), self.height(), self.canvas.tag_rows, self.y_offset
            )
        finally:
            p.end()


class TimelinePanel(QWidget):
    """One scene's timeline with its toolbar."""

    def __init__(
        self, document: Document, selection: Selection, playhead: Playhead, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("timelinePanel")
        self.doc, self.selection, self.playhead = document, selection, playhead
        self.zoom = 1.0
        self.canvas = TimelineCanvas(document, selection, playhead)
        self.scroller = QScrollArea(self)
        self.scroller.setFrameShape(QFrame.Shape.NoFrame)
        self.scroller.setWidgetResizable(False)
        self.scroller.setWidget(self.canvas)
        self.scroller.viewport().installEventFilter(self)
        self.header = LaneHeader(self.canvas, self)
        self.scroller.verticalScrollBar().valueChanged.connect(self._on_vscroll)

        self.title = QLabel(self.tr("No scene"), self)
        self.title.setObjectName("timelineTitle")
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.time_label = QLabel("", self)
        self.time_label.setObjectName("timelineTime")
        self.status = QLabel("", self)
        self.status.setObjectName("timelineStatus")
        self.status.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.buttons: dict[str, QToolButton] = {}
        bar = QHBoxLayout()
        bar.setContentsMargins(6, 3, 6, 3)
        bar.setSpacing(4)
        bar.addWidget(self.title)
        bar.addSpacing(8)
        for key, text, tip in (
            ("prompt", self.tr("+ Prompt"), self.tr("Add a savings prompt at the playhead")),
            ("tag", self.tr("+ Tag"), self.tr("Add a product tag at the playhead")),
            ("choice", self.tr("+ Choice"), self.tr("Add the choice window at the playhead")),
        ):
            self._button(bar, key, text, tip).clicked.connect(lambda _=False, k=key: self.add(k))
        bar.addSpacing(8)
        snap = self._button(
            bar, "snap", self.tr("Snap"), self.tr("Snap to frames, the playhead and other items (Alt: off)")
        )
        snap.setCheckable(True)
        snap.setChecked(True)
        snap.toggled.connect(self._set_snap)
        self._button(bar, "zoom_out", "−", self.tr("Zoom out (Ctrl+wheel)")).clicked.connect(
            lambda: self.set_zoom(self.zoom / 1.5)
        )
        self._button(bar, "zoom_in", "+", self.tr("Zoom in (Ctrl+wheel)")).clicked.connect(
            lambda: self.set_zoom(self.zoom * 1.5)
        )
        self._button(bar, "fit", self.tr("Fit"), self.tr("Show the whole clip")).clicked.connect(
            lambda: self.set_zoom(1.0)
        )
        bar.addSpacing(8)
        bar.addWidget(self.status, 1)
        bar.addWidget(self.time_label)
        body = QHBoxLayout()
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(0)
        body.addWidget(self.header)
        body.addWidget(self.scroller, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(bar)
        layout.addLayout(body, 1)

        self.canvas.zoom_requested.connect(self._zoom_at)
        self.canvas.scroll_requested.connect(self._wheel_scroll)
        self.canvas.add_requested.connect(self.add)
        self.canvas.status.connect(self._show_hint)
        document.changed.connect(self._on_changed)
        document.reset.connect(self._on_reset)
        selection.changed.connect(self._on_selection)
        playhead.moved.connect(self._on_playhead)
        playhead.scene_changed.connect(self._on_playhead_scene)
        self._on_selection()

    def _button(self, bar: QHBoxLayout, key: str, text: str, tip: str) -> QToolButton:
        button = QToolButton(self)
        button.setText(text)
        button.setToolTip(tip)
        button.setObjectName(f"timeline_{key}")
        button.setAutoRaise(True)
        bar.addWidget(button)
        self.buttons[key] = button
        return button

    def set_comments(self, comments: Iterable[Comment]) -> None:
        """Review comments (any scene): the shown scene's appear as flags on the ruler."""
        self.canvas.set_comments(comments)

    # --- which scene ------------------------------------------------------------------
    def show_scene(self, scene_id: str | None) -> None:
        if scene_id is not None and scene_id not in self.doc.project.scene_map():
            scene_id = None
        if scene_id != self.canvas.scene_id:
            self.canvas.show_scene(scene_id)
            if scene_id is not None and self.playhead.scene != scene_id:
                scene = self.doc.project.scene_map()[scene_id]
                self.playhead.set_scene(scene_id, scene.in_ms)
        self._refresh_chrome()
        self._relayout()

    def _on_selection(self) -> None:
        current = self.selection.current
        if current and current[0] == "scene" and len(current) > 1:
            self.show_scene(current[1])
        elif len(self.selection.scenes) == 1:
            self.show_scene(next(iter(self.selection.scenes)))
        else:
            self.canvas.update()
            self._refresh_chrome()

    def _on_playhead_scene(self, scene_id: object) -> None:
        if isinstance(scene_id, str) and scene_id != self.canvas.scene_id:
            self.show_scene(scene_id)

    def _on_changed(self, changes: ChangeSet) -> None:
        sid = self.canvas.scene_id
        if sid is None:
            return
        if sid not in self.doc.project.scene_map():
            self.show_scene(None)
        elif changes.reset or changes.media or changes.catalog or changes.project or sid in changes.scenes:
            self.canvas.reload()
            self._refresh_chrome()
            self._relayout()

    def _on_reset(self) -> None:
        self.show_scene(None)
        self._on_selection()

    # --- chrome ---------------------------------------------------------------------
    def _refresh_chrome(self) -> None:
        scene = self.canvas.scene()
        has = scene is not None
        for key in ("prompt", "tag", "choice"):
            self.buttons[key].setEnabled(has)
        if scene is None:
            self.title.setText(self.tr("No scene"))
            self.status.setText("")
            self.time_label.setText("")
            return
        self.buttons["choice"].setEnabled(scene.choice is None and not scene.ending)
        self.title.setText(scene.title)
        self.title.setToolTip(scene.title)
        self._update_time()
        item = self.canvas.selected_item()
        bad = [i for i in self.canvas.items if i.problem]
        if item is not None and item.problem:
            self._set_status(f"⚠ {item.label}: {item.problem}", error=True)
        elif bad:
            more = self.tr(" (+{count} more)").format(count=len(bad) - 1) if len(bad) > 1 else ""
            self._set_status(f"⚠ {bad[0].label}: {bad[0].problem}{more}", error=True)
        elif item is not None and item.warning:
            self._set_status(f"{item.label}: {item.warning}", error=False)
        else:
            self._set_status("", error=False)

    def _set_status(self, text: str, error: bool) -> None:
        self.status.setText(text)
        self.status.setToolTip(text)
        colour = self.canvas.look.error.name() if error else self.canvas.look.muted.name()
        self.status.setStyleSheet(f"color: {colour};")

    def _show_hint(self, text: str) -> None:
        self._refresh_chrome()
        if not self.status.text():
            self._set_status(text, error=False)

    def _update_time(self) -> None:
        if self.canvas.scene_id is None:
            return
        lo, hi, _ = self.canvas.span
        ms = self.canvas.playhead_ms or 0
        self.time_label.setText(f"{g.format_time(ms)} / {g.format_time(hi)}")
        fps = self.canvas.fps
        tip = self.tr("trim {start} – {end} at {fps} fps")
        self.time_label.setToolTip(tip.format(start=g.format_time(lo), end=g.format_time(hi), fps=f"{fps:g}"))

    def _on_playhead(self, ms: int, origin: object) -> None:
        self._update_time()
        if origin is not self.canvas and self.zoom > 1.0:
            self.scroller.ensureVisible(int(self.canvas.axis().x(ms)), 0, 40, 0)

    # --- adding -----------------------------------------------------------------------
    def add(self, kind: str) -> bool:
        """Add a prompt/tag/choice window at the playhead (clamped into the trim)."""
        scene = self.canvas.scene()
        if scene is None:
            return False
        span = self.canvas.span
        at = clamp_point(self.playhead.ms if self.playhead.scene == scene.id else span[0], span)
        project = self.doc.project
        try:
            if kind == "prompt":
                op, path = new_items.add_prompt(project, scene, at)
            elif kind == "tag":
                op, path = new_items.add_tag(project, scene, at, span[1])
            else:
                op, path = new_items.add_choice(project, scene, at, span[1])
        except OpError as exc:
            self.doc.message.emit(str(exc))
            self._set_status(str(exc), error=True)
            return False
        if not self.doc.push(op):
            return False
        self.selection.set([scene.id], current=path)
        return True

    def routes(self) -> tuple[Route, ...]:
        """Window actions while the timeline has focus: delete the item (nothing selected: the
        next route, the graph, runs), zoom the time axis."""
        return (
            Route("edit.delete", self.canvas.remove_selected, focus=self),
            Route("view.zoom_in", done(lambda: self.set_zoom(self.zoom * 1.5)), focus=self),
            Route("view.zoom_out", done(lambda: self.set_zoom(self.zoom / 1.5)), focus=self),
            Route("view.zoom_fit", done(lambda: self.set_zoom(1.0)), focus=self),
            Route("view.zoom_reset", done(lambda: self.set_zoom(1.0)), focus=self),
        )

    def handle_action(self, action_id: str) -> bool:
        """Run one of :meth:`routes` by id; False if it is not the timeline's or did nothing."""
        return any(route.handler() for route in self.routes() if route.action == action_id)

    # --- zoom and layout ---------------------------------------------------------------
    def _set_snap(self, on: bool) -> None:
        self.canvas.snap_enabled = on

    def set_zoom(self, zoom: float, anchor_x: float | None = None) -> None:
        zoom = max(1.0, min(MAX_ZOOM, zoom))
        bar = self.scroller.horizontalScrollBar()
        view_w = self.scroller.viewport().width()
        if anchor_x is None:
            anchor_x = bar.value() + view_w / 2
        anchor_ms = self.canvas.axis().ms(anchor_x)
        self.zoom = zoom
        self._relayout()
        new_x = self.canvas.axis().x(anchor_ms)
        bar.setValue(int(new_x - (anchor_x - bar.value())))

    def _zoom_at(self, factor: float, x: float) -> None:
        self.set_zoom(self.zoom * factor, x)

    def _wheel_scroll(self, delta: int) -> None:
        bar = self.scroller.horizontalScrollBar()
        bar.setValue(bar.value() - delta // 2)

    def _relayout(self) -> None:
        vp = self.scroller.viewport()
        width = max(200, int(vp.width() * self.zoom))
        height = max(vp.height(), g.canvas_height(self.canvas.tag_rows))
        self.canvas.resize(width, height)
        self.header.update()

    def _on_vscroll(self, value: int) -> None:
        self.header.y_offset = value
        self.header.update()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.scroller.viewport() and event.type() == QEvent.Type.Resize:
            self._relayout()
        return super().eventFilter(watched, event)


__all__ = ["TimelinePanel"]
