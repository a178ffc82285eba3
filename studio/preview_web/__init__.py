"""One-click preview of a project in a browser (Qt-free).

- ``site``: :class:`~studio.preview_web.site.Site`, a temporary folder laid out like an
  unzipped bundle with the web player (``docs/bundle-format.md``), built from the same plan
  as ``studio export --web-player``; rebuilding after an edit keeps every clip whose
  content (sha256) is unchanged instead of copying it again;
- ``server``: :class:`~studio.preview_web.server.PreviewServer`, a static HTTP server on
  127.0.0.1 only, with byte ranges (206/416, HEAD) so ``<video>`` can seek;
- ``cli_cmds``: ``studio preview-web PROJECT [--no-browser] [--port N]``.
"""
