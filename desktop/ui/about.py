"""The About box."""

from __future__ import annotations

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QCoreApplication, qVersion
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMessageBox

from desktop import __version__


def add_about_action(menu_bar, window) -> QAction:
    menu = menu_bar.addMenu(QCoreApplication.translate("About", "&Help"))
    action = QAction(QCoreApplication.translate("About", "About EcoReport"), window)
    action.triggered.connect(lambda: show_about(window))
    manual = QAction(QCoreApplication.translate("About", "User manual"), window)
    manual.setShortcut(QKeySequence.StandardKey.HelpContents)  # F1
    manual.triggered.connect(lambda: _show_manual(window))
    menu.addAction(manual)
    check = QAction(QCoreApplication.translate("About", "Input method check…"), window)
    check.triggered.connect(lambda: show_input_check(window))
    menu.addAction(check)
    menu.addAction(action)
    return action


def _show_manual(window):
    from desktop.ui.manual import show_manual

    return show_manual(window)


def show_input_check(window):
    from desktop.ui import input_method
    from desktop.ui.dialogs.input_check import InputCheckDialog

    dialog = InputCheckDialog(input_method.applied(), input_method.running_services(), window)
    dialog.exec()
    return dialog


def about_text() -> str:
    return QCoreApplication.translate(
        "About", "<h3>EcoReport %1</h3><p>Half-year reporting and review of ecological-environment indicators.</p>"
        "<p>Qt %2, PySide6 %3</p>",
    ).replace("%1", __version__).replace("%2", qVersion()).replace("%3", pyside_version)  # fmt: skip


def show_about(window) -> None:
    QMessageBox.about(window, QCoreApplication.translate("About", "About EcoReport"), about_text())
