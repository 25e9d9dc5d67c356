"""Every district's unresolved queries of the half (the closed ones too, on request), oldest first, with days open;
Enter opens the district at the value the query is about."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.column_fit import fit_column, fit_headers
from desktop.ui.file_dialogs import said_saved, save_path
from desktop.ui.models.simple_table import RowTableModel
from desktop.ui.plain_header import plain_headers


class QueriesPage(QWidget):
    openAt = Signal(str, str)  # unit code, indicator code

    def __init__(self, controller, parent=None):
        super().__init__(parent)
        self.controller = controller
        self._shown_closed = False
        ctx, lang = controller.ctx, controller.lang
        states = controller.query_states

        def indicator(r) -> str:
            ind = ctx.catalog.indicators.get(r.code)
            return ind.name(lang) if ind else r.code

        self.model = RowTableModel([
            (self.tr("District"), lambda r: r.unit.name(lang)), (self.tr("Indicator"), indicator),
            (self.tr("State"), lambda r: states[r.state](lang)), (self.tr("Raised by"), lambda r: r.opener),
            (self.tr("Raised"), lambda r: r.opened_at.astimezone().strftime("%Y-%m-%d")), (self.tr("Days open"), lambda r: r.days_open),
            (self.tr("Last message"), lambda r: f"{r.last_who}：{r.last_text}"),
        ], background=lambda r, c: "#fff3cd" if c == 2 and r.state == "answered" else None,
            foreground=lambda r, c: "#6c757d" if r.state == "closed" else None, parent=self)  # fmt: skip
        self.table = QTableView(self)
        plain_headers(self.table)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        for col, width in ((0, 110), (1, 230), (2, 70), (3, 90), (4, 90), (5, 80)):
            self.table.setColumnWidth(col, width)
        fit_column(self.table, 0, (u.name(lang) for u in ctx.units.districts()), 110, 200)
        fit_headers(self.table)
        self.table.activated.connect(lambda index: self.openAt.emit(self.model.row(index.row()).unit.code, self.model.row(index.row()).code))
        self.table.setAccessibleName(self.tr("Unresolved queries of every district"))
        self.count = QLabel(self)
        self.closed = QCheckBox(self.tr("Closed queries too"), self)
        self.closed.toggled.connect(lambda _on: self.refresh())
        export = QPushButton(self.tr("Export to Excel…"), self)
        export.clicked.connect(lambda: self.export())
        top = QHBoxLayout()
        top.addWidget(self.count, 1)
        top.addWidget(self.closed)
        top.addWidget(export)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)

    def refresh(self) -> None:
        self._shown_closed = self.closed.isChecked()
        rows = self.controller.query_rows(self._shown_closed)
        self.model.set_rows(rows)
        closed = sum(r.state == "closed" for r in rows)
        answered = sum(r.state == "answered" for r in rows)
        text = self.tr("%1 unresolved: %2 waiting for the district, %3 answered and waiting for you")
        text = text.replace("%1", str(len(rows) - closed)).replace("%2", str(len(rows) - closed - answered)).replace("%3", str(answered))
        if self._shown_closed:
            text += self.tr("; %1 closed").replace("%1", str(closed))
        self.count.setText(text)

    def export(self, path: str | None = None) -> Path | None:
        from desktop.ui.background import run_in_background

        c = self.controller
        if path is None:
            name = self.tr("%1_queries.xlsx") if self._shown_closed else self.tr("%1_unresolved_queries.xlsx")
            path = save_path(self, self.tr("Export the query list"), name.replace("%1", str(c.semester)),
                             self.tr("Excel workbooks (*.xlsx)"))  # fmt: skip
        if not path:
            return None
        rows, closed = self.model.rows(), self._shown_closed  # as shown: the title says which
        saved = run_in_background(self, self.tr("Writing the query list…"),
                                  lambda progress: c.export_query_list(rows, Path(path), closed))  # fmt: skip
        said_saved(self, saved)
        return saved
