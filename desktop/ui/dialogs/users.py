"""User administration (administrators): accounts, roles, units; disable, enable, reset passwords."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
)  # fmt: skip

from desktop.core.text import UserError
from desktop.core.vocabulary import role_name
from desktop.store.users import ROLES, accounts_here
from desktop.ui.models.simple_table import RowTableModel
from desktop.ui.plain_header import plain_headers


class NewUserDialog(QDialog):
    """Collects a new account's name, role, unit and password."""

    def __init__(self, units, lang: str, parent=None, roles=ROLES):
        super().__init__(parent)
        self.setWindowTitle(self.tr("New user"))
        names = {role: role_name(role)(lang) for role in roles}  # one vocabulary with every other screen
        self.name, self.display, self.password = QLineEdit(self), QLineEdit(self), QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.role = QComboBox(self)
        for role in roles:
            self.role.addItem(names[role], role)
        self.unit = QComboBox(self)
        self.unit.addItem(self.tr("(none)"), None)
        for unit in units:
            self.unit.addItem(unit.label(lang), unit.code)
        if len(units) == 1:  # the one unit this installation has accounts of
            self.unit.setCurrentIndex(1)
        form = QFormLayout(self)
        form.addRow(self.tr("User name"), self.name)
        form.addRow(self.tr("Name on forms"), self.display)
        form.addRow(self.tr("Role"), self.role)
        form.addRow(self.tr("Unit"), self.unit)
        form.addRow(self.tr("Password"), self.password)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)


class UsersDialog(QDialog):
    def __init__(self, ctx, actor: str, parent=None):
        super().__init__(parent)
        self.ctx, self.actor = ctx, actor
        self.setWindowTitle(self.tr("Users"))
        state = {True: self.tr("active"), False: self.tr("disabled")}
        self.model = RowTableModel([
            (self.tr("User name"), lambda u: u.name), (self.tr("Name on forms"), lambda u: u.display_name),
            (self.tr("Role"), lambda u: role_name(u.role)(ctx.lang)),
            (self.tr("Unit"), lambda u: ctx.units.get(u.unit_code).label(ctx.lang) if u.unit_code else ""),
            (self.tr("State"), lambda u: state[u.active]),
        ], background=lambda u, c: None if u.active else "#eeeeee", parent=self)  # fmt: skip
        self.table = QTableView(self)
        plain_headers(self.table)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setVisible(False)
        buttons = QHBoxLayout()
        for text, slot in ((self.tr("Add…"), self.add), (self.tr("Disable / enable"), self.toggle),
                           (self.tr("Reset password…"), self.reset)):  # fmt: skip
            button = QPushButton(text, self)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self.resize(720, 420)
        self.refresh()

    def refresh(self) -> None:
        self.model.set_rows(self.ctx.users.all())

    def selected(self):
        index = self.table.currentIndex()
        return self.model.row(index.row()) if index.isValid() else None

    def _do(self, action) -> bool:
        try:
            action()
        except UserError as exc:
            QMessageBox.warning(self, self.tr("Not saved"), exc.message(self.ctx.lang))
            return False
        self.refresh()
        return True

    def add(self, dialog: NewUserDialog | None = None) -> bool:
        if not dialog:  # None, or the button's `checked`
            units, roles = accounts_here(self.ctx.served_unit.get(), self.ctx.units)
            dialog = NewUserDialog(units, self.ctx.lang, self, roles)
        accepted = dialog.result() == QDialog.DialogCode.Accepted or dialog.exec()
        while accepted:
            if self._do(lambda: self.ctx.users.create(self.actor, dialog.name.text(), dialog.password.text(),
                                                      dialog.role.currentData(), dialog.unit.currentData(), dialog.display.text())):  # fmt: skip
                return True
            accepted = dialog.exec()  # the form again as it was filled, after the reason: nothing typed is lost
        return False

    def toggle(self) -> bool:
        user = self.selected()
        return user is not None and self._do(lambda: self.ctx.users.set_active(self.actor, user.name, not user.active))

    def reset(self, password: str | None = None) -> bool:
        user = self.selected()
        if user is None:
            return False
        if password is None:
            password, ok = QInputDialog.getText(self, self.tr("Reset password"), self.tr("New password for %1").replace("%1", user.name),
                                                QLineEdit.EchoMode.Password)  # fmt: skip
            if not ok:
                return False
        return self._do(lambda: self.ctx.users.set_password(self.actor, user.name, password))
