"""What an imported template changed: each value and explanation, as it was and as it is now, beside the grid."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QListWidget,
    QTableView,
    QVBoxLayout,
)  # fmt: skip

from desktop.core.display import ChangeLine
from desktop.ui.models.simple_table import RowTableModel


class ImportChangesDialog(QDialog):
    """Not modal: the person checks the changes against the grid, and a double-click goes to the indicator."""

    goTo = Signal(str)

    def __init__(self, title: str, intro: str, lines: list[ChangeLine], notes: list[str], parent=None):
        super().__init__(parent)
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        self.intro = QLabel(intro, self)
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        empty = self.tr("(empty)")  # the columns hold no reference to the dialog
        self.model = RowTableModel([
            (self.tr("Indicator"), lambda r: r.name),
            (self.tr("Item"), lambda r: r.what),
            (self.tr("Was"), lambda r: r.old or empty),
            (self.tr("Now"), lambda r: r.new or empty),
            (self.tr("Unit"), lambda r: r.unit),
        ], parent=self)  # fmt: skip
        self.model.set_rows(lines)
        self.table = QTableView(self)
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
        self.table.resizeColumnToContents(0)  # the name whole where it fits; a long English one wraps instead
        self.table.setColumnWidth(0, min(self.table.columnWidth(0), 240))
        self.table.setAccessibleName(title)
        self.table.activated.connect(self._go_to)  # a double-click, or Enter on the chosen row
        layout.addWidget(self.table, 1)
        self.notes = QListWidget(self)
        if notes:
            layout.addWidget(QLabel(self.tr("Please also look at the following:"), self))
            self.notes.addItems(notes)
            self.notes.setWordWrap(True)
            layout.addWidget(self.notes)
        else:
            self.notes.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(720, 420)

    def _go_to(self, index) -> None:
        code = self.model.row(index.row()).code
        if code:
            self.goTo.emit(code)
