"""The checks panel: every CheckResult by severity; double-click goes to the value; warnings get an
explanation editor whose text is stored with the value — on Save, and when the person leaves the editor or chooses
another warning, as every other edit is stored at once: typed text is never dropped."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.models.checks import CheckTreeModel
from desktop.ui.plain_header import plain_headers


class ChecksPanel(QWidget):
    goTo = Signal(str)  # code
    explain = Signal(str, str)  # code, text

    def __init__(self, lang: str, parent=None):
        super().__init__(parent)
        self.model = CheckTreeModel(lang, self)
        self.tree = QTreeView(self)
        plain_headers(self.tree)
        self.tree.setModel(self.model)
        self.tree.setHeaderHidden(True)
        self.tree.setWordWrap(True)
        self.tree.setUniformRowHeights(False)
        self.tree.doubleClicked.connect(self._double_clicked)
        self.tree.selectionModel().currentChanged.connect(self._current_changed)
        self.label = QLabel(self.tr("Select a warning to explain it."), self)
        self.label.setWordWrap(True)
        self.editor = QPlainTextEdit(self)
        self.editor.setPlaceholderText(self.tr("Why does this value miss its target or change so much?"))
        self.editor.setMaximumHeight(90)
        self.editor.installEventFilter(self)  # leaving it stores what was typed
        self.save = QPushButton(self.tr("Save explanation"), self)
        self.save.clicked.connect(self._save)
        self.tree.setAccessibleName(self.tr("Checks"))
        self.editor.setAccessibleName(self.tr("Explanation"))
        # Side by side: the panel sits under the grid, wide and low.
        explain = QVBoxLayout()
        for widget in (self.label, self.editor, self.save):
            explain.addWidget(widget)
        explain.addStretch(1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tree, 3)
        layout.addLayout(explain, 2)
        self._code: str | None = None
        self._explanations: dict[str, str] = {}
        self._read_only = False
        self._set_editing(False)

    def show_results(self, results, explanations: dict[str, str], read_only: bool) -> None:
        self._keep_typed()  # a refresh (a value stored, an import) while the person was typing
        selected = self._code
        self._explanations, self._read_only = explanations, read_only
        self.model.set_results(results)
        self.tree.expandAll()
        self._code = None
        self._set_editing(False)
        if selected:
            self._select_code(selected)

    def _select_code(self, code: str) -> None:
        for group in range(self.model.rowCount()):
            parent = self.model.index(group, 0)
            for row in range(self.model.rowCount(parent)):
                index = self.model.index(row, 0, parent)
                result = self.model.result(index)
                if result.severity == "warning" and result.codes[0] == code:
                    self.tree.setCurrentIndex(index)
                    return

    def _double_clicked(self, index) -> None:
        result = self.model.result(index)
        if result is not None:
            self.goTo.emit(result.codes[0])

    def _typed(self) -> tuple[str, str] | None:
        """The warning's code and the editor's text, when the text is not what is stored."""
        if self._code and self.editor.isEnabled():
            text = self.editor.toPlainText()
            if text != self._explanations.get(self._code, ""):
                return self._code, text
        return None

    def _keep_typed(self) -> None:
        """Stores what was typed, once the selection or focus change under way is over (storing refreshes the tree)."""
        typed = self._typed()
        if typed is not None:
            self._explanations = {**self._explanations, typed[0]: typed[1]}  # asked once, whichever event comes first
            QTimer.singleShot(0, self, lambda: self.explain.emit(*typed))  # not once the panel is gone

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt's name
        if obj is self.editor and event.type() == QEvent.Type.FocusOut:
            self._keep_typed()
        return False

    def _current_changed(self, index, _previous=None) -> None:
        self._keep_typed()
        result = self.model.result(index)
        if result is None or result.severity != "warning":
            self._code = None
            self._set_editing(False)
            return
        self._code = result.codes[0]
        self.label.setText(result.message(self.model._lang))
        self.editor.setPlainText(self._explanations.get(self._code, ""))
        self._set_editing(not self._read_only)

    def _set_editing(self, on: bool) -> None:
        self.editor.setEnabled(on)
        self.save.setEnabled(on)
        if not on and self._code is None:
            self.label.setText(self.tr("Select a warning to explain it."))
            self.editor.clear()

    def _save(self) -> None:
        if self._code:
            self.explain.emit(self._code, self.editor.toPlainText())

    def keyPressEvent(self, event):
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.tree.hasFocus():
            self._double_clicked(self.tree.currentIndex())
            return
        super().keyPressEvent(event)
