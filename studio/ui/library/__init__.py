"""Media library panel: clips of the project, import, relink, drag to the canvas."""

from __future__ import annotations

from studio.app.document import Document
from studio.app.selection import Selection
from studio.ui.library.panel import LibraryPanel


def create(document: Document, selection: Selection) -> LibraryPanel:
    return LibraryPanel(document, selection)


__all__ = ["LibraryPanel", "create"]
