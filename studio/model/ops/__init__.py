"""Pure edit operations on a :class:`~studio.model.project.Project` (no Qt).

Every edit the studio makes is an ``Op``: a small frozen record whose
``apply(project)`` makes the edit and returns an :class:`Applied` holding the
exact inverse op and a :class:`ChangeSet` naming what changed.  An op either
succeeds completely or raises :class:`OpError` (one line naming the item) and
leaves the project untouched, so applying the inverses in reverse order always
restores the original project, byte for byte.

Items are addressed by typed refs (:mod:`studio.model.kinds`), never list
indices; a ref's fields are typed, so mypy refuses a field that does not exist
or a value of the wrong type::

    SetField(PROJECT.title, "Savings")
    SetField(SceneRef("payday").title, "Pay day")
    SetField(ChoiceRef("payday").appear_ms, 2000)
    SetField(OptionRef("payday", "save").label, "Keep it")
    SetField(DepositRef("payday", "save").amount, 700)
    SetField(GoalRef("trip").target, 500_000)          # also ProductRef / VariableRef / MediaRef
    SetField(MediaRef("payday"), asset)                 # a whole item: replace it (relink)
    SetFields((tag.start_ms.to(100), tag.end_ms.to(900)))
    AddItem(SceneRef("payday").prompts, prompt)
    RemoveItem(PromptRef("payday", "round_up"))

An edit never changes a model object: it builds the new object through its
model's validation and puts it in place of the old one (:mod:`.install`), so
no op can leave an object its model would refuse.  Edits that would leave a
dangling reference (an option to a removed scene, a prompt whose goal was
deleted) are refused with the reference that would break.  Gesture-level
builders (connect two scenes, duplicate, paste, mark an ending) are in
:mod:`studio.model.gestures` (the same layer: no Qt).
"""

from studio.model.kinds import (
    PROJECT,
    AudioRef,
    ChoiceRef,
    DepositRef,
    GoalRef,
    HotspotRef,
    MediaRef,
    OptionRef,
    ProductRef,
    ProjectRef,
    PromptRef,
    SceneRef,
    TagRef,
    VariableRef,
)
from studio.model.ops.base import (
    Applied,
    ChangeSet,
    Op,
    Outcome,
    changes_for,
    choice_without,
    set_default_option,
)
from studio.model.ops.batch import Batch, Compound, apply_all
from studio.model.ops.fields import AddItem, RemoveItem, SetField, SetFields
from studio.model.ops.scenes import AddScenes, MoveScenes, RemoveScenes, scene_index
from studio.model.paths import parse_path
from studio.model.refs import Change, FieldRef, ItemRef, Loc, OpError, PartRef, Ref

__all__ = [
    "PROJECT",
    "AddItem",
    "AddScenes",
    "Applied",
    "AudioRef",
    "Batch",
    "Change",
    "ChangeSet",
    "ChoiceRef",
    "Compound",
    "DepositRef",
    "FieldRef",
    "GoalRef",
    "HotspotRef",
    "ItemRef",
    "Loc",
    "MediaRef",
    "MoveScenes",
    "Op",
    "OpError",
    "OptionRef",
    "Outcome",
    "PartRef",
    "ProductRef",
    "ProjectRef",
    "PromptRef",
    "Ref",
    "RemoveItem",
    "RemoveScenes",
    "SceneRef",
    "SetField",
    "SetFields",
    "TagRef",
    "VariableRef",
    "apply_all",
    "changes_for",
    "choice_without",
    "parse_path",
    "scene_index",
    "set_default_option",
]
