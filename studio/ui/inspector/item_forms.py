"""Inspector forms for a choice option, a savings prompt and a product tag.

Money (deposits, prompt amounts) is typed in the project currency and stored
as minor units; conditions use the builder/raw editor, effects the effects
list, and hotspots are drawn on a frame of the clip.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from studio.model.ops import RemoveItem, SetField, set_default_option
from studio.model.project import Deposit, Project
from studio.ui.inspector.condition import ConditionEditor
from studio.ui.inspector.effects import EffectsEditor
from studio.ui.inspector.fields import CheckField, ComboField, LineField, MoneyField, Path
from studio.ui.inspector.forms import Ctx, Form, OpButton, ms_field, read_path, reader, scene_choices
from studio.ui.inspector.hotspot import RectT
from studio.ui.inspector.hotspot_editor import HotspotEditor

DEFAULT_DEPOSIT = 1000  # minor units


def _currency(project: Project) -> str:
    return project.currency


class OptionForm(Form):
    title = "Option"

    def __init__(self, ctx: Ctx, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(ctx, path, parent)
        sid, oid = path[1], path[3]
        doc = self.doc
        self.ident(oid)
        self.row("Label", LineField(doc, (*path, "label"), reader((*path, "label")), live=True))
        self.row("Goes to", ComboField(doc, (*path, "target"), reader((*path, "target")), scene_choices))
        self.row(
            "",
            CheckField(
                doc,
                (*path, "default"),
                reader((*path, "default")),
                "Default (taken when time runs out)",
                lambda on: self._default(on),
            ),
        )
        self.section("Savings deposit")
        dep = (*path, "deposit")
        self.row("Into goal", ComboField(doc, dep, self._deposit_goal, self._goal_choices, self._set_goal))
        self.amount = MoneyField(doc, (*dep, "amount"), reader((*dep, "amount")), _currency)
        self.row("Amount", self.amount)
        self.section("Shown when")
        self.wide(ConditionEditor(doc, (*path, "condition"), reader((*path, "condition"))))
        self.section("Effects when chosen")
        self.wide(EffectsEditor(doc, (*path, "effects"), reader((*path, "effects"))))
        self.section("Hotspot on the video")
        self.wide(
            HotspotEditor(
                doc,
                ctx.playhead,
                (*path, "hotspot"),
                sid,
                self._appear,
                self._others,
                optional=True,
                colour="#3b7dd8",
            )
        )
        self.wide(
            OpButton(
                doc,
                "Remove option",
                lambda: RemoveItem(path),
                after=lambda: self.go(("scene", sid, "choice")),
            )
        )
        self.wide(self.nav("‹ Choice window", ("scene", sid, "choice")))

    def _default(self, on: bool) -> SetField:
        scene = self.doc.project.scene_map()[self.path[1]]
        return SetField(
            ("scene", scene.id, "choice"), set_default_option(scene, self.path[3] if on else None)
        )

    def _deposit_goal(self, project: Project) -> Any:
        dep = read_path(project, (*self.path, "deposit"))
        return dep.goal if dep is not None else None

    @staticmethod
    def _goal_choices(project: Project) -> list[tuple[str, Any]]:
        return [("No deposit", None)] + [(f"{g.name} ({g.id})", g.id) for g in project.goals]

    def _set_goal(self, goal: Any) -> SetField:
        dep_path = (*self.path, "deposit")
        if goal is None:
            return SetField(dep_path, None)
        old = read_path(self.doc.project, dep_path)
        amount = old.amount if old is not None else DEFAULT_DEPOSIT
        return SetField(dep_path, Deposit(goal=goal, amount=amount))

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
            if o.hotspot is not None and o.id != self.path[3]
        ]

    def refresh(self, project: Project) -> None:
        super().refresh(project)
        self.amount.setEnabled(self._has_deposit(project))

    def _has_deposit(self, project: Project) -> bool:
        try:
            return read_path(project, (*self.path, "deposit")) is not None
        except KeyError:
            return False

    def signature(self, project: Project) -> object:
        return tuple(g.id for g in project.goals)


class PromptForm(Form):
    title = "Savings prompt"

    def __init__(self, ctx: Ctx, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(ctx, path, parent)
        sid = path[1]
        doc = self.doc
        self.ident(path[3])
        self.row("At", ms_field(ctx, (*path, "at_ms")))
        self.row(
            "Goal",
            ComboField(
                doc,
                (*path, "goal"),
                reader((*path, "goal")),
                lambda p: [(f"{g.name} ({g.id})", g.id) for g in p.goals],
            ),
        )
        self.row("Amount", MoneyField(doc, (*path, "amount"), reader((*path, "amount")), _currency))
        self.row("Text", LineField(doc, (*path, "text"), reader((*path, "text")), live=True))
        self.row(
            "", CheckField(doc, (*path, "pause"), reader((*path, "pause")), "Pause the video while asking")
        )
        self.section("Effects if accepted")
        self.wide(EffectsEditor(doc, (*path, "accept_effects"), reader((*path, "accept_effects"))))
        self.section("Effects if declined")
        self.wide(EffectsEditor(doc, (*path, "decline_effects"), reader((*path, "decline_effects"))))
        self.wide(
            OpButton(
                doc, "Remove savings prompt", lambda: RemoveItem(path), after=lambda: self.go(("scene", sid))
            )
        )
        self.wide(self.nav("‹ Scene", ("scene", sid)))


class TagForm(Form):
    title = "Product tag"

    def __init__(self, ctx: Ctx, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(ctx, path, parent)
        sid = path[1]
        doc = self.doc
        self.ident(path[3])
        self.row(
            "Product",
            ComboField(
                doc,
                (*path, "product"),
                reader((*path, "product")),
                lambda p: [(f"{x.name} ({x.id})", x.id) for x in p.products],
            ),
        )
        self.row("From", ms_field(ctx, (*path, "start_ms")))
        self.row("To", ms_field(ctx, (*path, "end_ms")))
        self.row("Button", LineField(doc, (*path, "cta"), reader((*path, "cta")), live=True))
        self.section("Hotspot on the video")
        self.wide(
            HotspotEditor(
                doc, ctx.playhead, (*path, "hotspot"), sid, self._start, self._others, optional=False
            )
        )
        self.wide(
            OpButton(
                doc, "Remove product tag", lambda: RemoveItem(path), after=lambda: self.go(("scene", sid))
            )
        )
        self.wide(self.nav("‹ Scene", ("scene", sid)))

    def _start(self, project: Project) -> int:
        tag = read_path(project, self.path)
        return int(tag.start_ms)

    def _others(self, project: Project) -> list[RectT]:
        """Hotspots of the scene's other tags that overlap this one in time."""
        try:
            me = read_path(project, self.path)
        except KeyError:
            return []
        scene = project.scene_map()[self.path[1]]
        return [
            (t.hotspot.x, t.hotspot.y, t.hotspot.w, t.hotspot.h)
            for t in scene.tags
            if t.id != me.id and t.start_ms < me.end_ms and me.start_ms < t.end_ms
        ]


__all__ = ["OptionForm", "PromptForm", "TagForm"]
