"""Long work runs off the UI thread: backups, exports and the dashboard's consolidation each run on a worker while the
window keeps painting, and what they write is complete."""

from __future__ import annotations

import threading

import pytest
from conftest import sign_off


@pytest.fixture
def on_worker(monkeypatch):
    """Wraps a function so each call records whether it ran off the UI (main) thread."""
    seen: list[bool] = []

    def watch(owner, name):
        real = getattr(owner, name)

        def recorded(*args, **kwargs):
            seen.append(threading.current_thread() is not threading.main_thread())
            return real(*args, **kwargs)

        monkeypatch.setattr(owner, name, recorded)

    watch.seen = seen
    return watch


def test_a_backup_runs_off_the_ui_thread_and_is_a_sound_copy(gui, on_worker, tmp_path):
    import sqlite3

    from desktop.store import database
    from desktop.ui.backup_actions import back_up

    on_worker(database.Database, "backup")
    saved = back_up(gui.window, gui.context(), str(tmp_path / "copy.sqlite3"))
    assert on_worker.seen == [True]
    db = sqlite3.connect(saved)
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert db.execute("SELECT count(*) FROM value").fetchone()[0] > 1000


def test_the_submission_and_template_are_written_off_the_ui_thread(gui, on_worker, dialogs):
    from python_calamine import CalamineWorkbook

    from desktop.exchange import save

    sign_off(gui.context())
    gui.window.controller.reload()
    on_worker(save, "save_workbook")
    submission = gui.window.export_submission()
    gui.window.export_template()
    assert on_worker.seen == [True, True]
    for path in (submission, dialogs["save"][-1]):
        assert "万州区" in str(CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python())


def test_the_dashboard_consolidates_off_the_ui_thread(qapp, qtbot, demo_copy, settings, dialogs, on_worker):
    from conftest import accept_all

    from desktop.context import open_context
    from desktop.core.semester import Semester
    from desktop.ui.review import controller

    from .conftest import open_gui

    ctx = open_context(str(demo_copy))
    accept_all(ctx.store, Semester(2024, 1))
    ctx.store.db.dispose()
    from desktop.ui import i18n

    on_worker(controller.ReviewController, "dashboard")
    gui = open_gui(qapp, demo_copy, settings, user="reviewer")
    qtbot.addWidget(gui.window)
    try:
        gui.window.select("", "2024H1")
        gui.window.tabs.setCurrentWidget(gui.window.dashboard)
        assert on_worker.seen and all(on_worker.seen)
        assert gui.window.dashboard.coverage.text() == "38个区县中已审核通过38个"
        assert gui.window.dashboard.heat.rowCount() == 38
    finally:
        i18n.remove(qapp, gui.translators)  # the next test starts without this window's language
        gui.context().store.db.dispose()
