"""Editors for the grid: every keystroke is taken, and the text is judged when it is committed.

A refused value is never stored: the editor stays open with what was typed, and the reason stands
under the cell until the text is corrected or Esc is pressed. Input cells are drawn as boxes, so they
read as places to write, unlike figures that are calculated.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QPen
from PySide6.QtWidgets import QComboBox, QLineEdit, QStyledItemDelegate

from desktop.ui.models.indicators import EXPLANATION, ROW_ROLE, VALUE

COMMIT_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab, Qt.Key.Key_Backtab)
_KEEPS_FOCUS = (Qt.FocusReason.MouseFocusReason, Qt.FocusReason.TabFocusReason, Qt.FocusReason.BacktabFocusReason,
                Qt.FocusReason.ShortcutFocusReason, Qt.FocusReason.OtherFocusReason)  # fmt: skip
INPUT_FRAME = QColor("#6f8fb8")


class ValueDelegate(QStyledItemDelegate):
    refused = Signal(object, str)  # the index, why its text was not stored
    accepted = Signal()  # the text in the editor is fine again

    def __init__(self, controller, parent=None):
        super().__init__(parent)
        self._controller = controller

    def createEditor(self, parent, option, index):
        row = index.data(ROW_ROLE)
        if index.column() == VALUE and row.indicator.type == "category":
            combo = QComboBox(parent)
            combo.addItem("")
            combo.addItems(list(row.indicator.levels if self._controller.lang == "zh" else row.indicator.levels_en))
            combo.setAccessibleName(row.name)
            return combo
        editor = QLineEdit(parent)  # no validator: every keystroke arrives, and nothing is silently dropped
        editor.setAccessibleName(row.name if index.column() == VALUE else self.tr("Explanation of %1").replace("%1", row.name))
        if index.column() == VALUE:
            editor.setAlignment(Qt.AlignmentFlag.AlignRight)
        editor.textEdited.connect(lambda text, e=editor, i=index: self._recheck(e, i, text))
        return editor

    def setEditorData(self, editor, index):
        text = index.data(Qt.ItemDataRole.EditRole) or ""
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(0, editor.findText(text)))
        elif not editor.text():  # typing started the edit: keep what was typed
            editor.setText(text)

    def _text(self, editor) -> str:
        return editor.currentText() if isinstance(editor, QComboBox) else editor.text()

    def refusal(self, editor, index) -> str | None:
        return self._controller.refusal(index.data(ROW_ROLE).code, index.column(), self._text(editor))

    def _recheck(self, editor, index, text) -> None:
        if editor.property("refused") and self._controller.refusal(index.data(ROW_ROLE).code, index.column(), text) is None:
            editor.setProperty("refused", False)
            editor.setStyleSheet("")
            self.accepted.emit()

    def _refuse(self, editor, index, reason: str) -> None:
        editor.setProperty("refused", True)
        editor.setStyleSheet("QLineEdit { border: 2px solid #c0392b; background: #fff5f4; }")
        self.refused.emit(index, reason)

    def eventFilter(self, editor, event):
        commit = event.type() == QEvent.Type.KeyPress and event.key() in COMMIT_KEYS
        if (commit or event.type() == QEvent.Type.FocusOut) and not isinstance(editor, QComboBox):
            index = self.parent().currentIndex()
            reason = self.refusal(editor, index)
            if reason:
                self._refuse(editor, index, reason)
                if event.type() == QEvent.Type.FocusOut and event.reason() in _KEEPS_FOCUS:
                    # Clicked or tabbed away within the window: the keys come back to the refused text (else they went
                    # nowhere while it stayed open). Another window or a menu takes the focus as usual.
                    QTimer.singleShot(0, editor, editor.setFocus)
                return True  # the editor stays open with the text as typed
        return super().eventFilter(editor, event)

    def setModelData(self, editor, model, index):
        reason = self.refusal(editor, index)
        if reason:  # focus went elsewhere with refused text: nothing is stored, and the reason is shown
            self._refuse(editor, index, reason)
            return
        model.setData(index, self._text(editor), Qt.ItemDataRole.EditRole)

    def paint(self, painter, option, index):
        super().paint(painter, option, index)
        if index.column() in (VALUE, EXPLANATION) and index.flags() & Qt.ItemFlag.ItemIsEditable:
            painter.save()
            painter.setPen(QPen(INPUT_FRAME, 1))
            painter.drawRect(option.rect.adjusted(1, 1, -2, -2))
            painter.restore()
