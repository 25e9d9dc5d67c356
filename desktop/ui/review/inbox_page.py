"""The inbox: one row per district for a half, workbooks imported many at once (button or drag-and-drop)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)  # fmt: skip

from desktop.core.workflow import INBOX_NAMES, Status
from desktop.ui.models.simple_table import RowTableModel

STATUS_COLOURS = {Status.DRAFT: "#f4f4f4", Status.SUBMITTED: "#dde6f0", Status.IN_REVIEW: "#fff3cd",
                  Status.RETURNED: "#f8d7da", Status.ACCEPTED: "#d4edda", Status.REOPENED: "#fff3cd"}  # fmt: skip


class InboxPage(QWidget):
    openUnit = Signal(str)  # unit code

    def __init__(self, controller, parent=None):
        super().__init__(parent)
        self.controller = controller
        lang = controller.lang
        self.model = RowTableModel([
            (self.tr("Unit"), lambda r: r.unit.label(lang)),
            (self.tr("Status"), lambda r: INBOX_NAMES[r.status](lang)),
            (self.tr("Version"), lambda r: r.version or ""),
            (self.tr("Received"), lambda r: r.received_at.astimezone().strftime("%Y-%m-%d %H:%M") if r.received_at else ""),
            (self.tr("Deadline"), lambda r: r.deadline or ""),
            (self.tr("Days overdue"), lambda r: r.days_overdue or ""),
            (self.tr("Errors"), lambda r: r.errors),
            (self.tr("Unexplained warnings"), lambda r: r.warnings),
            (self.tr("Open queries"), lambda r: r.open_queries),
        ], background=lambda r, c: STATUS_COLOURS.get(r.status) if c == 1 else ("#f8d7da" if c == 5 and r.days_overdue else None),
           parent=self)  # fmt: skip
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        for col, width in ((0, 230), (1, 80), (2, 50), (3, 140), (4, 100), (5, 80), (6, 60), (7, 100)):
            self.table.setColumnWidth(col, width)
        self.table.doubleClicked.connect(lambda index: self.openUnit.emit(self.model.row(index.row()).unit.code))
        self.summary = QLabel(self)
        self.import_button = QPushButton(self.tr("Import workbooks…"), self)
        self.import_button.clicked.connect(self.choose_files)
        self.results = QListWidget(self)
        self.results.setMaximumHeight(130)
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(QLabel(self.tr("Drop submission workbooks here, or"), self))
        top.addWidget(self.import_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(QLabel(self.tr("Import results"), self))
        layout.addWidget(self.results)
        self.setAcceptDrops(True)
        controller.inboxChanged.connect(self.show_rows)

    def show_rows(self, rows) -> None:
        self.model.set_rows(rows)
        received = sum(r.status != Status.DRAFT for r in rows)
        accepted = sum(r.status == Status.ACCEPTED for r in rows)
        late = sum(r.days_overdue > 0 for r in rows)
        self.summary.setText(self.tr("%1 of %2 received, %3 accepted, %4 late").replace("%1", str(received))
                             .replace("%2", str(len(rows))).replace("%3", str(accepted)).replace("%4", str(late)))  # fmt: skip

    def choose_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self, self.tr("Import workbooks"), "", self.tr("Excel workbooks (*.xlsx)"))
        if paths:
            self.import_paths([Path(p) for p in paths])

    def import_paths(self, paths: list[Path]) -> list | None:
        """Off the UI thread, file by file with the name and count shown, in one transaction: Stop keeps nothing
        (each file is imported whole or not at all, and the results say which were)."""
        from desktop.ui.background import run_in_background

        results = run_in_background(self, self.tr("Importing workbooks…"), lambda progress: self.controller.import_files(paths, progress),
                                    total=len(paths), cancel=self.tr("Stop (import nothing)"))  # fmt: skip
        self.controller.imported()
        self.results.clear()
        if results is None:
            self.results.addItem(self.tr("Stopped: no file was imported; the database is unchanged"))
            return None
        lang = self.controller.lang
        for result in results:
            for item in result.to_json(lang):
                where = f"{item['sheet']}!{item['cell']}: " if item["cell"] else ""
                self.results.addItem(f"{result.path.name}: {where}{item['message']}")
        return results

    def dragEnterEvent(self, event):
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event):
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            self.import_paths(paths)
            event.acceptProposedAction()
