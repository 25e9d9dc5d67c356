"""Answers the modal dialogs an action opens, in order, as a user would: file choosers, message boxes,
input boxes and the application's own dialogs all run for real (exec()), and are answered through their
widgets. An unexpected dialog, or one still open after its answer, fails the test instead of hanging it."""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFileDialog,
    QInputDialog,
    QLineEdit,
    QMessageBox,
    QProgressDialog,
)

Answer = Callable[[QDialog], None]
STUCK_SECONDS = 5


class Modals:
    def __init__(self) -> None:
        self.answers: deque[Answer] = deque()
        self.seen: list[tuple[str, str]] = []  # (window title, text) of every dialog answered
        self.errors: list[str] = []
        self._answered: QDialog | None = None
        self._candidate: QDialog | None = None
        self._since = 0.0
        self._timer = QTimer()
        self._timer.setInterval(20)
        self._timer.timeout.connect(self._tick)

    def run(self, action: Callable[[], object], *answers: Answer):
        """Runs `action`, answering each modal dialog it opens with the next of `answers`. A dialog that is
        the active one again (its own dialog closed) takes the next answer too."""
        self.answers = deque(answers)
        self.errors.clear()
        self._answered = self._candidate = None
        self._timer.start()
        try:
            result = action()
        finally:
            self._timer.stop()
        assert not self.errors, (self.errors, self.seen)
        assert not self.answers, f"{len(self.answers)} dialog(s) expected but not opened; seen: {self.seen}"
        return result

    def text_of(self, dialog: QDialog) -> str:
        if isinstance(dialog, QMessageBox):
            return dialog.text()
        if isinstance(dialog, QInputDialog):
            return dialog.labelText()
        return dialog.windowTitle()

    def _tick(self) -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None or isinstance(dialog, QProgressDialog):
            self._answered = self._candidate = None
            return
        if dialog is not self._answered and dialog is not self._candidate:
            # Answered only once it is still the active one a tick later: between a dialog closing and the next
            # opening, its parent is briefly the active one without being meant.
            self._candidate = dialog
            return
        if dialog is self._answered:
            if time.monotonic() - self._since > STUCK_SECONDS:
                said = getattr(dialog, "message", None)  # the application's dialogs say why they stay open there
                said = said.text() if hasattr(said, "text") else ""
                self.errors.append(f"still open after its answer: {dialog.windowTitle()} {self.text_of(dialog)} {said}")
                dialog.reject()
            return
        self.seen.append((dialog.windowTitle(), self.text_of(dialog)))
        self._answered, self._candidate, self._since = dialog, None, time.monotonic()
        if not self.answers:
            self.errors.append(f"unexpected dialog: {dialog.windowTitle()}: {self.text_of(dialog)}")
            dialog.reject()
            return
        answer = self.answers.popleft()
        # After this tick returns: an answer may open a dialog of its own, and a timer does not fire inside
        # its own slot, so this one could not answer it.
        QTimer.singleShot(0, lambda: self._answer(answer, dialog))

    def _answer(self, answer: Answer, dialog: QDialog) -> None:
        try:
            answer(dialog)
        except Exception as exc:  # noqa: BLE001 - reported by run(); the dialog closes so nothing hangs
            self.errors.append(f"{dialog.windowTitle()}: {exc!r}")
            dialog.reject()


# --- answers ------------------------------------------------------------------------------------
def ok(expect: str = "") -> Answer:
    """A message box read and closed with its default button; `expect` must be in its text."""

    def answer(box):
        assert isinstance(box, QMessageBox), type(box)
        assert expect in box.text(), box.text()
        (box.defaultButton() or box.buttons()[0]).click()

    return answer


def yes(expect: str = "") -> Answer:
    def answer(box):
        assert isinstance(box, QMessageBox), type(box)
        assert expect in box.text(), box.text()
        box.button(QMessageBox.StandardButton.Yes).click()

    return answer


def type_text(text: str) -> Answer:
    """An input box (a line, a password, a multi-line text or a choice from a list) answered with `text`."""

    def answer(box):
        assert isinstance(box, QInputDialog), type(box)
        box.setTextValue(text)
        box.accept()

    return answer


def choose_file(path) -> Answer:
    """A file chooser (open or save) answered with `path`, as if typed into its name field."""

    def answer(chooser):
        assert isinstance(chooser, QFileDialog), type(chooser)
        name = chooser.findChild(QLineEdit, "fileNameEdit")
        QTimer.singleShot(300, lambda: (name.setText(str(path)), chooser.accept()))  # after the folder has loaded

    return answer


def wait() -> Answer:
    """A dialog that closes by itself (the login window on a database without users)."""
    return lambda dialog: None


def close() -> Answer:
    return lambda dialog: dialog.reject()


def click(button) -> Answer:
    """A push button of the dialog: `button(dialog)` finds it."""
    return lambda dialog: button(dialog).click()
