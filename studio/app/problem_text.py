"""A problem's message in the studio's language.

The Qt-free checks (``studio.model.checks``, ``studio.graph``) write English and keep the
template and values of each message they mark (``studio.model.messages``).  The studio
translates the template in the "Problems" context and fills it; a message without a
template, or a translation whose placeholders do not fit, shows the English.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from studio.model.checks import Problem

CONTEXT = "Problems"


def problem_text(problem: Problem) -> str:
    """``problem.message`` in the installed translation (English when there is none)."""
    if problem.template is None:
        return problem.message
    template = QCoreApplication.translate("Problems", problem.template)
    # a value named ``*_text`` is itself a marked English word (e.g. "end")
    values = {k: QCoreApplication.translate("Problems", v) if k.endswith("_text") else v
              for k, v in problem.params}
    try:
        return template.format(**values)
    except (KeyError, IndexError, ValueError):
        return problem.message
