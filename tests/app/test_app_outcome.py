"""Document.push returns the outcome of an edit: true when applied, else the one-line reason (the
same line the document announces for the status bar), so no caller has to listen for it."""

from __future__ import annotations

import pytest

from studio.app.document import Document
from studio.model import load
from studio.model.ops import PROJECT, OptionRef, Outcome, SceneRef, SetField
from tests.support import SAMPLES

pytestmark = pytest.mark.gui


def _document(doc: Document) -> Document:
    doc.set_project(load(SAMPLES / "savings").project, None)
    return doc


def test_an_applied_edit_is_a_true_outcome_without_a_reason(document: Document) -> None:
    doc = _document(document)
    outcome = doc.push(SetField(SceneRef("payday").title, "Pay day!"))
    assert outcome and outcome == Outcome() and outcome.reason is None
    assert doc.project.scene_map()["payday"].title == "Pay day!"


def test_a_refused_edit_returns_its_reason_and_announces_the_same_line(document: Document) -> None:
    doc = _document(document)
    said: list[str] = []
    doc.message.connect(said.append)
    before = doc.undo_stack.count()
    outcome = doc.push(SetField(OptionRef("payday", "save").target, "nowhere"))
    assert not outcome and outcome.reason is not None
    assert outcome.reason.startswith("scene 'payday' > choice > option 'save' > target: would break")
    assert said == [outcome.reason] and "\n" not in outcome.reason
    assert doc.undo_stack.count() == before  # nothing reached the history
    doc.read_only = True
    refused = doc.push(SetField(PROJECT.title, "x"))
    assert not refused and refused.reason == said[-1] and "read-only" in refused.reason
