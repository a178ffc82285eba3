"""The templates' names and summaries in the studio's language (studio.templates is Qt-free English).

Every template's ``name`` and ``summary`` is listed here for lupdate (context "Templates");
a test fails when a template's text is missing, so a new or changed template is translated.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from studio.templates import Template

MARKED = (
    QT_TRANSLATE_NOOP("Templates", "Scripted savings"),
    QT_TRANSLATE_NOOP("Templates",
                      "A savings goal, a choice that deposits money, a savings prompt and two endings."),
    QT_TRANSLATE_NOOP("Templates", "Shoppable drama"),
    QT_TRANSLATE_NOOP("Templates",
                      "A product, a tappable product tag over the action, a choice and two endings."),
    QT_TRANSLATE_NOOP("Templates", "Blank"),
    QT_TRANSLATE_NOOP("Templates", "An empty drama: import your clips or add placeholder scenes yourself."),
)


def name(template: Template) -> str:
    return QCoreApplication.translate("Templates", template.name)


def summary(template: Template) -> str:
    return QCoreApplication.translate("Templates", template.summary)
