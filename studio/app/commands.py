"""The one undo command type: :class:`OpCommand` wraps a model op.

The op has already been applied when the command is pushed (so a refused
edit never reaches the stack); ``redo`` re-applies it, ``undo`` applies the
stored inverse.  A drag pushes one command on release.  Commands pushed with
``merge=True`` whose ops share a ``merge_key`` (keyboard nudges of the same
selection, typing into one field) merge into one undo step, keeping the
first inverse and the newest op, and the newest text.

A command's text (Edit > Undo "…", the undo history) names what it changed as the creator knows
it: ``Move scene “The reckoning”``, not the id the scene kept when it was renamed
(:func:`studio.model.names.readable`; the op and its inverse carry what a deletion removed).
"""

from __future__ import annotations

import weakref
from typing import Protocol

from PySide6.QtCore import QCoreApplication, SignalInstance
from PySide6.QtGui import QUndoCommand

from studio.model.names import models_in, readable
from studio.model.ops import Applied, Op, OpError
from studio.model.project import Project

MERGE_ID = 0x0D5A


class OpTarget(Protocol):
    """What a command needs of its document: apply an op, and a line for the user."""

    @property
    def message(self) -> SignalInstance: ...

    @property
    def project(self) -> Project: ...

    def apply_op(self, op: Op) -> Applied: ...


class OpCommand(QUndoCommand):
    """An applied op and its inverse, on the document's undo stack."""

    def __init__(self, document: OpTarget, op: Op, inverse: Op, text: str, merge: bool) -> None:
        super().__init__(readable(text, document.project, models_in((op, inverse))))
        # A weak reference: the document owns its undo stack, which owns this command; a strong
        # one made a cycle that the garbage collector broke in any order, and a command freed
        # before the stack that still held it crashed QUndoStack::clear() at exit.
        self._doc_ref = weakref.ref(document)
        self.op = op
        self.inverse = inverse
        self._merge = merge and op.merge_key() is not None
        self._applied = True  # pushed after the document applied it

    def id(self) -> int:
        return MERGE_ID if self._merge else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, OpCommand) or not other._merge:
            return False
        if other.op.merge_key() != self.op.merge_key():
            return False
        self.op = other.op
        self.setText(other.text())
        return True

    @property
    def _doc(self) -> OpTarget:
        doc = self._doc_ref()
        if doc is None:  # pragma: no cover - the stack goes with its document
            raise RuntimeError("the command outlived its document")
        return doc

    def redo(self) -> None:
        if self._applied:
            self._applied = False
            return
        try:
            self.inverse = self._doc.apply_op(self.op).inverse
        except OpError as exc:  # cannot happen for a consistent history; never crash
            self._doc.message.emit(QCoreApplication.translate("Commands", "Redo failed: {reason}").format(
                reason=readable(str(exc), self._doc.project)))

    def undo(self) -> None:
        try:
            self._doc.apply_op(self.inverse)
        except OpError as exc:
            self._doc.message.emit(QCoreApplication.translate("Commands", "Undo failed: {reason}").format(
                reason=readable(str(exc), self._doc.project)))
