"""Pure edit operations on a :class:`~studio.model.project.Project` (no Qt).

Every edit the studio makes is an ``Op``: a small frozen record whose
``apply(project)`` mutates the project *in place* and returns an
:class:`Applied` holding the exact inverse op and a :class:`ChangeSet` naming
what changed.  An op either succeeds completely or raises :class:`OpError`
(one line) and leaves the project untouched, so applying the inverses in
reverse order always restores the original project, byte for byte.

Items are addressed by *id paths*, never list indices::

    ("project", "title")
    ("scene", "payday", "title")
    ("scene", "payday", "choice", "appear_ms")
    ("scene", "payday", "choice", "option", "save", "label")
    ("scene", "payday", "prompt", "round_up", "amount")
    ("goal", "trip", "target")          # also product / variable / media
    ("media", "payday")                 # a whole item: replace it (relink)

``SetField``, ``AddItem`` and ``RemoveItem`` are generic over these paths, so
an inspector or timeline edits any field through one op type.  Edits that
would leave a dangling reference (an option to a removed scene, a prompt
whose goal was deleted) are refused with the reference that would break.
Gesture-level builders (connect two scenes, duplicate, paste, mark an
ending) are in :mod:`studio.app.edits`, which is Qt-free too.
"""

from studio.model.ops.base import (
    Applied,
    ChangeSet,
    Op,
    OpError,
    changes_for,
    choice_without,
    set_default_option,
    where,
)
from studio.model.ops.base import Path as Path
from studio.model.ops.batch import Batch, Compound, apply_all
from studio.model.ops.fields import AddItem, RemoveItem, SetField
from studio.model.ops.scenes import AddScenes, MoveScenes, RemoveScenes, scene_index

__all__ = [
    "AddItem",
    "AddScenes",
    "Applied",
    "Batch",
    "ChangeSet",
    "Compound",
    "MoveScenes",
    "Op",
    "OpError",
    "RemoveItem",
    "RemoveScenes",
    "SetField",
    "apply_all",
    "changes_for",
    "choice_without",
    "scene_index",
    "set_default_option",
    "where",
]
