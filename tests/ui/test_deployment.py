"""A real deployment, from two empty databases to the city's workbook, through the GUI as its users click.

The bureau's administrator starts the program for the first time, adds a reviewer, prepares 万州区's clerk
and approver, sets the half's targets and deadline and exports 万州区's set-up package. 万州区's
administrator starts for the first time and imports it; the approver and the clerk log in with their
one-time passwords and set their own; the approver saves the unit's public key; the clerk pastes the
half's figures, explains the warnings and submits with the approver's password, saving the workbook.
The reviewer registers the key, imports the workbook, raises a query and returns the half. The clerk
imports the review, answers, corrects, submits version 2. The reviewer sees the difference, resolves the
query, accepts, and saves the city's workbook. Every dialog on the way is a real one (file choosers too),
answered through its widgets; the databases and files are checked after each step.
"""

from __future__ import annotations

import argparse
from datetime import date, timedelta
from decimal import Decimal

import pytest
from PySide6.QtCore import QDate, QSettings, Qt
from PySide6.QtGui import QGuiApplication, QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLineEdit, QListWidget, QPushButton

from desktop.core.semester import Semester
from desktop.ui.models.indicators import CODE_ROLE, VALUE

from .keyboard import type_value
from .modals import Modals, choose_file, click, close, ok, type_text, wait, yes

HALF = Semester.containing(date.today()).previous()  # the half being reported now: where an empty install opens
BUREAU_ADMIN, DISTRICT_ADMIN = "bureau-admin-pw", "district-admin-pw"
REVIEWER = "reviewer-pw-1"
CLERK, APPROVER = "clerk-own-pw", "approver-own-pw"


# --- answering the application's dialogs ---------------------------------------------------------------
def button(text: str):
    """The dialog's push button that reads `text` (as the user reads it, in Chinese)."""

    def find(dialog):
        found = [b for b in dialog.findChildren(QPushButton) if b.text().replace("&", "") == text and b.isVisible()]
        assert found, f"no button {text!r} in {dialog.windowTitle()}: {[b.text() for b in dialog.findChildren(QPushButton)]}"
        return found[0]

    return find


def confirm(dialog) -> None:
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()


def press(text: str):
    return click(button(text))


def first_run(password: str, unit_code: str):
    def answer(dialog):
        for field in (dialog._password, dialog._again):
            QTest.keyClicks(field, password)
        dialog._unit.setCurrentIndex(dialog._unit.findData(unit_code))
        confirm(dialog)

    return answer


def log_in(name: str, password: str):
    def answer(dialog):
        dialog._user.setText("")
        QTest.keyClicks(dialog._user, name)
        QTest.keyClicks(dialog._password, password)
        confirm(dialog)

    return answer


def set_own_password(password: str):
    def answer(dialog):
        QTest.keyClicks(dialog.first, password)
        QTest.keyClicks(dialog.second, password)
        confirm(dialog)

    return answer


def new_user(name: str, display: str, role: str, unit_code: str | None, password: str):
    def answer(dialog):
        QTest.keyClicks(dialog.name, name)
        dialog.display.setText(display)  # Chinese, as an input method commits it
        dialog.role.setCurrentIndex(dialog.role.findData(role))
        dialog.unit.setCurrentIndex(dialog.unit.findData(unit_code))
        QTest.keyClicks(dialog.password, password)
        confirm(dialog)

    return answer


def district_account(name: str, display: str, role: str):
    def answer(dialog):
        QTest.keyClicks(dialog.name, name)
        dialog.display.setText(display)
        dialog.role.setCurrentIndex(dialog.role.findData(role))
        dialog.unit.setCurrentIndex(dialog.unit.findData("500101"))
        confirm(dialog)

    return answer


def remember_one_time(into: dict, name: str):
    def answer(box):
        text = box.text()
        assert text.startswith(f"{name} ") and "不会再次显示" in text, text
        into[name] = text.split("\n\n")[1].strip()
        box.buttons()[0].click()

    return answer


def target(code: str, scope: str, op: str, value: str, basis: str):
    def answer(form):
        form.code.setCurrentIndex(form.code.findData(code))
        form.scope.setCurrentIndex(form.scope.findData(scope))
        form.op.setCurrentIndex(form.op.findText(op))
        QTest.keyClicks(form.value, value)
        form.basis_zh.setText(basis)
        confirm(form)

    return answer


def choose_half_then_add(dialog):
    dialog.half.setCurrentIndex(dialog.half.findData(str(HALF)))
    button("新增或修改…")(dialog).click()


def set_deadline_and_close(deadline: date):
    def answer(dialog):
        assert dialog.half.currentData() == str(HALF)
        dialog.deadline.setDate(QDate(deadline))
        button("设定截止日期")(dialog).click()
        assert [t.code for t in dialog.model.rows()] == ["air.pm25", "water.excellent_ratio"]
        dialog.reject()

    return answer


def select_first_account_and_export(dialog):
    dialog.table.selectRow(0)
    button("导出该区县的设置包…")(dialog).click()


def remember_text(into: dict, key: str, expect: str = ""):
    def answer(box):
        assert expect in box.text(), box.text()
        into[key] = box.text()
        box.buttons()[0].click()

    return answer


def check_package_then_import(expected_fingerprint: dict):
    def answer(dialog):
        lines = [dialog.findChild(QListWidget).item(i).text() for i in range(dialog.findChild(QListWidget).count())]
        assert expected_fingerprint["bureau"] in lines[0]  # compared by phone with what the bureau was shown
        assert any("wanzhou_approver" in line for line in lines) and any("wanzhou" in line for line in lines)
        confirm(dialog)

    return answer


def submit_with(approver_password: str, head: str, phone: str):
    def answer(dialog):
        assert dialog.ok.isEnabled(), [dialog.findChild(QListWidget).item(i).text() for i in range(dialog.findChild(QListWidget).count())]
        dialog._fields["head"].setText(head)
        dialog._fields["phone"].selectAll()  # over the number remembered from the last sign-off, as a person types
        QTest.keyClicks(dialog._fields["phone"], phone)
        dialog._approver.setCurrentIndex(dialog._approver.findText("李四"))
        QTest.keyClicks(dialog._password, approver_password)
        confirm(dialog)

    return answer


# --- the installations ---------------------------------------------------------------------------------
class Installation:
    """One PC: its database and settings. Each `start` is the program started anew, as its user does."""

    def __init__(self, qapp, folder, name):
        self.qapp, self.db = qapp, folder / f"{name}.sqlite3"
        self.settings_file = folder / f"{name}.ini"
        self.gui = None

    def start(self, modals: Modals, *answers):
        """Starts the program: login (or the first run), then the main window. Returns the user."""
        from desktop.ui.app import GuiApp
        from desktop.ui.settings import Settings

        self.stop()
        args = argparse.Namespace(db=str(self.db), lang="zh", lang_given=True, startup_benchmark=None)
        settings = Settings(QSettings(str(self.settings_file), QSettings.Format.IniFormat))
        self.gui = gui = GuiApp(args, self.qapp, settings)

        def launch():
            user = gui.login()
            if user == "first-run":
                user = gui.first_run()
            if user is not None:
                gui.show_main(user)
            return user

        return modals.run(launch, *answers)

    @property
    def window(self):
        return self.gui.window

    @property
    def ctx(self):
        return self.gui.context()

    def stop(self) -> None:
        from desktop.ui import i18n

        if self.gui is None:
            return
        if self.gui.window is not None:
            self.gui.window.close()
            self.gui.window.deleteLater()
        i18n.remove(self.qapp, self.gui.translators)
        if self.gui.ctx is not None:
            self.gui.ctx.store.db.dispose()
        self.gui = None


def trigger(window, text: str) -> None:
    """A menu entry, found by the text the user reads."""
    for action in window.findChildren(type(window.menuBar().actions()[0])):
        if action.text().replace("&", "") == text:
            action.trigger()
            return
    raise AssertionError(f"no menu entry {text!r}")


def paste_column(qtbot, window, figures: dict) -> None:
    """The clerk copies a column of figures from their own spreadsheet and pastes it at the first row."""
    lines = []
    for row in range(window.proxy.rowCount()):
        code = window.proxy.index(row, VALUE).data(CODE_ROLE)
        value = figures.get(code)
        lines.append("" if value is None else str(value))
    QGuiApplication.clipboard().setText("\n".join(lines) + "\n")
    window.grid.setCurrentIndex(window.proxy.index(0, VALUE))
    window.grid.setFocus()
    QTest.keySequence(window.grid, QKeySequence.StandardKey.Paste)


def explain_every_warning(window, text: str) -> int:
    """Through the checks panel: each warning that blocks sign-off gets the district's explanation."""
    panel, explained = window.checks, 0
    for result in [r for r in window.controller.report.checks if r.blocking and r.severity == "warning"]:
        panel._select_code(result.codes[0])
        assert panel.editor.isEnabled(), result.rule
        panel.editor.setPlainText(text)  # what an input method commits
        QTest.mouseClick(panel.save, Qt.MouseButton.LeftButton)
        explained += 1
    return explained


@pytest.fixture
def demo_figures(demo_db):
    """What 万州区 writes in its own spreadsheet: the demo's figures of a half, used as realistic numbers."""
    from desktop.context import open_context

    ctx = open_context(str(demo_db))
    unit = ctx.units.find("500101")
    figures = ctx.store.unit_half(unit, Semester(2024, 1)).raw
    ctx.store.db.dispose()
    return figures


@pytest.fixture
def installations(qapp, tmp_path, monkeypatch):
    """The bureau's PC and 万州区's; whatever happens, both are closed after (translators removed, files shut)."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    made = Installation(qapp, tmp_path, "bureau"), Installation(qapp, tmp_path, "wanzhou")
    yield made
    for installation in made:
        installation.stop()


def test_from_two_empty_databases_to_the_city_workbook(installations, qtbot, tmp_path, demo_figures):
    from python_calamine import CalamineWorkbook

    modals, got = Modals(), {}
    bureau, district = installations
    package, public_key = tmp_path / "万州区.ecopkg", tmp_path / "500101.pub"
    deadline = HALF.end + timedelta(days=20)

    # 1. The bureau: first run, reviewer, district accounts, targets and deadline, the district's package.
    admin = bureau.start(
        modals, wait(), first_run(BUREAU_ADMIN, "500000"),
        press("用户管理…"), press("新建…"), new_user("reviewer", "李审核", "reviewer", "500000", REVIEWER), close(),
        press("区县账户…"), press("准备账户…"), district_account("wanzhou", "张三", "clerk"), remember_one_time(got, "wanzhou"),
        press("准备账户…"), district_account("wanzhou_approver", "李四", "approver"), remember_one_time(got, "wanzhou_approver"),
        close(),
        press("目标与截止日期…"), choose_half_then_add,
        target("air.pm25", "all", "<=", "40", "国家考核目标"), press("新增或修改…"),
        target("water.excellent_ratio", "districts", ">=", "90", "市级目标"), set_deadline_and_close(deadline),
        press("区县账户…"), select_first_account_and_export, choose_file(package),
        remember_text(got, "package", "市局公钥指纹"), close(),
        close(),  # 暂时完成: the checklist's steps are done
    )  # fmt: skip
    assert admin.role == "admin" and package.exists()
    got["bureau"] = got["package"].rsplit("：", 1)[-1].strip()
    ctx = bureau.ctx
    assert ctx.users.find("reviewer").role == "reviewer"
    assert {t.code for t in ctx.resources.targets.by_semester[HALF]} == {"air.pm25", "water.excellent_ratio"}
    assert not any(t.sample for t in ctx.resources.targets.by_semester[HALF])
    assert ctx.resources.targets.deadlines[HALF] == deadline
    bureau.stop()

    # 2. 万州区: first run imports the package, which brings the clerk's and the approver's accounts.
    district.start(modals, wait(), first_run(DISTRICT_ADMIN, "500101"),
                   press("导入…"), choose_file(package), check_package_then_import(got),
                   ok("已创建账户"), close())  # fmt: skip
    assert {t.code for t in district.ctx.resources.targets.by_semester[HALF]} == {"air.pm25", "water.excellent_ratio"}
    assert district.ctx.users.find("wanzhou").must_change_password

    # 3. The approver logs in once, sets a password, and saves the unit's public key for the bureau.
    district.start(modals, log_in("wanzhou_approver", got["wanzhou_approver"]), set_own_password(APPROVER))
    assert district.window.controller.semester == HALF  # an empty installation opens on the half being reported
    modals.run(lambda: trigger(district.window, "导出本单位公钥…"), choose_file(public_key),
               type_text("李四"), type_text(APPROVER), remember_text(got, "key", "指纹"))  # fmt: skip
    got["district"] = got["key"].rsplit("：", 1)[-1].strip()
    assert public_key.exists()

    # 4. The clerk logs in once, sets a password, pastes the half's figures, explains, submits version 1.
    district.start(modals, log_in("wanzhou", got["wanzhou"]), set_own_password(CLERK))
    window = district.window
    paste_column(qtbot, window, demo_figures)
    unit = district.ctx.units.find("500101")
    stored = district.ctx.store.unit_half(unit, HALF).raw
    assert stored == demo_figures  # every pasted figure, exactly as it was in the spreadsheet
    type_value(qtbot, window, "air.pm25", "41.5")  # above the target: a warning that needs a 说明
    assert district.ctx.store.unit_half(unit, HALF).raw["air.pm25"] == Decimal("41.5")
    assert explain_every_warning(window, "受区域传输影响，已与监测站核实") >= 1
    first = tmp_path / "万州区_v1.xlsx"
    modals.run(window.sign_off.submit, submit_with(APPROVER, "王局长", "023-58123456"), ok("1"), choose_file(first))
    assert district.ctx.store.status(unit, HALF) == "submitted" and first.exists()
    cover = {r[0]: r[1] for r in CalamineWorkbook.from_path(str(first)).get_sheet_by_name("封面").to_python() if r and r[0]}
    assert (cover["填表人"], cover["签署审核人（系统）"], cover["单位负责人"]) == ("张三", "李四", "王局长")  # names, not login IDs

    # 5. The reviewer registers the district's key, imports the workbook, queries and returns the half.
    bureau.start(modals, log_in("reviewer", REVIEWER))
    reviewer = bureau.window
    assert reviewer.controller.semester == HALF
    modals.run(lambda: trigger(reviewer, "登记区县公钥…"), choose_file(public_key), yes(got["district"]))
    modals.run(reviewer.inbox.import_button.click, choose_file(first))
    rows = {r.unit.code: r for r in reviewer.inbox.model.rows()}
    assert rows["500101"].status == "submitted" and rows["500101"].version == 1, reviewer.inbox.results.item(0).text()
    index = reviewer.inbox.proxy.mapFromSource(reviewer.inbox.model.index(list(rows).index("500101"), 0))  # as shown
    where = reviewer.inbox.table.visualRect(index).center()
    QTest.mouseClick(reviewer.inbox.table.viewport(), Qt.MouseButton.LeftButton, pos=where)  # a double click starts with a press
    QTest.mouseDClick(reviewer.inbox.table.viewport(), Qt.MouseButton.LeftButton, pos=where)
    page = reviewer.review
    assert reviewer.tabs.currentWidget() is page and "万州区" in page.title.text()
    page.select_code("air.pm25")
    modals.run(page.query_button.click, type_text("PM2.5高于目标，请核实监测数据"))
    modals.run(page.return_button.click, type_text("请核实PM2.5并补充说明"), ok("请导出审核意见"))  # and what comes next
    assert "已退回" in page.title.text()
    review_file = tmp_path / "万州区_审核意见.xlsx"
    offered = []

    def note_name(chooser):  # the name offered: this version and decision, so a later round's file is another file
        offered.append(chooser.findChild(QLineEdit, "fileNameEdit").text())
        choose_file(review_file)(chooser)

    modals.run(page.export_button.click, note_name)
    assert offered == [f"万州区_{HALF}_审核意见_第1版_已退回.xlsx"]

    # 6. The clerk imports the review, answers the query, corrects the value and submits version 2.
    district.start(modals, log_in("wanzhou", CLERK))
    window = district.window
    # At once: the decision, its reason and the query waiting, then the reason stays above the grid.
    notes = []

    def read_notes(dialog):  # the import's notes: one line each
        notes.extend(dialog.list.item(i).text() for i in range(dialog.list.count()))
        dialog.reject()

    modals.run(lambda: trigger(window, "导入市局审核意见…"), choose_file(review_file), read_notes)
    assert "已退回" in notes[0] and "原因：请核实PM2.5并补充说明" in notes[0] and "有1个问题待答复" in notes[0], notes
    assert "已退回（李审核）" in notes[0]  # the reviewer by name: this installation knows no bureau users
    assert district.ctx.store.status(unit, HALF) == "returned"
    assert window.decision_banner.isVisible() and "请核实PM2.5并补充说明" in window.decision_banner.text()
    assert window.side.currentWidget() is window.queries  # the queries waiting, with room to read and answer
    assert window.splitter.sizes()[1] >= 0.4 * sum(window.splitter.sizes())
    returned = [e for e in district.ctx.store.audit_entries(unit) if e.action == "status.return"][-1]
    assert returned.user == "reviewer" and returned.imported_by == "wanzhou"  # the bureau's act, brought in by the clerk
    queries = window.queries
    assert queries.model.rowCount() == 1
    queries.table.selectRow(0)
    assert "李审核" in queries.thread.toPlainText() and "reviewer" not in queries.thread.toPlainText()
    queries.answer.setPlainText("已核实，监测数据录入有误，更正为38.2")
    QTest.mouseClick(queries.reply_button, Qt.MouseButton.LeftButton)
    type_value(qtbot, window, "air.pm25", "38.2")
    second = tmp_path / "万州区_v2.xlsx"
    modals.run(window.sign_off.submit, submit_with(APPROVER, "王局长", "023-58123456"), ok("2"), choose_file(second))
    assert district.ctx.submissions.sign_off_of(unit, HALF).version == 2
    assert not window.decision_banner.isVisible()  # sent again: the return is behind it

    # 7. The reviewer imports version 2, sees what changed and the answer, resolves, accepts, consolidates.
    bureau.start(modals, log_in("reviewer", REVIEWER))
    reviewer = bureau.window
    modals.run(reviewer.inbox.import_button.click, choose_file(second))
    reviewer.open_unit("500101")
    page = reviewer.review
    changed = {r.code: r for r in page.model.rows() if r.changed}
    assert set(changed) >= {"air.pm25"} and changed["air.pm25"].previous_version == "41.5" and changed["air.pm25"].value == "38.2"
    page.queries.table.selectRow(0)
    assert "更正为38.2" in page.queries.thread.toPlainText()
    assert "张三（区县）" in page.queries.thread.toPlainText()  # the district's clerk by name, as the bureau knows no wanzhou
    QTest.mouseClick(page.queries.resolve_button, Qt.MouseButton.LeftButton)
    modals.run(lambda: QTest.mouseClick(page.accept_button, Qt.MouseButton.LeftButton),
               click(lambda dialog: dialog.ok_button))  # the confirmation names 万州区; no comment
    assert bureau.ctx.store.status(unit, HALF) == "accepted"
    reviewer.tabs.setCurrentWidget(reviewer.dashboard)
    assert "38个区县中已审核通过1个" in reviewer.dashboard.coverage.text()
    city = tmp_path / "全市汇总.xlsx"
    modals.run(lambda: trigger(reviewer, "保存全市汇总表…"), choose_file(city), ok("38个区县中已审核通过1个"))
    book = CalamineWorkbook.from_path(str(city))
    text = "\n".join(str(v) for sheet in book.sheet_names for r in book.get_sheet_by_name(sheet).to_python() for v in r)
    assert "38个区县中已审核通过1个" in text and "38.2" in text and "41.5" not in text
    bureau.stop()
    district.stop()
    assert not [t for t, _ in modals.seen if t == ""], modals.seen  # every dialog had a title
    QApplication.clipboard().clear()


def test_the_modal_driver_fails_on_an_unexpected_dialog(qapp):
    """The driver itself: a dialog nobody expected is closed and reported, not left to hang the run."""
    from PySide6.QtWidgets import QMessageBox

    modals = Modals()
    with pytest.raises(AssertionError, match="unexpected dialog"):
        modals.run(lambda: QMessageBox.information(None, "EcoReport", "surprise"))
    with pytest.raises(AssertionError, match="expected but not opened"):
        modals.run(lambda: None, ok())


def test_a_districts_computer_serves_that_district_whoever_logs_in(installations):
    """The unit chosen at first start is the database's: the administrator's unit box holds 万州区 alone and a value
    for 渝中区 is refused by the store, not only by the window."""
    from desktop.core.text import UserError

    modals = Modals()
    _, district = installations
    district.start(modals, wait(), first_run(DISTRICT_ADMIN, "500101"), close())
    served = district.ctx.served_unit.get()
    assert served is not None and served.code == "500101"
    box = district.window.unit_box
    assert [box.itemData(i) for i in range(box.count())] == ["500101"] and not box.isEnabled()
    with pytest.raises(UserError) as refused:
        district.ctx.store.set_values("admin", district.ctx.units.get("500103"), HALF, {"air.pm25": "30"})
    assert "本机是万州区的填报机" in refused.value.text.zh
    assert not district.window.district_accounts_action.isVisible()  # the bureau's to prepare
    offered = {}

    def read_choices_then_type(dialog):  # a new account: 万州区's (chosen already), and no reviewer
        offered["units"] = [dialog.unit.itemData(i) for i in range(dialog.unit.count())]
        offered["roles"] = [dialog.role.itemData(i) for i in range(dialog.role.count())]
        offered["chosen"] = dialog.unit.currentData()
        QTest.keyClicks(dialog.name, "wz2")
        QTest.keyClicks(dialog.password, "short")
        confirm(dialog)

    def still_filled(dialog):  # after the reason, the form again as it was typed
        offered["again"] = (dialog.name.text(), dialog.password.text())
        dialog.reject()

    modals.run(lambda: trigger(district.window, "用户管理…"), press("新建…"), read_choices_then_type, ok("密码至少8个字符"),
               still_filled, close())  # fmt: skip
    assert offered == {"units": [None, "500101"], "roles": ["clerk", "approver", "admin"], "chosen": "500101",
                       "again": ("wz2", "short")}  # fmt: skip
    modals.run(lambda: trigger(district.window, "本机所属单位…"), close())  # shown, not offered for change
    assert district.ctx.served_unit.get().code == "500101"


def test_a_database_from_before_names_its_unit_from_the_administration_menu(installations, tmp_path):
    """A database made before the unit was kept in it (or by `init` without --unit): its administrator sees every
    unit, and a reminder, until naming the one this computer serves, once and after saying yes."""
    from conftest import ecoreport

    modals = Modals()
    _, district = installations
    ecoreport(district.db, "init", password=DISTRICT_ADMIN)
    ecoreport(district.db, "user", "add", "r1", "--role", "reviewer", password=DISTRICT_ADMIN, new="reviewer-pw-1")
    district.start(modals, log_in("admin", DISTRICT_ADMIN))
    window = district.window
    assert window.unit_box.count() == len(district.ctx.units) and district.ctx.served_unit.get() is None
    assert window.unnamed_note.isVisible() and "本机尚未设定所属单位" in window.unnamed_note.text()
    offered = []

    def choose(dialog):
        offered.append(dialog._unit.currentData())  # nothing chosen for the administrator
        assert dialog._unit.itemText(dialog._unit.findData("500000")) == "500000 重庆市（市局）"
        dialog._unit.setCurrentIndex(dialog._unit.findData("500101"))
        confirm(dialog)

    def no(box):
        box.button(box.StandardButton.No).click()

    # Refused before anyone is asked to confirm, in a dialog: a reviewer has no place on a district's computer.
    modals.run(lambda: trigger(window, "本机所属单位…"), choose, ok("此数据库中有不属于万州区的账户（r1）"))
    assert district.ctx.served_unit.get() is None
    ecoreport(district.db, "user", "disable", "r1", password=DISTRICT_ADMIN)
    modals.run(lambda: trigger(window, "本机所属单位…"), choose, no)  # asked first, and the answer is no: nothing set
    assert district.ctx.served_unit.get() is None
    modals.run(lambda: trigger(window, "本机所属单位…"), choose, yes("500101 万州区？设定后不能更改"))
    assert offered == [None, None, None] and district.ctx.served_unit.get().code == "500101"
    box = window.unit_box
    assert [box.itemData(i) for i in range(box.count())] == ["500101"]
    assert "万州区" in window.status_unit.text() and not window.unnamed_note.isVisible()
    assert not window.district_accounts_action.isVisible()  # the bureau's to prepare
