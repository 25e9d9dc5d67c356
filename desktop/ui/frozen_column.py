"""A table whose first columns stay in place while the others scroll sideways, so that every figure a reviewer
reads far to the right still has its indicator's name (and, where asked, the figure under review) beside it
(Qt's "frozen column" arrangement: a second view over the first columns, sharing the model and the selection).

A sideways scroll stops only where a column begins at the frozen columns' edge: a column half under them would show
the right-hand digits of its figures as if they were whole (177 read as 77)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from desktop.ui.plain_header import plain_headers


class FrozenColumnTable(QTableView):
    def __init__(self, parent=None, frozen: int = 1):
        super().__init__(parent)
        plain_headers(self)
        self.frozen_count = frozen  # how many of the first columns stay in place
        self.frozen = QTableView(self)
        plain_headers(self.frozen)
        self.frozen.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.frozen.verticalHeader().hide()
        self.frozen.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.frozen.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.frozen.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.frozen.setFrameShape(QTableView.Shape.NoFrame)
        self.frozen.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.frozen.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.viewport().stackUnder(self.frozen)
        self.horizontalHeader().sectionResized.connect(self._column_resized)
        self.verticalHeader().sectionResized.connect(lambda row, _old, new: self.frozen.setRowHeight(row, new))
        self.verticalScrollBar().valueChanged.connect(self.frozen.verticalScrollBar().setValue)
        self.frozen.verticalScrollBar().valueChanged.connect(self.verticalScrollBar().setValue)
        self.frozen.doubleClicked.connect(self.doubleClicked)  # a double-click there acts as on the same cell
        self._last_offset, self._snapping = 0, False
        self.horizontalScrollBar().valueChanged.connect(self._snap)

    def setModel(self, model) -> None:  # noqa: N802 - Qt's name
        super().setModel(model)
        self.frozen.setModel(model)
        self.frozen.setSelectionModel(self.selectionModel())
        self.frozen.setSelectionBehavior(self.selectionBehavior())
        self.frozen.setSelectionMode(self.selectionMode())
        model.modelReset.connect(self._show_frozen_only)
        model.layoutChanged.connect(self._show_frozen_only)
        self._show_frozen_only()

    def setSelectionBehavior(self, behavior) -> None:  # noqa: N802 - Qt's name
        super().setSelectionBehavior(behavior)
        self.frozen.setSelectionBehavior(behavior)

    def setSelectionMode(self, mode) -> None:  # noqa: N802 - Qt's name
        super().setSelectionMode(mode)
        self.frozen.setSelectionMode(mode)

    def frozen_width(self) -> int:
        return sum(self.columnWidth(column) for column in range(self.frozen_count))

    def _show_frozen_only(self) -> None:
        for column in range(self.model().columnCount()):
            self.frozen.setColumnHidden(column, column >= self.frozen_count)
            if column < self.frozen_count:
                self.frozen.setColumnWidth(column, self.columnWidth(column))
        self._place()

    def _column_resized(self, column: int, _old: int, new: int) -> None:
        if column < self.frozen_count:
            self.frozen.setColumnWidth(column, new)
            self._place()

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._place()

    def _place(self) -> None:
        self.frozen.horizontalHeader().setFixedHeight(self.horizontalHeader().height())
        self.frozen.setGeometry(self.verticalHeader().width() + self.frameWidth(), self.frameWidth(), self.frozen_width(),
                                self.viewport().height() + self.horizontalHeader().height())  # fmt: skip

    def stops(self) -> list[int]:
        """The sideways offsets a scroll may rest at: each column's start exactly at the frozen columns' edge."""
        header, stops, at = self.horizontalHeader(), [], 0
        for visual in range(self.frozen_count, header.count()):
            logical = header.logicalIndex(visual)
            if not header.isSectionHidden(logical):
                stops.append(at)
                at += header.sectionSize(logical)
        return stops or [0]

    def _snap(self, value: int) -> None:
        if self._snapping:
            return
        stops = self.stops()
        if value not in stops:  # on in the direction it went, to the next whole column
            ahead = value > self._last_offset
            value = next((s for s in stops if s >= value), stops[-1]) if ahead else max(s for s in stops if s <= value)
            self._snapping = True
            try:
                self.horizontalScrollBar().setValue(value)
            finally:
                self._snapping = False
        self._last_offset = self.horizontalScrollBar().value()

    def updateGeometries(self) -> None:  # noqa: N802 - Qt's name
        super().updateGeometries()
        bar = self.horizontalScrollBar()
        bar.setSingleStep(1)  # a step (an arrow, a notch of the wheel) goes on to the next column, not past it
        if bar.maximum() > 0:  # far enough that the last columns, too, start at the frozen one's edge
            bar.setMaximum(next((s for s in self.stops() if s >= bar.maximum()), bar.maximum()))
            self._snap(bar.value())

    def scrollTo(self, index, hint=QAbstractItemView.ScrollHint.EnsureVisible) -> None:  # noqa: N802 - Qt's name
        bar = self.horizontalScrollBar()
        offset = bar.value()
        super().scrollTo(index.siblingAtColumn(0), hint)  # the rows as Qt scrolls them; the columns, below
        if index.column() < self.frozen_count:  # the frozen columns are always in view
            bar.setValue(offset)
            return
        start = self.horizontalHeader().sectionPosition(index.column()) - self.frozen_width()  # its stop
        room = self.viewport().width() - self.frozen_width()
        if start < offset:  # under the frozen columns: it comes out to their edge
            offset = start
        elif start + self.columnWidth(index.column()) > offset + room:  # beyond the right edge: the first stop showing it
            offset = next((s for s in self.stops() if start + self.columnWidth(index.column()) <= s + room), start)
        self._last_offset = offset
        bar.setValue(offset)
