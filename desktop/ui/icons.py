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


@cache
def finding_icon(kind: str) -> QIcon:
    """A finding's mark: a shape and a sign as well as a colour, so it reads without colour too.
    error ✕ in a red circle, warning ! in an amber triangle, notice i in a blue circle, outlier ◆, large change ↕."""
    from PySide6.QtCore import QPointF, QRectF
    from PySide6.QtGui import QFont, QPolygonF

    pixmap = QPixmap(14, 14)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    colour, sign, ink = {"error": ("#c0392b", "✕", "white"), "warning": ("#e0a800", "!", "black"),
                         "notice": ("#2e86c1", "i", "white"), "outlier": ("#d35400", "", "white"),
                         "large_change": ("#7d3c98", "↕", "white")}.get(kind, ("#bbbbbb", "", "white"))  # fmt: skip
    painter.setBrush(QColor(colour))
    if kind == "warning":
        painter.drawPolygon(QPolygonF([QPointF(7, 0.5), QPointF(13.5, 13), QPointF(0.5, 13)]))
    elif kind == "outlier":
        painter.drawPolygon(QPolygonF([QPointF(7, 0.5), QPointF(13.5, 7), QPointF(7, 13.5), QPointF(0.5, 7)]))
    elif kind == "large_change":
        painter.drawRoundedRect(QRectF(0.5, 0.5, 13, 13), 3, 3)
    else:
        painter.drawEllipse(QRectF(0.5, 0.5, 13, 13))
    if sign:
        font = QFont()
        font.setPixelSize(10)
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(QColor(ink))
        painter.drawText(QRectF(0, 1 if kind == "warning" else 0, 14, 14), Qt.AlignmentFlag.AlignCenter, sign)
    painter.end()
    return QIcon(pixmap)
