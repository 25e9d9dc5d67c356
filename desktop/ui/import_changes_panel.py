"""What the last imported template changed: each value and explanation, as it was and as it is now. A tab below the
grid, so the row it goes to stays in view."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QListWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.core.display import ChangeLine
from desktop.ui.models.simple_table import RowTableModel
from desktop.ui.plain_header import plain_headers


class ImportChangesPanel(QWidget):
    goTo = Signal(str)  # an indicator's code: a double-click, or Enter, on its row

    def __init__(self, parent=None):
        super().__init__(parent)
        self._intro, self._undone, self._step = "", False, 0  # the import shown, whether undone, its undo step
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        empty = self.tr("(empty)")  # the columns hold no reference to the panel
        self.model = RowTableModel([
            (self.tr("Indicator"), lambda r: r.name),
            (self.tr("Item"), lambda r: r.what),
            (self.tr("Was"), lambda r: r.old or empty),
            (self.tr("Now"), lambda r: r.new or empty),
            (self.tr("Unit"), lambda r: r.unit),
        ], parent=self)  # fmt: skip
        self.table = QTableView(self)
        plain_headers(self.table)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)  # a long note wraps
        header = self.table.horizontalHeader()
        for column, mode in enumerate((QHeaderView.ResizeMode.Interactive, QHeaderView.ResizeMode.ResizeToContents,
                                       QHeaderView.ResizeMode.Stretch, QHeaderView.ResizeMode.Stretch,
                                       QHeaderView.ResizeMode.ResizeToContents)):  # fmt: skip
            header.setSectionResizeMode(column, mode)
        self.table.setAccessibleName(self.tr("What the import changed"))
        self.table.activated.connect(self._go_to)  # a double-click, or Enter on the chosen row
        layout.addWidget(self.table, 1)
        self.notes_label = QLabel(self.tr("Please also look at the following:"), self)
        self.notes = QListWidget(self)
        self.notes.setWordWrap(True)
        self.notes.setMaximumHeight(90)
        layout.addWidget(self.notes_label)
        layout.addWidget(self.notes)

    def show_changes(self, intro: str, lines: list[ChangeLine], notes: list[str], step: int = 0) -> None:
        """`step`: the undo stack's index just after the import's own step."""
        self._intro, self._undone, self._step = intro, False, step
        self.intro.setText(intro)
        self.table.setEnabled(True)
        self.model.set_rows(lines)
        self.table.resizeColumnToContents(0)  # the name whole where it fits; a long English one wraps instead
        self.table.setColumnWidth(0, min(self.table.columnWidth(0), 240))
        self.notes.clear()
        self.notes.addItems(notes)
        self.notes_label.setVisible(bool(notes))
        self.notes.setVisible(bool(notes))

    def follow(self, index: int, count: int) -> None:
        """The undo stack moved to `index` (of `count` steps): the import is undone while the index is below its step."""
        if self._step and count >= self._step:  # a cleared stack (another half) leaves the list as it was
            self.set_undone(index < self._step)

    def set_undone(self, undone: bool) -> None:
        """The import taken back (Ctrl+Z) or brought back again (Ctrl+Y): the list says so, not what is no longer so."""
        if undone == self._undone or not self._step:
            return
        self._undone = undone
        self.table.setEnabled(not undone)  # greyed: the rows are what the import did, not what the database holds
        self.intro.setText(self.tr("Undone: the import below was taken back; the database holds what it held before "
                                   "it. Redo (Ctrl+Y) brings it back.") if undone else self._intro)  # fmt: skip

    def _go_to(self, index) -> None:
        code = self.model.row(index.row()).code
        if code:
            self.goTo.emit(code)
