"""Translatable problem messages without Qt.

The Qt-free layers (model, graph) write their findings in English.  A message built
with :func:`msg` also keeps its *template* (the English with named ``{placeholders}``)
and the placeholder values, so the studio can show it in its own language
(``studio.app.problem_text``) while the CLI and JSON keep the English text.

Write each template literal inside :func:`QT_TRANSLATE_NOOP` with the context
``"Problems"``: Qt's ``lupdate`` recognises that call by name and collects the template
into the studio's catalogue (``scripts/translations.py``, area "shell").
"""

from __future__ import annotations

from dataclasses import dataclass

CONTEXT = "Problems"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Marks ``text`` for translation in ``context``; returns it unchanged (no Qt here)."""
    return text


Params = tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Msg:
    """An English message with the template and values it was made from."""

    text: str
    template: str | None = None
    params: Params = ()


def msg(template: str, **params: object) -> Msg:
    """``template.format(**params)`` keeping the template and the values (as strings)."""
    values = tuple((k, str(v)) for k, v in params.items())
    return Msg(template.format(**dict(values)), template, values)
