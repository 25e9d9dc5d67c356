"""Accepting one submission or several: the dialog says which, and which selected ones cannot be, and takes an
optional comment. It only collects the answer."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QListWidget, QPlainTextEdit, QVBoxLayout


class AcceptDialog(QDialog):
    def __init__(self, accepted: list[str], excluded: list[str] | None = None, parent=None, caution: list[str] | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Accept"))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Accept these submissions? An accepted half is locked; reopening it needs a reason.")
                                if len(accepted) > 1 else self.tr("Accept this submission? An accepted half is locked; "
                                                                   "reopening it needs a reason."), self))  # fmt: skip
        self.accepted = QListWidget(self)
        self.accepted.addItems(accepted)
        self.accepted.setMaximumHeight(min(220, 24 + 20 * len(accepted)))
        layout.addWidget(self.accepted)
        self.excluded = QListWidget(self)
        if caution:  # accepted one at a time despite what a batch would refuse: said, in red
            self.caution = QLabel(self.tr("Note: this submission has %1.").replace("%1", "；".join(caution)), self)
            self.caution.setWordWrap(True)
            self.caution.setStyleSheet("color: #9c0006; font-weight: bold;")
            layout.addWidget(self.caution)
        if excluded:
            layout.addWidget(QLabel(self.tr("Not accepted (selected, but not ready):"), self))
            self.excluded.addItems(excluded)
            self.excluded.setMaximumHeight(min(160, 24 + 20 * len(excluded)))
            layout.addWidget(self.excluded)
        else:
            self.excluded.hide()
        layout.addWidget(QLabel(self.tr("Comment (optional; recorded with the decision):"), self))
        self._comment = QPlainTextEdit(self)
        self._comment.setMaximumHeight(80)
        layout.addWidget(self._comment)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Accept %1").replace("%1", str(len(accepted))) if len(accepted) > 1 else self.tr("Accept"))
        self.ok_button.setEnabled(bool(accepted))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(520, 300)

    @property
    def comment(self) -> str | None:
        return self._comment.toPlainText().strip() or None
