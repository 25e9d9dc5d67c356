"""A window's actions kept in an object of their own (its file actions, its sign-off)."""

from __future__ import annotations

from PySide6.QtCore import QObject


class WindowActions(QObject):
    """Owned by the window, which it reaches as parent() and never holds: a reference cycle with a window Qt had
    already deleted crashed the garbage collector later."""

    def __init__(self, window):
        super().__init__(window)

    @property
    def window(self):
        return self.parent()
