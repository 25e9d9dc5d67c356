"""The only module that decides which icon means what."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap

COLOURS = {"error": "#c0392b", "missed": "#c0392b", "warning": "#e0a800", "notice": "#2e86c1", "met": "#27ae60",
           "none": "#bbbbbb"}  # fmt: skip


@cache
def status_icon(status: str) -> QIcon:
    """A small filled circle in the status colour: readable in both languages and in print."""
    pixmap = QPixmap(12, 12)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(QColor(COLOURS.get(status, COLOURS["none"])))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.drawEllipse(1, 1, 10, 10)
    painter.end()
    return QIcon(pixmap)
