"""One submission under review: every value beside its history, targets, explanation, outlier flag and queries."""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtCore import QSortFilterProxyModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)  # fmt: skip

from desktop.core.workflow import INBOX_NAMES, REVIEWABLE, Action, Status, available
from desktop.ui.column_fit import fit_column, fit_headers
from desktop.ui.detail_pane import detail_pane
from desktop.ui.empty_hint import EmptyHint
from desktop.ui.file_dialogs import save_path
from desktop.ui.frozen_column import FrozenColumnTable
from desktop.ui.icons import finding_icon
from desktop.ui.models.filtering import refilter
from desktop.ui.models.simple_table import ROW_ROLE, RowTableModel
from desktop.ui.queries_panel import QueriesPanel

VALUE, PREVIOUS_VERSION, PREVIOUS_HALF, LAST_YEAR, FINDINGS, EXPLANATION, OUTLIER, QUERIES = 2, 3, 4, 5, 7, 8, 9, 10


class ChangedOnly(QSortFilterProxyModel):
    """The review table, or only the rows that differ from the previous version."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.only_changed = False

    def set_only_changed(self, on: bool) -> None:
        def change() -> None:
            self.only_changed = on

        refilter(self, change)

    def filterAcceptsRow(self, source_row, source_parent) -> bool:  # noqa: N802 - Qt's name
        if not self.only_changed:
            return True
        row = self.sourceModel().index(source_row, 0, source_parent).data(ROW_ROLE)
        return row.changed or row.explanation_changed  # a rewritten 说明 is as much the district's answer as a figure


class ReviewPage(QWidget):
    def __init__(self, controller, parent=None):
        super().__init__(parent)
        self.controller = controller
        self.model = RowTableModel([
            (self.tr("Indicator"), lambda r: r.name), (self.tr("Unit"), lambda r: r.unit),
            (self.tr("This half"), lambda r: r.value), (self.tr("Previous version"), lambda r: r.previous_version),
            (self.tr("Previous half"), lambda r: r.previous_half), (self.tr("Same half last year"), lambda r: r.last_year),
            (self.tr("Target"), lambda r: r.target), (self.tr("Checks"), lambda r: r.findings),
            (self.tr("Explanation"), lambda r: r.explanation),
            (self.tr("Across districts"), lambda r: r.outlier), (self.tr("Queries"), lambda r: r.queries),
        ], background=self._background, foreground=lambda r, c: "#9c0006" if c == VALUE and r.missed else None,
           decoration=self._decoration, tooltip=self._tooltip, right=(VALUE, PREVIOUS_VERSION, PREVIOUS_HALF, LAST_YEAR), parent=self)  # fmt: skip
        self.shown_rows = ChangedOnly(self)
        self.shown_rows.setSourceModel(self.model)
        # The indicator's name, its unit and this half's figure stay beside every figure and explanation scrolled to.
        self.table = FrozenColumnTable(self, frozen=VALUE + 1)
        self.table.setModel(self.shown_rows)
        self.empty_hint = EmptyHint(self.table, self.tr("Double-click a district in the inbox to review its submission here."))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        for col, width in ((0, 220), (1, 60), (2, 90), (3, 80), (4, 70), (5, 80), (6, 70), (7, 220), (8, 150), (9, 190)):
            self.table.setColumnWidth(col, width)
        units = (ind.unit(controller.lang) for ind in controller.ctx.catalog.indicators.values())
        fit_column(self.table, 1, units, 60, 120)  # 微克/立方米 whole
        fit_headers(self.table)
        # The chosen row's checks and explanation whole, where the reviewer reads: the grid's cells cut them short.
        self.detail = detail_pane(self, self.tr("The chosen value's checks and explanation"))
        self.table.selectionModel().currentRowChanged.connect(self._show_detail)
        self.shown_rows.modelReset.connect(self._show_detail)
        self.shown_rows.layoutChanged.connect(self._show_detail)
        self._show_detail()
        self.title = QLabel(self)
        self.title.setStyleSheet("font-weight: bold;")
        self.title.setWordWrap(True)  # a long reason or comment wraps; it never widens the window past the screen
        self.changed_only = QCheckBox(self.tr("Changed since the previous version only"), self)
        self.changed_only.setToolTip(self.tr("Show only the values (and the figures calculated from them) and the "
                                             "explanations that differ from the previous version of this submission"))  # fmt: skip
        self.changed_only.toggled.connect(self.shown_rows.set_only_changed)
        self.queries = QueriesPanel(controller.ctx.catalog, controller.lang, bureau=True, parent=self)
        self.query_button = QPushButton(self.tr("Raise a query on this value…"), self)
        self.return_button = QPushButton(self.tr("Return…"), self)
        self.accept_button = QPushButton(self.tr("Accept"), self)
        self.reopen_button = QPushButton(self.tr("Reopen…"), self)
        self.reopen_button.setToolTip(self.tr("Reopen an accepted submission for review; a reason is required"))
        self.export_button = QPushButton(self.tr("Export review workbook…"), self)
        buttons = QHBoxLayout()
        for button in (self.query_button, self.return_button, self.accept_button, self.reopen_button, self.export_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        splitter = QSplitter(self)
        grid = QWidget(self)
        column = QVBoxLayout(grid)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.table, 1)
        column.addWidget(self.detail)
        splitter.addWidget(grid)
        splitter.addWidget(self.queries)
        splitter.setSizes([1050, 380])
        layout = QVBoxLayout(self)
        heading = QHBoxLayout()
        heading.addWidget(self.title, 1)
        heading.addWidget(self.changed_only)
        layout.addLayout(heading)
        layout.addWidget(splitter, 1)
        layout.addLayout(buttons)
        self.query_button.clicked.connect(self.raise_query)
        self.return_button.clicked.connect(self.return_half)
        self.accept_button.clicked.connect(self.accept)
        self.reopen_button.clicked.connect(self.reopen)
        self.export_button.clicked.connect(self.export)
        self.queries.replied.connect(controller.reply)
        self.queries.resolved.connect(controller.resolve)
        self.queries.reopened.connect(controller.reopen_query)
        self.queries.selectedCode.connect(self.select_code)
        controller.reviewChanged.connect(self.show_review)
        controller.failed.connect(lambda message: QMessageBox.warning(self, self.tr("Not done"), message))
        self._set_enabled(None)

    @staticmethod
    def _decoration(row, column):
        if column == VALUE and row.large_change:
            return finding_icon("large_change")
        if column == FINDINGS and row.severity:
            return finding_icon(row.severity)
        if column == OUTLIER and row.outlier:
            return finding_icon("outlier")
        return None

    def _tooltip(self, row, column) -> str | None:
        """A figure's marks in words: its colour and icon say that something is so, the tooltip says what."""
        if column == EXPLANATION and row.explanation_changed:
            before = row.previous_explanation or self.tr("(none)")
            return (row.explanation or self.tr("(none)")) + "\n" + self.tr("Changed since the previous version, which had %1").replace("%1", before)
        if column != VALUE:
            return None
        lines = [row.value or "—"]
        if row.changed:
            lines.append(self.tr("Changed since the previous version, which had %1").replace("%1", row.previous_version or "—"))
        if row.large_change:
            lines.append(self.tr("A change on the same half last year (%1) beyond the usual range").replace("%1", row.last_year or "—"))
        if row.missed:
            lines.append(self.tr("Misses its target: %1").replace("%1", row.target))
        return "\n".join(lines)

    def _background(self, row, column):
        if (column == VALUE and row.changed) or (column == EXPLANATION and row.explanation_changed):
            return "#ffe08a"  # changed since the previous version
        if column == OUTLIER and row.outlier:
            return "#fde2c8"
        if column == FINDINGS and row.severity:
            return {"error": "#f8d7da", "warning": "#fff3cd"}.get(row.severity)
        if column == QUERIES and row.open_queries:
            return "#fff3cd"
        return None

    def show_review(self, report, rows, threads) -> None:
        lang = self.controller.lang
        self.model.set_rows(rows)
        self.changed_only.setEnabled(bool(rows) and any(r.previous_version for r in rows))
        if not self.changed_only.isEnabled():
            self.changed_only.setChecked(False)
        self.queries.set_threads(threads, may_reopen=report.status != Status.ACCEPTED)
        head = f"{report.unit.label(lang)} · {report.semester.label(lang)} · {INBOX_NAMES[report.status](lang)}"
        if report.status == Status.DRAFT:  # what this computer holds of a half never sent: not a submission
            head += self.tr(" · the values below were not submitted (a draft on this computer)")
        else:
            head += self.tr(" · version %1").replace("%1", str(report.version))
            if report.approver:  # who answers for the figures, as the signed form names them
                head += self.tr(" · prepared by %1, signed off by %2").replace("%1", report.preparer or "—").replace("%2", report.approver)
                said = {"head": self.tr(", head of unit %1"), "stats": self.tr(", head of statistics %1"),
                        "phone": self.tr(", telephone %1"), "date": self.tr(", sent %1")}  # fmt: skip
                head += "".join(text.replace("%1", report.people[k]) for k, text in said.items() if report.people.get(k))
        reason = self.controller.decision_reason
        if reason and report.status in (Status.RETURNED, Status.REOPENED):
            head += self.tr(" · reason: %1").replace("%1", reason)
        elif reason and report.status == Status.ACCEPTED:  # what the reviewer wrote on accepting
            head += self.tr(" · comment: %1").replace("%1", reason)
        self.title.setText(head)
        self.title.setToolTip(head)
        self._set_enabled(report.status)

    def _set_enabled(self, status) -> None:
        self._status = status
        allowed = available(status, self.controller.user.role) if status is not None else frozenset()
        self.query_button.setEnabled(status in REVIEWABLE)
        self.return_button.setEnabled(Action.RETURN in allowed)
        self.accept_button.setEnabled(Action.ACCEPT in allowed)
        self.reopen_button.setEnabled(Action.REOPEN in allowed)
        self.export_button.setEnabled(status not in (None, Status.DRAFT))

    def select_code(self, code: str) -> None:
        for i, row in enumerate(self.model.rows()):
            if row.code == code:
                shown = self.shown_rows.mapFromSource(self.model.index(i, 0))
                if not shown.isValid():  # hidden by "changed only": show every row again
                    self.changed_only.setChecked(False)
                    shown = self.shown_rows.mapFromSource(self.model.index(i, 0))
                self.table.selectRow(shown.row())
                return

    def _show_detail(self, *_) -> None:
        row = self.current_row()
        if row is None:
            self.detail.setPlainText(self.tr("Choose a row to read its checks and its explanation in full here."))
            return
        checks = self.tr("Checks: %1").replace("%1", row.findings or "—")
        said = self.tr("Explanation: %1").replace("%1", row.explanation or "—")
        lines = [f"<b>{escape(row.name)}</b> {escape(checks)}", escape(said)]
        if row.outlier:
            lines.append(escape(row.outlier))
        self.detail.setHtml("<br>".join(lines))

    def current_row(self):
        index = self.table.currentIndex()
        return index.data(ROW_ROLE) if index.isValid() else None

    def current_code(self) -> str | None:
        row = self.current_row()
        return row.code if row is not None else None

    def _refused(self, button: QPushButton, title: str) -> bool:
        """A shortcut for a step the submission's state does not allow says why, instead of opening its dialog."""
        if button.isEnabled():
            return False
        if self._status is None:
            why = self.tr("Open a district from the inbox first.")
        else:
            why = self.tr("Not possible while the submission is “%1”.").replace("%1", INBOX_NAMES[self._status](self.controller.lang))
        QMessageBox.information(self, title, why)
        return True

    def raise_query(self) -> None:
        if self._refused(self.query_button, self.tr("Raise a query")):
            return
        code = self.current_code()
        if code is None:
            QMessageBox.information(self, self.tr("Raise a query"), self.tr("Select the value the query is about first."))
            return
        text, ok = QInputDialog.getMultiLineText(self, self.tr("Raise a query"), self.current_row().name)
        if ok and text.strip():
            self.controller.query(code, text)

    def return_half(self) -> None:
        if self._refused(self.return_button, self.tr("Return to the district")):
            return
        reason = self._reason(self.tr("Return to the district"))
        if reason and self.controller.return_half(reason):
            QMessageBox.information(self, self.tr("Return to the district"), self.tr(
                "Returned. Export the review workbook (导出审核意见…) and send it to the district: it carries the reason "
                "and the queries."))  # fmt: skip

    def accept(self) -> None:
        from desktop.ui.dialogs.accept import AcceptDialog

        c = self.controller
        if c.unit is None or self._refused(self.accept_button, self.tr("Accept")):
            return
        still_open = sum(r.open_queries for r in self.model.rows())
        if still_open:  # before the comment is typed, not after
            QMessageBox.information(self, self.tr("Accept"), self.tr("%1 queries are still open: resolve them before "
                                                                     "accepting.").replace("%1", str(still_open)))  # fmt: skip
            return
        version = c.report.version if c.report is not None else 0
        what = self.tr("%1, %2, version %3").replace("%1", c.unit.name(c.lang)).replace("%2", c.semester.label(c.lang)) \
            .replace("%3", str(version))  # fmt: skip
        errors, unexplained = c.report.count("error"), c.report.count("warning", unexplained_only=True)  # as the inbox counts
        caution = []  # one at a time the reviewer may still accept, having been told what a batch would refuse
        if errors:
            caution.append(self.tr("%1 error(s)").replace("%1", str(errors)))
        if unexplained:
            caution.append(self.tr("%1 unexplained warning(s)").replace("%1", str(unexplained)))
        dialog = AcceptDialog([what], parent=self, caution=caution)
        if dialog.exec() == AcceptDialog.DialogCode.Accepted and c.accept(dialog.comment):
            self.window().statusBar().showMessage(self.tr(
                "Accepted. Export the review workbook (导出审核意见…) and send it to the district: it learns of the "
                "acceptance and your comment from it."), 20000)  # fmt: skip

    def reopen(self) -> None:
        if self._refused(self.reopen_button, self.tr("Reopen the submission")):
            return
        reason = self._reason(self.tr("Reopen the submission"))
        if reason:
            self.controller.reopen(reason)

    def _reason(self, title: str) -> str | None:
        """The reason a return or reopening needs; asked again, with what was typed kept, until given or cancelled."""
        label, reason = self.tr("Reason (required):"), ""
        while True:
            reason, ok = QInputDialog.getMultiLineText(self, title, label, reason)
            if not ok:
                return None
            if reason.strip():
                return reason
            label = self.tr("A reason is required; nothing was changed. Reason:")

    def export(self) -> None:
        c = self.controller
        report = c.report  # each version and decision its own file: the accepted round's does not overwrite the return's
        suggested = self.tr("%1_review_v%2_%3.xlsx").replace("%1", f"{c.unit.name(c.lang)}_{c.semester}").replace(
            "%2", str(report.version)).replace("%3", INBOX_NAMES[Status(report.status)](c.lang))  # fmt: skip
        path = save_path(self, self.tr("Export review workbook"), suggested, self.tr("Excel workbooks (*.xlsx)"))
        if path:
            from desktop.ui.background import run_in_background

            run_in_background(self, self.tr("Writing the review workbook…"), lambda progress: c.export_review(Path(path)))

