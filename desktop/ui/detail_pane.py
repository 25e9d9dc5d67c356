"""The pane under a grid that shows the chosen row's long texts whole (findings, explanations), which the grid's
cells cut short at 1366 px."""

from __future__ import annotations

from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QTextBrowser, QWidget


def detail_pane(parent: QWidget, accessible_name: str, lines: int = 3) -> QTextBrowser:
    """A read-only pane `lines` Chinese lines high, as the document lays them out: the widget's Latin metrics gave a
    Chinese line too little height, and the last line was cut off. A longer text scrolls."""
    pane = QTextBrowser(parent)
    pane.setAccessibleName(accessible_name)
    probe = QTextDocument()
    probe.setDefaultFont(pane.font())
    probe.setPlainText("\n".join(["审核结果说明离群"] * lines))
    pane.setFixedHeight(int(probe.size().height()) + 2 * pane.frameWidth() + 2)
    return pane
