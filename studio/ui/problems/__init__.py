"""Problems panel: validation findings; click one to select and centre its scene."""

from __future__ import annotations

from studio.app.document import Document
from studio.app.selection import Selection
from studio.app.validation import ValidationRunner
from studio.ui.problems.panel import ProblemsPanel


def create(document: Document, selection: Selection, validation: ValidationRunner) -> ProblemsPanel:
    return ProblemsPanel(document, selection, validation)


__all__ = ["ProblemsPanel", "create"]
