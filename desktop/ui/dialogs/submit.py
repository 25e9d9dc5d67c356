"""Sign-off: shows what stands in the way; otherwise the approver confirms with their own password."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QVBoxLayout,
)  # fmt: skip


class SubmitDialog(QDialog):
    def __init__(self, summary: str, blocking: list[str], approvers: list[str], parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Submit the half-year"))
        layout = QVBoxLayout(self)
        head = QLabel(summary, self)
        head.setWordWrap(True)
        layout.addWidget(head)
        self._approver = QComboBox(self)
        self._approver.addItems(approvers)
        self._password = QLineEdit(self)
        self._password.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = QLabel("", self)
        self.message.setStyleSheet("color: #c0392b;")
        self.message.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("Submit"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        if blocking:
            stop = QLabel(self.tr("Submission is blocked until these are corrected or explained:"), self)
            stop.setStyleSheet("color: #c0392b; font-weight: bold;")
            layout.addWidget(stop)
            items = QListWidget(self)
            items.addItems(blocking)
            layout.addWidget(items)
            self.ok.setEnabled(False)
        elif not approvers:
            self.message.setText(self.tr("No approver is registered for this unit; ask the administrator to add one."))
            self.ok.setEnabled(False)
        else:
            form = QFormLayout()
            form.addRow(self.tr("Approver"), self._approver)
            form.addRow(self.tr("Approver's password"), self._password)
            layout.addLayout(form)
            self._password.setFocus()
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.resize(520, 320 if blocking else 220)

    @property
    def approver(self) -> str:
        return self._approver.currentText()

    @property
    def password(self) -> str:
        return self._password.text()
