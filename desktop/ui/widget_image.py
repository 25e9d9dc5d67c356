"""A widget drawn to a file: PNG at twice the screen's pixels, or SVG or PDF as vectors (to scale without limit)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QTableView, QWidget


def render_widget(widget: QWidget, target: Path, title: str) -> bool:
    """The widget as shown (a chart view too); a table with every row and column, each wide enough for its heading.
    False when the file cannot be written."""
    whole = isinstance(widget, QTableView)
    restore = widget.size()
    widths = [widget.columnWidth(i) for i in range(widget.model().columnCount())] if whole else []
    if whole:  # every row and column, not only what the page shows, each wide enough for its heading
        widget.resizeColumnsToContents()
        widget.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        widget.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        widget.resize(widget.verticalHeader().width() + widget.horizontalHeader().length() + 4,
                      widget.horizontalHeader().height() + widget.verticalHeader().length() + 4)  # fmt: skip
    try:
        size = widget.size()
        if target.suffix.lower() == ".svg":
            from PySide6.QtSvg import QSvgGenerator

            generator = QSvgGenerator()
            generator.setFileName(str(target))
            generator.setSize(size)
            generator.setViewBox(widget.rect())
            generator.setTitle(title)
            painter = QPainter(generator)
            if not painter.isActive():
                return False
            QWidget.render(widget, painter, QPoint(0, 0))  # the widget as shown, a chart view too
            painter.end()
        elif target.suffix.lower() == ".pdf":
            from PySide6.QtCore import QMarginsF, QSizeF
            from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter

            writer = QPdfWriter(str(target))
            writer.setResolution(300)
            page = QPageSize(QSizeF(size.width() * 0.75, size.height() * 0.75), QPageSize.Unit.Point)  # 96 px = 72 pt
            writer.setPageLayout(QPageLayout(page, QPageLayout.Orientation.Portrait, QMarginsF()))
            writer.setTitle(title)
            painter = QPainter(writer)
            if not painter.isActive():
                return False
            painter.scale(300 / 96, 300 / 96)
            QWidget.render(widget, painter, QPoint(0, 0))
            painter.end()
        else:
            image = QImage(size * 2, QImage.Format.Format_ARGB32)
            image.setDevicePixelRatio(2)
            image.setDotsPerMeterX(11811)  # 300 dpi
            image.setDotsPerMeterY(11811)
            image.fill(Qt.GlobalColor.white)
            painter = QPainter(image)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            QWidget.render(widget, painter, QPoint(0, 0))  # the widget as shown, a chart view too
            painter.end()
            if not image.save(str(target), "PNG"):
                return False
    finally:
        if whole:
            for i, width in enumerate(widths):
                widget.setColumnWidth(i, width)
            widget.resize(restore)
            widget.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
            widget.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
    return True

