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

from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from studio.l10n.vocabulary import word
from studio.model import gestures, names, new_items
from studio.model.ops import PROJECT, ChoiceRef, OptionRef, PromptRef, SceneRef, SetField, TagRef
from studio.model.project import Project
from studio.ui.inspector.effects import EffectsEditor
from studio.ui.inspector.fields import CheckField, ComboField, LineField, format_ms, optional_text
from studio.ui.inspector.forms import Ctx, Form, OpButton, ms_field, named_choices
from studio.ui.inspector.storyboard import ColourField, DurationField, GiveClipButton


class SceneForm(Form):
    title = "Scene"

    def __init__(self, ctx: Ctx, ref: SceneRef, parent: QWidget | None = None) -> None:
        super().__init__(ctx, ref, parent)
        project, sid = self.doc.project, ref.scene
        scene = ref.get(project)
        self.ident(sid)
        self.row("Title", LineField(self.doc, ref.title, live=True))
        if scene.placeholder is not None:
            self.section("Storyboard card (no clip yet)")
            self.row("Card colour", ColourField(self.doc, ref))
            self.row("Duration", DurationField(self.doc, ref))
            self.wide(GiveClipButton(self.doc, sid))
        else:
            self.row("Clip", ComboField(self.doc, ref.media, _media_choices))
            self.row("In", ms_field(ctx, ref.in_ms))
            end = project.scene_out_ms(scene) if scene.out_ms is None else None
            self.row(
                "Out",
                ms_field(
                    ctx,
                    ref.out_ms,
                    optional=True,
                    placeholder=f"end of clip ({end})" if end else "end of clip",
                ),
            )
        self.row(
            "",
            CheckField(
                self.doc,
                PROJECT.start,
                "Start scene",
                lambda on: gestures.set_start(sid) if on else SetField(PROJECT.start, None),
                read=lambda p: p.start == sid,
            ),
        )
        self.row(
            "Ending",
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
            title.setToolTip("The ending card's title (empty: the player's own word)")
            self.row("Ending title", title)
            text = LineField(self.doc, ref.ending_text, optional_text, live=True, placeholder="(none)")
            text.setToolTip("A line under the ending card's title (optional)")
            self.row("Ending text", text)
        elif scene.choice is None:
            follow = ComboField(self.doc, ref.next, _next_choices(sid))
            follow.combo.setToolTip(
                "When this scene ends, play that scene at once, with no choice shown. "
                "A scene continues automatically or offers a choice, not both."
            )
            self.row("Continue automatically to", follow)
        self.section("On enter")
        self.wide(EffectsEditor(self.doc, ref.on_enter))
        self.section("Timed items")
        if scene.choice is not None:
            c = scene.choice
            self.wide(
                self.nav(
                    f"Choice window  {format_ms(c.appear_ms)} – {format_ms(c.decision_ms)}", ChoiceRef(sid)
                )
            )
        project = self.doc.project
        for p in scene.prompts:
            words = names.named(names.prompt_words(project, p))
            self.wide(self.nav(f"Savings prompt {words}  at {format_ms(p.at_ms)}", PromptRef(sid, p.id)))
        for t in scene.tags:
            product = names.named(names.tag_product(project, t))
            self.wide(
                self.nav(
                    f"Product tag {product}  {format_ms(t.start_ms)} – {format_ms(t.end_ms)}",
                    TagRef(sid, t.id),
                )
            )
        if scene.choice is None and not scene.prompts and not scene.tags:
            hint = QLabel("None yet: add them on the timeline at the playhead.", self)
            hint.setWordWrap(True)
            self.wide(hint)

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
    return [(f"{m.path.rsplit('/', 1)[-1]}  ({m.duration_ms / 1000:g} s)", m.id) for m in project.media]


def _next_choices(sid: str) -> Callable[[Project], list[tuple[str, Any]]]:
    def choices(project: Project) -> list[tuple[str, Any]]:
        return [("None (the story stops here)", None),
                *named_choices((s.title, s.id) for s in project.scenes if s.id != sid)]

    return choices


def _ending_choices(project: Project) -> list[tuple[str, Any]]:
    return [
        ("Not an ending", None),
        ("Ending (good)", "good"),
        ("Ending (neutral)", "neutral"),
        ("Ending (bad)", "bad"),
        ("Ending (no kind)", ""),
    ]


def _ending_value(sid: str) -> Callable[[Project], Any]:
    def read(project: Project) -> Any:
        s = project.scene_map()[sid]
        return (s.ending_kind or "") if s.ending else None

    return read


class ChoiceForm(Form):
    title = "Choice window"

    def __init__(self, ctx: Ctx, ref: ChoiceRef, parent: QWidget | None = None) -> None:
        super().__init__(ctx, ref, parent)
        sid = ref.scene
        choice = ref.get(self.doc.project)
        self.row("Appears", ms_field(ctx, ref.appear_ms))
        self.row("Deadline", ms_field(ctx, ref.decision_ms))
        timeouts = [("Pick the default option", "default"), ("Loop the end", "loop"), ("Pause", "pause")]
        self.row("On timeout", ComboField(self.doc, ref.timeout, lambda _p: timeouts))
        modes = [("Cut at the choice", "cut"), ("Play the clip to its end", "play_to_end")]
        self.row("After choosing", ComboField(self.doc, ref.mode, lambda _p: modes))
        self.row("", CheckField(self.doc, ref.show_countdown, "Show the countdown"))
        self.row("", CheckField(self.doc, ref.one_shot, "Ask only once (one shot)"))
        self.section("Options")
        scenes = self.doc.project.scene_map()
        for o in choice.options:
            star = "  ★ default" if o.default else ""
            target = scenes.get(o.target)
            goes = f"“{target.title}”" if target is not None else f"missing scene '{o.target}'"
            self.wide(self.nav(f"{o.label}  →  {goes}{star}", OptionRef(sid, o.id), f"Option “{o.label}”"))
        buttons = QWidget(self)
        row = QHBoxLayout(buttons)
        row.setContentsMargins(0, 4, 0, 0)
        add = OpButton(
            self.doc, "+ Option", lambda: new_items.add_option(self.doc.project, sid), parent=buttons
        )
        remove = OpButton(
            self.doc,
            "Remove choice window",
            lambda: SetField(SceneRef(sid).choice, None),
            after=lambda: self.go(SceneRef(sid)),
            parent=buttons,
        )
        row.addWidget(add)
        row.addWidget(remove)
        self.wide(buttons)
        self.parts += [add, remove]
        self.wide(self.nav("‹ Scene", SceneRef(sid)))

    def signature(self, project: Project) -> object:
        s = project.scene_map().get(self.path[1])
        if s is None or s.choice is None:
            return None
        titles = {sc.id: sc.title for sc in project.scenes}
        return tuple((o.id, o.label, o.target, titles.get(o.target), o.default) for o in s.choice.options)

