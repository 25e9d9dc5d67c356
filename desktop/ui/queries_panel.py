"""Queries on values and their threads: the bureau raises and resolves them, the district answers."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)  # fmt: skip

from desktop.ui.empty_hint import EmptyHint
from desktop.ui.models.simple_table import RowTableModel
from desktop.ui.plain_header import plain_headers


class QueriesPanel(QWidget):
    replied = Signal(str, str)  # uid, text
    resolved = Signal(str)  # uid
    reopened = Signal(str, str)  # uid, reason
    selectedCode = Signal(str)

    def __init__(self, catalog, lang: str, bureau: bool, parent=None, wide: bool = False):
        super().__init__(parent)
        self._restoring = False  # a thread chosen again after a refresh, not by the person
        self._catalog, self._lang = catalog, lang
        states = {"open": self.tr("awaiting an answer"), "answered": self.tr("answered"), "closed": self.tr("closed"),
                  "reopened": self.tr("reopened")}  # fmt: skip
        self.model = RowTableModel([
            (self.tr("Indicator"), lambda t: catalog[t.code].name(lang) if t.code in catalog else t.code),
            (self.tr("Status"), lambda t: states.get(t.state, t.state)),
            (self.tr("Messages"), lambda t: len(t.messages)),
        ], background=lambda t, c: "#fff3cd" if t.open else None, parent=self)  # fmt: skip
        self.table = QTableView(self)
        plain_headers(self.table)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        # The indicator takes what is left; the state and the count of messages keep their headings whole (the
        # bureau's panel is narrow: 消息数 was cut to 消息).
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.empty_hint = EmptyHint(self.table, self.tr("No queries yet. Choose a value and raise one.") if bureau
                                    else self.tr("The bureau has raised no query on this half."))  # fmt: skip
        self.thread = QTextBrowser(self)
        self.answer = QPlainTextEdit(self)
        self.answer.setPlaceholderText(self.tr("Write an answer…"))
        self.answer.setMaximumHeight(80)
        self.reply_button = QPushButton(self.tr("Reply"), self)
        self.resolve_button = QPushButton(self.tr("Close"), self)
        self.resolve_button.setToolTip(self.tr("Close the query: the answer settles it"))
        self.resolve_button.setVisible(bureau)
        self.reopen_button = QPushButton(self.tr("Reopen…"), self)
        self.reopen_button.setToolTip(self.tr("Open a closed query again, saying why; the district answers it again"))
        self.reopen_button.setVisible(bureau)
        buttons = QHBoxLayout()
        buttons.addWidget(self.reply_button)
        buttons.addWidget(self.resolve_button)
        buttons.addWidget(self.reopen_button)
        buttons.addStretch(1)
        self.table.setAccessibleName(self.tr("Queries"))
        self.thread.setAccessibleName(self.tr("Messages of the query"))
        self.answer.setAccessibleName(self.tr("Your answer"))
        if wide:  # under the district's grid: the list beside its thread
            right = QVBoxLayout()
            right.addWidget(self.thread, 2)
            right.addWidget(self.answer, 1)
            right.addLayout(buttons)
            layout = QHBoxLayout(self)
            layout.setContentsMargins(0, 0, 0, 0)
            layout.addWidget(self.table, 1)
            layout.addLayout(right, 1)
        else:
            layout = QVBoxLayout(self)
            layout.setContentsMargins(0, 0, 0, 0)
            layout.addWidget(self.table, 2)
            layout.addWidget(self.thread, 2)
            layout.addWidget(self.answer)
            layout.addLayout(buttons)
        self.table.selectionModel().currentRowChanged.connect(self._show)
        self.reply_button.clicked.connect(self._reply)
        self.resolve_button.clicked.connect(self._resolve)
        self.reopen_button.clicked.connect(self._reopen)
        self._set_enabled(None)

    def set_threads(self, threads, read_only: bool = False, may_reopen: bool = True) -> None:
        """`may_reopen`: False while the submission is accepted (its review is reopened first), so the button is not
        offered for a refusal to follow."""
        current = self.current()
        self._read_only = read_only
        self._may_reopen = may_reopen
        self.model.set_rows(sorted(threads, key=lambda t: (not t.open, t.opened_at)))
        if current is not None:
            for i, t in enumerate(self.model.rows()):
                if t.uid == current.uid:
                    # Chosen again after a refresh (a value stored, an answer sent): not the person choosing it, so the
                    # grid is not moved to its value — an Enter typed there would step on from the wrong row.
                    self._restoring = True
                    try:
                        self.table.selectRow(i)
                    finally:
                        self._restoring = False
                    return
        self._show(self.table.currentIndex())

    def current(self):
        index = self.table.currentIndex()
        return self.model.row(index.row()) if index.isValid() and index.row() < self.model.rowCount() else None

    def _show(self, index, _previous=None) -> None:
        thread = self.model.row(index.row()) if index.isValid() else None
        self._set_enabled(thread)
        if thread is None:
            self.thread.clear()
            return
        parts = []
        side = {"bureau": self.tr("bureau"), "district": self.tr("district")}
        steps = {"close": self.tr("closed the query"), "reopen": self.tr("reopened the query")}
        for m in thread.messages:
            who = self.tr("%1 (%2)").replace("%1", f"<b>{escape(m.who)}</b>").replace("%2", side.get(m.side, m.side))
            when = f"<span style='color:#777'> {m.at.astimezone():%Y-%m-%d %H:%M}</span>"
            if m.kind in steps:  # a step of the thread, with who and when
                said = f"<br>{escape(m.text)}" if m.text else ""
                parts.append(f"<p style='color:#555'>— {who} <i>{steps[m.kind]}</i>{when}{said}</p>")
            else:
                parts.append(f"<p>{who}{when}<br>{escape(m.text)}</p>")
        self.thread.setHtml("".join(parts))
        if not self._restoring:
            self.selectedCode.emit(thread.code)

    def _set_enabled(self, thread) -> None:
        writable = thread is not None and not getattr(self, "_read_only", False)
        self.answer.setEnabled(writable and thread.open)
        self.reply_button.setEnabled(writable and thread.open)
        self.resolve_button.setEnabled(writable and thread.open)
        self.reopen_button.setEnabled(thread is not None and not thread.open and getattr(self, "_may_reopen", True))

    def _reply(self) -> None:
        thread = self.current()
        if thread is not None and self.answer.toPlainText().strip():
            self.replied.emit(thread.uid, self.answer.toPlainText())
            self.answer.clear()

    def _resolve(self) -> None:
        thread = self.current()
        if thread is not None:
            self.resolved.emit(thread.uid)

    def _reopen(self) -> None:
        from PySide6.QtWidgets import QInputDialog

        thread = self.current()
        if thread is None or thread.open:
            return
        name = self._catalog[thread.code].name(self._lang) if thread.code in self._catalog else thread.code
        reason, ok = QInputDialog.getMultiLineText(self, self.tr("Reopen the query on %1").replace("%1", name),
                                                   self.tr("Why (required; the district sees it):"))  # fmt: skip
        if ok and not reason.strip():
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.information(self, self.tr("Reopen the query"), self.tr("Not reopened: a reason is required."))
        elif ok:
            self.reopened.emit(thread.uid, reason)
