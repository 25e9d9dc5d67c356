"""GUI fixtures: offscreen Qt, settings and database in tmp_path, modal dialogs patched."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog, QMessageBox


@pytest.fixture
def settings(tmp_path):
    from desktop.ui.settings import Settings

    return Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def dialogs(monkeypatch, tmp_path):
    """Records message boxes and answers file dialogs with paths in tmp_path."""
    seen: dict[str, list] = {"info": [], "warning": [], "save": []}

    def save(parent, caption, suggested, *args):
        path = tmp_path / Path(suggested).name  # offered in the folder last used, saved here
        seen["save"].append(path)
        return str(path), "xlsx"

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save))
    monkeypatch.setattr(QMessageBox, "information", staticmethod(lambda *a, **k: seen["info"].append(a[2])))
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda *a, **k: seen["warning"].append(a[2])))
    return seen


def open_gui(qapp, db, settings, lang="zh", user="wanzhou"):
    from desktop.store import users
    from desktop.ui.app import GuiApp

    args = argparse.Namespace(db=str(db), lang=lang, lang_given=True, startup_benchmark=None)
    gui = GuiApp(args, qapp, settings)
    with gui.context().store.session() as s:
        account = users.find(s, user)
    gui.show_main(account)
    return gui


@pytest.fixture
def gui(qapp, qtbot, demo_copy, settings, dialogs):
    from desktop.ui import i18n

    app = open_gui(qapp, demo_copy, settings)
    qtbot.addWidget(app.window)
    yield app
    i18n.remove(qapp, app.translators)
    app.close()
