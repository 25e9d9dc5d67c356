"""A header measured in the font it is drawn in."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QHeaderView, QStyle, QStyleOptionHeader


class PlainHeader(QHeaderView):
    """Qt measures every header section in bold, to leave room for highlighting the current cell's column. For
    Chinese labels that loads the bold face of the system's CJK font (3–4 MiB of it resident) for text that is never
    drawn bold here: the highlight is off, and each section is measured in the header's own font."""

    def __init__(self, orientation: Qt.Orientation, parent=None):
        super().__init__(orientation, parent)
        self.setHighlightSections(False)

    def sectionSizeFromContents(self, logical: int) -> QSize:  # noqa: N802 - Qt's name
        option = QStyleOptionHeader()
        self.initStyleOption(option)
        option.section = logical
        text = self.model().headerData(logical, self.orientation()) if self.model() is not None else None
        option.text = "" if text is None else str(text)
        option.fontMetrics = self.fontMetrics()
        if self.isSortIndicatorShown():  # room for the arrow, as Qt leaves it
            option.sortIndicator = QStyleOptionHeader.SortIndicator.SortDown
        return self.style().sizeFromContents(QStyle.ContentsType.CT_HeaderSection, option, QSize(), self)


def plain_headers(view) -> None:
    """Gives a table or tree view a PlainHeader in place of the one Qt made, keeping that one's settings; called
    before the view's header is set up."""
    from PySide6.QtWidgets import QTreeView

    old = view.header() if isinstance(view, QTreeView) else view.horizontalHeader()
    header = PlainHeader(Qt.Orientation.Horizontal, view)
    header.setStretchLastSection(old.stretchLastSection())
    header.setSectionsMovable(old.sectionsMovable())
    header.setSectionsClickable(old.sectionsClickable())
    header.setDefaultAlignment(old.defaultAlignment())
    if isinstance(view, QTreeView):
        view.setHeader(header)
    else:
        view.setHorizontalHeader(header)
        view.verticalHeader().setHighlightSections(False)
