"""Long work off the UI thread: the window keeps painting and shows a progress dialog until the work is done."""

from __future__ import annotations

import contextlib
import gc
import sys
import threading
import time
from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QEvent, QEventLoop, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

T = TypeVar("T")
Progress = Callable[[int, str], bool]  # (steps done, what is being done) → whether to go on

SHOW_AFTER_MS = 500  # work done sooner shows no dialog at all
REPAINT_WAIT_MS = 150  # the longest the worker is held for the window to repaint under the dialog


class _Bridge(QObject):
    """Carries the worker's news to the UI thread (queued: the worker never touches a widget)."""

    stepped = Signal(int, str, bool)  # steps done, label, whether the worker waits to be let go
    finished = Signal()


class _AfterRepaint(QObject):
    """Calls `release` once `window` has repainted after losing activation to the dialog just shown (or after
    REPAINT_WAIT_MS, whichever is first).

    A window-modal dialog deactivates its window, and every table in the window repaints. Their models answer in
    Python, one call per cell and role; with the worker running, each call waits for the interpreter, and that one
    paint held the window for 60-150 ms. Held meanwhile, the worker leaves the interpreter to the paint."""

    def __init__(self, window: QWidget, release: Callable[[], None]):
        super().__init__()  # owned by run_in_background, which ends it
        self._window = window
        self._release: Callable[[], None] | None = release
        self._deactivated = not window.isActiveWindow()  # no activation to lose: the next paint is the one
        window.installEventFilter(self)
        QTimer.singleShot(REPAINT_WAIT_MS, self, self.done)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        kind = event.type()
        if kind == QEvent.Type.WindowDeactivate:
            self._deactivated = True
        elif kind == QEvent.Type.UpdateRequest and self._deactivated:
            QTimer.singleShot(0, self, self.done)  # queued: runs once this paint is over
        return False

    @property
    def waiting(self) -> bool:
        return self._release is not None

    def done(self) -> None:
        if self._release is not None:
            release, self._release = self._release, None
            with contextlib.suppress(RuntimeError):  # the window gone: its filters with it
                self._window.removeEventFilter(self)
            release()


_running: list[str] = []  # what each job under way is doing (its dialog's text), innermost last


def busy() -> bool:
    """Whether background work is under way: a window coming back to the front then reads nothing again (it would
    start work of its own inside this one's)."""
    return bool(_running)


def run_in_background(parent: QWidget | None, text: str, work: Callable[[Progress], T], total: int = 0,
                      cancel: str | None = None) -> T:  # fmt: skip
    """Runs `work(progress)` on a worker thread and returns its result (or raises its exception) on the UI thread.

    `work` calls `progress(done, label)` as it goes; it returns False once the user pressed `cancel`, and the work
    stops where it safely can. With `total`, the dialog shows `done` of `total` and the label. The dialog is
    window-modal, so nothing in the window starts other work meanwhile; it appears after half a second, shown
    while the worker waits at a step (see _AfterRepaint).
    """
    outcome: dict[str, object] = {}
    bridge = _Bridge()
    loop = QEventLoop()
    progress = QProgressDialog(text, cancel, 0, total, parent)
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setMinimumDuration(2**31 - 1)  # shown by `due` below, never by the dialog's own estimate
    progress.setAutoClose(False)
    progress.setAutoReset(False)
    cancelled = threading.Event()
    progress.canceled.connect(cancelled.set)
    bridge.finished.connect(loop.quit, Qt.ConnectionType.QueuedConnection)
    go = threading.Event()  # cleared: the worker waits at its next step
    go.set()
    ended = threading.Event()
    reported = threading.Event()

    repaints: list[_AfterRepaint] = []

    def show() -> None:
        if repaints and repaints[-1].waiting:
            return  # the worker is let go once the window has repainted
        if ended.is_set() or cancelled.is_set() or progress.isVisible():
            go.set()  # ended before its dialog was due, or stopped by the user, or shown already
        elif parent is None:
            progress.show()
            go.set()
        else:
            progress.show()
            repaints.append(_AfterRepaint(parent.window(), go.set))

    def due() -> None:
        if not reported.is_set():
            show()  # work that reports no steps is not held: shown at once
            return
        go.clear()
        QTimer.singleShot(REPAINT_WAIT_MS, progress, show)  # a step overdue: shown all the same

    def stepped(done: int, label: str, waiting: bool) -> None:
        progress.setValue(done)
        count = f"  {done + 1}/{total}" if total and label else ""  # the file being done, of how many
        progress.setLabelText(f"{text}\n{label}{count}" if label else text)
        if waiting:
            show()

    bridge.stepped.connect(stepped, Qt.ConnectionType.QueuedConnection)
    QTimer.singleShot(SHOW_AFTER_MS, progress, due)

    def report(done: int, label: str = "") -> bool:
        reported.set()
        waiting = not go.is_set()
        bridge.stepped.emit(done, label, waiting)
        if waiting:
            go.wait(2 * REPAINT_WAIT_MS / 1000)
        time.sleep(0)  # lets the window's thread take the interpreter between steps, not after the worker's next stretch
        return not cancelled.is_set()

    def worker() -> None:
        try:
            outcome["value"] = work(report)
        except BaseException as exc:  # noqa: BLE001 - handed to the UI thread, raised there
            outcome["error"] = exc
        ended.set()
        bridge.finished.emit()

    # A thread of our own, joined here, so what the worker held (the bridge, the caller's widgets) is let go on this
    # thread, not on a pool thread at a moment of its own.
    thread = threading.Thread(target=worker, name="ecoreport-background", daemon=True)
    gc.freeze()  # the collector, run by either thread, walks only what the work made, not the window's whole heap
    interval = sys.getswitchinterval()
    sys.setswitchinterval(0.001)  # the window's thread waits at most 1 ms, not 5, for the worker to let it paint
    try:
        _running.append(text)
        thread.start()
        loop.exec()
        thread.join()
    finally:
        _running.pop()
        sys.setswitchinterval(interval)
        gc.unfreeze()
        progress.close()
        progress.deleteLater()
        for repaint in repaints:
            repaint.done()
    if "error" in outcome:
        raise outcome["error"]  # type: ignore[misc]
    return outcome["value"]  # type: ignore[return-value]
