"""A read-only QAbstractTableModel over plain rows, with per-column text and optional colours."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

ROW_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2  # what a column sorts by: its key, or else its text


class RowTableModel(QAbstractTableModel):
    """columns: (header, text_of_row[, sort_key_of_row]); background(row, column) → colour name or None;
    decoration(row, column) → QIcon or None; tooltip(row, column) → text or None (then the cell's own text); `right`: the
    columns of figures, aligned right so their digits line up."""

    def __init__(self, columns: Sequence[tuple[str, Callable]], background: Callable | None = None,
                 foreground: Callable | None = None, parent=None, decoration: Callable | None = None,
                 tooltip: Callable | None = None, right: Sequence[int] = ()):  # fmt: skip
        super().__init__(parent)
        self._columns = list(columns)
        self._rows: list = []
        self._background, self._foreground, self._decoration = background, foreground, decoration
        self._tooltip = tooltip
        self._right = frozenset(right)

    def set_rows(self, rows: list) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row(self, index: int):
        return self._rows[index]

    def rows(self) -> list:
        return list(self._rows)

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._columns)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        shown = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole)  # a heading cut short reads whole on hover
        if orientation == Qt.Orientation.Horizontal and role in shown and 0 <= section < len(self._columns):
            return self._columns[section][0]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.ToolTipRole and self._tooltip is not None:
            said = self._tooltip(row, index.column())
            if said is not None:
                return said
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            value = self._columns[index.column()][1](row)
            return "" if value is None else str(value)
        if role == Qt.ItemDataRole.BackgroundRole and self._background is not None:
            colour = self._background(row, index.column())
            return QBrush(QColor(colour)) if colour else None
        if role == Qt.ItemDataRole.ForegroundRole and self._foreground is not None:
            colour = self._foreground(row, index.column())
            return QBrush(QColor(colour)) if colour else None
        if role == Qt.ItemDataRole.DecorationRole and self._decoration is not None:
            return self._decoration(row, index.column())
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in self._right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == ROW_ROLE:
            return row
        if role == SORT_ROLE:
            column = self._columns[index.column()]
            value = column[2](row) if len(column) > 2 else column[1](row)
            return "" if value is None else value
        return None
