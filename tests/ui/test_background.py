"""Long work runs off the UI thread: backups, exports and the dashboard's consolidation each run on a worker while the
window keeps painting, and what they write is complete."""

from __future__ import annotations

import re
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
    submission = gui.window.files.export_submission()
    assert submission.name == "万州区_2024H1_报送文件_第1版.xlsx"  # each version its own file
    gui.window.files.export_template()
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


@pytest.mark.timing
def test_the_window_keeps_ticking_while_the_work_makes_the_collector_walk_a_big_heap(qapp):
    """The cyclic garbage collector holds the interpreter while it walks; run by the worker over the whole heap of a
    long-open window, it stalled the UI thread for as long. During background work it walks only what the work made."""
    import gc
    import time

    from PySide6.QtCore import QTimer

    from desktop.ui.background import run_in_background

    heap = [[i] for i in range(2_000_000)]  # a long-open window's worth of tracked objects, and more
    ticks: list[float] = []
    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))

    def work(progress):
        for _ in range(8):
            gc.collect()  # what the collector does when the work's allocations trip it
            time.sleep(0.03)
        return len(heap)

    timer.start()
    assert run_in_background(None, "…", work) == len(heap)
    timer.stop()
    gaps = [b - a for a, b in zip(ticks, ticks[1:], strict=False)]
    assert len(ticks) > 10 and max(gaps) < 0.1, f"longest gap {max(gaps) * 1000:.0f} ms"


def test_a_drafts_workbook_is_not_named_as_a_version(gui, dialogs):
    assert gui.window.files.export_submission().name == "万州区_2024H1_报送文件.xlsx"  # 万州区's 2024H1 is a draft


def _busy(seconds: float) -> None:
    """Work that holds the interpreter, as reading and checking workbooks does."""
    import time

    until = time.perf_counter() + seconds
    while time.perf_counter() < until:
        pass


@pytest.mark.timing
def test_the_progress_dialog_comes_after_half_a_second_and_the_window_repaints_under_it_while_the_worker_waits(
        qapp, qtbot):  # fmt: skip
    """Showing the window-modal dialog makes every table in the window repaint; their models answer in Python, one
    call per cell, and each call waited for the interpreter while the worker ran (the window stood still for up to
    150 ms). The worker waits at its step until that paint is over."""
    import time

    from PySide6.QtCore import QAbstractTableModel, Qt, QTimer
    from PySide6.QtWidgets import QProgressDialog, QTableView, QVBoxLayout, QWidget

    from desktop.ui.background import run_in_background

    asked: list[float] = []

    class Cells(QAbstractTableModel):
        def rowCount(self, parent=None):  # noqa: N802
            return 30

        def columnCount(self, parent=None):  # noqa: N802
            return 8

        def data(self, index, role=Qt.ItemDataRole.DisplayRole):
            asked.append(time.perf_counter())
            return f"{index.row()}.{index.column()}" if role == Qt.ItemDataRole.DisplayRole else None

    window = QWidget()
    table = QTableView(window)
    cells = Cells(table)  # kept: a model let go while its view shows it crashes the view
    table.setModel(cells)
    QVBoxLayout(window).addWidget(table)
    window.resize(800, 600)
    window.show()
    window.activateWindow()
    qtbot.waitExposed(window)
    qtbot.wait(50)
    shown: list[float] = []
    labels: list[str] = []

    def look():
        for dialog in window.findChildren(QProgressDialog):
            if dialog.isVisible():
                shown.append(time.perf_counter())
                labels.append(dialog.labelText())

    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(look)
    held: list[tuple[float, float]] = []  # when the worker was inside progress(), as (from, to)

    def work(progress):
        for step in range(50):
            _busy(0.02)
            entered = time.perf_counter()
            progress(step, f"第{step + 1}个")
            held.append((entered, time.perf_counter()))
        return "done"

    asked.clear()
    timer.start()
    start = time.perf_counter()
    assert run_in_background(window, "正在处理…", work, total=50) == "done"
    timer.stop()
    during = [t for t in asked if start < t < held[-1][1]]
    assert during, "the window repainted under the dialog"
    unheld = [t for t in during if not any(a <= t <= b for a, b in held)]
    assert not unheld, f"{len(unheld)} of {len(during)} cells painted while the worker ran"
    assert shown and 0.475 <= shown[0] - start < 1.0, "the dialog comes after half a second (a coarse timer: ±5%)"
    assert all(re.fullmatch(r"正在处理…\n第(\d+)个  \1/50", label) for label in labels), labels
    window.close()


@pytest.mark.timing
def test_short_work_shows_no_dialog_and_stop_ends_long_work(qapp, qtbot):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QProgressDialog, QPushButton, QWidget

    from desktop.ui.background import run_in_background

    window = QWidget()
    window.show()
    qtbot.waitExposed(window)
    seen: list[bool] = []
    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(lambda: seen.extend(d.isVisible() for d in window.findChildren(QProgressDialog)))
    timer.start()

    def short(progress):
        for step in range(10):
            _busy(0.02)
            progress(step, "")
        return step

    assert run_in_background(window, "…", short, total=10, cancel="停止") == 9
    assert seen and not any(seen), "work done within half a second shows no dialog"

    def stop():
        for dialog in window.findChildren(QProgressDialog):
            if dialog.isVisible():
                dialog.findChild(QPushButton).click()

    timer.timeout.connect(stop)

    def long(progress):
        for step in range(200):
            _busy(0.02)
            if not progress(step, ""):
                return step
        return 200

    stopped_at = run_in_background(window, "…", long, total=200, cancel="停止")
    timer.stop()
    assert 20 <= stopped_at < 60, stopped_at
    window.close()


def test_coming_back_to_the_window_during_background_work_reads_nothing_until_it_ends(gui, qtbot):
    """A file chooser closing gives the window its activation back inside the work's own event loop: reading again
    there would start work of its own inside this one's (the dashboard consolidates in the background)."""
    import time

    from PySide6.QtCore import QEvent, QTimer
    from PySide6.QtWidgets import QApplication

    from desktop.context import open_context
    from desktop.ui.background import busy, run_in_background

    window = gui.window
    said: list[str] = []

    def come_back():
        QApplication.sendEvent(window, QEvent(QEvent.Type.ActivationChange))
        said.append(window.statusBar().currentMessage())

    def work(progress):
        elsewhere = open_context(gui.args.db)
        elsewhere.store.set_values("wanzhou", elsewhere.units.find("500101"), gui.window.controller.semester,
                                   {"enf.penalties": "21"}, reason="命令行")  # fmt: skip
        elsewhere.store.db.dispose()
        time.sleep(0.3)
        return busy()

    window.statusBar().clearMessage()
    QTimer.singleShot(100, come_back)
    assert run_in_background(window, "…", work) is True and not busy()
    assert said == [""]  # nothing read again meanwhile
    QApplication.sendEvent(window, QEvent(QEvent.Type.ActivationChange))
    assert "别处" in window.statusBar().currentMessage()
