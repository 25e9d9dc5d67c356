"""Which districts the inbox shows, and in what order: a proxy over the inbox rows."""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel

from desktop.core.pinyin import unit_matches
from desktop.ui.models.filtering import refilter
from desktop.ui.models.simple_table import SORT_ROLE

# What the "show" filter offers: rows needing a look.
FLAGS = {
    "overdue": lambda r: r.days_overdue > 0,
    "errors": lambda r: r.errors > 0,
    "warnings": lambda r: r.warnings > 0,
    "queries": lambda r: r.open_queries > 0,
}


class InboxFilter(QSortFilterProxyModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.status: str | None = None
        self.flag: str | None = None
        self.text = ""
        self.setSortRole(SORT_ROLE)

    def set_filter(self, status: str | None = None, flag: str | None = None, text: str = "") -> None:
        def change() -> None:
            self.status, self.flag, self.text = status, flag, text

        refilter(self, change)

    def filterAcceptsRow(self, source_row: int, _parent) -> bool:
        row = self.sourceModel().row(source_row)
        if self.status is not None and row.status != self.status:
            return False
        if self.flag is not None and not FLAGS[self.flag](row):
            return False
        return unit_matches(row.unit, self.text)

    def row(self, proxy_row: int):
        return self.sourceModel().row(self.mapToSource(self.index(proxy_row, 0)).row())
