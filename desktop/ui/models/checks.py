"""The checks panel's model: CheckResults grouped by severity, as a two-level tree."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt

from desktop.core.checks import CheckResult
from desktop.ui import icons

SEVERITIES = ("error", "warning", "notice")
RESULT_ROLE = Qt.ItemDataRole.UserRole + 1


class CheckTreeModel(QAbstractItemModel):
    def __init__(self, lang: str = "zh", parent=None):
        super().__init__(parent)
        self._lang = lang
        self._groups: list[list[CheckResult]] = [[], [], []]
        self._titles = [self.tr("Errors"), self.tr("Warnings"), self.tr("Notices")]

    def set_results(self, results: list[CheckResult]) -> None:
        self.beginResetModel()
        self._groups = [[r for r in results if r.severity == s] for s in SEVERITIES]
        self.endResetModel()

    def index(self, row, column, parent=QModelIndex()):
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, 0)
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, index=QModelIndex()):
        if not index.isValid() or index.internalId() == 0:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, 0)

    def rowCount(self, parent=QModelIndex()) -> int:
        if not parent.isValid():
            return len(self._groups)
        if parent.internalId() == 0 and parent.column() == 0:
            return len(self._groups[parent.row()])
        return 0

    def columnCount(self, parent=QModelIndex()) -> int:
        return 1

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and section == 0:
            return self.tr("Checks")
        return None

    def result(self, index: QModelIndex) -> CheckResult | None:
        if not index.isValid() or index.internalId() == 0:
            return None
        return self._groups[index.internalId() - 1][index.row()]

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        if index.internalId() == 0:
            if role == Qt.ItemDataRole.DisplayRole:
                return f"{self._titles[index.row()]} ({len(self._groups[index.row()])})"
            if role == Qt.ItemDataRole.DecorationRole:
                return icons.status_icon(SEVERITIES[index.row()])
            return None
        result = self.result(index)
        if role == Qt.ItemDataRole.DisplayRole:
            done = self.tr(" (explained)") if result.explained else ""
            return result.message(self._lang) + done
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{result.rule}\n{result.message(self._lang)}"
        if role == Qt.ItemDataRole.DecorationRole:
            return icons.status_icon("met" if result.explained else result.severity)
        if role == RESULT_ROLE:
            return result
        return None
