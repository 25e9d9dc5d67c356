"""Sign-off: shows what stands in the way; otherwise the approver confirms with their own password, and the
form's people (单位负责人, 统计负责人, 填表人, 联系电话, 报出日期) are given for the printed form."""

from __future__ import annotations

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QVBoxLayout,
)  # fmt: skip

from desktop.core.form import telephone_refusal

PEOPLE = ("head", "stats", "preparer", "phone")


def approver_labels(approvers: list[tuple[str, str]]) -> dict[str, str]:
    """How each approver (user name, full name) is offered → their user name: by full name, as on the printed form;
    with the user name as well only where two share a full name."""
    full_names = [full or name for name, full in approvers]
    return {(full if full_names.count(full) == 1 else f"{full}（{name}）"): name
            for (name, _), full in zip(approvers, full_names, strict=True)}  # fmt: skip


class SubmitDialog(QDialog):
    def __init__(self, summary: str, blocking: list[str], approvers: list[tuple[str, str]], parent=None,
                 people: dict[str, str] | None = None, lang: str = "zh", why_none: str | None = None):  # fmt: skip
        super().__init__(parent)
        self.lang = lang
        self.setWindowTitle(self.tr("Submit the half-year"))
        people = people or {}
        layout = QVBoxLayout(self)
        head = QLabel(summary, self)
        head.setWordWrap(True)
        layout.addWidget(head)
        # The form's fields have no parent until laid out: when submission is blocked they are not part of the dialog.
        self._approver = QComboBox()
        for label, name in approver_labels(approvers).items():
            self._approver.addItem(label, name)
        self._approver.setAccessibleName(self.tr("Approver"))
        self._password = QLineEdit()
        self._password.setEchoMode(QLineEdit.EchoMode.Password)
        self._password.setAccessibleName(self.tr("Approver's password"))
        self._fields: dict[str, QLineEdit] = {}
        labels = {"head": self.tr("Head of unit"), "stats": self.tr("Head of statistics"),
                  "preparer": self.tr("Prepared by"), "phone": self.tr("Telephone")}  # fmt: skip
        for key in PEOPLE:
            field = QLineEdit(people.get(key, ""))
            field.setAccessibleName(labels[key])
            field.setMaxLength(64)
            self._fields[key] = field
        self._date = QDateEdit(QDate.currentDate())
        self._date.setCalendarPopup(True)
        self._date.setDisplayFormat("yyyy-MM-dd")
        self._date.setAccessibleName(self.tr("Date sent"))
        self.message = QLabel("", self)
        self.message.setStyleSheet("color: #c0392b;")
        self.message.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("Submit"))
        buttons.accepted.connect(self._check)
        buttons.rejected.connect(self.reject)
        if blocking:
            stop = QLabel(self.tr("Submission is blocked until these are corrected or explained:"), self)
            stop.setStyleSheet("color: #c0392b; font-weight: bold;")
            layout.addWidget(stop)
            items = QListWidget(self)
            items.setWordWrap(True)  # each reason whole in the dialog's width, not behind a sideways scroll bar
            items.addItems(blocking)
            items.setAccessibleName(stop.text())
            layout.addWidget(items)
            self.ok.setEnabled(False)
        elif not approvers:  # `why_none`: there is an approver, but not one who may sign this off
            self.message.setText(why_none or self.tr("No approver is registered for this unit; ask the administrator to add one."))
            self.ok.setEnabled(False)
        else:
            form_box = QGroupBox(self.tr("On the printed form"), self)
            form = QFormLayout(form_box)
            for key in PEOPLE:
                form.addRow(labels[key], self._fields[key])
            form.addRow(self.tr("Date sent"), self._date)
            layout.addWidget(form_box)
            sign = QFormLayout()
            sign.addRow(self.tr("Approver"), self._approver)
            sign.addRow(self.tr("Approver's password"), self._password)
            layout.addLayout(sign)
            self._fields["head"].setFocus()
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.resize(520, 480 if not blocking else 320)

    def _check(self) -> None:
        missing = [f.accessibleName() for key, f in self._fields.items() if key != "stats" and not f.text().strip()]
        if missing:
            self.message.setText(self.tr("Please fill in: %1").replace("%1", "、".join(missing)))
            return
        refusal = telephone_refusal(self._fields["phone"].text())  # as the printed form and the command line take it
        if refusal:
            self.message.setText(refusal(self.lang))
            self._fields["phone"].setFocus()
            return
        self.accept()

    @property
    def approver(self) -> str:
        return self._approver.currentData() or ""

    @property
    def password(self) -> str:
        return self._password.text()

    @property
    def people(self) -> dict[str, str]:
        people = {key: field.text().strip() for key, field in self._fields.items() if field.text().strip()}
        people["date"] = self._date.date().toString("yyyy-MM-dd")
        return people
