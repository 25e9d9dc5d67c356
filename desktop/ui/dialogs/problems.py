"""Why a file was refused: one line per problem, with its sheet and cell."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QListWidget, QVBoxLayout


class ProblemsDialog(QDialog):
    def __init__(self, title: str, lines: list[str], parent=None, intro: str | None = None):
        super().__init__(parent)
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        self.intro = QLabel(intro or self.tr("Nothing was stored. Please correct the following and try again:"), self)
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        self.list = QListWidget(self)
        self.list.addItems(lines)
        self.list.setWordWrap(True)  # a decision's reason is read whole, not scrolled to
        self.list.setAccessibleName(title)
        layout.addWidget(self.list)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(560, 320)
