"""Inspector forms for a choice option, a savings prompt and a product tag.

Money (deposits, prompt amounts) is typed in the project currency and stored
as minor units; conditions use the builder/raw editor, effects the effects
list, and hotspots are drawn on a frame of the clip.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QWidget

from studio.model import new_items
from studio.model.ops import (
    ChoiceRef,
    DepositRef,
    OpError,
    OptionRef,
    PromptRef,
    RemoveItem,
    SceneRef,
    SetField,
    TagRef,
    set_default_option,
)
from studio.model.project import Project
from studio.ui.inspector.author_text import AuthorTextField
from studio.ui.inspector.condition import ConditionEditor
from studio.ui.inspector.effects import EffectsEditor
from studio.ui.inspector.fields import CheckField, ComboField, MoneyField
from studio.ui.inspector.forms import Ctx, Form, OpButton, goal_choices, ms_field, scene_choices
from studio.ui.inspector.hotspot import RectT
from studio.ui.inspector.hotspot_editor import HotspotEditor


def _currency(project: Project) -> str:
    return project.currency


class OptionForm(Form):
    title = str(QT_TRANSLATE_NOOP("Inspector", "Option"))

    def __init__(self, ctx: Ctx, ref: OptionRef, parent: QWidget | None = None) -> None:
        super().__init__(ctx, ref, parent)
        self.option = ref
        sid = ref.scene
        doc = self.doc
        self.ident(ref.option)
        self.row(self.tr("Label"), AuthorTextField(doc, ref.label, self._label_context))
        self.row(self.tr("Goes to"), ComboField(doc, ref.target, scene_choices))
        self.row(
            "",
            CheckField(
                doc, ref.default, self.tr("Default (taken when time runs out)"), lambda on: self._default(on)
            ),
        )
        self.section(self.tr("Savings deposit"))
        self.row(
            self.tr("Into goal"),
            ComboField(doc, ref.deposit, self._goal_choices, self._set_goal, read=self._deposit_goal),
        )
        self.amount = MoneyField(doc, DepositRef(sid, ref.option).amount, _currency)
        self.row(self.tr("Amount"), self.amount)
        self.show_amount = CheckField(doc, ref.show_amount, self.tr("Show the amount on the button"))
        self.row("", self.show_amount)
        self.section(self.tr("Shown when"))
        self.wide(ConditionEditor(doc, ref.condition))
        self.section(self.tr("Effects when chosen"))
        self.wide(EffectsEditor(doc, ref.effects))
        self.section(self.tr("Hotspot on the video"))
        self.wide(HotspotEditor(doc, ctx.playhead, ref, self._appear, self._others, colour="#3b7dd8"))
        self.wide(
            OpButton(
                doc,
                self.tr("Remove option"),
                lambda: RemoveItem(ref),
                after=lambda: self.go(ChoiceRef(sid)),
            )
        )
        self.wide(self.nav(self.tr("‹ Choice window"), ChoiceRef(sid)))

    def _default(self, on: bool) -> SetField[Any]:
        scene = SceneRef(self.option.scene)
        default = self.option.option if on else None
        return SetField(scene.choice, set_default_option(scene.get(self.doc.project), default))

    def _deposit_goal(self, project: Project) -> Any:
        dep = self.option.deposit.get(project)
        return dep.goal if dep is not None else None

    @staticmethod
    def _goal_choices(project: Project) -> list[tuple[str, Any]]:
        return [(QCoreApplication.translate("Inspector", "No deposit"), None), *goal_choices(project)]

    def _set_goal(self, goal: Any) -> SetField[Any]:
        deposit = self.option.deposit
        if goal is None:
            return SetField(deposit, None)
        return SetField(deposit, new_items.deposit_towards(goal, deposit.get(self.doc.project)))

    def _appear(self, project: Project) -> int:
        choice = project.scene_map()[self.path[1]].choice
        return choice.appear_ms if choice else 0

    def _others(self, project: Project) -> list[RectT]:
        choice = project.scene_map()[self.path[1]].choice
        if choice is None:
            return []
        return [
            (o.hotspot.x, o.hotspot.y, o.hotspot.w, o.hotspot.h)
            for o in choice.options
            if o.hotspot is not None and o.id != self.option.option
        ]

    def refresh(self, project: Project) -> None:
        super().refresh(project)
        has = self._has_deposit(project)
        self.amount.setEnabled(has)
        self.show_amount.setEnabled(has)
        why = self.tr("Only an option with a savings deposit has an amount")
        self.show_amount.box.setToolTip("" if has else why)

    def _label_context(self, project: Project) -> str:
        return "option" if self._has_deposit(project) else "option_plain"

    def _has_deposit(self, project: Project) -> bool:
        try:
            return self.option.deposit.get(project) is not None
        except OpError:
            return False

    def signature(self, project: Project) -> object:
        return tuple(g.id for g in project.goals)


class PromptForm(Form):
    title = str(QT_TRANSLATE_NOOP("Inspector", "Savings prompt"))

    def __init__(self, ctx: Ctx, ref: PromptRef, parent: QWidget | None = None) -> None:
        super().__init__(ctx, ref, parent)
        scene = SceneRef(ref.scene)
        doc = self.doc
        self.ident(ref.prompt)
        self.row(self.tr("At"), ms_field(ctx, ref.at_ms))
        self.row(self.tr("Goal"), ComboField(doc, ref.goal, goal_choices))
        self.row(self.tr("Amount"), MoneyField(doc, ref.amount, _currency))
        self.row(self.tr("Text"), AuthorTextField(doc, ref.text, "prompt"))
        self.row("", CheckField(doc, ref.pause, self.tr("Pause the video while asking")))
        self.section(self.tr("Effects if accepted"))
        self.wide(EffectsEditor(doc, ref.accept_effects))
        self.section(self.tr("Effects if declined"))
        self.wide(EffectsEditor(doc, ref.decline_effects))
        self.wide(
            OpButton(
                doc, self.tr("Remove savings prompt"), lambda: RemoveItem(ref), after=lambda: self.go(scene)
            )
        )
        self.wide(self.nav(self.tr("‹ Scene"), scene))


class TagForm(Form):
    title = str(QT_TRANSLATE_NOOP("Inspector", "Product tag"))

    def __init__(self, ctx: Ctx, ref: TagRef, parent: QWidget | None = None) -> None:
        super().__init__(ctx, ref, parent)
        self.tag = ref
        scene = SceneRef(ref.scene)
        doc = self.doc
        self.ident(ref.tag)
        products = ComboField(doc, ref.product, lambda p: [(f"{x.name} ({x.id})", x.id) for x in p.products])
        self.row(self.tr("Product"), products)
        self.row(self.tr("From"), ms_field(ctx, ref.start_ms))
        self.row(self.tr("To"), ms_field(ctx, ref.end_ms))
        self.row(self.tr("Button"), AuthorTextField(doc, ref.cta, "tag"))
        self.section(self.tr("Hotspot on the video"))
        self.wide(HotspotEditor(doc, ctx.playhead, ref, self._start, self._others))
        self.wide(
            OpButton(
                doc, self.tr("Remove product tag"), lambda: RemoveItem(ref), after=lambda: self.go(scene)
            )
        )
        self.wide(self.nav(self.tr("‹ Scene"), scene))

    def _start(self, project: Project) -> int:
        return self.tag.get(project).start_ms

    def _others(self, project: Project) -> list[RectT]:
        """Hotspots of the scene's other tags that overlap this one in time."""
        try:
            me = self.tag.get(project)
        except OpError:
            return []
        scene = project.scene_map()[self.path[1]]
        return [
            (t.hotspot.x, t.hotspot.y, t.hotspot.w, t.hotspot.h)
            for t in scene.tags
            if t.id != me.id and t.start_ms < me.end_ms and me.start_ms < t.end_ms
        ]


__all__ = ["OptionForm", "PromptForm", "TagForm"]
