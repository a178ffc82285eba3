"""Starting points for a new drama: ``savings``, ``shoppable`` and ``blank`` (Qt-free).

A template is a small storyboard made of placeholder scenes (a titled colour card of a
planned length, no footage yet) that already validates, so a creator can press Play at
once and later give each scene its clip, keeping everything timed on it.

- ``TEMPLATES``: the templates by id, in the order a start screen offers them;
- ``build(kind, title=None)``: the template's :class:`~studio.model.project.Project`;
- ``create(folder, kind, title=None)``: write it as a project folder (``drama.json``);
  what ``studio new DIR --template KIND`` and the studio's New from template call.
"""

from studio.templates.catalog import TEMPLATES, Template, TemplateError, build, create

__all__ = ["TEMPLATES", "Template", "TemplateError", "build", "create"]
