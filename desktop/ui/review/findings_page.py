"""Validation across districts: every finding of every received submission, filtered by rule and severity, the
chosen one read whole under the grid; Enter opens the district at that value."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QSortFilterProxyModel, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.column_fit import fit_column, fit_headers
from desktop.ui.detail_pane import detail_pane
from desktop.ui.icons import finding_icon
from desktop.ui.models.filtering import refilter
from desktop.ui.models.simple_table import ROW_ROLE, RowTableModel
from desktop.ui.plain_header import plain_headers

SEVERITY, EXPLANATION = 3, 6


class FindingFilter(QSortFilterProxyModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.severity: str | None = None
        self.rule: str | None = None
        self.unexplained_only = False

    def set_filter(self, severity: str | None, rule: str | None, unexplained_only: bool = False) -> None:
        def change() -> None:
            self.severity, self.rule, self.unexplained_only = severity, rule, unexplained_only

        refilter(self, change)

    def filterAcceptsRow(self, source_row, source_parent) -> bool:  # noqa: N802 - Qt's name
        row = self.sourceModel().index(source_row, 0, source_parent).data(ROW_ROLE)
        return ((self.severity is None or row.severity == self.severity) and (self.rule is None or row.rule == self.rule)
                and (row.unexplained or not self.unexplained_only))  # fmt: skip


class FindingsPage(QWidget):
    openAt = Signal(str, str)  # unit code, indicator code

    def __init__(self, controller, parent=None):
        super().__init__(parent)
        self.controller = controller
        severities = {"error": self.tr("Error"), "warning": self.tr("Warning"), "notice": self.tr("Notice")}
        self.severities = severities
        unexplained = self.tr("(not explained)")
        self.model = RowTableModel([
            (self.tr("District"), lambda r: r.district), (self.tr("Submission"), lambda r: r.status),
            (self.tr("Indicator"), lambda r: r.indicator),
            (self.tr("Severity"), lambda r: severities.get(r.severity, r.severity)), (self.tr("Rule"), lambda r: r.rule_words),
            (self.tr("Finding"), lambda r: r.message),
            (self.tr("District's explanation"), lambda r: r.explained or (unexplained if r.unexplained else "")),
        ], decoration=lambda r, c: finding_icon(r.severity) if c == SEVERITY else None,
            foreground=lambda r, c: "#9c0006" if c == EXPLANATION and r.unexplained else None, parent=self)  # fmt: skip
        self.proxy = FindingFilter(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView(self)
        plain_headers(self.table)
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        for col, width in ((0, 90), (1, 70), (2, 190), (3, 70), (4, 230), (5, 400)):
            self.table.setColumnWidth(col, width)
        lang = controller.lang
        fit_column(self.table, 0, (u.name(lang) for u in controller.ctx.units.districts()), 90, 200)  # 石柱土家族自治县 whole
        fit_headers(self.table)
        self.table.activated.connect(self._open)  # Enter, double-click
        self.table.setAccessibleName(self.tr("Findings of every received submission"))
        self.severity_filter = QComboBox(self)
        self.severity_filter.addItem(self.tr("Every severity"), None)
        for key, text in severities.items():
            self.severity_filter.addItem(text, key)
        self.severity_filter.setAccessibleName(self.tr("Severity"))
        self.rule_filter = QComboBox(self)
        self.rule_filter.setAccessibleName(self.tr("Rule"))
        self.rule_filter.setMinimumWidth(320)
        self.unexplained_only = QCheckBox(self.tr("Unexplained warnings only"), self)
        self.count = QLabel(self)
        self.severity_filter.currentIndexChanged.connect(self._rules)
        self.rule_filter.currentIndexChanged.connect(self._filter)
        self.unexplained_only.toggled.connect(self._rules)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Severity"), self))
        top.addWidget(self.severity_filter)
        top.addWidget(QLabel(self.tr("Rule"), self))
        top.addWidget(self.rule_filter)
        top.addWidget(self.unexplained_only)
        top.addWidget(self.count, 1)
        # The chosen finding and the district's explanation whole: at 1366 px the grid's cells cut both short.
        self.detail = detail_pane(self, self.tr("The chosen finding and the district's explanation"))
        self.table.selectionModel().currentRowChanged.connect(self._show_detail)
        self.proxy.modelReset.connect(self._show_detail)
        self.proxy.layoutChanged.connect(self._show_detail)
        self._show_detail()
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.detail)

    def refresh(self) -> None:
        self.model.set_rows(self.controller.findings())
        self._rules()

    def _rules(self) -> None:
        """The rule list, each with how many findings it has at the severity chosen; the commonest first."""
        severity, unexplained_only = self.severity_filter.currentData(), self.unexplained_only.isChecked()
        rows = [r for r in self.model.rows()
                if (severity is None or r.severity == severity) and (r.unexplained or not unexplained_only)]  # fmt: skip
        chosen = self.rule_filter.currentData()
        self.rule_filter.blockSignals(True)
        self.rule_filter.clear()
        self.rule_filter.addItem(self.tr("Every rule"), None)
        counts: dict[str, list] = {}
        for r in rows:
            counts.setdefault(r.rule, [r.rule_words, 0])[1] += 1
        for rule, (words, n) in sorted(counts.items(), key=lambda item: (-item[1][1], item[1][0])):  # the commonest first
            self.rule_filter.addItem(self.tr("%1 (%2)").replace("%1", words).replace("%2", str(n)), rule)
        self.rule_filter.setCurrentIndex(max(0, self.rule_filter.findData(chosen)))
        self.rule_filter.blockSignals(False)
        self._filter()

    def _filter(self, *_args) -> None:
        self.proxy.set_filter(self.severity_filter.currentData(), self.rule_filter.currentData(), self.unexplained_only.isChecked())
        districts = len({self.proxy.index(i, 0).data(ROW_ROLE).unit_code for i in range(self.proxy.rowCount())})
        self.count.setText(self.tr("%1 findings in %2 districts").replace("%1", str(self.proxy.rowCount())).replace("%2", str(districts)))

    def _show_detail(self, *_) -> None:
        index = self.table.currentIndex()
        row = index.data(ROW_ROLE) if index.isValid() else None
        if row is None:
            self.detail.setPlainText(self.tr("Choose a finding to read it and the district's explanation in full here; "
                                             "Enter opens the district at that value."))  # fmt: skip
            return
        said = row.explained or (self.tr("(not explained)") if row.unexplained else "—")
        self.detail.setHtml("<br>".join([
            f"<b>{escape(row.district)} · {escape(row.indicator)}</b> "
            + escape(self.tr("%1: %2").replace("%1", self.severities.get(row.severity, row.severity)).replace("%2", row.rule_words)),
            escape(self.tr("Finding: %1").replace("%1", row.message)),
            escape(self.tr("District's explanation: %1").replace("%1", said)),
        ]))  # fmt: skip

    def _open(self, index) -> None:
        row = index.data(ROW_ROLE)
        if row is not None:
            self.openAt.emit(row.unit_code, row.code)
