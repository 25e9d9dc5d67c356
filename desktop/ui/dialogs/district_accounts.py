"""区县账户 (bureau): accounts prepared for districts. Each gets a one-time password, shown once; the set-up
package exported for a district carries its accounts (hashed), and its import creates them there."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
)  # fmt: skip

from desktop.core.text import UserError
from desktop.core.vocabulary import role_name
from desktop.ui.file_dialogs import save_path
from desktop.ui.models.simple_table import RowTableModel
from desktop.ui.plain_header import plain_headers


class PrepareAccountDialog(QDialog):
    """Collects a district account: user name, name on forms, role, district."""

    def __init__(self, units, lang: str, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Prepare a district account"))
        self.name, self.display = QLineEdit(self), QLineEdit(self)
        self.role = QComboBox(self)
        for role in ("clerk", "approver"):
            self.role.addItem(role_name(role)(lang), role)
        self.unit = QComboBox(self)
        for unit in units.districts():
            self.unit.addItem(unit.label(lang), unit.code)
        form = QFormLayout(self)
        form.addRow(self.tr("User name"), self.name)
        form.addRow(self.tr("Name on forms"), self.display)
        form.addRow(self.tr("Role"), self.role)
        form.addRow(self.tr("District"), self.unit)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)


class DistrictAccountsDialog(QDialog):
    def __init__(self, ctx, actor: str, parent=None):
        super().__init__(parent)
        from desktop.store.accounts import DistrictAccounts

        self.ctx, self.actor, self.accounts = ctx, actor, DistrictAccounts(ctx.store)
        self.setWindowTitle(self.tr("District accounts"))
        self.model = RowTableModel([
            (self.tr("District"), lambda a: ctx.units.get(a.unit_code).label(ctx.lang)),
            (self.tr("User name"), lambda a: a.name), (self.tr("Name on forms"), lambda a: a.display_name),
            (self.tr("Role"), lambda a: role_name(a.role)(ctx.lang)),
        ], parent=self)  # fmt: skip
        self.table = QTableView(self)
        plain_headers(self.table)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setVisible(False)
        self.table.setColumnWidth(0, 180)
        self.table.setColumnWidth(1, 180)
        buttons = QHBoxLayout()
        for text, slot in ((self.tr("Prepare…"), self.prepare), (self.tr("Remove"), self.remove),
                           (self.tr("Export the district's set-up package…"), self.export)):  # fmt: skip
            button = QPushButton(text, self)
            button.clicked.connect(lambda _=False, s=slot: s())
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self.resize(760, 440)
        self.refresh()

    def refresh(self) -> None:
        self.model.set_rows(self.accounts.of())

    def selected(self):
        index = self.table.currentIndex()
        return self.model.row(index.row()) if index.isValid() else None

    def prepare(self, dialog: PrepareAccountDialog | None = None) -> str | None:
        """Returns the one-time password, which is shown once."""
        dialog = dialog or PrepareAccountDialog(self.ctx.units, self.ctx.lang, self)
        if dialog.result() != QDialog.DialogCode.Accepted and not dialog.exec():
            return None
        try:
            unit = self.ctx.units.get(dialog.unit.currentData())
            password = self.accounts.add(self.actor, dialog.name.text(), dialog.role.currentData(), unit, dialog.display.text())
        except UserError as exc:
            QMessageBox.warning(self, self.tr("Not saved"), exc.message(self.ctx.lang))
            return None
        self.refresh()
        QMessageBox.information(self, self.tr("One-time password"), self.tr(
            "The one-time password of %1 is:\n\n%2\n\nWrite it down and give it to the person: it is not shown again. "
            "They change it at their first login.").replace("%1", dialog.name.text().strip()).replace("%2", password))  # fmt: skip
        return password

    def remove(self) -> bool:
        account = self.selected()
        if account is None:
            return False
        try:
            self.accounts.remove(self.actor, account.name)
        except UserError as exc:
            QMessageBox.warning(self, self.tr("Not saved"), exc.message(self.ctx.lang))
            return False
        self.refresh()
        return True

    def export(self, path: str | None = None) -> Path | None:
        """The set-up package for the selected account's district, carrying that district's accounts."""
        from desktop.store import packages

        account = self.selected()
        if account is None:
            QMessageBox.warning(self, self.tr("Not saved"), self.tr("Choose an account of the district first."))
            return None
        unit = self.ctx.units.get(account.unit_code)
        if path is None:
            path = save_path(self, self.tr("Export set-up package"), f"ecoreport-setup-{unit.code}.ecopkg",
                             self.tr("Set-up packages (*.ecopkg)"))  # fmt: skip
        if not path:
            return None
        written = packages.write_file(packages.effective_content(self.ctx.store), packages.active_version(self.ctx.store),
                                      Path(path), self.actor, self.ctx.store, self.accounts.file_for(unit))  # fmt: skip
        QMessageBox.information(self, self.tr("Set-up package"), self.tr(
            "Saved %1 for %2, with its accounts.\n\nThe bureau's key fingerprint: %3"
        ).replace("%1", str(written)).replace("%2", unit.label(self.ctx.lang))
         .replace("%3", packages.read_file(written)[0].get("key_fingerprint", "")))  # fmt: skip
        return written
