"""Chinese input on fcitx5 and IBus desktops with the bundled Qt (the typing itself: installer/test-input-method)."""

from __future__ import annotations

from PySide6.QtCore import QLibraryInfo, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QLabel

from desktop.ui.dialogs.input_check import InputCheckDialog
from desktop.ui.input_method import bundled_plugins, choose

BUNDLED = {"ibus", "compose"}


def test_pyside6_ships_the_ibus_plugin_the_fcitx_route_relies_on():
    plugins = bundled_plugins([QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath)])
    assert {"ibus", "compose"} <= plugins
    assert "fcitx" not in plugins and "fcitx5" not in plugins


def test_fcitx_desktop_gets_qt_ibus_plugin_through_the_portal_fcitx5_serves():
    choice = choose({"QT_IM_MODULE": "fcitx", "XMODIFIERS": "@im=fcitx"}, BUNDLED)
    assert choice.changes == {"QT_IM_MODULE": "ibus", "IBUS_USE_PORTAL": "1"}
    assert choice.framework == "fcitx" and choice.requested == "fcitx"


def test_fcitx_named_only_in_xmodifiers_or_as_fcitx5_or_in_a_module_list():
    assert choose({"XMODIFIERS": "@im=fcitx"}, BUNDLED).plugin == "ibus"
    assert choose({"QT_IM_MODULE": "fcitx5"}, BUNDLED).plugin == "ibus"
    listed = choose({"QT_IM_MODULES": "wayland;fcitx"}, BUNDLED)
    assert listed.changes == {"QT_IM_MODULE": "ibus", "QT_IM_MODULES": "ibus", "IBUS_USE_PORTAL": "1"}


def test_what_the_bundled_qt_can_do_itself_is_left_alone():
    assert choose({"QT_IM_MODULE": "ibus", "XMODIFIERS": "@im=ibus"}, BUNDLED).changes == {}
    assert choose({"QT_IM_MODULE": "fcitx"}, BUNDLED | {"fcitx"}).changes == {}  # a build that carries fcitx5-qt
    assert choose({}, BUNDLED).changes == {}
    assert choose({"QT_IM_MODULE": "fcitx"}, {"compose"}).changes == {}  # no ibus plugin: nothing to switch to


def test_an_ibus_desktop_that_tells_only_gtk_and_x_gets_the_ibus_plugin_without_the_portal():
    assert choose({"XMODIFIERS": "@im=ibus", "GTK_IM_MODULE": "ibus"}, BUNDLED).changes == {"QT_IM_MODULE": "ibus"}


def test_a_portal_setting_of_the_users_own_is_kept():
    assert "IBUS_USE_PORTAL" not in choose({"QT_IM_MODULE": "fcitx", "IBUS_USE_PORTAL": "0"}, BUNDLED).changes


def test_the_check_says_when_chinese_arrives(qtbot):
    dialog = InputCheckDialog(choose({"QT_IM_MODULE": "fcitx"}, BUNDLED), {"fcitx5", "ibus-portal"})
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.field, "abc")
    assert "Ctrl+Space" in dialog.verdict.text()
    commit = QInputMethodEvent()  # what an input method sends when the user picks 你好
    commit.setCommitString("你好")
    QApplication.sendEvent(dialog.field, commit)
    assert dialog.verdict.text() == "Chinese input works."
    assert dialog.typed == "abc你好"
    qtbot.keyClick(dialog.field, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_the_check_names_fcitx4_as_the_reason_when_it_is_what_runs(qtbot):
    dialog = InputCheckDialog(choose({"QT_IM_MODULE": "fcitx"}, BUNDLED), {"fcitx4"})
    qtbot.addWidget(dialog)
    assert "fcitx 4 is running, but EcoReport could not connect" in dialog.verdict.text()


def test_the_check_says_when_ecoreport_speaks_to_fcitx4_itself(qtbot, monkeypatch):
    from desktop.ui.dialogs import input_check

    monkeypatch.setattr(input_check, "served_by", lambda: "fcitx4")
    dialog = InputCheckDialog(choose({"QT_IM_MODULE": "fcitx"}, BUNDLED), {"fcitx4"})
    qtbot.addWidget(dialog)
    assert "fcitx 4, spoken to directly over D-Bus" in [label.text() for label in dialog.findChildren(QLabel)]
    assert "Ctrl+Space" in dialog.verdict.text()
