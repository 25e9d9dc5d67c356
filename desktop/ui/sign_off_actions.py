"""The entry window's Report actions: sign off and submit a half, withdraw a submission."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QMessageBox

from desktop.ui.dialogs.submit import SubmitDialog, approver_labels
from desktop.ui.window_actions import WindowActions


class SignOffActions(WindowActions):
    def withdraw(self) -> None:
        from PySide6.QtWidgets import QInputDialog

        from desktop.core.text import UserError

        window, c = self.window, self.window.controller
        approvers = c.ctx.submissions.approvers(c.unit)
        title = self.tr("Withdraw the submission")
        if not approvers:
            QMessageBox.warning(window, title, self.tr("No approver is registered for this unit; ask the administrator to add one."))
            return
        offered = approver_labels(approvers)
        label, ok = QInputDialog.getItem(window, title, self.tr("Approver"), list(offered), 0, False)
        if not ok:
            return
        name = offered[label]
        password, ok = QInputDialog.getText(window, title, self.tr("Approver's password"), QLineEdit.EchoMode.Password)
        if not ok:
            return
        reason, ok = QInputDialog.getMultiLineText(window, title, self.tr("Reason (required):"))
        if not ok:
            return
        try:
            c.withdraw(name, password, reason)
        except UserError as exc:
            QMessageBox.warning(window, title, exc.message(c.lang))
            return
        window.statusBar().showMessage(self.tr("Withdrawn: the half can be corrected and submitted again."), 8000)

    def submit(self) -> None:
        from desktop.core.text import UserError

        window, c = self.window, self.window.controller
        report = c.report
        blocking = [r.message(c.lang) for r in report.checks if r.blocking]
        summary = self.tr("%1, %2: %3 error(s), %4 warning(s) (%5 unexplained), %6 notice(s).")
        for key, value in (("%1", report.unit.name(c.lang)), ("%2", report.semester.label(c.lang)),
                           ("%3", report.count("error")), ("%4", report.count("warning")),
                           ("%5", report.count("warning", True)), ("%6", report.count("notice"))):  # fmt: skip
            summary = summary.replace(key, str(value))
        everyone = c.ctx.submissions.approvers(report.unit)
        approvers = [a for a in everyone if a[0] != c.user.name]  # no one signs off what they submit
        why_none = None
        if everyone and not approvers:  # the one approver is at the keyboard: there is one, and how it goes is said
            why_none = self.tr("You are this unit's only approver, and no one signs off a submission they make: the "
                               "clerk logs in and submits, and you enter your password in that dialog to sign it off.")  # fmt: skip
        people = c.form_people()
        while True:
            dialog = SubmitDialog(summary, blocking, approvers, window, people, c.lang, why_none)
            if not dialog.exec():
                return
            people = dialog.people
            try:
                version = c.submit(dialog.approver, dialog.password, people)
                break
            except UserError as exc:
                QMessageBox.warning(window, self.tr("Not submitted"), exc.message(c.lang))
        QMessageBox.information(window, self.tr("Submitted"),
                                self.tr("Version %1 is submitted and now read-only. Save the submission workbook for the bureau.")
                                .replace("%1", str(version)))  # fmt: skip
        window.files.export_submission()
