"""The unit this computer serves: shown, or (for a database from before that never named one) chosen once."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout


def unit_choices(units, lang: str) -> list[tuple[str, str]]:
    """(code, label) of every unit, the municipality named as the bureau's: what a computer can serve."""
    bureau = QCoreApplication.translate("ServedUnitDialog", " (the bureau)")
    return [(u.code, u.label(lang) + (bureau if u.is_municipality else "")) for u in units]


class ServedUnitDialog(QDialog):
    def __init__(self, units: list[tuple[str, str]], current: str | None, parent=None):
        """units: (code, label); current: the label of the unit already named, or None when it is to be chosen."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("This computer serves"))
        layout = QVBoxLayout(self)
        self._unit = QComboBox()  # in the dialog only when the unit is to be chosen
        if current is not None:
            text = self.tr("This computer serves %1. A district's computer enters and submits that district's "
                           "half only; the bureau's reviews. It cannot be changed: another unit needs a database "
                           "of its own.").replace("%1", current)  # fmt: skip
            buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        else:
            text = self.tr("This database has not been told which unit this computer serves, so its administrator "
                           "can change any unit's half. Choose it: a district's computer then enters and submits "
                           "that district's half only, the bureau's reviews. It cannot be changed afterwards.")  # fmt: skip
            self._unit.addItem(self.tr("— choose the unit —"), None)
            for code, label in units:
                self._unit.addItem(label, code)
            buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
            buttons.accepted.connect(self._check)
        buttons.rejected.connect(self.reject)
        intro = QLabel(text, self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.message = QLabel("", self)
        self.message.setStyleSheet("color: #c0392b;")
        if current is None:
            self._unit.setParent(self)
            form = QFormLayout()
            form.addRow(self.tr("This computer serves"), self._unit)
            self._unit.setAccessibleName(self.tr("This computer serves"))
            layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)

    def _check(self) -> None:
        if self.unit_code is None:
            self.message.setText(self.tr("Choose the unit this computer reports for."))
        else:
            self.accept()

    @property
    def unit_code(self) -> str | None:
        return self._unit.currentData()
