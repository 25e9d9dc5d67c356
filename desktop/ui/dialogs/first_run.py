"""First run: the administrator's password and the unit this PC serves (a district, or the bureau)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
)


class FirstRunDialog(QDialog):
    def __init__(self, units: list[tuple[str, str]], parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("EcoReport — First start"))
        intro = QLabel(self.tr("Create the administrator account and choose the unit this computer reports for. "
                               "Next, a district imports the set-up package the bureau sent it; the bureau adds its "
                               "reviewers, prepares the districts' accounts and sets the first half."), self)  # fmt: skip
        lasting = QLabel(self.tr("The unit is kept in the database and cannot be changed: a district's computer "
                                 "enters and submits that district's data only; the bureau's reviews."), self)  # fmt: skip
        lasting.setWordWrap(True)
        intro.setWordWrap(True)
        self._password = QLineEdit(self)
        self._password.setEchoMode(QLineEdit.EchoMode.Password)
        self._again = QLineEdit(self)
        self._again.setEchoMode(QLineEdit.EchoMode.Password)
        self._unit = QComboBox(self)
        self._unit.addItem(self.tr("— choose the unit —"), None)  # nothing chosen for the user
        for code, label in units:
            self._unit.addItem(label, code)
        self.message = QLabel("", self)
        self.message.setStyleSheet("color: #c0392b;")
        form = QFormLayout()
        # The account's name is fixed: said here, so the administrator knows what to sign in with next time.
        self.account = QLabel(self.tr("admin (sign in with this user name)"), self)
        form.addRow(self.tr("Administrator account"), self.account)
        form.addRow(self.tr("Administrator password"), self._password)
        form.addRow(self.tr("Repeat the password"), self._again)
        form.addRow(self.tr("This computer serves"), self._unit)
        self._password.setAccessibleName(self.tr("Administrator password"))
        self._again.setAccessibleName(self.tr("Repeat the password"))
        self._unit.setAccessibleName(self.tr("This computer serves"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self._check)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(lasting)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def _check(self) -> None:
        if len(self.password) < 8:
            self.message.setText(self.tr("The password needs at least 8 characters."))
        elif self.password.strip().lower() == "admin":
            self.message.setText(self.tr("The password may not be the user name."))
        elif self.password != self._again.text():
            self.message.setText(self.tr("The two passwords differ."))
        elif self.unit_code is None:
            self.message.setText(self.tr("Choose the unit this computer reports for."))
        else:
            self.accept()

    @property
    def password(self) -> str:
        return self._password.text()

    @property
    def unit_code(self) -> str:
        return self._unit.currentData()
