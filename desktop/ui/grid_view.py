"""The indicator grid: edits like Excel, but nothing is stored that nobody typed.

Typing on an input cell starts editing; typing anywhere else stores nothing and says why at the cell
(there is no keyboard search). Enter commits and moves down, Tab moves to the next input cell, and
while editing the arrow keys skip rows that cannot be entered. A refused value stays in the editor,
with the reason under the cell, until it is corrected or Esc is pressed. Ctrl+V pastes a block copied
from Excel or WPS by position, across the value and explanation columns; Delete clears.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QGuiApplication, QKeySequence
from PySide6.QtWidgets import QAbstractItemDelegate, QAbstractItemView, QHeaderView, QLabel, QTableView

from desktop.ui.column_fit import fit_column
from desktop.ui.models.indicators import (
    CHANGE,
    CODE_ROLE,
    EXPLANATION,
    LAST_YEAR,
    NAME,
    PREVIOUS,
    ROW_ROLE,
    STATUS,
    TARGET,
    UNIT,
    VALUE,
)
from desktop.ui.paste import PasteCell, parse_block
from desktop.ui.plain_header import plain_headers

INPUT_COLUMNS = (VALUE, EXPLANATION)
COLUMN_NAMES = {VALUE: "value", EXPLANATION: "explanation"}


class CellMessage(QLabel):
    """Why a cell refused what was typed, shown right under it (and read out by screen readers)."""

    def __init__(self, parent):
        super().__init__(parent)
        self.setObjectName("cellMessage")
        self.setWordWrap(True)
        self.setStyleSheet("QLabel#cellMessage { background: #fdecea; color: #8a1c12; border: 1px solid #c0392b;"
                           " padding: 3px 6px; }")  # fmt: skip
        self.setAccessibleName(self.tr("Why the value was not stored"))
        self.hide()

    def show_at(self, rect, text: str) -> None:
        self.setText("⚠ " + text)
        width = max(rect.width(), 360)
        self.setFixedWidth(min(width, max(200, self.parentWidget().width() - rect.left() - 4)))
        self.adjustSize()
        top = rect.bottom() + 2
        if top + self.height() > self.parentWidget().height():
            top = max(0, rect.top() - self.height() - 2)
        self.move(rect.left(), top)
        self.show()
        self.raise_()


class GridView(QTableView):
    pasted = Signal(list)  # [PasteCell]
    cleared = Signal(list)  # [code]

    def __init__(self, parent=None):
        super().__init__(parent)
        plain_headers(self)
        self.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
                             | QAbstractItemView.EditTrigger.AnyKeyPressed)  # fmt: skip
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setTabKeyNavigation(True)
        self.setAlternatingRowColors(False)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setDefaultSectionSize(26)
        header = self.horizontalHeader()
        header.setStretchLastSection(True)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        header.setMinimumHeight(40)
        self.setWordWrap(False)
        self.message = CellMessage(self.viewport())
        self.why_not = lambda row, column: None  # set by the window: why a cell cannot be entered, in words
        self.validate = lambda row, column, text: None  # set by the window: why typed text would be refused

    def configure_columns(self) -> None:
        """After the model is set: a section's mode cannot be set before the section exists (Qt 6.8 crashes)."""
        self.horizontalHeader().setSectionResizeMode(NAME, QHeaderView.ResizeMode.Interactive)
        for col, width in ((NAME, 210), (VALUE, 92), (UNIT, 66), (PREVIOUS, 80), (LAST_YEAR, 80), (CHANGE, 92),
                           (TARGET, 70), (STATUS, 170)):  # fmt: skip
            self.setColumnWidth(col, width)
        self._fitted = False
        self.model().modelReset.connect(self._fit_once)

    # Names, units and attainments read whole where the screen allows; the explanation column takes what is left.
    FIT = {NAME: (210, 300), UNIT: (66, 112), STATUS: (170, 240)}  # 微克/立方米 whole, not 微克/立…

    def _fit_once(self) -> None:
        """The first rows shown size the name, unit and status columns to their longest text, within bounds; after that the
        widths stay as they are (or as the person dragged them)."""
        model = self.model()
        if self._fitted or model.rowCount() == 0:
            return
        self._fitted = True
        for col, (least, most) in self.FIT.items():
            fit_column(self, col, (model.index(row, col).data() for row in range(model.rowCount())), least, most)

    # --- no keyboard search: a keystroke never moves the cursor or lands elsewhere -------------
    def keyboardSearch(self, search: str) -> None:
        return

    def _editable(self, index: QModelIndex) -> bool:
        return index.isValid() and bool(index.flags() & Qt.ItemFlag.ItemIsEditable)

    def say(self, index: QModelIndex, text: str) -> None:
        """Shows a reason at the cell; the window's status bar repeats it."""
        if index.isValid():
            self.scrollTo(index)
            self.message.show_at(self.visualRect(index), text)

    def hide_message(self) -> None:
        self.message.hide()

    def _reason(self, index: QModelIndex) -> str:
        row = index.data(ROW_ROLE)
        column = index.column() if index.column() in INPUT_COLUMNS else None
        return self.why_not(row, column) or self.tr("This cell cannot be entered")

    # --- typing, Enter, Tab, arrows -----------------------------------------------------------
    def keyPressEvent(self, event):
        editing = self.state() == QAbstractItemView.State.EditingState
        if event.matches(QKeySequence.StandardKey.Paste) and not editing:
            self.paste_text(QGuiApplication.clipboard().text())
            return
        current = self.currentIndex()
        typed = event.text() and event.text().isprintable() and not (
            event.modifiers() & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier))
        if not editing and typed and not self._editable(current):
            self.say(current, self._reason(current))
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not editing:
            self._go(self._step(current, 1))
            return
        if event.key() == Qt.Key.Key_Delete and not editing:
            chosen = [i for i in self.selectionModel().selectedIndexes() if i.column() == VALUE]
            codes = [i.data(CODE_ROLE) for i in chosen if self._editable(i)]
            if codes:
                self.cleared.emit(codes)
            elif chosen or current.isValid():
                self.say(current, self._reason(chosen[0] if chosen else current))
            return
        self.hide_message()
        super().keyPressEvent(event)

    def _step(self, index: QModelIndex, rows: int) -> QModelIndex:
        """The next cell up or down the same column that can be entered (the same cell if there is none)."""
        model, row = self.model(), index.row() + rows
        while 0 <= row < model.rowCount():
            candidate = model.index(row, index.column())
            if self._editable(candidate) or index.column() not in INPUT_COLUMNS:
                return candidate
            row += rows
        return index

    def _tab(self, index: QModelIndex, forward: bool) -> QModelIndex:
        """Tab walks the input cells in reading order: this half, then the explanation, then the next row."""
        model = self.model()
        cells = [(r, c) for r in range(model.rowCount()) for c in INPUT_COLUMNS]
        here = (index.row(), index.column() if index.column() in INPUT_COLUMNS else VALUE)
        position = cells.index(here) if here in cells else -1
        step = 1 if forward else -1
        position += step
        while 0 <= position < len(cells):
            candidate = model.index(*cells[position])
            if self._editable(candidate):
                return candidate
            position += step
        return index

    def moveCursor(self, action, modifiers):
        current = self.currentIndex()
        Action = QAbstractItemView.CursorAction
        if action in (Action.MoveNext, Action.MovePrevious) and current.isValid():
            return self._tab(current, action == Action.MoveNext)
        if self.state() == QAbstractItemView.State.EditingState and action in (Action.MoveUp, Action.MoveDown):
            return self._step(current, 1 if action == Action.MoveDown else -1)
        return super().moveCursor(action, modifiers)

    def _go(self, index: QModelIndex) -> None:
        if index.isValid():
            self.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)

    def closeEditor(self, editor, hint):
        self.hide_message()
        if hint == QAbstractItemDelegate.EndEditHint.SubmitModelCache:
            super().closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)
            self._go(self._step(self.currentIndex(), 1))
            return
        super().closeEditor(editor, hint)

    def editor_refusal(self) -> str | None:
        """Why the open editor's text would be refused, or None (no editor, or its text is fine)."""
        if self.state() != QAbstractItemView.State.EditingState:
            return None
        index = self.currentIndex()
        editor = self.indexWidget(index) or self.focusWidget()
        text = editor.text() if hasattr(editor, "text") else None
        if text is None:
            return None
        return self.validate(index.data(ROW_ROLE), index.column(), text)

    def mousePressEvent(self, event):
        refusal = self.editor_refusal()
        if refusal:
            self.say(self.currentIndex(), refusal)
            return  # the refused text stays where it is until corrected or Esc
        super().mousePressEvent(event)

    def currentChanged(self, current, previous):
        if current != previous:
            self.hide_message()
        super().currentChanged(current, previous)

    def event(self, event):
        if event.type() == QEvent.Type.LanguageChange:
            self.message.setAccessibleName(self.tr("Why the value was not stored"))
        return super().event(event)

    # --- paste --------------------------------------------------------------------------------
    def paste_text(self, text: str) -> None:
        """A block lands by position from the current cell: row for row down the grid, and column for column
        across the input columns (this half, then the explanation). Every cell is judged on its own."""
        block = parse_block(text)
        start = self.currentIndex()
        if not block or not start.isValid():
            return
        model = self.model()
        first = INPUT_COLUMNS.index(start.column()) if start.column() in INPUT_COLUMNS else 0
        columns = INPUT_COLUMNS[first:]
        cells = []
        for offset, line in enumerate(block):
            row = start.row() + offset
            for position, text_ in enumerate(line):
                if row >= model.rowCount():
                    cells.append(PasteCell(row, None, None, "", text_, self.tr("below the last row")))
                    continue
                name = model.index(row, NAME).data(ROW_ROLE).name
                code = model.index(row, NAME).data(CODE_ROLE)
                if position >= len(columns):
                    if text_.strip():
                        cells.append(PasteCell(row, None, code, name, text_, self.tr("no input column there")))
                    continue
                index = model.index(row, columns[position])
                refusal = None if self._editable(index) else self._reason(index)
                cells.append(PasteCell(row, COLUMN_NAMES[columns[position]], code, name, text_.strip(), refusal))
        if cells:
            self.pasted.emit(cells)
