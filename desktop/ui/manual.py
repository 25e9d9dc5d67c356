"""用户手册 in a window of its own (F1): the Markdown manual with its screenshots, read offline."""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtGui import QTextCursor, QTextDocument
from PySide6.QtWidgets import QMainWindow, QTextBrowser

from desktop.resources import manual_path

_open: list[QMainWindow] = []  # one manual window, kept alive while it is open


class ManualWindow(QMainWindow):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("User manual"))
        self.browser = QTextBrowser(self)
        self.browser.setOpenExternalLinks(False)
        path = manual_path()
        if path is None:
            self.browser.setPlainText(self.tr("The user manual is not installed."))
        else:
            self.browser.setSource(QUrl.fromLocalFile(str(path)))
            _fit_images(self.browser.document(), 840)
        self.setCentralWidget(self.browser)
        self.resize(900, 680)


def _fit_images(document, width: int) -> None:
    """Screenshots are taken at 1366×768: shown scaled to the page's width, keeping their proportions."""
    cursor = QTextCursor(document)
    block = document.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            image = fragment.charFormat().toImageFormat()
            if fragment.isValid() and image.isValid():
                picture = document.resource(QTextDocument.ResourceType.ImageResource, QUrl(image.name()))
                if picture is not None and not picture.isNull() and picture.width() > width:
                    image.setWidth(width)
                    image.setHeight(picture.height() * width / picture.width())
                    cursor.setPosition(fragment.position())
                    cursor.setPosition(fragment.position() + fragment.length(), QTextCursor.MoveMode.KeepAnchor)
                    cursor.setCharFormat(image)
            it += 1
        block = block.next()


def show_manual(parent=None) -> ManualWindow:
    if _open and _open[0].isVisible():
        window = _open[0]
    else:
        window = ManualWindow(parent)
        _open[:] = [window]
    window.show()
    window.raise_()
    window.activateWindow()
    return window
