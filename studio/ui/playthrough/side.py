"""The playthrough side panel: controls, path so far, variables, deposits, wallet, event log.

Controls: “Play story” (from the start, a new viewer), “Play from here…” (the
selected scene, with variable values), Pause/Resume, Back (to the previous
decision; disabled when there is none), “Start over” (the same viewer again: a
replay) and the timers setting (WCAG 2.2.1: normal, x2, x10, off; used from the
next start).  Deposits per goal show the confirmed (saved) and pending totals;
the simulated wallet is :mod:`studio.ui.playthrough.wallet_box`.  The lists redraw from the controller's
engine on ``state_changed``; the log appends every event's JSON line.
"""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Signal
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from studio.app.playthrough import TIMER_SETTINGS, PlaythroughController
from studio.l10n.vocabulary import locale_name
from studio.model.currency import format_money
from studio.ui.playthrough.tables import fill, table
from studio.ui.playthrough.wallet_box import WalletBox
from studio.ui.text import plain_label
from studio.ui.wheel import ComboBox

TIMER_LABELS = {
    "normal": str(QT_TRANSLATE_NOOP("SidePanel", "Timers: normal")),
    "x2": str(QT_TRANSLATE_NOOP("SidePanel", "Timers: twice as long")),
    "x10": str(QT_TRANSLATE_NOOP("SidePanel", "Timers: ten times as long")),
    "off": str(QT_TRANSLATE_NOOP("SidePanel", "Timers: off (wait for me)")),
}
PAUSE_TEXT = {
    "pause": str(QT_TRANSLATE_NOOP("SidePanel", "waiting for a choice")),
    "timers_off": str(QT_TRANSLATE_NOOP("SidePanel", "waiting for a choice (timers off)")),
    "extended": str(QT_TRANSLATE_NOOP("SidePanel", "extra time to choose")),
}


class SidePanel(QWidget):
    """Controls and the playthrough's state."""

    play_story = Signal()
    play_from_here = Signal()
    start_over = Signal()

    def __init__(self, controller: PlaythroughController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.setObjectName("playSide")
        self.play_button = QPushButton(self.tr("Play story"))
        self.play_button.setObjectName("playStory")
        self.here_button = QPushButton(self.tr("Play from here…"))
        self.here_button.setObjectName("playFromHere")
        self.pause_button = QPushButton(self.tr("Pause"))
        self.pause_button.setObjectName("playPause")
        self.pause_button.setCheckable(True)
        self.back_button = QPushButton(self.tr("Back"))
        self.back_button.setObjectName("playBack")
        self.back_button.setToolTip(self.tr("Return to the previous decision"))
        self.restart_button = QPushButton(self.tr("Start over"))
        self.restart_button.setObjectName("playStartOver")
        self.restart_button.setToolTip(self.tr(
            "The same viewer plays again from the same start: a replay (new playthrough id, same "
            "wallet). Its deposits are real only if the project's “Deposits on replays are real” is "
            "checked. A playthrough that has not ended is abandoned first."
        ))
        self.timers = ComboBox()
        self.timers.setObjectName("playTimers")
        for key in TIMER_SETTINGS:
            self.timers.addItem(self.tr(TIMER_LABELS[key]), key)
        self.timers.setToolTip(self.tr("Timing adjustable (WCAG 2.2.1): used from the next Play"))
        self.language = ComboBox()
        self.language.setObjectName("playLanguage")
        self.language.setToolTip(self.tr(
            "The language the story is shown in: its translations, the viewer's words, money and "
            "subtitles in that locale (used from the next Play)"))
        self.status = plain_label(self.tr("Not playing."), "playState")
        self.path = QListWidget()
        self.path.setObjectName("playPath")
        self.variables = table("playVariables", [self.tr("Variable"), self.tr("Value")])
        headers = [self.tr("Goal"), self.tr("Saved"), self.tr("Pending"), self.tr("Of target")]
        self.goals = table("playGoals", headers, wrap=(0,))
        self.goals.setToolTip(self.tr("Saved: confirmed by the wallet. Pending: waiting for its answer."))
        self.wallet = WalletBox(controller)
        self.log = QPlainTextEdit()
        self.log.setObjectName("playLog")
        self.log.setReadOnly(True)
        self.log.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.log.setMaximumBlockCount(10_000)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        row1, row2 = QHBoxLayout(), QHBoxLayout()
        row1.addWidget(self.play_button)
        row1.addWidget(self.here_button)
        row2.addWidget(self.pause_button)
        row2.addWidget(self.back_button)
        row2.addWidget(self.restart_button)
        layout.addLayout(row1)
        layout.addLayout(row2)
        layout.addWidget(self.timers)
        layout.addWidget(self.language)
        layout.addWidget(self.status)
        for title, widget, stretch in (
            (self.tr("Path so far"), self.path, 2),
            (self.tr("Variables"), self.variables, 2),
            (self.tr("Deposits per goal"), self.goals, 1),
            ("", self.wallet, 3),
            (self.tr("Event log"), self.log, 4),
        ):
            if not title:
                layout.addWidget(widget, stretch)
                continue
            group = QGroupBox(title)
            box = QVBoxLayout(group)
            box.setContentsMargins(4, 4, 4, 4)
            box.addWidget(widget)
            layout.addWidget(group, stretch)

        self.play_button.clicked.connect(self.play_story)
        self.here_button.clicked.connect(self.play_from_here)
        self.pause_button.toggled.connect(self._pause_toggled)
        self.back_button.clicked.connect(lambda _=False: controller.back())
        self.restart_button.clicked.connect(self.start_over)
        controller.starting.connect(self.clear_log)
        self.timers.currentIndexChanged.connect(self._timers_changed)
        self.language.currentIndexChanged.connect(self._language_changed)
        controller.document.changed.connect(lambda _changes: self.refresh_languages())
        controller.document.reset.connect(self.refresh_languages)
        self.refresh_languages()
        controller.state_changed.connect(self.refresh)
        controller.running_changed.connect(self._running_changed)
        controller.event_emitted.connect(self.append_event)
        controller.ticked.connect(self.refresh_status)
        self.refresh()

    def refresh_languages(self) -> None:
        """One entry per locale the drama can be played in; hidden for a one-language drama."""
        locales = self.controller.locales()
        shown = [str(self.language.itemData(i)) for i in range(self.language.count())]
        if shown != locales:
            wanted = self.controller.locale or locales[0]
            self.language.blockSignals(True)
            self.language.clear()
            for locale in locales:
                self.language.addItem(self.tr("Language: {name}").format(name=locale_name(locale)), locale)
            self.language.setCurrentIndex(locales.index(wanted) if wanted in locales else 0)
            self.language.blockSignals(False)
        self.language.setVisible(len(locales) > 1)

    def _language_changed(self, _index: int) -> None:
        locale = self.language.currentData()
        self.controller.set_locale(str(locale) if locale else None)

    def _timers_changed(self, _index: int) -> None:
        key = self.timers.currentData()
        if key in TIMER_SETTINGS:
            self.controller.set_timers(key)

    def _pause_toggled(self, paused: bool) -> None:
        self.controller.set_paused(paused)
        self._running_changed(self.controller.running)

    def _running_changed(self, _running: bool) -> None:
        eng = self.controller.engine
        user_paused = eng is not None and not eng.ended and not self.controller.running
        self.pause_button.blockSignals(True)
        self.pause_button.setChecked(user_paused)
        self.pause_button.blockSignals(False)
        self.pause_button.setText(self.tr("Resume") if user_paused else self.tr("Pause"))
        self.pause_button.setEnabled(eng is not None and not eng.ended)
        self.refresh_status()

    def clear_log(self) -> None:
        self.log.clear()

    def append_event(self, event: dict[str, Any]) -> None:
        self.log.appendPlainText(json.dumps(event, ensure_ascii=False))

    def refresh_status(self) -> None:
        eng = self.controller.engine
        if eng is None:
            self.status.setText(self.tr("Not playing."))
            return
        scene = self.controller.scene()
        title = scene.title if scene else (eng.scene_id or "")
        if eng.ended:
            state = self.tr("ended")
        else:
            state = self.tr("paused by you") if not self.controller.running else self.tr("playing")
        if not eng.ended and eng.paused:
            if eng.pausing_prompt_open:
                state = self.tr("waiting for the savings prompt")
            else:
                reason = PAUSE_TEXT.get(eng.pause_reason or "")
                state = self.tr(reason) if reason else self.tr("waiting")
        self.status.setText(self.tr("{title} · {t} s · clock {clock} s · {state}").format(
            title=title, t=f"{eng.t / 1000:.1f}", clock=f"{eng.clock / 1000:.1f}", state=state))

    def refresh(self) -> None:
        ctrl, eng = self.controller, self.controller.engine
        self.back_button.setEnabled(eng is not None and eng.can_go_back)
        self.restart_button.setEnabled(eng is not None)
        self._running_changed(ctrl.running)
        if eng is None:
            self.path.clear()
            fill(self.variables, [])
            fill(self.goals, [])
            return
        titles = []
        for sid in eng.path:
            scene = ctrl.scene(sid)
            titles.append(scene.title if scene else sid)
        if [self.path.item(i).text() for i in range(self.path.count())] != titles:
            self.path.clear()
            self.path.addItems(titles)
            self.path.scrollToBottom()
        fill(self.variables, [[k, json.dumps(v)] for k, v in eng.variables.items()])
        project, currency = ctrl.project, ctrl.currency()
        rows = []
        saved, pending = eng.saved, eng.pending
        for goal in project.goals if project else []:
            total, waiting = saved.get(goal.id, 0), pending.get(goal.id, 0)
            rows.append([
                goal.name,
                format_money(total, currency),
                format_money(waiting, currency) if waiting else "—",
                f"{total * 100 // goal.target}%",
            ])
        fill(self.goals, rows)
