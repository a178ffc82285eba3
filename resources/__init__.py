"""The studio's resource files, installed as the package ``studio._resources``.

pyproject.toml maps this folder to ``studio._resources`` (in a wheel it is
``studio/_resources/``; an editable install points the package at this folder).
Read it only through :mod:`studio.resources`.  Nothing to import here.
"""
