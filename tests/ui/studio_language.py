"""The studio's own language in a test: ``with studio_language("zh_CN"):`` installs its translators.

Widgets read their texts when they are built, so build them inside the block (the main window's
``application()`` keeps the language: ``STUDIO_LANGUAGE`` says it meanwhile).  On the way
out English is back (no translator, English numbers).  The catalogue is compiled from the
.ts sources into the test's private data dir when the shipped .qm is missing or stale
(:func:`studio.app.i18n.catalogue`).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from studio.app.i18n import ENV_LANGUAGE, install_translators, remove_translators


@contextmanager
def studio_language(language: str) -> Iterator[None]:
    """``language`` installed, and wanted (``STUDIO_LANGUAGE``) by ``studio.ui.launch.application``."""
    app = QCoreApplication.instance() or QApplication([])
    before = os.environ.get(ENV_LANGUAGE)
    os.environ[ENV_LANGUAGE] = language
    installed = install_translators(app, language)
    assert language == "en" or installed, f"no catalogue for {language}"
    try:
        yield
    finally:
        if before is None:
            os.environ.pop(ENV_LANGUAGE, None)
        else:
            os.environ[ENV_LANGUAGE] = before
        remove_translators(app)
        install_translators(app, "en")
