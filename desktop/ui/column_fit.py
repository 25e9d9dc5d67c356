"""A column as wide as its longest text, within bounds: a district's or a unit's name reads whole, not 石柱土家族…"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QStyle, QTableView


def fit_column(view: QTableView, column: int, texts: Iterable[object], least: int, most: int) -> int:
    """Sets and returns the width: the widest of `texts` in the view's font, with a cell's margins and room for an
    icon or sort mark, never below `least` nor above `most`."""
    metrics = view.fontMetrics()
    widest = max((metrics.horizontalAdvance(str(t)) for t in texts if t), default=0)
    room = widest + 2 * view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 28
    width = max(least, min(most, room))
    view.setColumnWidth(column, width)
    return width


def fit_headers(view: QTableView) -> None:
    """Widens any column narrower than its heading (English headings run longer than Chinese): "Previous version",
    not "evious versio". The last column, which stretches, is left to the layout."""
    header = view.horizontalHeader()
    metrics = header.fontMetrics()
    model = view.model()
    margin = 2 * view.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin) + 16  # and the sort mark
    for column in range(model.columnCount() - (1 if header.stretchLastSection() else 0)):
        text = str(model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole) or "")
        needed = metrics.horizontalAdvance(text) + margin
        if view.columnWidth(column) < needed:
            view.setColumnWidth(column, needed)
