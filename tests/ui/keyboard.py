"""Typing into the entry grid as a user does: a key starts the editor, as in Excel, and Enter commits."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLineEdit


def editor_of(window):
    editors = [w for w in window.grid.viewport().findChildren(QLineEdit) if w.isVisible()]
    assert editors, "no editor is open"
    return editors[0]


def key_in(widget, text):
    """Key presses carrying any text, full-width digits too (QTest only types Latin-1 keys)."""
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QKeyEvent

    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char))


def type_value(qtbot, window, code, text):
    window.go_to(code)
    key_in(window.grid, text[0])  # typing starts the editor, as in Excel
    editor = editor_of(window)
    key_in(editor, text[1:])
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.grid.state() != QAbstractItemView.State.EditingState)  # Qt commits queued
