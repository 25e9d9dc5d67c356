"""Whether the Qt binding this process loaded is one EcoReport can safely run on."""

from __future__ import annotations

import ctypes
import sys

from PySide6.QtCore import QObject, Signal

_EMITS = 64


class _Probe(QObject):
    pinged = Signal()


def _emit(probe: _Probe) -> None:
    probe.pinged.emit()


def drops_references() -> bool:
    """Whether emitting a signal loses a reference to True, as every emit does in PySide6 6.12.0: after a few
    hundred, the interpreter frees True and the process dies mid-work. (Python 3.12 and later never free True.)"""
    probe = _Probe()
    before = sys.getrefcount(True)
    for _ in range(_EMITS):
        _emit(probe)
    lost = before - sys.getrefcount(True)
    if lost < _EMITS // 2:
        return False
    for _ in range(lost):  # given back, or the interpreter frees True as it exits and aborts instead of saying why
        ctypes.pythonapi.Py_IncRef(ctypes.py_object(True))
    return True
