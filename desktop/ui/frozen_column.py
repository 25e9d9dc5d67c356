"""A table whose first column stays in place while the others scroll sideways, so that every figure a reviewer
reads far to the right still has its indicator's name beside it (Qt's "frozen column" arrangement: a second
view over the first column, sharing the model and the selection)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView


class FrozenColumnTable(QTableView):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.frozen = QTableView(self)
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
        self.frozen.doubleClicked.connect(self.doubleClicked)  # a click on a name acts as on its row

    def setModel(self, model) -> None:  # noqa: N802 - Qt's name
        super().setModel(model)
        self.frozen.setModel(model)
        self.frozen.setSelectionModel(self.selectionModel())
        self.frozen.setSelectionBehavior(self.selectionBehavior())
        self.frozen.setSelectionMode(self.selectionMode())
        model.modelReset.connect(self._show_first_only)
        model.layoutChanged.connect(self._show_first_only)
        self._show_first_only()

    def setSelectionBehavior(self, behavior) -> None:  # noqa: N802 - Qt's name
        super().setSelectionBehavior(behavior)
        self.frozen.setSelectionBehavior(behavior)

    def setSelectionMode(self, mode) -> None:  # noqa: N802 - Qt's name
        super().setSelectionMode(mode)
        self.frozen.setSelectionMode(mode)

    def _show_first_only(self) -> None:
        for column in range(1, self.model().columnCount()):
            self.frozen.setColumnHidden(column, True)
        self.frozen.setColumnWidth(0, self.columnWidth(0))
        self._place()

    def _column_resized(self, column: int, _old: int, new: int) -> None:
        if column == 0:
            self.frozen.setColumnWidth(0, new)
            self._place()

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._place()

    def _place(self) -> None:
        self.frozen.horizontalHeader().setFixedHeight(self.horizontalHeader().height())
        self.frozen.setGeometry(self.verticalHeader().width() + self.frameWidth(), self.frameWidth(), self.columnWidth(0),
                                self.viewport().height() + self.horizontalHeader().height())  # fmt: skip

    def scrollTo(self, index, hint=QAbstractItemView.ScrollHint.EnsureVisible) -> None:  # noqa: N802 - Qt's name
        if index.column() > 0:  # the first column is always in view; scrolling to it would hide the others' start
            super().scrollTo(index, hint)
        else:
            super().scrollTo(index.siblingAtColumn(max(0, self.horizontalHeader().logicalIndexAt(self.columnWidth(0) + 1))), hint)
