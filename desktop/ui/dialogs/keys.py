"""密钥与指纹: this installation's own signing keys and the keys it has registered, to read out and compare."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView, QDialog, QDialogButtonBox, QLabel, QTableView, QVBoxLayout

from desktop.ui.models.simple_table import RowTableModel
from desktop.ui.plain_header import plain_headers


def _table(parent, model) -> QTableView:
    table = QTableView(parent)
    plain_headers(table)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setStretchLastSection(True)
    return table


class KeysDialog(QDialog):
    """own: this installation's keys; registered: the keys of others it trusts (rows with unit_code,
    fingerprint and, for registered ones, registered_by and registered_at)."""

    def __init__(self, units, lang: str, own: list, registered: list, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keys and fingerprints"))
        name = lambda k: units.get(k.unit_code).label(lang) if units.get(k.unit_code) else k.unit_code  # noqa: E731
        self.own = RowTableModel([(self.tr("Unit"), name), (self.tr("Fingerprint"), lambda k: k.fingerprint),
                                  (self.tr("Created"), lambda k: _local(k.created_at))], parent=self)  # fmt: skip
        self.registered = RowTableModel([
            (self.tr("Unit"), name), (self.tr("Fingerprint"), lambda k: k.fingerprint),
            (self.tr("Registered by"), lambda k: k.registered_by), (self.tr("Registered"), lambda k: _local(k.registered_at)),
        ], parent=self)  # fmt: skip
        self.own.set_rows(own)
        self.registered.set_rows(registered)
        own_table, registered_table = _table(self, self.own), _table(self, self.registered)
        for table in (own_table, registered_table):
            table.setColumnWidth(0, 200)
            table.setColumnWidth(1, 260)
        hint = QLabel(self.tr("Read a fingerprint out on the phone and compare it with the other side's list: "
                              "the same characters mean the same key."), self)  # fmt: skip
        hint.setWordWrap(True)
        empty = QLabel(self.tr("No signing key yet: a district's is made at its first sign-off, the bureau's at its "
                               "first set-up package."), self)  # fmt: skip
        empty.setVisible(not own)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(QLabel(self.tr("This installation's keys"), self))
        layout.addWidget(empty)
        layout.addWidget(own_table, 1)
        layout.addWidget(QLabel(self.tr("Registered keys of others"), self))
        layout.addWidget(registered_table, 2)
        layout.addWidget(buttons)
        self.resize(760, 480)


def _local(moment) -> str:
    from datetime import UTC

    if moment is None:
        return ""
    aware = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    return aware.astimezone().strftime("%Y-%m-%d %H:%M")
