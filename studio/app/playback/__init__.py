"""Playing clips in the studio: the player interface and its libVLC backend (Qt-aware, widget-free).

- ``player``: :class:`~studio.app.playback.player.PlayerBackend` (the interface the
  preview and the playthrough drive), frame arithmetic and the in-process fake;
- ``vlc_player``: the libVLC backend, the only module importing ``vlc``; with
  ``vlc_control``, ``vlc_commands``, ``vlc_position``, ``vlc_timing`` and
  ``vlc_messages``;
- ``paused_frames``: exact frames for a paused player, decoded with PyAV.

It lives in the app layer because it needs Qt (signals, ``QImage``): the
packages below ``studio.app`` (media, graph, engine, bundle, model) import
neither Qt nor libVLC.  Importing this package imports nothing heavy.
"""
