"""A widget drawn to a file: PNG at twice the screen's pixels, or SVG or PDF as vectors (to scale without limit)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QTableView, QWidget


def render_widget(widget: QWidget, target: Path, title: str, caption: str = "", footnote: str = "") -> bool:
    """The widget as shown (a chart view too); a table with every row and column, each wide enough for its heading.
    `caption` above it and `footnote` below say what it shows when it has no title of its own (a table). False when the
    file cannot be written."""
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
        lines = _Lines(widget, caption, footnote)
        size = lines.size()
        if target.suffix.lower() == ".svg":
            from PySide6.QtSvg import QSvgGenerator

            generator = QSvgGenerator()
            generator.setFileName(str(target))
            generator.setSize(size)
            generator.setViewBox(QRect(QPoint(0, 0), size))
            generator.setTitle(title)
            painter = QPainter(generator)
            if not painter.isActive():
                return False
            lines.paint(painter)  # the widget as shown, a chart view too
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
            lines.paint(painter)
            painter.end()
        else:
            image = QImage(size * 2, QImage.Format.Format_ARGB32)
            image.setDevicePixelRatio(2)
            image.setDotsPerMeterX(11811)  # 300 dpi
            image.setDotsPerMeterY(11811)
            image.fill(Qt.GlobalColor.white)
            painter = QPainter(image)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            lines.paint(painter)  # the widget as shown, a chart view too
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



class _Lines:
    """The widget with a caption above and a footnote below, each wrapped to its width."""

    PAD = 8

    def __init__(self, widget: QWidget, caption: str, footnote: str):
        from PySide6.QtGui import QFont, QFontInfo

        self.widget, self.caption, self.footnote = widget, caption, footnote
        # In pixels, as the widget is drawn: a size in points would follow the image's 300 dpi and come out 3× as large.
        pixels = QFontInfo(widget.font()).pixelSize()
        self.plain = QFont(widget.font())
        self.plain.setPixelSize(pixels)
        self.bold = QFont(self.plain)
        self.bold.setBold(True)
        self.bold.setPixelSize(round(pixels * 1.2))
        self.top = self._height(caption, self.bold)
        self.bottom = self._height(footnote, self.plain)

    def _height(self, text: str, font) -> int:
        from PySide6.QtCore import QRect
        from PySide6.QtGui import QFontMetrics

        if not text:
            return 0
        flags = int(Qt.TextFlag.TextWordWrap)
        return QFontMetrics(font).boundingRect(QRect(0, 0, self.widget.width() - 2 * self.PAD, 10000), flags, text).height() + 2 * self.PAD

    def size(self):
        from PySide6.QtCore import QSize

        return QSize(self.widget.width(), self.top + self.widget.height() + self.bottom)

    def paint(self, painter: QPainter) -> None:
        from PySide6.QtCore import QRect

        width = self.widget.width() - 2 * self.PAD
        if self.caption:
            painter.setFont(self.bold)
            painter.drawText(QRect(self.PAD, self.PAD, width, self.top - self.PAD), int(Qt.TextFlag.TextWordWrap), self.caption)
        QWidget.render(self.widget, painter, QPoint(0, self.top))
        if self.footnote:
            painter.setFont(self.plain)
            at = self.top + self.widget.height() + self.PAD
            painter.drawText(QRect(self.PAD, at, width, self.bottom - self.PAD), int(Qt.TextFlag.TextWordWrap), self.footnote)
