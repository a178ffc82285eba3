"""The window builds the document's services once and hands each panel the ones it uses."""

from __future__ import annotations

from typing import Any

import pytest

from studio.app.document import Document
from studio.app.media_import import MediaImporter
from studio.app.services import Services
from studio.app.thumbnails import ThumbnailCache
from studio.app.validation import ValidationRunner

pytestmark = pytest.mark.gui


def test_the_window_shares_one_set_of_services(window: Any) -> None:
    services = window.services
    assert isinstance(services, Services)
    graph = window.graph
    assert graph.graph.validation is services.validation
    assert graph.graph.thumbnails is services.thumbnails
    assert graph.view.importer is services.importer
    library = window.panels["library"]
    assert library.importer is services.importer and library.model.thumbnails is services.thumbnails
    assert window.panels["problems"].validation is services.validation


def test_the_document_knows_no_service(qapp: Any) -> None:
    """Services depend on the document; the document is no service locator."""
    doc = Document()
    assert not any(hasattr(doc, name) for name in ("validation", "thumbnails", "importer"))
    services = Services.build(doc)
    assert isinstance(services.validation, ValidationRunner)
    assert isinstance(services.thumbnails, ThumbnailCache)
    assert isinstance(services.importer, MediaImporter)
    assert {s.parent() for s in (services.validation, services.thumbnails, services.importer)} == {doc}
    services.shutdown()
    doc.close()
    doc.deleteLater()
