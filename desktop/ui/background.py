"""Long work off the UI thread: the window keeps painting and shows a busy dialog until the work is done."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QEventLoop, QObject, Qt, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

T = TypeVar("T")


class _Done(QObject):
    finished = Signal()


def run_in_background(parent: QWidget | None, text: str, work: Callable[[], T]) -> T:
    """Runs `work` on a worker thread and returns its result (or raises its exception) on the UI thread.

    The dialog is window-modal, so nothing in the window can start other work meanwhile; it appears only
    if the work takes longer than half a second. `work` must not touch widgets.
    """
    outcome: dict[str, object] = {}
    done = _Done()
    loop = QEventLoop()
    done.finished.connect(loop.quit, Qt.ConnectionType.QueuedConnection)

    def worker() -> None:
        try:
            outcome["value"] = work()
        except BaseException as exc:  # noqa: BLE001 - handed to the UI thread, raised there
            outcome["error"] = exc
        done.finished.emit()

    progress = QProgressDialog(text, None, 0, 0, parent)
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setMinimumDuration(500)
    thread = threading.Thread(target=worker, name="ecoreport-work", daemon=True)
    thread.start()
    loop.exec()
    thread.join()
    progress.close()
    progress.deleteLater()
    if "error" in outcome:
        raise outcome["error"]  # type: ignore[misc]
    return outcome["value"]  # type: ignore[return-value]
