"""What an empty table says in its own middle: an empty grid says nothing by itself, and the person is looking at it."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractItemView, QLabel


class EmptyHint(QObject):
    """A grey, centred line over `view`'s viewport, shown while its model has no rows and the hint has text."""

    def __init__(self, view: QAbstractItemView, text: str = ""):
        super().__init__(view)
        self._view = view
        self.label = QLabel(text, view.viewport())
        self.label.setObjectName("emptyHint")
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label.setWordWrap(True)
        self.label.setStyleSheet("color: #6b6b6b; padding: 24px;")
        self.label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)  # a click still reaches the view
        view.viewport().installEventFilter(self)
        model = view.model()
        for signal in (model.modelReset, model.rowsInserted, model.rowsRemoved, model.layoutChanged):
            signal.connect(self._update)
        self._update()

    def set_text(self, text: str) -> None:
        self.label.setText(text)
        self._update()

    def text(self) -> str:
        """What the person reads: the hint while it shows, else nothing."""
        return self.label.text() if not self.label.isHidden() else ""

    def _update(self, *_) -> None:
        self.label.setVisible(bool(self.label.text()) and self._view.model().rowCount() == 0)
        self.label.resize(self._view.viewport().size())

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Resize:
            self.label.resize(self._view.viewport().size())
        return False
