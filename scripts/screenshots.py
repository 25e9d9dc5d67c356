"""Saves screenshots of the main screens for the README and the manual (docs/screenshots/*.png).

Run under a real X server so fonts and styles are those a user sees:
    xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python scripts/screenshots.py
(Debian: apt-get install xvfb fonts-noto-cjk). Uses a fresh demo database in a temporary folder.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screenshots"


def type_keys(app, widget, text: str) -> None:
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QKeyEvent

    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            app.sendEvent(widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char))
        app.processEvents()


def press(app, widget, key) -> None:
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QKeyEvent

    app.sendEvent(widget, QKeyEvent(QEvent.Type.KeyPress, key, Qt.KeyboardModifier.NoModifier))
    app.processEvents()


def shoot(app, dialog, name: str) -> None:
    dialog.show()
    app.processEvents()
    dialog.grab().save(str(OUT / f"{name}.png"))
    dialog.close()


def setup_shots(app, folder: Path) -> None:
    """The bureau's first run on an empty database (no demo): first start, checklist, accounts, targets;
    then a district's checklist. In Chinese, as the manual is."""
    from datetime import date, timedelta
    from decimal import Decimal

    from desktop.core.semester import Semester
    from desktop.core.targets import Target
    from desktop.core.text import Text
    from desktop.store import packages
    from desktop.store.accounts import DistrictAccounts
    from desktop.ui import i18n
    from desktop.ui.app import GuiApp
    from desktop.ui.dialogs.district_accounts import DistrictAccountsDialog
    from desktop.ui.dialogs.first_run import FirstRunDialog
    from desktop.ui.dialogs.setup import SetupDialog
    from desktop.ui.settings import Settings

    db = folder / "bureau.sqlite3"
    settings = Settings(QSettings(str(folder / "settings-bureau.ini"), QSettings.Format.IniFormat))
    gui = GuiApp(argparse.Namespace(db=str(db), lang="zh", lang_given=True, startup_benchmark=None), app, settings)
    ctx = gui.context()
    shoot(app, FirstRunDialog([(u.code, u.label("zh")) for u in ctx.units]), "setup-first-run-zh")
    admin = ctx.users.create("admin", "admin", "bureau-admin-pw", "admin", None)
    shoot(app, gui.getting_started(admin, "500000"), "setup-checklist-zh")
    accounts = DistrictAccounts(ctx.store)
    wanzhou = ctx.units.find("500101")
    for name, role, display in (("wanzhou", "clerk", "张三"), ("wanzhou_approver", "approver", "李四")):
        accounts.add("admin", name, role, wanzhou, display)
    shoot(app, DistrictAccountsDialog(ctx, "admin"), "setup-accounts-zh")
    half = Semester.containing(date.today()).previous()
    targets = [Target("air.pm25", "all", "<=", Decimal("40"), Text("国家考核目标", "National assessment target")),
               Target("water.excellent_ratio", "districts", ">=", Decimal("90"), Text("市级目标", "Municipal target"))]
    content = packages.with_half(packages.effective_content(ctx.store), half, targets, half.end + timedelta(days=20))
    packages.activate(ctx.store, "admin", content, "screenshots")
    ctx.reload_resources()
    dialog = SetupDialog(ctx, "admin")
    dialog.half.setCurrentIndex(dialog.half.findData(str(half)))
    shoot(app, dialog, "setup-targets-zh")
    shoot(app, gui.getting_started(admin, "500101"), "setup-district-zh")
    ctx.store.db.dispose()
    i18n.remove(app, gui.translators)


def main() -> int:
    from desktop.context import open_context
    from desktop.store import demo, users
    from desktop.ui.app import GuiApp
    from desktop.ui.dialogs.login import LoginDialog
    from desktop.ui.settings import Settings

    OUT.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix="ecoreport-shots-"))
    db = folder / "demo.sqlite3"
    ctx = open_context(str(db))
    with ctx.store.session() as s:
        users.create(s, ctx.units, "admin", "admin", demo.DEMO_PASSWORD, "admin")
        s.commit()
    demo.fill(ctx.store)
    ctx.store.db.dispose()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    setup_shots(app, folder)
    for lang in ("zh", "en"):
        settings = Settings(QSettings(str(folder / f"settings-{lang}.ini"), QSettings.Format.IniFormat))
        args = argparse.Namespace(db=str(db), lang=lang, lang_given=True, startup_benchmark=None)
        gui = GuiApp(args, app, settings)
        login = LoginDialog(user="wanzhou")
        login.show()
        app.processEvents()
        login.grab().save(str(OUT / f"login-{lang}.png"))
        login.close()
        with gui.context().store.session() as s:
            user = users.find(s, "wanzhou")
        gui.show_main(user)
        window = gui.window
        window.resize(1366, 768)
        app.processEvents()
        window.grab().save(str(OUT / f"entry-{lang}.png"))
        # A decimal comma typed into PM2.5: refused at the cell, the text kept in the editor.
        if not window.controller.read_only:  # the Chinese pass signs 万州区 off for the bureau's screens
            from PySide6.QtWidgets import QLineEdit

            window.go_to("air.pm25")
            type_keys(app, window.grid, "1")
            editor = next(w for w in window.grid.viewport().findChildren(QLineEdit) if w.isVisible())
            type_keys(app, editor, "2,5")
            press(app, editor, Qt.Key.Key_Return)
            app.processEvents()
            window.grab().save(str(OUT / f"entry-refused-{lang}.png"))
            press(app, editor, Qt.Key.Key_Escape)
        # The history of the selected indicator, and a warning selected in the checks panel.
        window.go_to("air.days_good")
        window.side.setCurrentWidget(window.chart)
        window.resize(1366, 768)
        window._draw_history("air.pm25")
        app.processEvents()
        window.grab().save(str(OUT / f"history-{lang}.png"))
        window.close()
        from desktop.ui import i18n

        # The bureau: a query on 万州区's PM2.5, then the inbox, the review screen and the dashboard.
        bureau = GuiApp(args, app, settings)
        store = bureau.context().store
        wanzhou = bureau.context().units.find("500101")
        from desktop.core.semester import Semester
        from desktop.core.workflow import Status
        from desktop.store.review import Review

        half = Semester(2024, 1)
        if store.status(wanzhou, half) == Status.DRAFT:
            store.set_values("wanzhou", wanzhou, half, {}, {"air.good_ratio": "降水偏多，扬尘减少"})
            bureau.context().submissions.sign_off("wanzhou", "wanzhou_approver", demo.DEMO_PASSWORD, wanzhou, half)
            Review(store).open_query("reviewer", wanzhou, half, "air.pm25", "PM2.5同比下降8.4，降幅明显大于全市，请核实监测数据。")
        with store.session() as s:
            reviewer = users.find(s, "reviewer")
        bureau.show_main(reviewer)
        window = bureau.window
        window.resize(1366, 768)
        app.processEvents()
        window.grab().save(str(OUT / f"inbox-{lang}.png"))
        window.open_unit("500101")
        window.review.select_code("air.pm25")
        window.review.queries.table.selectRow(0)
        app.processEvents()
        window.grab().save(str(OUT / f"review-{lang}.png"))
        window.tabs.setCurrentWidget(window.queries)
        app.processEvents()
        window.grab().save(str(OUT / f"queries-{lang}.png"))
        window.tabs.setCurrentWidget(window.findings)
        app.processEvents()
        window.grab().save(str(OUT / f"findings-{lang}.png"))
        window.tabs.setCurrentWidget(window.dashboard)
        app.processEvents()
        window.grab().save(str(OUT / f"dashboard-{lang}.png"))
        if lang == "zh":  # the charts as the dashboard exports them, for the README's printed-output section
            board, charts = window.dashboard, ROOT / "docs" / "print"
            charts.mkdir(parents=True, exist_ok=True)
            for widget, name in ((board.bars, "chart-districts"), (board.trend, "chart-trend"), (board.heat_view, "chart-heatmap")):
                board.save_png(widget, name, str(charts / f"{name}.png"))
        window.close()
        i18n.remove(app, gui.translators)
        i18n.remove(app, bureau.translators)
    print(f"saved to {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
