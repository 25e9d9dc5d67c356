"""The audit viewer: who changed what, when, old → new, why; filtered, and exported to a workbook."""

from __future__ import annotations

from datetime import datetime, time
from pathlib import Path

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)  # fmt: skip

from desktop.core.semester import Semester
from desktop.core.text import UserError
from desktop.core.vocabulary import action_name, recorded_reason, recorded_user, recorded_value
from desktop.ui.column_fit import fit_column
from desktop.ui.file_dialogs import save_path
from desktop.ui.models.simple_table import RowTableModel
from desktop.ui.plain_header import plain_headers


class AuditPage(QWidget):
    def __init__(self, controller, parent=None):
        super().__init__(parent)
        self.controller = controller
        ctx, lang = controller.ctx, controller.lang
        catalog, units = ctx.catalog, ctx.units

        def unit_name(r) -> str:
            unit = units.get(r.unit_code) if r.unit_code else None
            return unit.name(lang) if unit else (r.unit_code or "")

        def half(r) -> str:
            try:
                return Semester.parse(r.semester).label(lang) if r.semester else ""
            except UserError:
                return r.semester

        def indicator(r) -> str:
            ind = catalog.indicators.get(r.code) if r.code else None
            if ind is None:
                return r.code or ""
            return f"{ind.name(lang)}（{ind.unit(lang)}）" if ind.unit(lang) else ind.name(lang)

        self.columns = [
            (self.tr("When"), lambda r: r.at.astimezone().strftime("%Y-%m-%d %H:%M:%S")), (self.tr("User"), lambda r: recorded_user(r.user, r.imported_by, lang)),
            (self.tr("Action"), lambda r: action_name(r.action)(lang)), (self.tr("Unit"), unit_name),
            (self.tr("Half-year"), half), (self.tr("Indicator"), indicator),
            (self.tr("Old"), lambda r: recorded_value(r.action, r.old, lang)),
            (self.tr("New"), lambda r: recorded_value(r.action, r.new, lang)),
            (self.tr("Why"), lambda r: recorded_reason(r.action, r.reason, lang)),
        ]  # fmt: skip
        self.model = RowTableModel(self.columns, parent=self)
        self.table = QTableView(self)
        plain_headers(self.table)
        self.table.setModel(self.model)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.unit = QComboBox(self)
        self.unit.addItem(self.tr("All units"), None)
        for unit in ctx.units:
            self.unit.addItem(unit.label(lang), unit.code)
        self.user = QLineEdit(self)
        self.user.setPlaceholderText(self.tr("User"))
        self.code = QLineEdit(self)
        self.code.setPlaceholderText(self.tr("Indicator: name or code"))
        self.since, self.until = QDateEdit(self), QDateEdit(self)
        for edit in (self.since, self.until):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.since.setDate(QDate(2000, 1, 1))
        self.until.setDate(QDate.currentDate().addDays(1))
        self.count = QLabel(self)
        self.chain = QLabel(self)
        export = QPushButton(self.tr("Export to Excel…"), self)
        export.clicked.connect(lambda: self.export())
        filters = QHBoxLayout()
        for widget in (self.unit, self.user, self.code, QLabel(self.tr("from"), self), self.since, QLabel(self.tr("to"), self),
                       self.until, self.count, export):  # fmt: skip
            filters.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.addWidget(self.chain)
        layout.addLayout(filters)
        layout.addWidget(self.table)
        for signal in (self.unit.currentIndexChanged, self.user.textChanged, self.code.textChanged, self.since.dateChanged,
                       self.until.dateChanged):  # fmt: skip
            signal.connect(self.apply_filter)
        self._all: list = []

    def refresh(self) -> None:
        log = self.controller.ctx.audit
        self._all = log.entries()
        count, broken = log.verify()
        if broken is None:
            self.chain.setText(self.tr("Hash chain intact: %1 entries checked").replace("%1", str(count)))
            self.chain.setStyleSheet("color: #27ae60;")
        else:
            self.chain.setText(self.tr("The audit log was tampered with: %1").replace("%1", broken.describe()(self.controller.lang)))
            self.chain.setStyleSheet("color: #c0392b; font-weight: bold;")
        self.apply_filter()

    def apply_filter(self, *_args) -> None:
        unit, user, code = self.unit.currentData(), self.user.text().strip(), self.code.text().strip()
        since = datetime.combine(self.since.date().toPython(), time.min).astimezone()
        until = datetime.combine(self.until.date().toPython(), time.max).astimezone()
        lang = self.controller.lang
        rows = [r for r in self._all if (unit is None or r.unit_code == unit) and (not user or user in recorded_user(r.user, r.imported_by, lang))
                and (not code or code in (r.code or "") or code in self._name_of(r.code)) and since <= r.at <= until]  # fmt: skip
        # Newest first by when each thing happened: a district's change log arrives with a submission, after the
        # bureau's own later entries in the chain's order (which `audit verify` checks, not this view).
        rows.sort(key=lambda r: (r.at, r.id), reverse=True)
        self.model.set_rows(rows)
        # Who, whole (reviewer（wanzhou 导入）was cut to reviewer…): sized to the names shown.
        fit_column(self.table, 1, {recorded_user(r.user, r.imported_by, lang) for r in rows}, 90, 320)
        self.count.setText(self.tr("%1 entries").replace("%1", str(len(rows))))

    def _name_of(self, code: str | None) -> str:
        catalog = self.controller.ctx.catalog
        return catalog[code].name(self.controller.lang) if code and code in catalog else ""

    def export(self, path: str | None = None) -> Path | None:
        from openpyxl import Workbook

        from desktop.exchange import cells as c
        from desktop.exchange.save import save_workbook

        if path is None:
            path = save_path(self, self.tr("Export the audit log"), self.tr("audit.xlsx"),
                             self.tr("Excel workbooks (*.xlsx)"))  # fmt: skip
        if not path:
            return None
        from desktop.ui.background import run_in_background

        title = self.tr("Audit log")[:31]
        heads = [head for head, _ in self.columns]
        lines = [[text(row) for _, text in self.columns] for row in self.model.rows()]  # what the table shows

        def write(progress) -> Path:
            wb = Workbook()
            ws = wb.active
            ws.title = title
            for col, head in enumerate(heads, start=1):
                c.boxed(c.put(ws.cell(1, col), head), c.BOLD, c.CENTER, c.HEADER_FILL)
            for r, line in enumerate(lines, start=2):
                for col, text in enumerate(line, start=1):
                    c.put(ws.cell(r, col), text)
            c.widths(ws, [20, 14, 16, 9, 9, 30, 20, 20, 40])
            ws.freeze_panes = "A2"
            return save_workbook(wb, Path(path))

        return run_in_background(self, self.tr("Writing the audit log…"), write)
