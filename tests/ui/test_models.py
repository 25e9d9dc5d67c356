"""Every model passes Qt's own QAbstractItemModelTester (pytest-qt's qtmodeltester)."""

from __future__ import annotations


def test_indicator_model(gui, qtmodeltester):
    qtmodeltester.check(gui.window.model)


def test_indicator_filter(gui, qtmodeltester):
    gui.window.proxy.set_text("断面")
    qtmodeltester.check(gui.window.proxy)
    assert 0 < gui.window.proxy.rowCount() < gui.window.model.rowCount()


def test_check_tree_model(gui, qtmodeltester):
    qtmodeltester.check(gui.window.checks.model)


def test_models_survive_a_reload(gui, qtmodeltester):
    gui.window.controller.apply_values({"water.sections_total": "3"}, "edit")
    qtmodeltester.check(gui.window.model)
    qtmodeltester.check(gui.window.checks.model)
