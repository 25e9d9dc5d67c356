"""Chinese input under fcitx 4 (older Kylin and UOS desktops), spoken to over D-Bus by the application.

fcitx 4 has no IBus interface, and its Qt plugin would have to match the bundled Qt exactly, so the
application speaks fcitx 4's own D-Bus protocol: key presses go to an input context of fcitx's, and the
text it commits comes back as a Qt input-method event to the widget with the focus. fcitx draws its own
pre-edit and candidate window at the cursor rectangle it is given. jeepney rather than QtDBus: fcitx
checks argument types (uint32), which PySide6's QtDBus cannot express.
"""

from __future__ import annotations

import contextlib
import os
from collections import deque
from typing import Protocol

from PySide6.QtCore import QEvent, QObject, QRect, QSocketNotifier
from PySide6.QtGui import QGuiApplication, QInputMethodEvent, QKeyEvent

SERVICE_PREFIX = "org.fcitx.Fcitx-"
INPUT_CONTEXT = "org.fcitx.Fcitx.InputContext"


class InputContext(Protocol):
    """What the bridge needs of fcitx: the real one is `DBusInputContext`, tests give a stand-in."""

    def process_key(self, keysym: int, keycode: int, state: int, release: bool, time: int) -> bool: ...
    def focus_in(self) -> None: ...
    def focus_out(self) -> None: ...
    def reset(self) -> None: ...
    def set_cursor_rect(self, x: int, y: int, width: int, height: int) -> None: ...
    def commits(self) -> list[str]: ...  # text committed since the last call
    def fileno(self) -> int | None: ...  # readable when fcitx speaks on its own (a candidate clicked)


def service_name(names: list[str], display: str | None) -> str | None:
    """fcitx 4's bus name for this X display (org.fcitx.Fcitx-0 for DISPLAY=:0.0), else any fcitx 4."""
    number = (display or "").rpartition(":")[2].split(".")[0]
    if number.isdigit() and f"{SERVICE_PREFIX}{number}" in names:
        return f"{SERVICE_PREFIX}{number}"
    return next((n for n in sorted(names) if n.startswith(SERVICE_PREFIX)), None)


class DBusInputContext:
    """One fcitx 4 input context for this application, on its own session-bus connection."""

    def __init__(self, timeout: float = 0.5):
        from jeepney import DBusAddress, MatchRule, new_method_call
        from jeepney.io.blocking import open_dbus_connection

        self._call_timeout, self._new_call = timeout, new_method_call
        self.connection = open_dbus_connection("SESSION")
        names = self.connection.bus_proxy.ListNames()[0]
        service = service_name(list(names), os.environ.get("DISPLAY"))
        if service is None:
            self.connection.close()
            raise LookupError("fcitx 4 is not on the session bus")
        methods = DBusAddress("/inputmethod", service, "org.fcitx.Fcitx.InputMethod")
        icid = self._call(methods, "CreateICv3", "si", ("EcoReport", os.getpid()))[0]
        self.address = DBusAddress(f"/inputcontext_{icid}", service, INPUT_CONTEXT)
        owner = self.connection.bus_proxy.GetNameOwner(service)[0]  # signals carry the unique name
        rule = MatchRule(type="signal", sender=owner, interface=INPUT_CONTEXT, path=self.address.object_path)
        self.connection.bus_proxy.AddMatch(rule)
        self._signals: deque = deque(maxlen=256)
        self._filter = self.connection.filter(rule, queue=self._signals)

    def _call(self, address, method: str, signature: str | None = None, body: tuple = ()):
        from jeepney.wrappers import unwrap_msg

        message = self._new_call(address, method, signature, body)
        return unwrap_msg(self.connection.send_and_get_reply(message, timeout=self._call_timeout))

    def process_key(self, keysym: int, keycode: int, state: int, release: bool, time: int) -> bool:
        return self._call(self.address, "ProcessKeyEvent", "uuuiu",
                          (keysym, keycode, state, int(release), time & 0xFFFFFFFF))[0] > 0  # fmt: skip

    def focus_in(self) -> None:
        self._call(self.address, "FocusIn")

    def focus_out(self) -> None:
        self._call(self.address, "FocusOut")

    def reset(self) -> None:
        self._call(self.address, "Reset")

    def set_cursor_rect(self, x: int, y: int, width: int, height: int) -> None:
        self._call(self.address, "SetCursorRect", "iiii", (x, y, width, height))

    def commits(self) -> list[str]:
        while True:  # what has arrived without waiting: a signal fcitx sent on its own
            try:
                self.connection.recv_messages(timeout=0)
            except TimeoutError:
                break
        texts = [m.body[0] for m in self._signals if m.header.fields.get(3) == "CommitString"]  # 3: member
        self._signals.clear()
        return texts

    def fileno(self) -> int | None:
        return self.connection.sock.fileno()


class Fcitx4Bridge(QObject):
    """Sends the focused text field's keys to fcitx 4 and delivers what it commits to that field."""

    def __init__(self, context: InputContext, app: QGuiApplication):
        super().__init__(app)
        self.context = context
        self._focused = False
        # The focused object's events only, not the whole application's: a filter in Python on every event made
        # each paint wait for the interpreter whenever a worker thread held it.
        self._watched: QObject | None = None
        self._watch(QGuiApplication.focusObject())
        app.focusObjectChanged.connect(self._focus_changed)
        app.inputMethod().cursorRectangleChanged.connect(self._cursor_moved)
        fd = context.fileno()
        if fd is not None:
            self._notifier = QSocketNotifier(fd, QSocketNotifier.Type.Read, self)
            self._notifier.activated.connect(self._deliver)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if event.type() not in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            return False
        focus = QGuiApplication.focusObject()
        # Qt shows the event to the window and then to each widget it passes through: answer it once, at the focus.
        if watched is not focus or not _im_enabled(focus) or not isinstance(event, QKeyEvent) or not event.nativeVirtualKey():
            return False
        if not self._focused:
            self._focus_changed(focus)
        try:
            handled = self.context.process_key(event.nativeVirtualKey(), event.nativeScanCode(), event.nativeModifiers(),
                                               event.type() == QEvent.Type.KeyRelease, event.timestamp())  # fmt: skip
        except Exception:  # noqa: BLE001 - fcitx gone or slow: the key goes to the field as typed
            return False
        self._deliver()
        return handled

    def _deliver(self, *_) -> None:
        try:
            texts = self.context.commits()
        except Exception:  # noqa: BLE001
            return
        for text in texts:
            # As Qt's own input contexts do: the text as pre-edit, then committed. A table view opens its editor on
            # the pre-edit and hands it the commit; a bare commit would open the editor and lose the text.
            for event in (QInputMethodEvent(text, []), QInputMethodEvent()):
                if event.preeditString() == "":
                    event.setCommitString(text)
                focus = QGuiApplication.focusObject()
                if focus is None or not text:
                    break
                QGuiApplication.sendEvent(focus, event)

    def _watch(self, target: QObject | None) -> None:
        if self._watched is not None:
            with contextlib.suppress(RuntimeError):  # gone already, and its filters with it
                self._watched.removeEventFilter(self)
        self._watched = target
        if target is not None:
            target.installEventFilter(self)

    def _focus_changed(self, target) -> None:
        self._watch(target)
        wanted = target is not None and _im_enabled(target)
        try:
            if wanted:
                self.context.focus_in()
                self._cursor_moved()
            elif self._focused:
                self.context.reset()
                self.context.focus_out()
        except Exception:  # noqa: BLE001
            return
        self._focused = wanted

    def _cursor_moved(self) -> None:
        window = QGuiApplication.focusWindow()
        if window is None or not self._focused and QGuiApplication.focusObject() is None:
            return
        rect: QRect = QGuiApplication.inputMethod().cursorRectangle().toRect()
        top_left = window.mapToGlobal(rect.topLeft())
        ratio = window.devicePixelRatio()  # fcitx places its window in the X screen's pixels
        try:
            self.context.set_cursor_rect(round(top_left.x() * ratio), round(top_left.y() * ratio),
                                         round(rect.width() * ratio), round(rect.height() * ratio))  # fmt: skip
        except Exception:  # noqa: BLE001
            return


def _im_enabled(target) -> bool:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QInputMethodQueryEvent

    query = QInputMethodQueryEvent(Qt.InputMethodQuery.ImEnabled | Qt.InputMethodQuery.ImHints)
    QGuiApplication.sendEvent(target, query)
    hints = Qt.InputMethodHint(query.value(Qt.InputMethodQuery.ImHints) or 0)
    secret = hints & (Qt.InputMethodHint.ImhHiddenText | Qt.InputMethodHint.ImhSensitiveData)
    return bool(query.value(Qt.InputMethodQuery.ImEnabled)) and not secret  # a password never goes to fcitx


def start(app: QGuiApplication) -> Fcitx4Bridge | None:
    """The bridge, when fcitx 4 runs and nothing else serves this application's input; None otherwise."""
    try:
        context = DBusInputContext()
    except Exception:  # noqa: BLE001 - no bus, no fcitx 4: Qt's own input handling stays
        return None
    return Fcitx4Bridge(context, app)
