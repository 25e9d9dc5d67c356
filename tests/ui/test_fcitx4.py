"""fcitx 4 (older Kylin/UOS): the application sends keys to fcitx over D-Bus and types what it commits.
Here fcitx is a stand-in; installer/test-input-method types pinyin through the real fcitx 4 into the installed app."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.fcitx4 import Fcitx4Bridge, service_name

SPACE = 0x20


class PinyinStandIn:
    """fcitx 4's pinyin as the application sees it: letters compose, space commits the word, other keys pass."""

    WORDS = {"nihao": "你好", "shuoming": "说明"}

    def __init__(self):
        self.keys, self.composing, self.pending, self.focused, self.rects = [], "", [], None, []
        self.broken = False

    def process_key(self, keysym, keycode, state, release, time):
        if self.broken:
            raise ConnectionError("fcitx went away")
        self.keys.append((keysym, release))
        if release:
            return False
        if ord("a") <= keysym <= ord("z"):
            self.composing += chr(keysym)
            return True
        if keysym == SPACE and self.composing:
            self.pending.append(self.WORDS.get(self.composing, self.composing))
            self.composing = ""
            return True
        return False

    def focus_in(self):
        self.focused = True

    def focus_out(self):
        self.focused = False

    def reset(self):
        self.composing = ""

    def set_cursor_rect(self, x, y, width, height):
        self.rects.append((x, y, width, height))

    def commits(self):
        texts, self.pending = self.pending, []
        return texts

    def fileno(self):
        return None


@pytest.fixture
def form(qtbot):
    window = QWidget()
    layout = QVBoxLayout(window)
    fields = {"note": QLineEdit(window), "password": QLineEdit(window), "button": QPushButton("OK", window),
              "grid": QTableView(window)}
    model = QStandardItemModel(2, 2, window)
    fields["grid"].setModel(model)
    fields["grid"].setEditTriggers(QAbstractItemView.EditTrigger.AnyKeyPressed)
    fields["grid"].setCurrentIndex(model.index(0, 1))
    fields["password"].setEchoMode(QLineEdit.EchoMode.Password)
    for widget in fields.values():
        layout.addWidget(widget)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    fcitx = PinyinStandIn()
    bridge = Fcitx4Bridge(fcitx, QApplication.instance())
    yield fields, fcitx
    QApplication.instance().removeEventFilter(bridge)
    bridge.setParent(None)


def focus(qtbot, widget):
    widget.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusObject() is widget)


def type_keys(widget, text):
    """Key presses and releases as X delivers them: with the keysym and keycode fcitx needs."""
    for ch in text:
        keysym = ord(ch)
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            key = Qt.Key.Key_Space if ch == " " else Qt.Key(ord(ch.upper()))
            QApplication.sendEvent(widget, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, 30, keysym, 0, ch))


def test_pinyin_typed_arrives_as_the_chinese_fcitx_commits(qtbot, form):
    fields, fcitx = form
    focus(qtbot, fields["note"])
    assert fcitx.focused and fcitx.rects and fcitx.rects[-1][0] > 0  # fcitx knows where to put its candidates
    type_keys(fields["note"], "nihao ")
    assert fields["note"].text() == "你好"  # not "nihao": fcitx took the letters
    assert [k for k, release in fcitx.keys if not release] == [ord(c) for c in "nihao "]
    type_keys(fields["note"], "shuoming 1")
    assert fields["note"].text() == "你好说明1"  # a key fcitx does not take is typed as usual


def test_typing_chinese_into_a_table_cell_opens_its_editor_with_the_text(qtbot, form):
    fields, fcitx = form
    focus(qtbot, fields["grid"])
    type_keys(fields["grid"], "shuoming ")
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit) and editor.text() == "说明"
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: fields["grid"].model().index(0, 1).data() == "说明")


def test_when_fcitx_fails_the_key_is_typed_as_it_is(qtbot, form):
    fields, fcitx = form
    focus(qtbot, fields["note"])
    fcitx.broken = True
    type_keys(fields["note"], "ab")
    assert fields["note"].text() == "ab"


def test_passwords_and_buttons_never_reach_fcitx(qtbot, form):
    fields, fcitx = form
    focus(qtbot, fields["note"])
    type_keys(fields["note"], "ni")
    focus(qtbot, fields["password"])
    assert fcitx.focused is False and fcitx.composing == ""  # half-typed pinyin dropped, not carried over
    fcitx.keys.clear()
    type_keys(fields["password"], "nihao ")
    assert fields["password"].text() == "nihao " and fcitx.keys == []
    focus(qtbot, fields["button"])
    type_keys(fields["button"], "x")
    assert fcitx.keys == []


def test_only_the_focused_field_is_watched(qtbot):
    """A filter on the whole application ran Python for every event of every widget; with a worker thread holding
    the interpreter, each of those events waited for it, and the window's paints stalled."""
    watched = []

    class Recording(Fcitx4Bridge):
        def eventFilter(self, obj, event):  # noqa: N802
            watched.append(obj)
            return super().eventFilter(obj, event)

    window = QWidget()
    note, button = QLineEdit(window), QPushButton("OK", window)
    layout = QVBoxLayout(window)
    layout.addWidget(note)
    layout.addWidget(button)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    bridge = Recording(PinyinStandIn(), QApplication.instance())
    try:
        focus(qtbot, note)
        watched.clear()
        window.repaint()
        button.setText("好")
        type_keys(note, "nihao ")
        assert note.text() == "你好"
        assert watched and all(obj is note for obj in watched), {type(obj).__name__ for obj in watched}
    finally:
        QApplication.instance().removeEventFilter(bridge)
        bridge.setParent(None)


def test_the_bus_name_follows_the_display():
    names = ["org.fcitx.Fcitx", "org.fcitx.Fcitx-0", "org.fcitx.Fcitx-1"]
    assert service_name(names, ":1.0") == "org.fcitx.Fcitx-1"
    assert service_name(names, "localhost:0") == "org.fcitx.Fcitx-0"
    assert service_name(["org.fcitx.Fcitx-3"], ":0") == "org.fcitx.Fcitx-3"  # XWayland's number differs: take the one
    assert service_name(["org.fcitx.Fcitx5"], ":0") is None
