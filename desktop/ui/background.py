"""Long work off the UI thread: the window keeps painting and shows a progress dialog until the work is done."""

from __future__ import annotations

import gc
import sys
import threading
import time
from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QEventLoop, QObject, Qt, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

T = TypeVar("T")
Progress = Callable[[int, str], bool]  # (steps done, what is being done) → whether to go on


class _Bridge(QObject):
    """Carries the worker's news to the UI thread (queued: the worker never touches a widget)."""

    stepped = Signal(int, str)
    finished = Signal()


def run_in_background(parent: QWidget | None, text: str, work: Callable[[Progress], T], total: int = 0,
                      cancel: str | None = None) -> T:  # fmt: skip
    """Runs `work(progress)` on a worker thread and returns its result (or raises its exception) on the UI thread.

    `work` calls `progress(done, label)` as it goes; it returns False once the user pressed `cancel`, and the work
    stops where it safely can. With `total`, the dialog shows `done` of `total` and the label. The dialog is
    window-modal, so nothing in the window starts other work meanwhile; it appears after half a second.
    """
    outcome: dict[str, object] = {}
    bridge = _Bridge()
    loop = QEventLoop()
    progress = QProgressDialog(text, cancel, 0, total, parent)
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setMinimumDuration(500)
    progress.setAutoClose(False)
    progress.setAutoReset(False)
    cancelled = threading.Event()
    progress.canceled.connect(cancelled.set)
    bridge.finished.connect(loop.quit, Qt.ConnectionType.QueuedConnection)

    def stepped(done: int, label: str) -> None:
        progress.setValue(done)
        count = f"  {done + 1}/{total}" if total and label else ""  # the file being done, of how many
        progress.setLabelText(f"{text}\n{label}{count}" if label else text)

    bridge.stepped.connect(stepped, Qt.ConnectionType.QueuedConnection)

    def report(done: int, label: str = "") -> bool:
        bridge.stepped.emit(done, label)
        time.sleep(0)  # lets the window's thread take the interpreter between steps, not after the worker's next stretch
        return not cancelled.is_set()

    def worker() -> None:
        try:
            outcome["value"] = work(report)
        except BaseException as exc:  # noqa: BLE001 - handed to the UI thread, raised there
            outcome["error"] = exc
        bridge.finished.emit()

    # A thread of our own, joined here, so what the worker held (the bridge, the caller's widgets) is let go on this
    # thread, not on a pool thread at a moment of its own.
    thread = threading.Thread(target=worker, name="ecoreport-background", daemon=True)
    gc.freeze()  # the collector, run by either thread, walks only what the work made, not the window's whole heap
    interval = sys.getswitchinterval()
    sys.setswitchinterval(0.001)  # the window's thread waits at most 1 ms, not 5, for the worker to let it paint
    try:
        thread.start()
        loop.exec()
        thread.join()
    finally:
        sys.setswitchinterval(interval)
        gc.unfreeze()
        progress.close()
        progress.deleteLater()
    if "error" in outcome:
        raise outcome["error"]  # type: ignore[misc]
    return outcome["value"]  # type: ignore[return-value]
