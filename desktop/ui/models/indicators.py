"""The entry grid's model: a QAbstractTableModel over plain IndicatorRows, and its filter."""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont

from desktop.ui import icons
from desktop.ui.rows import EMPTY, ERROR, EXPLAINED, MET_TARGET, MISSED_TARGET, NO_GOAL, WARNING, IndicatorRow

# The value stands right after the indicator's name, with its unit beside it, as on the printed form.
NAME, VALUE, UNIT, PREVIOUS, LAST_YEAR, CHANGE, TARGET, STATUS, EXPLANATION = range(9)
CODE_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_ROLE = Qt.ItemDataRole.UserRole + 2
# A missed target is a warning (核实性审核), coloured as the checks list colours it; only an error blocks, and is red.
STATUS_COLOURS = {ERROR: "#f8d7da", WARNING: "#fff3cd", MISSED_TARGET: "#fff3cd", MET_TARGET: "#d4edda"}
DERIVED = QColor("#eaf4ea")
READ_ONLY = QColor("#f4f4f4")


class IndicatorTableModel(QAbstractTableModel):
    """Shows rows; edits are handed on as signals, never stored here."""

    valueEdited = Signal(str, str)  # code, text as typed
    explanationEdited = Signal(str, str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[IndicatorRow] = []
        self._read_only = False
        self._headers = [self.tr("Indicator"), self.tr("This half"), self.tr("Unit"), self.tr("Last half"),
                         self.tr("Last year"), self.tr("Change y/y"), self.tr("Target"), self.tr("Status"),
                         self.tr("Explanation")]  # fmt: skip

    def set_rows(self, rows: list[IndicatorRow], read_only: bool) -> None:
        same_shape = [r.code for r in rows] == [r.code for r in self._rows]
        self._read_only = read_only
        if same_shape and rows:
            self._rows = rows
            self.dataChanged.emit(self.index(0, 0), self.index(len(rows) - 1, EXPLANATION))
        else:
            self.beginResetModel()
            self._rows = rows
            self.endResetModel()

    def row_of(self, code: str) -> int:
        return next((i for i, r in enumerate(self._rows) if r.code == code), -1)

    def rows(self) -> list[IndicatorRow]:
        return list(self._rows)

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self._headers):
            return self._headers[section]
        return None

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        row = self._rows[index.row()]
        if not self._read_only and row.editable and index.column() in (VALUE, EXPLANATION):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row, col = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole and col == NAME and row.indicator.derived:
            return row.name + self.tr(" (calculated)")  # in words, not by colour alone
        if role == Qt.ItemDataRole.DisplayRole and col == VALUE and self._required_empty(row):
            return self.tr("required")
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return [row.name, row.value, row.unit, row.previous, row.last_year, row.change, row.target,
                    row.status_text, row.explanation][col]  # fmt: skip
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == VALUE and row.indicator.derived and row.indicator.formula is not None:
                return self.tr("Calculated: %1").replace("%1", row.indicator.formula.source)
            if col in (VALUE, STATUS):
                return row.status_text
            return f"{row.name} ({row.code})" if col == NAME else None
        if role == Qt.ItemDataRole.ForegroundRole and col == VALUE and self._required_empty(row):
            return QBrush(QColor("#8a6d3b"))
        if role == Qt.ItemDataRole.FontRole and col == VALUE and (row.indicator.derived or self._required_empty(row)):
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (VALUE, PREVIOUS, LAST_YEAR, CHANGE):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole:
            if col == STATUS and row.status in STATUS_COLOURS:
                return QBrush(QColor(STATUS_COLOURS[row.status]))
            if col == VALUE and row.status == ERROR:
                return QBrush(QColor(STATUS_COLOURS[ERROR]))
            if row.indicator.derived and col in (NAME, VALUE):
                return QBrush(DERIVED)
            if col == VALUE and not row.editable:
                return QBrush(READ_ONLY)
        if role == Qt.ItemDataRole.DecorationRole and col == STATUS:
            shown = {EMPTY: "none", EXPLAINED: "met", MISSED_TARGET: "warning"}.get(row.status, row.status)  # as the checks list
            return None if row.status == NO_GOAL else icons.status_icon(shown)
        if role == CODE_ROLE:
            return row.code
        if role == ROW_ROLE:
            return row
        return None

    def _required_empty(self, row: IndicatorRow) -> bool:
        return row.editable and not self._read_only and row.indicator.required and not row.value

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not (self.flags(index) & Qt.ItemFlag.ItemIsEditable):
            return False
        code = self._rows[index.row()].code
        (self.valueEdited if index.column() == VALUE else self.explanationEdited).emit(code, "" if value is None else str(value))
        return True


class IndicatorFilter(QSortFilterProxyModel):
    """Filters by topic and by text typed in the filter box (name or code)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._topic: str | None = None
        self._text = ""

    def _change(self, **state) -> None:
        # Qt 6.10 replaced invalidateFilter() with begin/endFilterChange(); support both.
        modern = hasattr(self, "beginFilterChange")
        if modern:
            self.beginFilterChange()
        for key, value in state.items():
            setattr(self, key, value)
        if modern:
            self.endFilterChange()
        else:
            self.invalidateFilter()

    def set_topic(self, topic: str | None) -> None:
        self._change(_topic=topic)

    def set_text(self, text: str) -> None:
        self._change(_text=text.strip().lower())

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        row = self.sourceModel().index(source_row, 0, source_parent).data(ROW_ROLE)
        if row is None:
            return True
        if self._topic and row.topic != self._topic:
            return False
        return not self._text or self._text in row.name.lower() or self._text in row.code
