"""The indicator grid: edits like Excel — typing starts editing, Enter commits and moves down, Tab moves
right, Ctrl+V pastes a block copied from Excel or WPS, Delete clears."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QGuiApplication, QKeySequence
from PySide6.QtWidgets import QAbstractItemDelegate, QAbstractItemView, QHeaderView, QTableView

from desktop.ui.models.indicators import (
    CHANGE,
    CODE_ROLE,
    LAST_YEAR,
    NAME,
    PREVIOUS,
    STATUS,
    TARGET,
    UNIT,
    VALUE,
)
from desktop.ui.paste import parse_block


class GridView(QTableView):
    pasted = Signal(list)  # [(code, text)] for the value column
    cleared = Signal(list)  # [code]

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
                             | QAbstractItemView.EditTrigger.AnyKeyPressed)  # fmt: skip
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setAlternatingRowColors(False)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setDefaultSectionSize(26)
        header = self.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Interactive)
        self.setWordWrap(False)

    def configure_columns(self) -> None:
        for col, width in ((NAME, 250), (UNIT, 64), (VALUE, 96), (PREVIOUS, 84), (LAST_YEAR, 84), (CHANGE, 104),
                           (TARGET, 76), (STATUS, 200)):  # fmt: skip
            self.setColumnWidth(col, width)

    def closeEditor(self, editor, hint):
        if hint == QAbstractItemDelegate.EndEditHint.SubmitModelCache:
            super().closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)
            self._move(1)
            return
        super().closeEditor(editor, hint)

    def _move(self, rows: int) -> None:
        current = self.currentIndex()
        target = self.model().index(current.row() + rows, current.column())
        if target.isValid():
            self.selectionModel().setCurrentIndex(target, QItemSelectionModel.SelectionFlag.ClearAndSelect)

    def keyPressEvent(self, event):
        if event.matches(QKeySequence.StandardKey.Paste):
            self.paste_text(QGuiApplication.clipboard().text())
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.state() != QAbstractItemView.State.EditingState:
            self._move(1)
            return
        if event.key() == Qt.Key.Key_Delete and self.state() != QAbstractItemView.State.EditingState:
            codes = [i.data(CODE_ROLE) for i in self.selectionModel().selectedIndexes() if i.column() == VALUE
                     and i.flags() & Qt.ItemFlag.ItemIsEditable]  # fmt: skip
            if codes:
                self.cleared.emit(codes)
            return
        super().keyPressEvent(event)

    def paste_text(self, text: str) -> None:
        """The first pasted column goes into the values from the current row down; rows that cannot be
        entered (derived indicators) are skipped, so a column copied from last year's sheet lines up."""
        block = parse_block(text)
        start = self.currentIndex()
        if not block or not start.isValid():
            return
        model = self.model()
        row = start.row()
        cells = []
        for line in block:
            while row < model.rowCount() and not (model.index(row, VALUE).flags() & Qt.ItemFlag.ItemIsEditable):
                row += 1
            if row >= model.rowCount():
                break
            code = model.index(row, VALUE).data(CODE_ROLE)
            cells.append((code, line[0].strip()))
            row += 1
        if cells:
            self.pasted.emit(cells)
