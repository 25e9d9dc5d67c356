"""Each file chooser opens in the folder last saved to or opened from, after a restart too, and not in a folder that
has gone (a USB stick taken out)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog

from desktop.ui import i18n

from .conftest import open_gui


@pytest.fixture
def chooser(monkeypatch):
    """Answers the file choosers with the next queued path ("" cancels), recording where each one started."""
    started: list[str] = []
    answers: list[str] = []

    def answer(parent, caption, start, *args):
        started.append(start)
        return answers.pop(0), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(answer))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(answer))
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(lambda *a: ([p] if (p := answer(*a)[0]) else [], "")))
    return started, answers


def test_the_next_chooser_opens_where_the_last_file_went_even_after_a_restart(qapp, qtbot, gui, chooser, tmp_path,
                                                                              demo_copy, settings):  # fmt: skip
    started, answers = chooser
    stick = tmp_path / "U盘"
    stick.mkdir()
    answers.append(str(stick / "万州区.xlsx"))
    gui.window.export_action.trigger()
    assert started[-1] == "万州区_2024H1_报送文件.xlsx"  # nothing remembered yet: the bare name
    assert (stick / "万州区.xlsx").exists()

    answers.append("")
    gui.window.template_action.trigger()
    assert started[-1] == str(stick / "万州区_2024H1_填报模板.xlsx")
    answers.append("")
    gui.window.import_action.trigger()
    assert started[-1] == str(stick)

    gui.close()  # and started again: the folder was kept in the settings
    again = open_gui(qapp, demo_copy, settings)
    qtbot.addWidget(again.window)
    try:
        answers.append("")
        again.window.export_action.trigger()
        assert started[-1] == str(stick / "万州区_2024H1_报送文件.xlsx")
    finally:
        i18n.remove(qapp, again.translators)
        again.close()


def test_a_cancelled_chooser_keeps_the_folder_and_a_folder_gone_is_not_offered(gui, chooser, tmp_path):
    started, answers = chooser
    stick = tmp_path / "stick"
    stick.mkdir()
    answers += [str(stick / "a.xlsx"), ""]
    gui.window.export_action.trigger()
    gui.window.export_action.trigger()  # cancelled
    answers.append("")
    gui.window.export_action.trigger()
    assert Path(started[-1]).parent == stick

    (stick / "a.xlsx").unlink()
    stick.rmdir()  # the stick is taken out
    answers.append("")
    gui.window.export_action.trigger()
    assert started[-1] == "万州区_2024H1_报送文件.xlsx"
