"""EcoReport runs only on a Qt binding that keeps the interpreter's reference counts: PySide6 6.12.0 drops a
reference to True on every signal emitted, and a 3.11 interpreter then dies at random, mid-work."""

from __future__ import annotations

import argparse
import ctypes

from PySide6.QtWidgets import QMessageBox


def test_the_installed_binding_keeps_reference_counts():
    from desktop.ui import binding

    assert not binding.drops_references()


def test_a_binding_that_drops_references_is_refused_before_any_window_with_what_to_install(qapp, monkeypatch, capsys):
    """The message and exit 3, and what the probe lost is given back: otherwise the interpreter frees True as it
    exits and aborts (134) instead."""
    import sys

    from desktop.ui import app, binding

    real = binding._emit

    def defective(probe):  # what 6.12.0 does on each emit
        real(probe)
        ctypes.pythonapi.Py_DecRef(ctypes.py_object(True))

    shown = []
    monkeypatch.setattr(binding, "_emit", defective)
    monkeypatch.setattr(QMessageBox, "critical", staticmethod(lambda parent, title, text: shown.append(text)))
    monkeypatch.setattr(app, "GuiApp", lambda *a: (_ for _ in ()).throw(AssertionError("a window was opened")))
    before = sys.getrefcount(True)
    code = app.run(argparse.Namespace(db=":memory:", lang="zh", lang_given=True, startup_benchmark=None))
    assert sys.getrefcount(True) > before - 16
    assert code == 3
    assert shown and "有已知缺陷" in shown[0] and "PySide6-Essentials==6.11.3" in shown[0]
    assert shown[0] in capsys.readouterr().err
