"""The start screen shown while no project is open (New from template, Open, recent, samples)."""

from studio.ui.start.page import StartPage

__all__ = ["StartPage"]
