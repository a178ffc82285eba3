"""The studio's widgets: one folder per panel, assembled by ``main_window``.

A panel package ``studio.ui.<name>`` provides ``create(document, selection)
-> QWidget`` (see :mod:`studio.ui.panels`).  Panels read the project from the
:class:`~studio.app.document.Document`, edit it only by pushing ops, and
redraw from its ``changed`` signal.
"""
