"""The translation tests switch the shared QApplication's language: each gives English back."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication

from studio.app import i18n


@pytest.fixture
def english_after(qapp: QApplication) -> Iterator[QApplication]:
    """The app; afterwards the studio's English and the locale the test found."""
    locale = QLocale()
    yield qapp
    i18n.install_translators(qapp, "en")
    QLocale.setDefault(locale)
