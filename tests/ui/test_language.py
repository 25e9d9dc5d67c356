"""No English leaks into the Chinese interface; the English one is English."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractButton, QComboBox, QLabel, QLineEdit, QTabWidget, QWidget

from desktop.ui.dialogs.first_run import FirstRunDialog
from desktop.ui.dialogs.login import LoginDialog
from desktop.ui.dialogs.problems import ProblemsDialog
from desktop.ui.dialogs.submit import SubmitDialog

ALLOWED = {"EcoReport", "PM", "Excel", "xlsx", "pts"}
WORD = re.compile(r"[A-Za-z]{2,}")


def texts_of(widget: QWidget) -> list[str]:
    out = [widget.windowTitle()]
    for child in [widget] + widget.findChildren(QWidget):
        if not child.isVisibleTo(widget) and child is not widget:
            continue
        if isinstance(child, QLabel | QAbstractButton):
            out.append(child.text())
        elif isinstance(child, QLineEdit):
            out.append(child.placeholderText())
        elif isinstance(child, QComboBox):
            out += [child.itemText(i) for i in range(child.count())]
        elif isinstance(child, QTabWidget):
            out += [child.tabText(i) for i in range(child.count())]
    for action in widget.actions():
        out.append(action.text())
    return out


def menu_texts(window) -> list[str]:
    out = []
    for action in window.menuBar().actions():
        out.append(action.text())
        if action.menu():
            for sub in action.menu().actions():
                out.append(sub.text())
                if sub.menu():
                    out += [a.text() for a in sub.menu().actions()]
    return out


def model_texts(window) -> list[str]:
    model = window.model
    out = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    for r in range(model.rowCount()):
        out += [model.index(r, c).data() or "" for c in range(model.columnCount())]
    checks = window.checks.model
    for g in range(checks.rowCount()):
        group = checks.index(g, 0)
        out.append(group.data())
        out += [checks.index(r, 0, group).data() for r in range(checks.rowCount(group))]
    return out


def leaks(texts: list[str], logins: set[str] = frozenset()) -> set[str]:
    """English words in `texts`; `logins`, user names people sign in with (wanzhou, admin), are data, not English."""
    words = set()
    for text in texts:
        for word in WORD.findall(text or ""):
            if word not in ALLOWED and not word.startswith(("air", "water")):
                words.add(word)
    return words - {"English"} - logins  # the language menu names English in English, as every app does


def test_the_chinese_main_screen_has_no_english(gui):
    window = gui.window
    window.controller.apply_values({"water.sections_total": "3"}, "修改")  # a missed target and a warning to show
    texts = texts_of(window) + menu_texts(window) + model_texts(window)
    texts += [window.status_unit.text(), window.status_state.text(), window.status_saved.text()]
    assert leaks(texts, {window.controller.user.name}) == set()  # the title names who is signed in


def test_the_chinese_dialogs_have_no_english(gui, qtbot):
    dialogs = [LoginDialog(), FirstRunDialog([("500101", "500101 万州区")]), SubmitDialog("摘要", ["一项错误"], [("wang", "王审核")]),
               SubmitDialog("摘要", [], [("wang", "王审核")]), ProblemsDialog("文件未被接受", ["填报表!E5: 须为不小于0的整数"])]  # fmt: skip
    for dialog in dialogs:
        qtbot.addWidget(dialog)
        dialog.show()
        assert leaks(texts_of(dialog), {"admin"}) == set(), type(dialog).__name__  # first start names the account


def test_qt_own_dialog_buttons_are_chinese(gui, qtbot):
    from PySide6.QtWidgets import QDialogButtonBox

    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel | QDialogButtonBox.StandardButton.Close)
    qtbot.addWidget(box)
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text() in ("取消", "取消(&C)")


def test_the_english_main_screen(gui):
    gui.window.languageChosen.emit("en")
    texts = " ".join(texts_of(gui.window) + menu_texts(gui.window) + model_texts(gui.window))
    assert "State-controlled sections" in texts and "Checks" in texts and "国控断面数" not in texts
    gui.window.languageChosen.emit("zh")


def test_every_marked_string_has_a_chinese_translation():
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    if not (root / "desktop" / "ui").is_dir():
        pytest.skip("run against an installed package: the UI sources are not here")
    result = subprocess.run([sys.executable, str(root / "scripts" / "check-translations")], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_f1_opens_the_user_manual_with_its_screenshots(gui, qtbot):
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QKeySequence, QTextDocument

    manual = next(a for a in gui.window.findChildren(QAction) if a.shortcut() == QKeySequence("F1"))
    manual.trigger()
    from desktop.ui.manual import _open

    window = _open[0]
    qtbot.addWidget(window)
    text = window.browser.toPlainText()
    for chapter in ("安装", "市局：首次设置", "区县：半年度填报", "市局：审核", "备份与恢复", "密钥"):
        assert chapter in text
    image = window.browser.document().resource(QTextDocument.ResourceType.ImageResource, QUrl("screenshots/entry-zh.png"))
    assert image is not None and not image.isNull()


def test_qt_s_own_file_dialog_speaks_chinese_too(qapp):
    """Qt's Chinese translation misses two of its file dialog's labels; the Chinese UI fills them in."""
    import re

    from PySide6.QtWidgets import QFileDialog, QLabel

    from desktop.ui import i18n

    translators = i18n.install(qapp, "zh")
    try:
        dialog = QFileDialog(None, "保存", "", "PNG (*.png)")
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        labels = [label.text() for label in dialog.findChildren(QLabel)]
        assert labels and not [t for t in labels if re.search(r"[A-Za-z]{3}", t)], labels
    finally:
        i18n.remove(qapp, translators)


def test_a_string_without_a_translation_shows_its_english_not_nothing(qapp):
    """Qt's own dialogs' gaps are filled by a translator asked last: it must pass on what it does not know."""
    from PySide6.QtCore import QCoreApplication

    from desktop.ui import i18n

    translators = i18n.install(qapp, "zh")
    try:
        assert QCoreApplication.translate("ReviewPage", "A sentence no file translates") == "A sentence no file translates"
        assert QCoreApplication.translate("QFileDialog", "&Look in:") == "查找范围(&L)："
        assert QCoreApplication.translate("MainWindow", "Quit") == "退出"
    finally:
        i18n.remove(qapp, translators)


def test_without_a_font_for_chinese_the_window_is_english_and_says_why(qapp, qtbot, demo_copy, settings, dialogs, monkeypatch):
    """A desktop with no Chinese font drew every word as a box: the program opens in English instead, says why and
    what to install, and opens in Chinese again once a font is there (the fallback is not saved as the choice)."""
    from desktop.ui import app as gui_app
    from desktop.ui import i18n
    from tests.ui.conftest import open_gui

    monkeypatch.setattr(i18n, "shows_chinese", lambda: False)
    gui = open_gui(qapp, demo_copy, settings, lang="zh")
    qtbot.addWidget(gui.window)
    try:
        assert gui.lang == "en" and gui.context().lang == "en"
        assert "File" in menu_texts(gui.window)[0]
        monkeypatch.setattr(gui, "login", lambda: None)  # the login is cancelled: the message came before it
        assert gui_app._session(gui, gui.args) == 0
        assert dialogs["warning"] and "fonts-noto-cjk" in dialogs["warning"][-1] and "English" in dialogs["warning"][-1]
        gui.remember()
        assert settings.get("language") != "en"
    finally:
        i18n.remove(qapp, gui.translators)
        gui.close()
    monkeypatch.setattr(i18n, "shows_chinese", lambda: True)
    again = gui_app.GuiApp(gui.args, qapp, settings)
    try:
        assert again.lang == "zh" and not again.without_chinese_font
    finally:
        i18n.remove(qapp, again.translators)
        again.close()
