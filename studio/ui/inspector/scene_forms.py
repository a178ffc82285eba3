"""Inspector forms for a scene and for its choice window.

The scene form edits title, clip and trim (or, for a storyboard placeholder, its card's colour
and duration and "Give this scene a clip"), start/ending (an ending's title and text), what
follows a scene without a choice ("Continue automatically to") and on-enter effects, and
lists the scene's timed items (click to inspect one); the choice form edits
the window's times and behaviour and lists its options.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from studio.l10n.vocabulary import word
from studio.model import gestures, names, new_items
from studio.model.ops import PROJECT, ChoiceRef, OptionRef, PromptRef, SceneRef, SetField, TagRef
from studio.model.project import Project
from studio.ui.inspector.effects import EffectsEditor
from studio.ui.inspector.fields import CheckField, ComboField, LineField, format_ms, optional_text
from studio.ui.inspector.forms import Ctx, Form, OpButton, ms_field, named_choices
from studio.ui.inspector.storyboard import ColourField, DurationField, GiveClipButton
from studio.ui.inspector.tracks_section import TracksSection


class SceneForm(Form):
    title = str(QT_TRANSLATE_NOOP("Inspector", "Scene"))

    def __init__(self, ctx: Ctx, ref: SceneRef, parent: QWidget | None = None) -> None:
        super().__init__(ctx, ref, parent)
        project, sid = self.doc.project, ref.scene
        scene = ref.get(project)
        self.ident(sid)
        self.row(self.tr("Title"), LineField(self.doc, ref.title, live=True))
        if scene.placeholder is not None:
            self.section(self.tr("Storyboard card (no clip yet)"))
            self.row(self.tr("Card colour"), ColourField(self.doc, ref))
            self.row(self.tr("Duration"), DurationField(self.doc, ref))
            self.wide(GiveClipButton(self.doc, sid))
        else:
            self.row(self.tr("Clip"), ComboField(self.doc, ref.media, _media_choices))
            self.row(self.tr("In"), ms_field(ctx, ref.in_ms))
            end = project.scene_out_ms(scene) if scene.out_ms is None else None
            to_end = self.tr("end of clip ({ms})").format(ms=end) if end else self.tr("end of clip")
            self.row(
                self.tr("Out"),
                ms_field(
                    ctx,
                    ref.out_ms,
                    optional=True,
                    placeholder=to_end,
                ),
            )
        self.row(
            "",
            CheckField(
                self.doc,
                PROJECT.start,
                self.tr("Start scene"),
                lambda on: gestures.set_start(sid) if on else SetField(PROJECT.start, None),
                read=lambda p: p.start == sid,
            ),
        )
        self.row(
            self.tr("Ending"),
            ComboField(
                self.doc,
                ref.ending,
                _ending_choices,
                lambda v: gestures.mark_ending(sid, v is not None, v or None),
                read=_ending_value(sid),
            ),
        )
        if scene.ending:
            title = LineField(
                self.doc, ref.ending_title, optional_text, live=True, placeholder=word("ending.title")
            )
            title.setToolTip(self.tr("The ending card's title (empty: the player's own word)"))
            self.row(self.tr("Ending title"), title)
            none = self.tr("(none)")
            text = LineField(self.doc, ref.ending_text, optional_text, live=True, placeholder=none)
            text.setToolTip(self.tr("A line under the ending card's title (optional)"))
            self.row(self.tr("Ending text"), text)
        elif scene.choice is None:
            follow = ComboField(self.doc, ref.next, _next_choices(sid))
            follow.combo.setToolTip(
                self.tr(
                    "When this scene ends, play that scene at once, with no choice shown. "
                    "A scene continues automatically or offers a choice, not both."
                )
            )
            self.row(self.tr("Continue automatically to"), follow)
        self.section(self.tr("On enter"))
        self.wide(EffectsEditor(self.doc, ref.on_enter))
        self.section(self.tr("Timed items"))
        if scene.choice is not None:
            c = scene.choice
            self.wide(
                self.nav(
                    self.tr("Choice window  {start} – {end}").format(
                        start=format_ms(c.appear_ms), end=format_ms(c.decision_ms)
                    ),
                    ChoiceRef(sid),
                )
            )
        project = self.doc.project
        for p in scene.prompts:
            words = names.named(names.prompt_words(project, p))
            shown = self.tr("Savings prompt {words}  at {time}").format(words=words, time=format_ms(p.at_ms))
            self.wide(self.nav(shown, PromptRef(sid, p.id)))
        for t in scene.tags:
            product = names.named(names.tag_product(project, t))
            self.wide(
                self.nav(
                    self.tr("Product tag {product}  {start} – {end}").format(
                        product=product, start=format_ms(t.start_ms), end=format_ms(t.end_ms)
                    ),
                    TagRef(sid, t.id),
                )
            )
        if scene.choice is None and not scene.prompts and not scene.tags:
            hint = QLabel(self.tr("None yet: add them on the timeline at the playhead."), self)
            hint.setWordWrap(True)
            self.wide(hint)
        if scene.placeholder is None:
            self.wide(TracksSection(self.doc, sid))  # subtitles and dubs

    def signature(self, project: Project) -> object:
        s = project.scene_map().get(self.path[1])
        if s is None:
            return None
        c = (s.choice.appear_ms, s.choice.decision_ms) if s.choice else None
        return (
            c,
            tuple((p.id, p.at_ms, p.text, p.amount) for p in s.prompts),
            tuple((t.id, t.start_ms, t.end_ms, t.product) for t in s.tags),
            s.out_ms is None,
            s.media,
            s.placeholder is None,
            s.ending,
            s.choice is None,
        )


def _media_choices(project: Project) -> list[tuple[str, Any]]:
    shown = QCoreApplication.translate("Inspector", "{file}  ({seconds} s)")
    return [
        (shown.format(file=m.path.rsplit("/", 1)[-1], seconds=f"{m.duration_ms / 1000:g}"), m.id)
        for m in project.media
    ]


def _next_choices(sid: str) -> Callable[[Project], list[tuple[str, Any]]]:
    def choices(project: Project) -> list[tuple[str, Any]]:
        return [(QCoreApplication.translate("Inspector", "None (the story stops here)"), None),
                *named_choices((s.title, s.id) for s in project.scenes if s.id != sid)]

    return choices


def _ending_choices(project: Project) -> list[tuple[str, Any]]:
    return [
        (QCoreApplication.translate("Inspector", "Not an ending"), None),
        (QCoreApplication.translate("Inspector", "Ending (good)"), "good"),
        (QCoreApplication.translate("Inspector", "Ending (neutral)"), "neutral"),
        (QCoreApplication.translate("Inspector", "Ending (bad)"), "bad"),
        (QCoreApplication.translate("Inspector", "Ending (no kind)"), ""),
    ]


def _ending_value(sid: str) -> Callable[[Project], Any]:
    def read(project: Project) -> Any:
        s = project.scene_map()[sid]
        return (s.ending_kind or "") if s.ending else None

    return read


class ChoiceForm(Form):
    title = str(QT_TRANSLATE_NOOP("Inspector", "Choice window"))

    def __init__(self, ctx: Ctx, ref: ChoiceRef, parent: QWidget | None = None) -> None:
        super().__init__(ctx, ref, parent)
        sid = ref.scene
        choice = ref.get(self.doc.project)
        self.row(self.tr("Appears"), ms_field(ctx, ref.appear_ms))
        self.row(self.tr("Deadline"), ms_field(ctx, ref.decision_ms))
        timeouts = [
            (self.tr("Pick the default option"), "default"),
            (self.tr("Loop the end"), "loop"),
            (self.tr("Pause"), "pause"),
        ]
        self.row(self.tr("On timeout"), ComboField(self.doc, ref.timeout, lambda _p: timeouts))
        modes = [(self.tr("Cut at the choice"), "cut"), (self.tr("Play the clip to its end"), "play_to_end")]
        self.row(self.tr("After choosing"), ComboField(self.doc, ref.mode, lambda _p: modes))
        self.row("", CheckField(self.doc, ref.show_countdown, self.tr("Show the countdown")))
        self.row("", CheckField(self.doc, ref.one_shot, self.tr("Ask only once (one shot)")))
        self.section(self.tr("Options"))
        scenes = self.doc.project.scene_map()
        for o in choice.options:
            star = self.tr("  ★ default") if o.default else ""
            target = scenes.get(o.target)
            goes = (
                self.tr("“{title}”").format(title=target.title)
                if target is not None
                else self.tr("missing scene '{id}'").format(id=o.target)
            )
            tip = self.tr("Option “{label}”").format(label=o.label)
            self.wide(self.nav(f"{o.label}  →  {goes}{star}", OptionRef(sid, o.id), tip))
        buttons = QWidget(self)
        row = QHBoxLayout(buttons)
        row.setContentsMargins(0, 4, 0, 0)
        add = OpButton(
            self.doc, self.tr("+ Option"), lambda: new_items.add_option(self.doc.project, sid), parent=buttons
        )
        remove = OpButton(
            self.doc,
            self.tr("Remove choice window"),
            lambda: SetField(SceneRef(sid).choice, None),
            after=lambda: self.go(SceneRef(sid)),
            parent=buttons,
        )
        row.addWidget(add)
        row.addWidget(remove)
        self.wide(buttons)
        self.parts += [add, remove]
        self.wide(self.nav(self.tr("‹ Scene"), SceneRef(sid)))

    def signature(self, project: Project) -> object:
        s = project.scene_map().get(self.path[1])
        if s is None or s.choice is None:
            return None
        titles = {sc.id: sc.title for sc in project.scenes}
        return tuple((o.id, o.label, o.target, titles.get(o.target), o.default) for o in s.choice.options)

