"""The bureau's word on a half (a return's reason, a reopening's, an acceptance comment), shown above the grid."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from desktop.core.workflow import Status


class DecisionBanner(QLabel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWordWrap(True)
        self.setStyleSheet("background: #fff3cd; border: 1px solid #e0a800; padding: 4px;")
        self.hide()

    def show_decision(self, status, reason: str | None, editable: bool = True) -> None:
        """`editable`: whether this user may correct the half here (the district's clerk); others read the decision."""
        returned = self.tr("The bureau returned this half: %1 Correct it, then sign off and send it again.") if editable \
            else self.tr("The bureau returned this half: %1")
        texts = {
            Status.RETURNED: returned,
            Status.REOPENED: self.tr("The bureau reopened its review of this half: %1"),
            Status.ACCEPTED: self.tr("The bureau accepted this half. %1"),
        }  # fmt: skip
        text = texts.get(status)
        if text is None or (status is Status.ACCEPTED and not reason):
            self.hide()
            return
        self.setText(text.replace("%1", (reason or "").strip()))
        self.show()
