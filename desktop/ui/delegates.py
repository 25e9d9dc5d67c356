"""Editors that fit each indicator's type; a value that does not fit is refused with the reason."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QDoubleValidator, QIntValidator
from PySide6.QtWidgets import QComboBox, QLineEdit, QStyledItemDelegate, QToolTip

from desktop.ui.models.indicators import EXPLANATION, ROW_ROLE


class ValueDelegate(QStyledItemDelegate):
    refused = Signal(str)

    def __init__(self, controller, parent=None):
        super().__init__(parent)
        self._controller = controller

    def createEditor(self, parent, option, index):
        row = index.data(ROW_ROLE)
        if index.column() == EXPLANATION:
            editor = QLineEdit(parent)
            editor.setMaxLength(2000)
            return editor
        ind = row.indicator
        if ind.type == "category":
            combo = QComboBox(parent)
            combo.addItem("")
            combo.addItems(list(ind.levels if self._controller.lang == "zh" else ind.levels_en))
            return combo
        editor = QLineEdit(parent)
        if ind.type == "integer":
            editor.setValidator(QIntValidator(editor))  # guides typing; the core decides what is stored
        elif ind.numeric:
            validator = QDoubleValidator(editor)
            validator.setDecimals(ind.places)
            validator.setNotation(QDoubleValidator.Notation.StandardNotation)
            editor.setValidator(validator)
        editor.setAlignment(Qt.AlignmentFlag.AlignRight)
        return editor

    def setEditorData(self, editor, index):
        text = index.data(Qt.ItemDataRole.EditRole) or ""
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(0, editor.findText(text)))
        else:
            if index.column() != EXPLANATION:
                text = text.replace(",", "")
            if not editor.text():  # typing started the edit: keep what was typed
                editor.setText(text)

    def setModelData(self, editor, model, index):
        text = editor.currentText() if isinstance(editor, QComboBox) else editor.text()
        if index.column() != EXPLANATION and text.strip():
            row = index.data(ROW_ROLE)
            try:
                self._controller.parse(row.code, text)
            except Exception as exc:  # noqa: BLE001 - ValueRefused: shown, not stored
                reason = exc.message(self._controller.lang) if hasattr(exc, "message") else str(exc)
                QToolTip.showText(editor.mapToGlobal(editor.rect().bottomLeft()), reason, editor)
                self.refused.emit(f"{row.name}: {reason}")
                return
        model.setData(index, text, Qt.ItemDataRole.EditRole)
