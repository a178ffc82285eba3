"""Media inspection for the studio: probing clips (:mod:`studio.media.probe`) and
extracting frames, thumbnails and posters (:mod:`studio.media.frames`).

Both modules use PyAV in-process and are free of Qt and libVLC, so the command-line
tools can use them.  Importing this package imports nothing heavy.
"""
