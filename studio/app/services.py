"""The background services of one open document, built once per window.

Validation, clip thumbnails and clip import each observe the document (its
``changed`` signal, ``project`` and ``folder``) and are built here,
explicitly, by whoever assembles a window (:class:`studio.ui.main_window.MainWindow`)
or a test; panels receive the service they use.  The document knows none of
them: it is a dependency of its services, never their owner.
"""

from __future__ import annotations

from dataclasses import dataclass

from studio.app.document import Document
from studio.app.media_import import MediaImporter
from studio.app.thumbnails import ThumbnailCache
from studio.app.validation import ValidationRunner


@dataclass(frozen=True)
class Services:
    """Validation (problems after edits), thumbnails (poster frames) and clip import."""

    validation: ValidationRunner
    thumbnails: ThumbnailCache
    importer: MediaImporter

    @classmethod
    def build(cls, document: Document) -> Services:
        """The three services of ``document`` (children of it: they live as long as it does)."""
        return cls(ValidationRunner(document), ThumbnailCache(document), MediaImporter(document))

    def shutdown(self) -> None:
        """Stop background work that must not outlive the window (pending thumbnail decodes)."""
        self.thumbnails.shutdown()
