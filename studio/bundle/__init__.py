"""Export/import of the portable drama bundle (``*.drama.zip``; docs/bundle-format.md).

Qt-free.  ``studio.bundle.export.export_project`` writes a bundle,
``studio.bundle.importer.import_bundle`` reads one into a new project folder.
Importing this package is cheap (no PyAV): the heavy modules load on use.
"""

from studio.bundle.errors import BundleError, BundleImportError, Cancelled, ExportError, ImportError_

__all__ = ["BundleError", "BundleImportError", "Cancelled", "ExportError", "ImportError_"]
