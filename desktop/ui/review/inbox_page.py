"""The inbox: one row per district for a half, workbooks imported many at once (button or drag-and-drop)."""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)  # fmt: skip

from desktop.core.workflow import INBOX_NAMES, Status
from desktop.store.review import Completeness
from desktop.ui.column_fit import fit_column, fit_headers
from desktop.ui.file_dialogs import open_paths, said_saved, save_path
from desktop.ui.models.simple_table import ROW_ROLE, RowTableModel
from desktop.ui.plain_header import plain_headers
from desktop.ui.review.inbox_filter import InboxFilter

STATUS_COLOURS = {Status.DRAFT: "#f4f4f4", Status.SUBMITTED: "#dde6f0", Status.IN_REVIEW: "#fff3cd",
                  Status.RETURNED: "#f8d7da", Status.ACCEPTED: "#d4edda", Status.REOPENED: "#fff3cd"}  # fmt: skip


class InboxPage(QWidget):
    openUnit = Signal(str)  # unit code
    otherHalf = Signal(str, list)  # every file was for that other half: the window may switch to it and import again

    def __init__(self, controller, parent=None):
        super().__init__(parent)
        self.controller = controller
        lang = controller.lang
        order = list(Status)
        self.model = RowTableModel([
            (self.tr("Unit"), lambda r: r.unit.label(lang), lambda r: r.unit.code),
            (self.tr("Status"), lambda r: INBOX_NAMES[r.status](lang), lambda r: order.index(Status(r.status))),
            (self.tr("Version"), lambda r: r.version or "", lambda r: r.version),
            (self.tr("Received"), lambda r: r.received_at.astimezone().strftime("%Y-%m-%d %H:%M") if r.received_at else "",
             lambda r: r.received_at.isoformat() if r.received_at else ""),
            (self.tr("Deadline"), lambda r: r.deadline or "", lambda r: r.deadline.isoformat() if r.deadline else ""),
            (self.tr("Days overdue"), lambda r: r.days_overdue or "", lambda r: r.days_overdue),
            (self.tr("Errors"), lambda r: "—" if r.status == Status.DRAFT else r.errors, lambda r: r.errors),
            (self.tr("Unexplained warnings"), lambda r: "—" if r.status == Status.DRAFT else r.warnings, lambda r: r.warnings),
            (self.tr("Open queries"), lambda r: r.open_queries, lambda r: r.open_queries),
        ], background=lambda r, c: STATUS_COLOURS.get(r.status) if c == 1 else ("#f8d7da" if c == 5 and r.days_overdue else None),
           right=(2, 5, 6, 7), parent=self)  # fmt: skip
        self.proxy = InboxFilter(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView(self)
        plain_headers(self.table)
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)  # a click on a heading sorts by it; again, the other way
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)  # several, for accepting together
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        for col, width in ((0, 230), (1, 80), (2, 50), (3, 140), (4, 100), (5, 80), (6, 60), (7, 100)):
            self.table.setColumnWidth(col, width)
        fit_column(self.table, 0, (u.label(lang) for u in controller.ctx.units), 200, 300)  # with room for the sort mark
        fit_column(self.table, 1, (name(lang) for name in INBOX_NAMES.values()), 80, 160)  # "not submitted" on one line
        fit_headers(self.table)
        self.table.activated.connect(lambda index: self.openUnit.emit(self.proxy.row(index.row()).unit.code))  # Enter, double-click
        self.table.setAccessibleName(self.tr("Districts of the half"))
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Find a district: name, pinyin initials (wz) or code"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Find a district"))
        self.search.setMinimumWidth(300)
        self.status_filter = QComboBox(self)
        self.status_filter.addItem(self.tr("Every status"), None)
        for status in Status:
            self.status_filter.addItem(INBOX_NAMES[status](lang), status.value)
        self.status_filter.setAccessibleName(self.tr("Status"))
        self.flag_filter = QComboBox(self)
        for text, flag in ((self.tr("All districts"), None), (self.tr("Overdue"), "overdue"), (self.tr("With errors"), "errors"),
                           (self.tr("With unexplained warnings"), "warnings"), (self.tr("With open queries"), "queries")):  # fmt: skip
            self.flag_filter.addItem(text, flag)
        self.flag_filter.setAccessibleName(self.tr("Show"))
        self.shown = QLabel(self)
        for signal in (self.search.textChanged, self.status_filter.currentIndexChanged, self.flag_filter.currentIndexChanged):
            signal.connect(self._filter)
        self.search.returnPressed.connect(self._open_first)
        threading.Thread(target=_load_pinyin, name="ecoreport-pinyin", daemon=True).start()  # loaded by the first keystroke
        self.summary = QLabel(self)
        self.completeness = QLabel(self)
        self.remind_button = QPushButton(self.tr("Reminder notice…"), self)
        self.remind_button.setToolTip(self.tr("A workbook listing the districts that have not reported (or not again "
                                              "after a return), with days overdue, to send round"))  # fmt: skip
        self.remind_button.clicked.connect(lambda: self.export_reminder())  # clicked(bool) is not a path
        self.import_button = QPushButton(self.tr("Import workbooks…"), self)
        self.import_button.clicked.connect(self.choose_files)
        self.accept_button = QPushButton(self.tr("Accept the selected…"), self)
        self.accept_button.setToolTip(self.tr("Accepts those of the selected districts with no errors, no unexplained "
                                              "warnings and no open queries; the confirmation lists them"))  # fmt: skip
        self.accept_button.clicked.connect(self.accept_selected)
        self.results = QListWidget(self)
        self.results.setMaximumHeight(130)
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(QLabel(self.tr("Drop submission workbooks here, or"), self))
        top.addWidget(self.import_button)
        filters = QHBoxLayout()
        filters.addWidget(self.search)
        filters.addWidget(QLabel(self.tr("Status"), self))
        filters.addWidget(self.status_filter)
        filters.addWidget(QLabel(self.tr("Show"), self))
        filters.addWidget(self.flag_filter)
        filters.addWidget(self.shown, 1)
        filters.addWidget(self.accept_button)
        timeliness = QHBoxLayout()
        timeliness.addWidget(self.completeness, 1)
        timeliness.addWidget(self.remind_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(timeliness)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        self.results_heading = QLabel(self.tr("Import results"), self)
        layout.addWidget(self.results_heading)
        layout.addWidget(self.results)
        self.setAcceptDrops(True)
        controller.inboxChanged.connect(self.show_rows)

    def show_rows(self, rows) -> None:
        chosen = self.table.currentIndex().data(ROW_ROLE)
        self.model.set_rows(rows)
        if chosen is not None:  # read again (F5, a return to this tab): the same district stays chosen
            for i, row in enumerate(rows):
                if row.unit.code == chosen.unit.code and (shown := self.proxy.mapFromSource(self.model.index(i, 0))).isValid():
                    self.table.setCurrentIndex(shown)
        lang = self.controller.lang
        received = sum(r.status != Status.DRAFT for r in rows)
        counts = " · ".join(f"{INBOX_NAMES[s](lang)} {n}" for s in Status if (n := sum(r.status == s for r in rows)))
        self.summary.setText(self.tr("%1 of %2 received: %3").replace("%1", str(received)).replace("%2", str(len(rows)))
                             .replace("%3", counts))  # timeliness: the line below  # fmt: skip
        done = Completeness.of(rows)
        if done.deadline is None:  # nothing to be on time for: not called so
            said = self.tr("Completeness: %1 received (no deadline set: timeliness not judged), %3 not received, %4 returned")
        else:
            said = self.tr("Completeness and timeliness: %1 on time, %2 late, %3 not received, %4 returned")
        self.completeness.setText(said.replace("%1", str(done.received if done.deadline is None else done.on_time))
                                  .replace("%2", str(done.late)).replace("%3", str(done.missing))
                                  .replace("%4", str(done.returned)))  # fmt: skip
        self.remind_button.setEnabled(bool(done.missing or done.returned))
        self._filter()

    def export_reminder(self, path: str | None = None) -> Path | None:
        c = self.controller
        if path is None:
            suggested = self.tr("%1_reminder.xlsx").replace("%1", str(c.semester))
            path = save_path(self, self.tr("Save the reminder notice"), suggested,
                             self.tr("Excel workbooks (*.xlsx)"))  # fmt: skip
        if not path:
            return None
        from desktop.ui.background import run_in_background

        # From what the database holds as it is written (the command line or another reviewer may have moved on since
        # the inbox was read), and the inbox then shows the same.
        saved = run_in_background(self, self.tr("Writing the reminder notice…"), lambda progress: c.export_reminder(Path(path)))
        c.refresh_inbox()
        said_saved(self, saved)
        return saved

    def _filter(self) -> None:
        self.proxy.set_filter(self.status_filter.currentData(), self.flag_filter.currentData(), self.search.text())
        self.shown.setText(self.tr("%1 shown").replace("%1", str(self.proxy.rowCount())))

    def _open_first(self) -> None:
        """Enter in the search box opens the one district it found, or goes to the list."""
        if self.proxy.rowCount() == 1:
            self.openUnit.emit(self.proxy.row(0).unit.code)
        elif self.proxy.rowCount():
            self.table.setFocus()
            self.table.selectRow(0)

    def selected_rows(self) -> list:
        return [self.proxy.row(index.row()) for index in sorted(self.table.selectionModel().selectedRows(), key=lambda i: i.row())]

    def accept_selected(self) -> list | None:
        from desktop.ui.dialogs.accept import AcceptDialog

        c, lang = self.controller, self.controller.lang
        rows = self.selected_rows()
        if not rows:
            QMessageBox.information(self, self.tr("Accept"), self.tr("Select the districts to accept in the list first."))
            return None
        ready, excluded = c.ready_to_accept(rows)
        why_not = [self.tr("%1: %2").replace("%1", r.unit.name(lang)).replace("%2", why) for r, why in excluded]
        if not ready:
            QMessageBox.information(self, self.tr("Accept"), self.tr("None of the selected districts can be accepted:")
                                    + "\n" + "\n".join(why_not))  # fmt: skip
            return None
        version = self.tr("version %1")
        dialog = AcceptDialog([f"{r.unit.name(lang)}  {version.replace('%1', str(r.version))}" for r in ready],
                              why_not, self)  # fmt: skip
        if dialog.exec() != AcceptDialog.DialogCode.Accepted:
            return None
        done = c.accept_many([r.unit.code for r in ready], dialog.comment)
        self.results_heading.setText(self.tr("Acceptance results"))
        self.results.clear()
        for code, why in done:
            name = c.ctx.units.get(code).name(lang)
            self.results.addItem(self.tr("%1: %2").replace("%1", name).replace("%2", why) if why
                                 else self.tr("%1: accepted").replace("%1", name))  # fmt: skip
        return done

    def ordered_units(self, received_only: bool = False) -> list[str]:
        """The districts' codes in the order shown (sorted and filtered), for going to the next or previous one."""
        rows = (self.proxy.row(i) for i in range(self.proxy.rowCount()))
        return [r.unit.code for r in rows if not received_only or r.status != Status.DRAFT]

    def choose_files(self) -> None:
        paths = open_paths(self, self.tr("Import workbooks"), self.tr("Excel workbooks (*.xlsx)"))
        if paths:
            self.import_paths([Path(p) for p in paths])

    def import_paths(self, paths: list[Path]) -> list | None:
        """Off the UI thread, file by file with the name and count shown, in one transaction: Stop keeps nothing
        (each file is imported whole or not at all, and the results say which were)."""
        from desktop.ui.background import run_in_background

        done = run_in_background(self, self.tr("Importing workbooks…"), lambda progress: self.controller.import_files(paths, progress),
                                 total=len(paths), cancel=self.tr("Stop (import nothing)"))  # fmt: skip
        self.controller.imported(done)
        self.results_heading.setText(self.tr("Import results"))
        self.results.clear()
        if done is None:
            self.results.addItem(self.tr("Stopped: no file was imported; the database is unchanged"))
            return None
        results = done.results
        lang = self.controller.lang
        counts = {status: sum(r.status == status for r in results) for status in ("imported", "unchanged", "refused")}
        self.results.addItem(self.tr("%1 file(s): %2 imported, %3 unchanged, %4 refused").replace("%1", str(len(results)))
                             .replace("%2", str(counts["imported"])).replace("%3", str(counts["unchanged"]))
                             .replace("%4", str(counts["refused"])))  # fmt: skip
        for result in results:
            for item in result.to_json(lang):
                where = f"{item['sheet']}!{item['cell']}: " if item["cell"] else ""
                self.results.addItem(f"{result.path.name}: {where}{item['message']}")
        other = self.controller.other_half(results)
        if other is not None:
            self.otherHalf.emit(str(other), list(paths))
        return results

    def dragEnterEvent(self, event):
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event):
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            self.import_paths(paths)
            event.acceptProposedAction()


def _load_pinyin() -> None:
    from desktop.core.pinyin import readings

    readings("万州区")
