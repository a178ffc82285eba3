"""Drama Studio: an authoring studio for branching short video dramas.

This package imports nothing heavy; see ``studio.cli`` (headless) and
``studio.__main__`` (GUI entry point).
"""

__version__ = "0.1.0"
