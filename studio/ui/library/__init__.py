"""Media library panel: clips of the project, import, relink, drag to the canvas."""

from __future__ import annotations

from studio.app.document import Document
from studio.app.media_import import MediaImporter
from studio.app.selection import Selection
from studio.app.thumbnails import ThumbnailCache
from studio.ui.library.panel import LibraryPanel


def create(
    document: Document, selection: Selection, thumbnails: ThumbnailCache, importer: MediaImporter
) -> LibraryPanel:
    return LibraryPanel(document, selection, thumbnails, importer)


__all__ = ["LibraryPanel", "create"]
