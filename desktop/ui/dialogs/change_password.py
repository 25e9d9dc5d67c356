"""The first login with a one-time password: the user sets their own password (twice) before anything else."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout


class ChangePasswordDialog(QDialog):
    def __init__(self, user: str, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Set your password"))
        intro = QLabel(self.tr("%1 logs in for the first time with a one-time password. Choose your own password "
                               "(at least 8 characters, not the user name).").replace("%1", user), self)  # fmt: skip
        intro.setWordWrap(True)
        self.first, self.second = QLineEdit(self), QLineEdit(self)
        for field in (self.first, self.second):
            field.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = QLabel("", self)
        self.message.setStyleSheet("color: #c0392b;")
        self.message.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("New password"), self.first)
        form.addRow(self.tr("Again"), self.second)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self._check)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.resize(420, 200)

    def _check(self) -> None:
        if self.first.text() != self.second.text():
            self.fail(self.tr("The two passwords differ."))
            return
        self.accept()

    def fail(self, message: str) -> None:
        self.message.setText(message)

    @property
    def password(self) -> str:
        return self.first.text()
