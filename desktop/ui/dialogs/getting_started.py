"""首次设置: the steps a new installation goes through, each a button that opens the screen for it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QGridLayout, QLabel, QPushButton, QVBoxLayout


class GettingStartedDialog(QDialog):
    """The steps for a bureau or a district; `opens` maps each step ("users", "accounts", "targets", "import")
    to what its button opens, which returns whether it was done. A step done shows a tick."""

    def __init__(self, unit_label: str, bureau: bool, opens: dict[str, Callable[[], object]], parent=None):
        super().__init__(parent)
        if bureau:
            intro = self.tr("This computer is the bureau's. Set it up in this order; every step can be done later "
                            "from the Administration menu.")  # fmt: skip
            steps = [(self.tr("Add the bureau's reviewers"), self.tr("Users…"), opens["users"]),
                     (self.tr("Prepare each district's clerk and approver"), self.tr("District accounts…"), opens["accounts"]),
                     (self.tr("Set the first half's targets and deadline"), self.tr("Targets and deadlines…"), opens["targets"]),
                     (self.tr("Export each district's set-up package and send it"), self.tr("District accounts…"),
                      opens["accounts"])]  # fmt: skip
        else:
            intro = self.tr("This computer reports for %1. Import the set-up package the bureau sent you: it brings "
                            "the catalog, the targets and deadlines, and your district's accounts (each logs in with "
                            "the one-time password the bureau gave them).").replace("%1", unit_label)  # fmt: skip
            steps = [(self.tr("Import the bureau's set-up package"), self.tr("Import…"), opens["import"]),
                     (self.tr("Each person logs in once with the one-time password and sets their own"), "", None),
                     (self.tr("The approver saves the unit's public key; send it to the bureau and read them its "
                              "fingerprint"), self.tr("Save the public key…"), opens["key"])]  # fmt: skip
        self.setWindowTitle(self.tr("Getting started"))
        text = QLabel(intro, self)
        text.setWordWrap(True)
        grid = QGridLayout()
        self.buttons: list[QPushButton] = []
        self.marks: list[QLabel] = []
        for row, (what, label, opens) in enumerate(steps):
            mark = QLabel("", self)
            grid.addWidget(QLabel(f"{row + 1}. {what}", self), row, 0)
            button = QPushButton(label, self)
            button.clicked.connect(lambda _=False, o=opens, m=mark: self._run(o, m))
            button.setVisible(opens is not None)  # a step done elsewhere (e.g. at the login window)
            grid.addWidget(button, row, 1)
            grid.addWidget(mark, row, 2)
            self.buttons.append(button)
            self.marks.append(mark)
        grid.setColumnStretch(0, 1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Done for now"))
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addLayout(grid)
        layout.addWidget(close)
        self.resize(640, 120 + 44 * len(steps))

    def _run(self, opens: Callable[[], object], mark: QLabel) -> None:
        if opens():
            mark.setText("✓")
