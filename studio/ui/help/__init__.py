"""Help > Getting Started and Help > Keyboard Shortcuts."""

from studio.ui.help.getting_started import GettingStartedDialog
from studio.ui.help.shortcuts import ShortcutsDialog, graph_keys, shortcut_rows

__all__ = ["GettingStartedDialog", "ShortcutsDialog", "graph_keys", "shortcut_rows"]
