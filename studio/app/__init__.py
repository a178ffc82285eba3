"""The studio's application layer: Qt-aware but widget-free.

Guide for panel authors (inspector, timeline, preview, ...):

* A panel package ``studio.ui.<name>`` exposes ``create(document, selection, ...)
  -> QWidget``; the main window finds it through :mod:`studio.ui.panels`.
* Read the project from ``document.project`` (a pydantic
  :class:`~studio.model.project.Project`); never assign to it or its objects.
* Edit with ops from :mod:`studio.model.ops` (or gesture builders in
  :mod:`studio.model.gestures`) through ``document.push(op, text, merge=...)``:
  one push = one undo step.  Ops address items by typed refs
  (:mod:`studio.model.kinds`): ``SetField(OptionRef(sid, oid).label, value)``
  sets one field (mypy checks the field and the value's type); ``AddItem``/
  ``RemoveItem`` add or remove prompts, tags, options, goals, products,
  variables and media.  Pass ``merge=True`` while typing in one field or
  scrubbing one time so the steps collapse into one undo step (ops with the
  same ``merge_key`` merge).  Several ops as one step:
  ``with document.batch("Text") as b: b.add(op1); b.add(op2)``.
  ``push`` returns an :class:`~studio.model.ops.Outcome`: true when applied,
  else its ``reason`` (one line; also emitted on ``document.message``).
* Redraw from ``document.changed(ChangeSet)`` (``scenes``, ``moved``,
  ``structure``, ``media``, ``catalog``, ``project``, ``reset``) and
  ``document.reset``; never from your own edits directly.
* Share what is selected through :class:`~studio.app.selection.Selection`
  (``scenes``, ``edges``, ``current`` item path; ``focus(scene_id)``).
* Services observe the document and are built beside it, never by it:
  :class:`~studio.app.services.Services` (built once per window) holds
  ``validation`` (problems, ``by_scene``, ``problems_changed``),
  ``thumbnails`` (``image(media_id)``, ``ready``) and ``importer`` (clip
  import); a panel is handed the services it uses.
* Long work goes to :mod:`studio.app.workers` (``Job``, ``run_async``).

Modules: ``document``, ``commands``, ``selection``, ``validation``,
``autosave``, ``lockfile`` (Qt-free), ``diskwatch``, ``settings``, ``paths``,
``workers``, ``services``, ``thumbnails``, ``media_import``, ``relink``, the
playthrough (``playthrough*``, ``play_wallet``), review sessions and bundle
jobs; ``playback`` (the player and its libVLC backend).
"""
