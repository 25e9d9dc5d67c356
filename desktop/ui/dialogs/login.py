"""The login dialog: it only collects a user name and a password."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout


class LoginDialog(QDialog):
    def __init__(self, parent=None, user: str = ""):
        super().__init__(parent)
        self.setWindowTitle(self.tr("EcoReport — Log in"))
        title = QLabel(self.tr("Half-year ecological environment reporting"), self)
        font = title.font()  # fonts and palettes, not style sheets: Qt's style-sheet engine costs start-up time
        font.setPixelSize(16)
        font.setBold(True)
        title.setFont(font)
        title.setContentsMargins(0, 6, 0, 6)
        self._user = QLineEdit(user, self)
        self._password = QLineEdit(self)
        self._password.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = QLabel("", self)
        palette = self.message.palette()
        palette.setColor(QPalette.ColorRole.WindowText, QColor("#c0392b"))
        self.message.setPalette(palette)
        self.message.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("User"), self._user)
        form.addRow(self.tr("Password"), self._password)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Log in"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        (self._password if user else self._user).setFocus()
        self.resize(380, 200)

    @property
    def user(self) -> str:
        return self._user.text().strip()

    @property
    def password(self) -> str:
        return self._password.text()

    def fail(self, message: str) -> None:
        self.message.setText(message)
        self._password.clear()
        self._password.setFocus()
