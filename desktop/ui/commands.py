"""Undoable edits. Each holds the values before and after; redo and undo both write through the store."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

Snapshot = dict[str, tuple[str | None, str | None]]  # code → (stored value, explanation)


class SetValuesCommand(QUndoCommand):
    """One edit, a paste or an import: one step on the undo stack, however many values it touches."""

    def __init__(self, controller, text: str, before: Snapshot, after: Snapshot, first_redo=None):
        super().__init__(text)
        self._controller, self._before, self._after = controller, before, after
        self._first_redo = first_redo  # an import writes the first time through the importer (file name, SHA-256)

    def redo(self) -> None:
        if self._first_redo is not None:
            action, self._first_redo = self._first_redo, None
            action()
            return
        if not self._controller.write(self._after, self.text(), was=self._before):
            self.setObsolete(True)  # nothing was stored: no step to undo (the stack drops it)

    def undo(self) -> None:
        label = QCoreApplication.translate("SetValuesCommand", "Undo: %1").replace("%1", self.text())
        if not self._controller.write(self._before, label, was=self._after):
            self.setObsolete(True)  # the values moved on since: this step can no longer be undone or redone
